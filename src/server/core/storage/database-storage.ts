import type { Readable } from 'node:stream';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db/client.js';
import { fileBlobs } from '../db/schema.js';
import { KEY_PREFIX, consume, keyPart, randomKeyPart, type FileStorage, type StagedContent } from './file-storage.js';

/**
 * Content in the table file_blobs, per organisation (row-level security), written in the request's
 * transaction: the blob and the evidence row commit or roll back together.
 */
export class DatabaseFileStorage implements FileStorage {
  readonly kind = 'database' as const;

  async stage(source: Readable | Buffer, maxBytes: number): Promise<StagedContent> {
    let chunks: Buffer[] = [];
    const { sha256, sizeBytes } = await consume(source, maxBytes, (chunk) => void chunks.push(chunk));
    let content: Buffer | null = Buffer.concat(chunks, sizeBytes);
    chunks = [];
    return {
      sha256,
      sizeBytes,
      async store(tx, organisationId) {
        if (!content) throw new Error('staged content already finished');
        const key = KEY_PREFIX.database + randomKeyPart();
        await tx.insert(fileBlobs).values({ organisationId, key, content });
        return key;
      },
      async finish() {
        content = null;
      },
    };
  }

  async read(tx: Tx, organisationId: string, key: string) {
    if (!keyPart('database', key)) return null;
    const [row] = await tx
      .select({ content: fileBlobs.content })
      .from(fileBlobs)
      .where(and(eq(fileBlobs.organisationId, organisationId), eq(fileBlobs.key, key)));
    return row?.content ?? null;
  }

  async remove(tx: Tx, organisationId: string, key: string) {
    await tx.delete(fileBlobs).where(and(eq(fileBlobs.organisationId, organisationId), eq(fileBlobs.key, key)));
    return async () => {};
  }
}
