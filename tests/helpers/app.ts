import { generateSync } from 'otplib';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/core/config.js';
import { SecretBox } from '../../src/server/core/auth/crypto.js';
import { createQueue, type JobQueue } from '../../src/server/core/jobs/queue.js';
import type { App, Deps } from '../../src/server/core/http/pipeline.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { memberships, organisationLinks, organisations, users } from '../../src/server/core/db/schema.js';
import { freshDatabase } from './db.js';

export const PASSWORD = 'correct horse battery';

/** A queue that records what was sent; jobs are exercised directly in their own tests. */
export function recordingQueue(): JobQueue & { sent: { name: string; data: unknown }[] } {
  const sent: { name: string; data: unknown }[] = [];
  return {
    sent,
    async start() {},
    async work() {},
    async send(name, data) {
      sent.push({ name, data });
      return null;
    },
    async schedule() {},
    async stop() {},
  };
}

export interface TestApp {
  app: App;
  deps: Deps;
  close(): Promise<void>;
}

export async function createTestApp(opts: { realQueue?: boolean; config?: Partial<Deps['config']> } = {}): Promise<TestApp> {
  const { database, url, drop } = await freshDatabase();
  // files in the database by default, so a test never writes into the working copy's data folder
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', FILE_STORAGE: 'database' } as any, []), publicUrl: 'http://localhost:3000', ...opts.config };
  const queue = opts.realQueue ? createQueue(database, url) : recordingQueue();
  const deps: Deps = { database, config, queue, secrets: new SecretBox('test-key') };
  const app = await buildApp(deps, { logger: process.env.TEST_LOG ? { level: "error" } : false });
  await app.ready();
  return {
    app,
    deps,
    async close() {
      await app.close();
      await queue.stop();
      await drop();
    },
  };
}

/** A small world: two gemeenten, a CSIRT linked to the first, and users with roles. */
export async function seedWorld(deps: Deps) {
  const db = deps.database.db;
  const hash = await hashPassword(PASSWORD);
  const [a, b, c] = await db
    .insert(organisations)
    .values([
      { slug: 'alpha', name: 'Gemeente Alpha', kind: 'gemeente' },
      { slug: 'beta', name: 'Gemeente Beta', kind: 'gemeente' },
      { slug: 'csirt', name: 'CSIRT Test', kind: 'csirt' },
    ])
    .returning();
  await db.insert(organisationLinks).values({ organisationId: a.id, kind: 'csirt', targetId: c.id });
  const mk = async (email: string, isInstallationAdmin = false) =>
    (await db.insert(users).values({ email, name: email.split('@')[0], passwordHash: hash, isInstallationAdmin }).returning())[0];
  const admin = await mk('admin@alpha.test');
  const ciso = await mk('ciso@alpha.test');
  const auditor = await mk('auditor@alpha.test');
  const betaAdmin = await mk('admin@beta.test');
  const analist = await mk('analist@csirt.test');
  const root = await mk('root@install.test', true);
  await db.insert(memberships).values([
    { organisationId: a.id, userId: admin.id, roles: ['admin'] },
    { organisationId: a.id, userId: ciso.id, roles: ['ciso'] },
    { organisationId: a.id, userId: auditor.id, roles: ['auditor'] },
    { organisationId: b.id, userId: betaAdmin.id, roles: ['admin'] },
    { organisationId: c.id, userId: analist.id, roles: ['analist'] },
  ]);
  return { orgs: { alpha: a, beta: b, csirt: c }, users: { admin, ciso, auditor, betaAdmin, analist, root } };
}

/** A signed-in browser-like client: keeps the cookie and sends the CSRF token on writes. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(private app: App) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method: method as any,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf && method !== 'GET' ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      payload: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers['set-cookie'];
    for (const c of Array.isArray(set) ? set : set ? [set] : []) {
      const [pair] = c.split(';');
      if (pair.startsWith('weerbaar_session=')) this.cookie = pair.endsWith('=') ? '' : pair;
    }
    const json = String(res.headers['content-type'] ?? '').includes('json') && res.body ? res.json() : undefined;
    if (json?.csrfToken) this.csrf = json.csrfToken;
    return { status: res.statusCode, body: json, headers: res.headers, text: res.body };
  }
  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body: unknown) {
    return this.request('PUT', url, body);
  }
  patch(url: string, body: unknown) {
    return this.request('PATCH', url, body);
  }
  delete(url: string) {
    return this.request('DELETE', url);
  }
}

export async function loginAs(app: App, email: string, password = PASSWORD, totpSecret?: string): Promise<Client> {
  const c = new Client(app);
  const r = await c.post('/api/v1/auth/login', { email, password });
  if (r.status !== 200) throw new Error(`login ${email} failed: ${r.status} ${r.text}`);
  if (r.body.mfaRequired) {
    if (!totpSecret) throw new Error('MFA required but no secret given');
    const m = await c.post('/api/v1/auth/mfa', { code: generateSync({ secret: totpSecret }) });
    if (m.status !== 200) throw new Error(`mfa failed: ${m.status} ${m.text}`);
  }
  return c;
}

/** Runs SQL as the database owner, bypassing the application (to simulate tampering). */
export async function ownerSql(deps: Deps, query: ReturnType<typeof sql>) {
  return deps.database.db.execute(query);
}
