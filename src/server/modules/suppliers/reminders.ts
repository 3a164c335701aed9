import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../core/db/client.js';
import { rowsOf } from '../../core/db/rows.js';
import { addDays, localDate } from '../../../shared/dates.js';
import { notify, recipients, type Notice } from '../inbox/notify.js';
import { runReminders, unsentReminders } from '../inbox/reminders.js';
import { CERTIFICATION_SOON_DAYS, certificationLabel } from './repo.js';

/*
 * The daily job `suppliers.reminders`. Three kinds of reminder go into the inbox:
 *
 * - supplier_contract_ending: from (end date − notice period − 30 days) until the end date, once per
 *   contract and end date (a contract that is extended to a new end date is reminded again). To the
 *   organisation's admins and CISOs.
 * - supplier_certification_expiring (valid until within 60 days) and supplier_certification_expired
 *   (valid until has passed): once per stage per certification and validity date (a renewed certificate
 *   starts over; one first seen when already expired only gets the "expired" notice). To admins and CISOs.
 * - supplier_dpa_missing: a supplier that processes personal data without a signed verwerkersovereenkomst,
 *   at most once per ISO week while it is missing (it is a legal obligation, AVG art. 28, so it keeps
 *   coming back until it is resolved, and stops by itself once a signed agreement is recorded). To the
 *   admins and privacy officers.
 *
 * Idempotent without a column of its own: the notice itself records what was reminded. Its kind and
 * subjectId name the thing, and the fragment of its link carries the stage marker (e.g.
 * "#einddatum=2026-12-31", "#geldig-tot=2026-05-01", "#week=2026-W07"). Before inserting, the job looks for
 * an existing notice with the same kind, subject and marker, in a system transaction (the inbox policy
 * would hide other users' notices) that holds a per-organisation advisory lock, so two runs on the same
 * day never both send.
 */

export const CONTRACT_REMINDER_DAYS = 30;

/** ISO 8601 week of a YYYY-MM-DD date, e.g. 2026-W07. */
export function isoWeek(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = (d.getUTCDay() + 6) % 7; // monday 0
  d.setUTCDate(d.getUTCDate() - day + 3); // the thursday of this week decides the year
  const year = d.getUTCFullYear();
  const week = Math.ceil(((d.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

interface Candidate {
  notice: Notice;
  marker: string;
  roles: string[];
}

const link = (slug: string, supplierId: string, marker: string) => `/o/${slug}/assets/suppliers/${supplierId}#${marker}`;

async function candidates(tx: Executor, org: { id: string; slug: string }, today: string): Promise<Candidate[]> {
  const out: Candidate[] = [];
  const contracts = rowsOf<{ id: string; title: string; endDate: string; notice: number | null; supplierId: string; supplier: string }>(
    await tx.execute(sql`
      select c.id, c.title, c.end_date as "endDate", c.notice_period_days as notice, s.id as "supplierId", s.name as supplier
      from supplier_contracts c join suppliers s on s.id = c.supplier_id
      where c.organisation_id = ${org.id} and c.end_date is not null and c.end_date >= ${today}
        and c.end_date::date - (coalesce(c.notice_period_days, 0) + ${CONTRACT_REMINDER_DAYS})::int <= ${today}::date
      order by c.end_date, c.id`),
  );
  for (const c of contracts) {
    const marker = `einddatum=${c.endDate}`;
    const notice = c.notice ? addDays(c.endDate, -Number(c.notice)) : null;
    out.push({
      marker,
      roles: ['admin', 'ciso'],
      notice: {
        kind: 'supplier_contract_ending',
        subjectType: 'supplier_contract',
        subjectId: c.id,
        title: `Contract loopt af op ${c.endDate}: ${c.supplier} – ${c.title}`,
        body:
          `Het contract "${c.title}" met ${c.supplier} loopt af op ${c.endDate}.` +
          (notice ? ` Met een opzegtermijn van ${c.notice} dagen moet uiterlijk ${notice} zijn besloten over verlengen, opzeggen of het exitplan.` : ' Besluit op tijd over verlengen, opzeggen of het exitplan.'),
        link: link(org.slug, c.supplierId, marker),
      },
    });
  }
  const certs = rowsOf<{ id: string; kind: string; name: string; validUntil: string; supplierId: string; supplier: string }>(
    await tx.execute(sql`
      select c.id, c.kind, c.name, c.valid_until as "validUntil", s.id as "supplierId", s.name as supplier
      from supplier_certifications c join suppliers s on s.id = c.supplier_id
      where c.organisation_id = ${org.id} and c.valid_until is not null and c.valid_until <= ${addDays(today, CERTIFICATION_SOON_DAYS)}
      order by c.valid_until, c.id`),
  );
  for (const c of certs) {
    const expired = c.validUntil < today;
    const marker = `geldig-tot=${c.validUntil}`;
    const label = certificationLabel(c);
    out.push({
      marker,
      roles: ['admin', 'ciso'],
      notice: {
        kind: expired ? 'supplier_certification_expired' : 'supplier_certification_expiring',
        subjectType: 'supplier_certification',
        subjectId: c.id,
        title: expired ? `Certificering verlopen: ${c.supplier} – ${label}` : `Certificering verloopt op ${c.validUntil}: ${c.supplier} – ${label}`,
        body: expired
          ? `De certificering ${label} van ${c.supplier} was geldig tot en met ${c.validUntil}. Vraag het nieuwe certificaat of de nieuwe verklaring op en leg die vast.`
          : `De certificering ${label} van ${c.supplier} is geldig tot en met ${c.validUntil}. Vraag op tijd om het nieuwe certificaat of de nieuwe verklaring.`,
        link: link(org.slug, c.supplierId, marker),
      },
    });
  }
  const missing = rowsOf<{ id: string; name: string }>(
    await tx.execute(sql`
      select s.id, s.name from suppliers s
      where s.organisation_id = ${org.id} and s.processes_personal_data
        and not exists (select 1 from processing_agreements pa where pa.supplier_id = s.id and pa.signed)
      order by s.name, s.id`),
  );
  const week = isoWeek(today);
  for (const s of missing) {
    const marker = `week=${week}`;
    out.push({
      marker,
      roles: ['admin', 'privacy'],
      notice: {
        kind: 'supplier_dpa_missing',
        subjectType: 'supplier',
        subjectId: s.id,
        title: `Verwerkersovereenkomst ontbreekt: ${s.name}`,
        body: `${s.name} verwerkt persoonsgegevens voor uw organisatie, maar er is geen ondertekende verwerkersovereenkomst vastgelegd (AVG art. 28). Deze herinnering komt wekelijks terug tot die er is.`,
        link: link(org.slug, s.id, marker),
      },
    });
  }
  return out;
}

/** The reminders due today in one organisation, in one (system) transaction; see sendSupplierReminders. */
export async function remindOrganisation(tx: Executor, org: { id: string; slug: string }, today: string) {
  const fresh = await unsentReminders(tx, 'suppliers.reminders', org.id, 'supplier%', await candidates(tx, org, today));
  if (!fresh.length) return { reminders: 0, notices: 0 };
  const byRoles = new Map<string, string[]>();
  let notices = 0;
  let reminders = 0;
  for (const d of fresh) {
    const key = d.roles.join(',');
    if (!byRoles.has(key)) byRoles.set(key, await recipients(tx, org.id, d.roles));
    const to = byRoles.get(key)!;
    if (!to.length) continue; // nobody to tell: tried again on the next run
    notices += await notify(tx, org.id, to, [d.notice]);
    reminders++;
  }
  return { reminders, notices };
}

/** Runs the reminders for every organisation that has suppliers. `today` is injectable for tests. */
export async function sendSupplierReminders(database: Database, today = localDate()) {
  return runReminders(database, 'suppliers.reminders', today, sql`select o.id, o.slug from organisations o where exists (select 1 from suppliers s where s.organisation_id = o.id) order by o.slug`, remindOrganisation);
}
