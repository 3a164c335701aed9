import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../core/db/client.js';
import { rowsOf } from '../../core/db/rows.js';
import { addDays, localDate } from '../../../shared/dates.js';
import { notify, recipients, type Notice } from '../inbox/notify.js';
import { runReminders, unsentReminders } from '../inbox/reminders.js';
import { REVIEW_SOON_DAYS } from './manage-risks.js';
import { ACCEPTANCE_SOON_DAYS } from './overview.js';

/*
 * The daily job `risks.reminders`. Four kinds of notice go into the inbox, about open risks only:
 *
 * - risk_review_due: the review date is within 14 days; risk_review_overdue: it has passed.
 * - risk_acceptance_ending: the acceptance in force ends within 30 days; risk_acceptance_expired: it has ended
 *   (the risk then shows acceptance.expired and counts in the overview until someone decides again).
 *
 * To the risk's owner (while a member), otherwise to the organisation's CISOs. One notice per risk, kind
 * and occasion: the occasion is the review date, or the acceptance decision and its end date, carried as
 * the marker in the fragment of the notice's link (like suppliers.reminders does). A new review date or a
 * new decision is reminded again; the same one never twice. A per-organisation advisory lock keeps two
 * runs on the same day apart.
 */

interface Candidate {
  notice: Notice;
  marker: string;
  ownerId: string | null;
}

const link = (slug: string, riskId: string, marker: string) => `/o/${slug}/risicos/${riskId}#${marker}`;

async function candidates(tx: Executor, org: { id: string; slug: string }, today: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const reviews = rowsOf<{ id: string; ref: string; title: string; reviewDate: string; ownerId: string | null }>(
    await tx.execute(sql`
      select r.id, r.ref, r.title, r.review_date as "reviewDate", r.owner_id as "ownerId" from risks r
      where r.organisation_id = ${org.id} and r.status = 'open' and r.review_date is not null and r.review_date <= ${addDays(today, REVIEW_SOON_DAYS)}
      order by r.review_date, r.ref`),
  );
  for (const r of reviews) {
    const overdue = r.reviewDate < today;
    const marker = `review=${r.reviewDate}`;
    out.push({
      marker,
      ownerId: r.ownerId,
      notice: {
        kind: overdue ? 'risk_review_overdue' : 'risk_review_due',
        subjectType: 'risk',
        subjectId: r.id,
        title: overdue ? `Review verlopen: ${r.ref} ${r.title}` : `Review op ${r.reviewDate}: ${r.ref} ${r.title}`,
        body: overdue
          ? `De review van risico ${r.ref} "${r.title}" stond gepland op ${r.reviewDate}. Beoordeel de scores en de behandeling opnieuw en leg een nieuwe reviewdatum vast.`
          : `De review van risico ${r.ref} "${r.title}" staat gepland op ${r.reviewDate}. Kijk of de scores, de behandeling en de maatregelen nog kloppen.`,
        link: link(org.slug, r.id, marker),
      },
    });
  }
  const acceptances = rowsOf<{ id: string; riskId: string; ref: string; title: string; validUntil: string; ownerId: string | null; deciderName: string }>(
    await tx.execute(sql`
      select a.id, r.id as "riskId", r.ref, r.title, a.valid_until as "validUntil", r.owner_id as "ownerId", a.decider_name as "deciderName"
      from risk_acceptances a join risks r on r.id = a.risk_id
      where r.organisation_id = ${org.id} and r.status = 'open' and r.treatment = 'accept' and a.revoked_at is null
        and a.valid_until <= ${addDays(today, ACCEPTANCE_SOON_DAYS)}
      order by a.valid_until, r.ref`),
  );
  for (const a of acceptances) {
    const expired = a.validUntil < today;
    const marker = `acceptatie=${a.id}`;
    out.push({
      marker,
      ownerId: a.ownerId,
      notice: {
        kind: expired ? 'risk_acceptance_expired' : 'risk_acceptance_ending',
        subjectType: 'risk',
        subjectId: a.riskId,
        title: expired ? `Acceptatie verlopen: ${a.ref} ${a.title}` : `Acceptatie loopt af op ${a.validUntil}: ${a.ref} ${a.title}`,
        body: expired
          ? `De acceptatie van risico ${a.ref} "${a.title}" (besluit van ${a.deciderName}) gold tot en met ${a.validUntil}. Het risico is niet meer gedekt: laat opnieuw besluiten of kies een andere behandeling.`
          : `De acceptatie van risico ${a.ref} "${a.title}" (besluit van ${a.deciderName}) geldt tot en met ${a.validUntil}. Laat op tijd opnieuw besluiten of kies een andere behandeling.`,
        link: link(org.slug, a.riskId, marker),
      },
    });
  }
  return out;
}

/** The reminders due today in one organisation, in one (system) transaction; see sendRiskReminders. */
export async function remindOrganisation(tx: Executor, org: { id: string; slug: string }, today: string) {
  const fresh = await unsentReminders(tx, 'risks.reminders', org.id, 'risk\\_%', await candidates(tx, org, today));
  if (!fresh.length) return { reminders: 0, notices: 0 };
  let cisos: string[] | null = null;
  let notices = 0;
  let reminders = 0;
  for (const d of fresh) {
    let to = d.ownerId ? await recipients(tx, org.id, [], [d.ownerId]) : [];
    if (!to.length) to = cisos ??= await recipients(tx, org.id, ['ciso']);
    if (!to.length) continue; // nobody to tell: tried again on the next run
    notices += await notify(tx, org.id, to, [d.notice]);
    reminders++;
  }
  return { reminders, notices };
}

/** Runs the reminders for every organisation that has open risks. `today` is injectable for tests. */
export async function sendRiskReminders(database: Database, today = localDate()) {
  return runReminders(database, 'risks.reminders', today, sql`select o.id, o.slug from organisations o where exists (select 1 from risks r where r.organisation_id = o.id and r.status = 'open') order by o.slug`, remindOrganisation);
}
