import { sql } from 'drizzle-orm';
import { systemTx, tenantTx, type Database, type Executor } from '../../core/db/client.js';
import { rowsOf } from '../../core/db/rows.js';
import { notify, recipients, type Notice } from '../inbox/notify.js';
import { isIsoDate, SOON_DAYS } from './evidence-status.js';
import { addDays, localDate } from '../../../shared/dates.js';

/** The reminder stage evidence should have reached today (SQL mirror of reminderStage()). */
const stage = (today: string) => sql`(case when e.valid_until < ${today} then 'expired' else 'soon' end)`;
const due = (today: string) =>
  sql`e.valid_until is not null and e.valid_until <= ${addDays(today, SOON_DAYS)} and e.reminded is distinct from ${stage(today)}`;

function notice(slug: string, e: { id: string; title: string; validUntil: string; stage: string }): Notice {
  const expired = e.stage === 'expired';
  return {
    kind: expired ? 'evidence_expired' : 'evidence_expiring',
    subjectType: 'evidence',
    subjectId: e.id,
    title: expired ? `Bewijs verlopen: ${e.title}` : `Bewijs verloopt op ${e.validUntil}: ${e.title}`,
    body: expired
      ? `Het bewijs "${e.title}" was geldig tot en met ${e.validUntil}. Vervang het door actueel bewijs of pas de geldigheid aan.`
      : `Het bewijs "${e.title}" is geldig tot en met ${e.validUntil}. Zorg op tijd voor nieuw bewijs; het staat op de lijst "Aandacht nodig".`,
    link: `/o/${slug}/compliance/evidence?status=${expired ? 'verlopen' : 'verloopt_binnenkort'}`,
  };
}

/** The reminders due today in one organisation, within its transaction; see sendEvidenceReminders. */
export async function remindOrganisation(tx: Executor, org: { id: string; slug: string }, today: string) {
  const claimed = rowsOf<{ id: string; title: string; validUntil: string; createdBy: string | null; stage: string }>(
    await tx.execute(sql`
      update evidence e set reminded = ${stage(today)}
      where e.organisation_id = ${org.id} and ${due(today)}
      returning e.id, e.title, e.valid_until as "validUntil", e.created_by as "createdBy", e.reminded as stage`),
  );
  let notices = 0;
  if (!claimed.length) return { evidence: 0, notices };
  const managers = await recipients(tx, org.id, ['admin', 'ciso']);
  const creators = new Set(await recipients(tx, org.id, [], claimed.map((c) => c.createdBy)));
  for (const e of claimed) {
    const to = new Set(managers);
    if (e.createdBy && creators.has(e.createdBy)) to.add(e.createdBy);
    notices += await notify(tx, org.id, [...to], [notice(org.slug, e)]);
  }
  return { evidence: claimed.length, notices };
}

/**
 * The daily reminder job: evidence that will expire within 30 days, and then evidence that has
 * expired, is reported once per stage to the organisation's admins and CISOs and to whoever added it.
 * Idempotent: the stage reached is kept on the evidence (reminded), claimed in the same transaction
 * as the notices are written, so a second run on the same day finds nothing to do.
 */
export async function sendEvidenceReminders(database: Database, today = localDate()) {
  if (!isIsoDate(today)) throw new Error(`sendEvidenceReminders: not a date: ${today}`);
  const orgs = await systemTx(database, async (tx) =>
    rowsOf<{ id: string; slug: string }>(
      await tx.execute(sql`select o.id, o.slug from organisations o where exists (select 1 from evidence e where e.organisation_id = o.id and ${due(today)}) order by o.slug`),
    ),
  );
  let notices = 0;
  let reminded = 0;
  for (const org of orgs) {
    const r = await tenantTx(database, { organisationId: org.id, userId: null }, (tx) => remindOrganisation(tx, org, today));
    reminded += r.evidence;
    notices += r.notices;
  }
  return { organisations: orgs.length, evidence: reminded, notices };
}
