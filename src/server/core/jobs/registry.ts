import { sql } from 'drizzle-orm';
import type { Deps } from '../http/pipeline.js';
import type { JobQueue } from './queue.js';
import { systemTx } from '../db/client.js';
import { alerts } from '../db/schema.js';
import { listChains, verifyChain } from '../audit/audit.js';
import { sendEvidenceReminders } from '../../modules/compliance/evidence-reminders.js';
import { sendSupplierReminders } from '../../modules/suppliers/reminders.js';
import { sendRiskReminders } from '../../modules/risks/reminders.js';
import { sendDeadlineReminders } from '../../modules/incidents/reminders.js';
import { mailerOf } from '../mail/mailer.js';

export interface JobDefinition {
  name: string;
  /** cron (Europe/Amsterdam) when the job runs on a schedule */
  cron?: string;
  run(deps: Deps, data: any): Promise<void>;
}

/** Verifies every audit chain; a broken chain raises an alert for the installation and the organisation. */
export async function verifyAllChains(deps: Deps): Promise<{ chains: number; broken: number }> {
  const chains = await systemTx(deps.database, (tx) => listChains(tx));
  let broken = 0;
  for (const c of chains) {
    const result = await systemTx(deps.database, (tx) => verifyChain(tx, c.chain));
    if (!result.valid) {
      broken++;
      console.error(`[audit] chain ${c.chain} is broken at ${result.firstBroken?.seq}: ${result.firstBroken?.reason}`);
      await deps.database.db.insert(alerts).values({
        organisationId: c.organisationId,
        kind: 'audit-chain-broken',
        message: `De audittrail is gewijzigd of ingekort: ${result.firstBroken?.reason} (gebeurtenis ${result.firstBroken?.seq}).`,
        details: result as any,
      });
    }
  }
  return { chains: chains.length, broken };
}

export const JOBS: JobDefinition[] = [
  { name: 'audit.verify-chains', cron: '15 3 * * *', run: async (deps) => void (await verifyAllChains(deps)) },
  {
    name: 'auth.cleanup',
    cron: '7 * * * *',
    run: async (deps) => {
      await deps.database.db.execute(sql`delete from sessions where expires_at < now() or last_seen_at < now() - make_interval(mins => ${deps.config.sessionIdleMinutes})`);
      await deps.database.db.execute(sql`delete from login_attempts where at < now() - interval '1 day'`);
      await deps.database.db.execute(sql`delete from oidc_states where created_at < now() - interval '1 hour'`);
      await deps.database.db.execute(sql`delete from api_tokens where expires_at < now() - interval '30 days'`);
    },
  },
  {
    name: 'compliance.evidence-reminders',
    cron: '30 6 * * *',
    // data.today (YYYY-MM-DD) only for tests and manual runs; normally today in the Netherlands
    run: async (deps, data) => void (await sendEvidenceReminders(deps.database, typeof data?.today === 'string' ? data.today : undefined)),
  },
  {
    name: 'suppliers.reminders',
    cron: '40 6 * * *',
    // contracts ending, certifications expiring/expired, verwerkersovereenkomsten missing; data.today only for tests
    run: async (deps, data) => void (await sendSupplierReminders(deps.database, typeof data?.today === 'string' ? data.today : undefined)),
  },
  {
    name: 'risks.reminders',
    cron: '50 6 * * *',
    // reviews due or passed, acceptances ending or ended; data.today only for tests
    run: async (deps, data) => void (await sendRiskReminders(deps.database, typeof data?.today === 'string' ? data.today : undefined)),
  },
  {
    name: 'incidents.deadline-reminders',
    cron: '*/5 * * * *',
    // reminders before each Cbw/AVG deadline and a notice when one passed, in the inbox and by e-mail; data.now (ISO) only for tests and manual runs
    run: async (deps, data) =>
      void (await sendDeadlineReminders(deps.database, mailerOf(deps), deps.config.publicUrl, typeof data?.now === 'string' ? new Date(data.now) : undefined)),
  },
];

export async function scheduleJobs(queue: JobQueue) {
  for (const job of JOBS) if (job.cron) await queue.schedule(job.name, job.cron);
}

export async function startWorkers(queue: JobQueue, deps: Deps) {
  for (const job of JOBS) await queue.work(job.name, (data) => job.run(deps, data));
}
