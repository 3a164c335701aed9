import crypto from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Tx } from '../db/client.js';
import { HttpProblem, badRequest } from '../http/problem.js';

/**
 * The file storage port: where the content of uploaded evidence lives. Two implementations —
 * a folder under the data directory, or the database table file_blobs — chosen with FILE_STORAGE.
 *
 * An upload takes two steps so that no transaction stays open while a client is still sending:
 *   1. stage(): outside any transaction, stream the content in while hashing and counting
 *      (too large → 413, empty → 400, nothing left behind);
 *   2. staged.store(tx, organisationId): inside the request's transaction, keep it under a fresh
 *      random key; afterwards staged.finish(committed) tidies up (and undoes the store when the
 *      transaction did not commit).
 * Keys carry their implementation ("file:" or "db:"), so content stays readable after switching.
 */
export interface FileStorage {
  readonly kind: 'directory' | 'database';
  stage(source: Readable | Buffer, maxBytes: number): Promise<StagedContent>;
  /** The content, or null when it is not there. */
  read(tx: Tx, organisationId: string, key: string): Promise<Readable | Buffer | null>;
  /** Removes the content; the returned function must run after the transaction committed. */
  remove(tx: Tx, organisationId: string, key: string): Promise<AfterCommit>;
}

export type AfterCommit = () => Promise<void>;

export interface StagedContent {
  sha256: string;
  sizeBytes: number;
  /** Stores the content under a new key within the transaction; returns the key. */
  store(tx: Tx, organisationId: string): Promise<string>;
  /** Call once the transaction is over: committed=false removes everything this upload left behind. */
  finish(committed: boolean): Promise<void>;
}

export const KEY_PREFIX = { directory: 'file:', database: 'db:' } as const;

/** A fresh random key: 128 bits, hex. */
export const randomKeyPart = () => crypto.randomBytes(16).toString('hex');

/** The random part of a key of this kind, or null when the key is not one of ours (never a path). */
export function keyPart(kind: FileStorage['kind'], key: string): string | null {
  const prefix = KEY_PREFIX[kind];
  if (!key.startsWith(prefix)) return null;
  const part = key.slice(prefix.length);
  return /^[0-9a-f]{32}$/.test(part) ? part : null;
}

export const tooLarge = (maxBytes: number) =>
  new HttpProblem(413, 'Te groot', `Het bestand is groter dan de toegestane ${formatMb(maxBytes)} MB. Er is niets opgeslagen.`);
export const emptyFile = () => badRequest('Het bestand is leeg.', [{ path: 'body.file', message: 'leeg bestand' }]);

const formatMb = (bytes: number) => String(Math.round((bytes / (1024 * 1024)) * 100) / 100);

/** Reads a stream chunk by chunk, hashing and counting; throws 413 past maxBytes (after the stream ends, so the request is consumed). */
export async function consume(source: Readable | Buffer, maxBytes: number, sink: (chunk: Buffer) => Promise<void> | void) {
  const hash = crypto.createHash('sha256');
  let size = 0;
  let over = false;
  const chunks: Iterable<Buffer> | AsyncIterable<Buffer> = Buffer.isBuffer(source) ? [source] : (source as AsyncIterable<Buffer>);
  for await (const raw of chunks) {
    const chunk = Buffer.isBuffer(raw) ? raw : Buffer.from(raw);
    size += chunk.length;
    if (size > maxBytes) over = true;
    if (over) continue;
    hash.update(chunk);
    await sink(chunk);
  }
  if (over) throw tooLarge(maxBytes);
  if (size === 0) throw emptyFile();
  return { sha256: hash.digest('hex'), sizeBytes: size };
}
