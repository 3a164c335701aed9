import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Tx } from '../db/client.js';
import { KEY_PREFIX, consume, keyPart, randomKeyPart, type FileStorage, type StagedContent } from './file-storage.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const swept = new Set<string>();

/**
 * Content as files under <dataDir>/files/<organisation id>/<random key>. An upload is written to
 * <dataDir>/files/.tmp first and renamed into place inside the request's transaction; when the
 * transaction does not commit, finish(false) removes it again. A crash mid-upload leaves at most a
 * temporary file, which is swept away later; never a row without its file.
 */
export class DirectoryFileStorage implements FileStorage {
  readonly kind = 'directory' as const;
  readonly root: string;
  private readonly tmp: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, 'files');
    this.tmp = path.join(this.root, '.tmp');
  }

  private pathOf(organisationId: string, key: string): string | null {
    const part = keyPart('directory', key);
    if (!part || !UUID.test(organisationId)) return null;
    return path.join(this.root, organisationId.toLowerCase(), part);
  }

  async stage(source: Readable | Buffer, maxBytes: number): Promise<StagedContent> {
    await fs.promises.mkdir(this.tmp, { recursive: true });
    if (!swept.has(this.root)) {
      swept.add(this.root);
      void this.sweepTemporary().catch(() => {});
    }
    const part = randomKeyPart();
    const tmpPath = path.join(this.tmp, `${part}.part`);
    const fh = await fs.promises.open(tmpPath, 'wx', 0o600);
    let result: { sha256: string; sizeBytes: number };
    try {
      result = await consume(source, maxBytes, async (chunk) => {
        await fh.write(chunk);
      });
      await fh.sync();
    } catch (err) {
      await fh.close().catch(() => {});
      await fs.promises.rm(tmpPath, { force: true });
      throw err;
    }
    await fh.close();
    const pathOf = this.pathOf.bind(this);
    let stored: string | null = null;
    return {
      ...result,
      async store(_tx, organisationId) {
        const key = KEY_PREFIX.directory + part;
        const target = pathOf(organisationId, key);
        if (!target) throw new Error('invalid organisation id for file storage');
        await fs.promises.mkdir(path.dirname(target), { recursive: true });
        await fs.promises.rename(tmpPath, target);
        stored = target;
        return key;
      },
      async finish(committed) {
        await fs.promises.rm(tmpPath, { force: true });
        if (!committed && stored) await fs.promises.rm(stored, { force: true });
        stored = null;
      },
    };
  }

  async read(_tx: Tx, organisationId: string, key: string) {
    const file = this.pathOf(organisationId, key);
    if (!file) return null;
    try {
      const fh = await fs.promises.open(file, 'r');
      return fh.createReadStream();
    } catch (err: any) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  }

  async remove(_tx: Tx, organisationId: string, key: string) {
    const file = this.pathOf(organisationId, key);
    return async () => {
      if (file) await fs.promises.rm(file, { force: true });
    };
  }

  /** Removes temporary files older than an hour: left over from a crash mid-upload. */
  async sweepTemporary(maxAgeMs = 3600_000) {
    const names = await fs.promises.readdir(this.tmp).catch(() => [] as string[]);
    const now = Date.now();
    for (const name of names) {
      const p = path.join(this.tmp, name);
      const st = await fs.promises.stat(p).catch(() => null);
      if (st && now - st.mtimeMs > maxAgeMs) await fs.promises.rm(p, { force: true });
    }
  }
}
