import crypto from 'node:crypto';
import pg from 'pg';
import { migrate, openDatabase, type Database } from '../../src/server/core/db/client.js';

/** Which engine the integration tests run on: PGlite (default) or the PostgreSQL server at TEST_DATABASE_URL. */
export const ENGINE: 'pglite' | 'postgresql' = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite';

/**
 * A fresh, migrated database for one test file: an in-memory PGlite, or a new database on the
 * PostgreSQL test server (dropped again by the returned cleanup).
 */
export async function freshDatabase(): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ statementTimeoutMs: 10_000 });
    await migrate(database);
    return { database, drop: () => database.close() };
  }
  const name = `wb_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.href, statementTimeoutMs: 10_000, poolSize: 5 });
  await migrate(database);
  return {
    database,
    url: url.href,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}
