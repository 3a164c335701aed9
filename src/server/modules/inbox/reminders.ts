import { sql, type SQL } from 'drizzle-orm';
import { systemTx, type Database, type Executor } from '../../core/db/client.js';
import { rowsOf, uuidArray } from '../../core/db/rows.js';
import type { Notice } from './notify.js';

/*
 * The shared mechanics of the daily reminder jobs (suppliers.reminders, risks.reminders): which
 * organisations to visit, one system transaction per organisation, and "never the same reminder
 * twice". A reminder is identified by its notice's kind and subject plus a marker that the job puts
 * in the fragment of the notice's link (e.g. `#einddatum=2031-05-01`): a new date is a new reminder,
 * the same date on the next run is not.
 */

export interface DueReminder {
  notice: Notice;
  marker: string;
}

/**
 * Takes the organisation's reminder lock for this job (two runs at once cannot both send) and returns
 * the due reminders that were not sent before. `kindPattern` is a LIKE pattern on the notice kinds of
 * the job, so the lookup stays on the job's own notices.
 */
export async function unsentReminders<T extends DueReminder>(tx: Executor, job: string, organisationId: string, kindPattern: string, due: T[]): Promise<T[]> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${job}:${organisationId}`}, 0))`);
  if (!due.length) return [];
  const ids = [...new Set(due.map((d) => d.notice.subjectId!))];
  const sent = new Set(
    rowsOf<{ key: string }>(
      await tx.execute(sql`
        select n.kind || '|' || n.subject_id || '|' || split_part(n.link, '#', 2) as key from notifications n
        where n.organisation_id = ${organisationId} and n.subject_id = any(${uuidArray(ids)}::uuid[]) and n.kind like ${kindPattern}`),
    ).map((r) => r.key),
  );
  return due.filter((d) => !sent.has(`${d.notice.kind}|${d.notice.subjectId}|${d.marker}`));
}

/**
 * Runs a reminder job: `organisations` selects (id, slug) of the organisations to visit; each is
 * handled in its own system transaction, so one organisation's failure does not undo another's.
 * `today` (YYYY-MM-DD, Europe/Amsterdam) is checked here because tests and manual runs pass it in.
 */
export async function runReminders(
  database: Database,
  job: string,
  today: string,
  organisations: SQL,
  remind: (tx: Executor, org: { id: string; slug: string }, today: string) => Promise<{ reminders: number; notices: number }>,
) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) throw new Error(`${job}: not a date: ${today}`);
  const orgs = await systemTx(database, async (tx) => rowsOf<{ id: string; slug: string }>(await tx.execute(organisations)));
  let notices = 0;
  let reminders = 0;
  for (const org of orgs) {
    const r = await systemTx(database, (tx) => remind(tx, org, today));
    notices += r.notices;
    reminders += r.reminders;
  }
  return { organisations: orgs.length, reminders, notices };
}
