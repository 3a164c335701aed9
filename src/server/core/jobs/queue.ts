import PgBoss from 'pg-boss';
import type { Database } from '../db/client.js';

/**
 * The queue port. pg-boss is the only implementation; modules depend on this interface.
 * On PGlite pg-boss runs in-process through an executeSql adapter (single connection),
 * on PostgreSQL it uses its own pool and `npm run worker` processes can run side by side:
 * pg-boss fetches with SKIP LOCKED, so a job is never done twice.
 */
export interface JobQueue {
  start(): Promise<void>;
  /** Start processing these jobs in this process. */
  work(name: string, handler: (data: any) => Promise<void>, opts?: { batchSize?: number }): Promise<void>;
  send(name: string, data?: object, opts?: { singletonKey?: string; startAfter?: Date | number }): Promise<string | null>;
  /** Cron in Europe/Amsterdam. */
  schedule(name: string, cron: string, data?: object): Promise<void>;
  stop(): Promise<void>;
}

export function createQueue(database: Database, databaseUrl?: string): JobQueue {
  const boss = databaseUrl
    ? new PgBoss({ connectionString: databaseUrl, max: 4, schema: 'pgboss' })
    : new PgBoss({ db: { executeSql: (text: string, values: any[]) => database.executeSql(text, values) }, schema: 'pgboss' } as any);
  const queues = new Set<string>();
  let started = false;

  async function ensure(name: string) {
    if (queues.has(name)) return;
    await boss.createQueue(name);
    queues.add(name);
  }

  boss.on('error', (err) => console.error('[jobs]', err.message));

  return {
    async start() {
      if (started) return;
      await boss.start();
      started = true;
    },
    async work(name, handler, opts) {
      await ensure(name);
      await boss.work(name, { batchSize: opts?.batchSize ?? 10, pollingIntervalSeconds: 1 }, async (jobs) => {
        for (const job of jobs) await handler(job.data);
      });
    },
    async send(name, data = {}, opts = {}) {
      await ensure(name);
      return boss.send(name, data, {
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts.startAfter ? { startAfter: opts.startAfter instanceof Date ? opts.startAfter : opts.startAfter } : {}),
      });
    },
    async schedule(name, cron, data = {}) {
      await ensure(name);
      await boss.schedule(name, cron, data, { tz: 'Europe/Amsterdam' });
    },
    async stop() {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
