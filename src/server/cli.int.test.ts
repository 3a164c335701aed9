import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from './core/db/client.js';
import { loadDemo } from './demo/seed.js';
import { rowsOf } from './core/db/rows.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN_PASSWORD = 'een lang en sterk wachtwoord';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

let dataDir: string;
let userCount = 0;

/** Runs the CLI as a user would, in its own process, on the PGlite folder of this test (or env overrides). */
function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Run> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete childEnv.DATABASE_URL;
  delete childEnv.TEST_DATABASE_URL;
  delete childEnv.WEERBAAR_ADMIN_PASSWORD;
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete childEnv[k];
    else childEnv[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'src/server/cli.ts', ...args], { cwd: ROOT, env: childEnv, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Opens the PGlite folder directly (the CLI has exited, so the lock is free). */
async function withFolder<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir });
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-cli-'));
  // Organisations, memberships and several audit chains, so the export carries real tenant data.
  await withFolder(async (database) => {
    await migrate(database);
    await loadDemo(database);
    userCount = rowsOf<{ n: number }>(await database.db.execute(sql`select count(*)::int as n from users`))[0].n;
  });
});

afterAll(() => {
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('cli', () => {
  it('explains its usage and exits 2 on a usage error', async () => {
    const none = await cli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('admin:create');
    const unknown = await cli(['admin:create', '--emial', 'x@example.org']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Onbekende optie --emial');
    const noPassword = await cli(['admin:create', '--email', 'x@example.org', '--name', 'X']);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('WEERBAAR_ADMIN_PASSWORD');
  });

  it('admin:create makes an installation administrator once per e-mail address', async () => {
    const first = await cli(['admin:create', '--email', 'Beheer@Example.org', '--name', 'Beheerder CLI'], { WEERBAAR_ADMIN_PASSWORD: ADMIN_PASSWORD });
    expect(first.stderr.replace(/^npm warn.*\n/gm, '')).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('beheer@example.org');
    userCount++;

    const again = await cli(['admin:create', '--email', 'beheer@example.org', '--name', 'Nog een', '--password', ADMIN_PASSWORD]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('bestaat al');

    const weak = await cli(['admin:create', '--email', 'zwak@example.org', '--name', 'Zwak', '--password', 'kort']);
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('minstens 12 tekens');

    const rows = await withFolder(async (database) =>
      rowsOf<{ email: string; admin: boolean; hash: string; actor: string; entity: string }>(
        await database.db.execute(sql`
          select u.email, u.is_installation_admin as admin, u.password_hash as hash, e.actor_label as actor, e.entity_type as entity
          from users u join audit_events e on e.entity_id = u.id::text and e.chain = 'installation'
          where u.email like 'beheer@%' or u.email like 'zwak@%'`),
      ),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: 'beheer@example.org', admin: true, actor: 'cli', entity: 'user' });
    expect(rows[0].hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses to open a PGlite folder that another process uses', async () => {
    const lock = path.join(dataDir, 'weerbaar.lock');
    fs.writeFileSync(lock, String(process.pid)); // this test process is alive: as if the server ran
    try {
      const r = await cli(['audit:verify']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`in gebruik door proces ${process.pid}`);
      expect(r.stderr).toContain('Stop die eerst');
    } finally {
      fs.rmSync(lock, { force: true });
    }
  });

  it('db:migrate reports the engine', async () => {
    const r = await cli(['db:migrate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`PGlite in ${dataDir}`);
  });

  it('audit:verify checks every chain, or one organisation', async () => {
    const all = await cli(['audit:verify']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/installatie\s+OK \(\d+ gebeurtenis/);
    expect(all.stdout).toMatch(/zuidhaven\s+OK \(\d+ gebeurtenissen\)/);
    expect(all.stdout).toContain('intact');

    const one = await cli(['audit:verify', '--org', 'zuidhaven']);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/zuidhaven\s+OK/);
    expect(one.stdout).not.toContain('installatie');

    const missing = await cli(['audit:verify', '--org', 'bestaat-niet']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('bestaat niet');
  });

  it('db:export writes SQL that restores on PostgreSQL with the row-level security', async () => {
    const out = path.join(dataDir, 'export', 'weerbaar.sql');
    const r = await cli(['db:export', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const dump = fs.readFileSync(out, 'utf8');
    expect(dump).toContain('CREATE TABLE public.users');
    expect(dump).toContain('CREATE POLICY');
    expect(dump).toContain('CREATE ROLE weerbaar_app');
    expect(dump).toContain('CREATE FUNCTION public.app_org_id()');
    expect(dump).not.toMatch(/^SET transaction_timeout/m);
    expect(dump).not.toMatch(/OWNER TO/);
    expect(fs.statSync(out).mode & 0o077).toBe(0);

    const withUrl = await cli(['db:export'], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(withUrl.code).toBe(2);
    expect(withUrl.stderr).toContain('pg_dump');

    const adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) return; // PostgreSQL part: only with a test server
    const name = `wb_cli_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      const psql = spawnSync('/usr/bin/psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '--single-transaction', '-d', url.href, '-f', out], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(psql.status, psql.stderr).toBe(0);
      const c = new pg.Client({ connectionString: url.href });
      await c.connect();
      try {
        expect((await c.query('select count(*)::int as n from users')).rows[0].n).toBe(userCount);
        expect((await c.query(`select 1 from users where email = 'beheer@example.org' and is_installation_admin`)).rowCount).toBe(1);
        expect((await c.query('select count(*)::int as n from pg_policies')).rows[0].n).toBeGreaterThanOrEqual(9);
        expect((await c.query(`select relrowsecurity from pg_class where relname = 'audit_events'`)).rows[0].relrowsecurity).toBe(true);
      } finally {
        await c.end();
      }
      // The restored database works for the application: migrations are a no-op and the chains verify.
      const verify = await cli(['audit:verify'], { DATABASE_URL: url.href });
      expect(verify.code, verify.stdout + verify.stderr).toBe(0);
      expect(verify.stdout).toMatch(/zuidhaven\s+OK/);
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('audit:verify exits 1 and names the first broken event after tampering', async () => {
    await withFolder((database) => database.executeSql(`update audit_events set changes = '{}'::jsonb where seq = 1`));
    const r = await cli(['audit:verify']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/installatie\s+GEBROKEN bij gebeurtenis seq 1 \(id [0-9a-f-]{36}\): inhoud van de gebeurtenis is gewijzigd/);
    expect(r.stderr).toContain('gewijzigd of ingekort');

    const one = await cli(['audit:verify', '--org', 'zuidhaven']);
    expect(one.code).toBe(1);
    expect(one.stdout).toContain('seq 1');
  });
});
