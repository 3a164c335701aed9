import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createQueue, type JobQueue } from '../../src/server/core/jobs/queue.js';
import { JOBS, scheduleJobs, startWorkers } from '../../src/server/core/jobs/registry.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { freshDatabase, ENGINE } from '../helpers/db.js';
import { createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

async function until(check: () => Promise<boolean>, ms = 20_000) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

describe(`jobs on ${ENGINE} (pg-boss behind the queue port)`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ realQueue: true });
    await seedWorld(t.deps);
    await t.deps.queue.start();
  });
  afterAll(() => t?.close());

  it('schedules the nightly audit verification', async () => {
    await scheduleJobs(t.deps.queue);
    const rows = rowsOf<{ name: string; cron: string; timezone: string }>(await t.deps.database.db.execute(sql`select name, cron, timezone from pgboss.schedule order by name`));
    expect(rows).toEqual(expect.arrayContaining([{ name: 'audit.verify-chains', cron: JOBS[0].cron, timezone: 'Europe/Amsterdam' }]));
  });

  it('the audit verification job raises an alert when a chain was altered', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    await admin.patch('/api/v1/organisations/alpha', { name: 'Gemeente Alpha 2' });
    await t.deps.database.db.execute(sql`update audit_events set action = 'tampered' where seq = 1 and organisation_id is not null`);
    await startWorkers(t.deps.queue, t.deps);
    await t.deps.queue.send('audit.verify-chains', {});
    const raised = await until(async () => rowsOf(await t.deps.database.db.execute(sql`select 1 from alerts where kind = 'audit-chain-broken'`)).length > 0);
    expect(raised).toBe(true);
  });
});

describe(`several workers on one ${ENGINE} database`, () => {
  let db: Awaited<ReturnType<typeof freshDatabase>>;
  const queues: JobQueue[] = [];
  beforeAll(async () => {
    db = await freshDatabase();
  });
  afterAll(async () => {
    for (const q of queues) await q.stop();
    await db?.drop();
  });

  it('never does a job twice', async () => {
    const done: string[] = [];
    for (let i = 0; i < 3; i++) {
      const q = createQueue(db.database, db.url);
      await q.start();
      await q.work('test.count', async (data) => {
        done.push(String(data.n));
      });
      queues.push(q);
    }
    for (let n = 0; n < 30; n++) await queues[n % 3].send('test.count', { n });
    expect(await until(async () => done.length >= 30)).toBe(true);
    await new Promise((r) => setTimeout(r, 2500)); // would a duplicate still arrive?
    expect(done.length).toBe(30);
    expect(new Set(done).size).toBe(30);
  });
});
