/** Shared pieces of the benchmark: a fresh database, the real app on loopback, sign-in, timing and the table. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/core/config.js';
import { migrate, openDatabase, type Database } from '../src/server/core/db/client.js';
import { SecretBox } from '../src/server/core/auth/crypto.js';
import type { JobQueue } from '../src/server/core/jobs/queue.js';
import type { App, Deps } from '../src/server/core/http/pipeline.js';

export const PASSWORD = 'bench wachtwoord lang genoeg';
export const WARMUP = 20;

export const pad = (n: number, w = 3) => String(n).padStart(w, '0');
export const ms = (t0: number) => performance.now() - t0;
export const f2 = (x: number) => x.toFixed(2);

const noopQueue: JobQueue = {
  async start() {},
  async work() {},
  async send() {
    return null;
  },
  async schedule() {},
  async stop() {},
};

/** Server-side time per request (first byte to response sent), collected while a measurement runs. */
let serverTimes: number[] | undefined;

export interface Target {
  engine: 'pglite' | 'postgresql';
  open(): Promise<Database>;
  describe: string;
  cleanup(): Promise<void>;
}

export async function freshTarget(): Promise<Target> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `weerbaar_bench_${crypto.randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      engine: 'postgresql',
      describe: `PostgreSQL ${url.host}/${name}`,
      open: () => openDatabase({ databaseUrl: url.href }),
      async cleanup() {
        if (process.env.BENCH_KEEP === '1') return console.log(`bench: kept database ${name} (BENCH_KEEP=1)`);
        const a = new pg.Client({ connectionString: serverUrl });
        await a.connect();
        await a.query(`drop database if exists ${name} with (force)`);
        await a.end();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weerbaar-bench-'));
  return {
    engine: 'pglite',
    describe: `PGlite ${dir}`,
    open: () => openDatabase({ dataDir: dir }),
    async cleanup() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function start(target: Target): Promise<{ app: App; database: Database; base: string; ms: number }> {
  const t0 = performance.now();
  const database = await target.open();
  await migrate(database);
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' } as NodeJS.ProcessEnv, []), publicUrl: 'http://127.0.0.1' };
  const deps: Deps = { database, config, queue: noopQueue, secrets: new SecretBox(crypto.randomBytes(32).toString('base64')) };
  const app = await buildApp(deps, { logger: false });
  app.addHook('onResponse', async (_request, reply) => {
    serverTimes?.push(reply.elapsedTime);
  });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, database, base: address, ms: ms(t0) };
}

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in through the real login endpoint: a session cookie plus the CSRF token for writes. */
export async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('weerbaar_session='));
  if (!cookie) throw new Error(`login ${email}: no session cookie`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: cookie.split(';')[0], csrf: body.csrfToken };
}

export async function login(base: string, email: string): Promise<string> {
  return (await signIn(base, email)).cookie;
}

export interface Measurement {
  label: string;
  n: number;
  p50: number;
  p95: number;
  max: number;
  server: { p50: number; p95: number };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/**
 * Times `run` n times after `warmup` unmeasured runs. Each run returns its client-side elapsed time;
 * the server-side times of the same requests are collected through the onResponse hook.
 */
export async function timeRuns(label: string, n: number, warmup: number, run: (i: number, measured: boolean) => Promise<number>): Promise<Measurement> {
  for (let i = 0; i < warmup; i++) await run(i, false);
  const times: number[] = [];
  const server: number[] = (serverTimes = []);
  for (let i = 0; i < n; i++) times.push(await run(i, true));
  serverTimes = undefined;
  times.sort((a, b) => a - b);
  server.sort((a, b) => a - b);
  return {
    label,
    n,
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    max: times[times.length - 1],
    server: { p50: percentile(server, 0.5), p95: percentile(server, 0.95) },
  };
}

/** GET `url` n times (after a warm-up that checks the body), keep-alive fetch over loopback. */
export async function measure(label: string, url: string, cookie: string, check: (body: any) => void, n = Number(process.env.BENCH_N ?? 1000)): Promise<Measurement> {
  return timeRuns(label, n, WARMUP, async (_i, measured) => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie, accept: 'application/json' } });
    const text = await res.text();
    const elapsed = ms(t0);
    if (res.status !== 200) throw new Error(`${label}: ${res.status} ${text.slice(0, 300)}`);
    if (!measured) check(JSON.parse(text));
    return elapsed;
  });
}

export function table(rows: string[][]) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  console.log(line(rows[0]));
  console.log(`|${widths.map((w, c) => (c === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}
