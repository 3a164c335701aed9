import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle. Repositories take this (never a global handle: see ADR 0006). */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type Executor = Db | Tx;

export interface Database {
  engine: 'pglite' | 'postgresql';
  db: Db;
  /** Raw SQL for adapters (pg-boss): parameters as $1..$n, multi-statement allowed without params. */
  executeSql(text: string, params?: unknown[]): Promise<{ rows: any[] }>;
  /** A named prepared statement on PostgreSQL (planned once per connection); a plain query on PGlite. For hot paths. */
  queryPrepared<T = any>(name: string, text: string, params: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const APP_ROLE = 'weerbaar_app';
const here = path.dirname(fileURLToPath(import.meta.url));
export const MIGRATIONS_FOLDER = path.resolve(here, '../../../../drizzle');

export interface OpenOptions {
  /** postgres:// URL; when absent, embedded PGlite in dataDir (or in memory when dataDir is undefined). */
  databaseUrl?: string;
  dataDir?: string;
  /** statement timeout in ms (tests: make the deadlock trap fail fast) */
  statementTimeoutMs?: number;
  poolSize?: number;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts);
  return openPglite(opts.dataDir, opts);
}

async function openPostgres(url: string, opts: OpenOptions): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new pg.Pool({
    Client: preparingClient(pg.Client),
    connectionString: url,
    max: opts.poolSize ?? 10,
    statement_timeout: opts.statementTimeoutMs,
  });
  pool.on('error', () => {
    /* idle client errors are reported on the next query */
  });
  const db = drizzle(pool, { schema }) as unknown as Db;
  return {
    engine: 'postgresql',
    db,
    async executeSql(text, params) {
      const r = await pool.query(text, params as any[]);
      return { rows: Array.isArray(r) ? (r.at(-1)?.rows ?? []) : r.rows };
    },
    async queryPrepared(name, text, params) {
      return (await pool.query({ name, text, values: params as any[] })).rows;
    },
    async close() {
      await pool.end();
    },
  };
}

/** Named statements a connection keeps at most; past that, new texts run unnamed (nothing is ever evicted). */
export const PREPARED_PER_CONNECTION = 500;

/**
 * A pg Client that turns every parameterised statement into a named prepared statement (name = hash of the
 * text), so a connection parses and plans each statement once and PostgreSQL can switch to a generic plan:
 * planning a list query with its row-level-security policies costs more than executing it. Statements that
 * name themselves, simple-protocol text without parameters, and texts past the per-connection cap are left
 * alone. See ADR 0019.
 */
function preparingClient(Base: typeof import('pg').Client): typeof import('pg').Client {
  const textOf = (config: unknown) => (typeof config === 'string' ? config : typeof (config as { text?: unknown })?.text === 'string' ? (config as { text: string }).text : null);
  const isBegin = (text: string | null) => text !== null && /^\s*begin\s*;?\s*$/i.test(text);
  const BEGUN = { command: 'BEGIN', rowCount: null, rows: [], fields: [] };
  return class PreparingClient extends Base {
    #named = 0;
    /** a BEGIN not sent yet: it travels with the next statement (one round trip less per transaction) */
    #pendingBegin = false;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    override query(config: any, values?: any, callback?: any): any {
      const text = textOf(config);
      const params = Array.isArray(values) ? values : config?.values;
      const promised = typeof values !== 'function' && typeof callback !== 'function' && !config?.submit;
      if (promised && isBegin(text) && !this.#pendingBegin) {
        this.#pendingBegin = true;
        return Promise.resolve(BEGUN);
      }
      if (this.#pendingBegin) {
        this.#pendingBegin = false;
        if (promised && text !== null && !(Array.isArray(params) && params.length > 0) && !config?.rowMode) {
          // simple protocol: "begin; <statement>" is one message; its answer is one result per statement
          const merged = typeof config === 'string' ? `begin; ${config}` : { ...config, text: `begin; ${text}` };
          return super.query(merged).then((r: unknown) => (Array.isArray(r) ? r[r.length - 1] : r));
        }
        return super.query('begin').then(() => this.query(config, values, callback));
      }
      // drizzle passes the parameters as the second argument, pool.query({ text, values }) in the config
      if (config && typeof config === 'object' && typeof config.text === 'string' && !config.name && !config.submit && Array.isArray(params) && params.length > 0) {
        const name = `w_${crypto.createHash('sha1').update(config.text).digest('base64url')}`;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const parsed = (this as any).connection?.parsedStatements as Record<string, string> | undefined;
        if (parsed?.[name] !== undefined || this.#named < PREPARED_PER_CONNECTION) {
          if (parsed?.[name] === undefined) this.#named++;
          return super.query({ ...config, name }, values, callback);
        }
      }
      return super.query(config, values, callback);
    }
  } as unknown as typeof import('pg').Client;
}

async function openPglite(dataDir: string | undefined, opts: OpenOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = acquireLock(dataDir);
  }
  let client: InstanceType<typeof PGlite>;
  try {
    client = await PGlite.create(dataDir ? path.join(dataDir, 'pg') : undefined);
    if (opts.statementTimeoutMs) await client.exec(`SET statement_timeout = ${Number(opts.statementTimeoutMs)}`);
  } catch (err) {
    release();
    throw err;
  }
  const db = drizzle(client, { schema }) as unknown as Db;
  let closed = false;
  return {
    engine: 'pglite',
    db,
    async executeSql(text, params) {
      if (params && params.length > 0) return client.query(text, params as any[]);
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
    async queryPrepared(_name, text, params) {
      return (await client.query(text, params as any[])).rows as any[];
    },
    async close() {
      if (closed) return;
      closed = true;
      await client.close();
      release();
    },
  };
}

/**
 * PGlite has no data-directory lock: two processes on one directory corrupt it.
 * We keep our own pid lock file and refuse a second process.
 */
function acquireLock(dataDir: string): () => void {
  const lockPath = path.join(dataDir, 'weerbaar.lock');
  try {
    fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
  } catch (err: any) {
    if (err.code !== 'EEXIST') throw err;
    const pid = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `De database in ${dataDir} is in gebruik door proces ${pid}. Stop dat proces eerst (één proces per PGlite-map).`,
      );
    }
    fs.writeFileSync(lockPath, String(process.pid));
  }
  return () => {
    try {
      if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err: any) {
    return err.code === 'EPERM';
  }
}

export async function migrate(database: Database): Promise<void> {
  if (database.engine === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(database.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
  // Several server/worker processes may start at once: serialise with an advisory lock.
  await database.executeSql('SELECT pg_advisory_lock(774411)');
  try {
    await run(database.db as any, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await database.executeSql('SELECT pg_advisory_unlock(774411)');
  }
}

export interface TenantContext {
  organisationId: string;
  userId: string | null;
}

/**
 * Runs fn in a transaction as the RLS-bound role with the organisation set (transaction-local).
 * Everything an organisation-scoped request reads or writes goes through here.
 */
export async function tenantTx<T>(database: Database, ctx: TenantContext, fn: (tx: Tx) => Promise<T>): Promise<T> {
  // Literals, not parameters: a statement without parameters goes over the simple protocol, and the
  // PostgreSQL client sends the transaction's BEGIN in the same round trip (see preparingClient). The
  // ids are uuids from our own tables; anything else is refused here, so the literals cannot be bent.
  const organisationId = uuidLiteral(ctx.organisationId);
  const userId = ctx.userId == null ? "''" : uuidLiteral(ctx.userId);
  return database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`select set_config('role', '${APP_ROLE}', true), set_config('app.org_id', ${organisationId}, true), set_config('app.user_id', ${userId}, true)`));
    return fn(tx);
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function uuidLiteral(id: string): string {
  if (!UUID.test(id)) throw new Error('tenantTx: not a uuid');
  return `'${id}'`;
}

/** Installation-level transaction (authentication, installation administration). Runs as the owner. */
export function systemTx<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(fn);
}
