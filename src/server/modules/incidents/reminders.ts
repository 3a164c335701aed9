import { sql } from 'drizzle-orm';
import { systemTx, type Database, type Executor } from '../../core/db/client.js';
import { rowsOf, uuidArray } from '../../core/db/rows.js';
import type { Mail, Mailer } from '../../core/mail/mailer.js';
import { notify, recipients, type Notice } from '../inbox/notify.js';
import { unsentReminders } from '../inbox/reminders.js';
import { incidentDeadlines, minimumHours, rulesOf, type IncidentDeadline } from './deadlines.js';
import { localTime } from './repo.js';
import { DEFAULT_REMINDER_HOURS } from './settings-schemas.js';

/*
 * The job `incidents.deadline-reminders` (every 5 minutes): reminders before each legal deadline of an
 * open incident, and one notice when a deadline passed without the report being sent. See
 * docs/decisions/0020-mail-port-and-deadline-reminders.md.
 *
 * - For each deadline not yet done, with due moment D and the organisation's reminder hours H (default 12
 *   and 2): when D − h ≤ now < D for some h in H, one reminder "Nog h uur: …" for the smallest such h (a
 *   run that first sees the deadline 1 hour ahead sends the 2-hour reminder, not the 12-hour one as well);
 *   when now ≥ D, one "Termijn verstreken" notice.
 * - Never twice: the marker `termijn=<deadline id>@<due ISO>-<h>h` (or `-verstreken`) in the fragment of
 *   the notice's link, checked by unsentReminders of the inbox. A corrected awareAt moves D and so gives
 *   new markers, hence new reminders; a sent report makes the deadline done, hence no more reminders.
 * - To the incident's handlers plus the members with role ciso (Cbw deadlines) or privacy (AVG deadline),
 *   in the inbox, and by e-mail to each of them AFTER the organisation's transaction has committed: a mail
 *   that fails is logged and does not undo the notice (the inbox is the record; e-mail is a courtesy).
 */

export const JOB = 'incidents.deadline-reminders';
export const KIND_REMINDER = 'incident_deadline_reminder';
export const KIND_OVERDUE = 'incident_deadline_overdue';
const KIND_PATTERN = 'incident\\_deadline\\_%';

/** The shortest period any deadline rule can have: no deadline falls earlier after the awareness. */
const SHORTEST_RULE_HOURS = Math.min(...(['cbw', 'avg'] as const).flatMap((r) => rulesOf(r).map(minimumHours)));

interface Candidate {
  id: string;
  organisationId: string;
  slug: string;
  organisationName: string;
  ref: string;
  title: string;
  awareAt: Date;
  handledAt: Date | null;
  cbwSignificant: boolean | null;
  avgBreach: boolean | null;
  reminderHours: number[];
  reports: { kind: string; sentAt: Date }[];
  handlerIds: string[];
}

interface DueReminder {
  notice: Notice;
  marker: string;
  regime: 'cbw' | 'avg';
  handlerIds: string[];
}

/* ---------- texts (pure, unit-tested) ---------- */

/** An exact remaining or elapsed time in Dutch: "11 uur en 59 minuten", "1 uur", "5 minuten". */
export function durationText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h > 0 ? `${h} uur` : '';
  const mins = m > 0 ? `${m} ${m === 1 ? 'minuut' : 'minuten'}` : '';
  if (hours && mins) return `${hours} en ${mins}`;
  return hours || mins || 'minder dan een minuut';
}

export interface ReminderSubject {
  ref: string;
  title: string;
}

/** The notice of a reminder h hours (or fewer) before the deadline. */
export function reminderText(inc: ReminderSubject, d: Pick<IncidentDeadline, 'name' | 'due' | 'rule' | 'basis' | 'recipient'>, hours: number, now: Date) {
  const due = new Date(d.due);
  return {
    title: `Nog ${hours} uur: ${d.name} voor ${inc.ref} ${inc.title}`,
    body:
      `De termijn voor de ${d.name.toLowerCase()} bij incident ${inc.ref} "${inc.title}" verloopt op ${localTime(due)} (Nederlandse tijd): ` +
      `nog ${durationText(due.getTime() - now.getTime())}.` +
      (d.recipient ? ` Aan: ${d.recipient}.` : '') +
      ` Regel: ${d.rule}. Grondslag: ${d.basis}.`,
  };
}

/** The notice of a deadline that passed without the report being sent. */
export function overdueText(inc: ReminderSubject, d: Pick<IncidentDeadline, 'name' | 'due' | 'rule' | 'basis' | 'recipient'>, now: Date) {
  const due = new Date(d.due);
  return {
    title: `Termijn verstreken: ${d.name} voor ${inc.ref} ${inc.title}`,
    body:
      `De termijn voor de ${d.name.toLowerCase()} bij incident ${inc.ref} "${inc.title}" is verstreken op ${localTime(due)} (Nederlandse tijd), ` +
      `${durationText(now.getTime() - due.getTime())} geleden, en de melding is nog niet als verzonden vastgelegd.` +
      (d.recipient ? ` Aan: ${d.recipient}.` : '') +
      ` Regel: ${d.rule}. Grondslag: ${d.basis}. Doe de melding zo snel mogelijk en leg vast wanneer.`,
  };
}

/** The e-mail for one recipient of a notice. */
export function reminderMail(to: { email: string; name: string }, notice: Pick<Notice, 'title' | 'body'>, url: string, organisationName: string): Mail {
  return {
    to: to.email,
    subject: `[Weerbaar] ${notice.title}`,
    text:
      `Beste ${to.name},\n\n${notice.body}\n\nOpen het incident: ${url}\n\n` +
      `U ontvangt dit bericht van Weerbaar als behandelaar van dit incident of als CISO of privacyfunctionaris van ${organisationName}. ` +
      `Het staat ook in uw inbox in Weerbaar.\n`,
  };
}

/* ---------- the job ---------- */

/**
 * Open incidents (not gesloten) with a legal question answered yes whose earliest possible deadline can
 * lie within the largest reminder window of any organisation, or has passed: one statement over the
 * partial index incidents_open_idx; the exact decision is made in code with the deadline computation.
 */
async function candidates(database: Database, now: Date): Promise<Candidate[]> {
  const rows = await systemTx(database, async (tx) =>
    rowsOf<Omit<Candidate, 'awareAt' | 'handledAt' | 'reports'> & { awareAt: string | Date; handledAt: string | Date | null; reports: { kind: string; sentAt: string }[] }>(
      await tx.execute(sql`
        select i.id, i.organisation_id as "organisationId", o.slug, o.name as "organisationName", i.ref, i.title,
               i.aware_at as "awareAt", i.handled_at as "handledAt", i.cbw_significant as "cbwSignificant", i.avg_breach as "avgBreach",
               to_json(coalesce(s.reminder_hours, ${`{${DEFAULT_REMINDER_HOURS.join(',')}}`}::int[])) as "reminderHours",
               coalesce((select json_agg(json_build_object('kind', r.kind, 'sentAt', r.sent_at)) from incident_reports r
                         where r.incident_id = i.id and r.sent_at is not null), '[]'::json) as reports,
               coalesce((select json_agg(h.user_id) from incident_handlers h where h.incident_id = i.id), '[]'::json) as "handlerIds"
        from incidents i
        join organisations o on o.id = i.organisation_id
        left join incident_settings s on s.organisation_id = i.organisation_id
        where i.status <> 'gesloten'
          and i.aware_at <= ${now.toISOString()}::timestamptz + make_interval(hours => (
                select greatest(${Math.max(...DEFAULT_REMINDER_HOURS)}, coalesce(max(h), 0)) from incident_settings, unnest(reminder_hours) h
              ) - ${SHORTEST_RULE_HOURS})
          and (i.cbw_significant is true or i.avg_breach is true)
        order by o.slug, i.aware_at, i.id`),
    ),
  );
  return rows.map((r) => ({
    ...r,
    awareAt: new Date(r.awareAt),
    handledAt: r.handledAt ? new Date(r.handledAt) : null,
    reports: r.reports.map((x) => ({ kind: x.kind, sentAt: new Date(x.sentAt) })),
  }));
}

/** The reminders due now for one incident (before the check against what was sent). */
export function dueReminders(c: Candidate, now: Date): DueReminder[] {
  const out: DueReminder[] = [];
  const hours = [...new Set(c.reminderHours)].sort((a, b) => a - b);
  const deadlines = incidentDeadlines(c, c.reports, now);
  for (const d of deadlines) {
    if (d.doneAt) continue;
    const due = new Date(d.due).getTime();
    let marker: string;
    let text: { title: string; body: string };
    let kind: string;
    if (now.getTime() >= due) {
      marker = `termijn=${d.id}@${d.due}-verstreken`;
      text = overdueText(c, d, now);
      kind = KIND_OVERDUE;
    } else {
      const h = hours.find((x) => due - x * 3_600_000 <= now.getTime());
      if (h === undefined) continue;
      marker = `termijn=${d.id}@${d.due}-${h}h`;
      text = reminderText(c, d, h, now);
      kind = KIND_REMINDER;
    }
    out.push({
      marker,
      regime: d.regime,
      handlerIds: c.handlerIds,
      notice: { kind, subjectType: 'incident', subjectId: c.id, ...text, link: `/o/${c.slug}/incidenten/${c.id}#${marker}` },
    });
  }
  return out;
}

async function emailsOf(tx: Executor, userIds: string[]) {
  if (!userIds.length) return new Map<string, { email: string; name: string }>();
  const rows = rowsOf<{ id: string; email: string; name: string }>(
    await tx.execute(sql`select id, email, name from users where id = any(${uuidArray(userIds)}::uuid[])`),
  );
  return new Map(rows.map((r) => [r.id, { email: r.email, name: r.name }]));
}

/** One organisation's due reminders in one system transaction; returns the mails to send after the commit. */
async function remindOrganisation(tx: Executor, org: { id: string; slug: string; name: string }, due: DueReminder[], publicUrl: string) {
  const fresh = await unsentReminders(tx, JOB, org.id, KIND_PATTERN, due);
  const mails: Mail[] = [];
  let notices = 0;
  let reminders = 0;
  const byRole = new Map<string, string[]>();
  for (const d of fresh) {
    const role = d.regime === 'cbw' ? 'ciso' : 'privacy';
    const key = `${role}|${d.handlerIds.join(',')}`;
    let to = byRole.get(key);
    if (!to) byRole.set(key, (to = (await recipients(tx, org.id, [role], d.handlerIds)).sort()));
    if (!to.length) continue; // nobody to tell: tried again on the next run
    notices += await notify(tx, org.id, to, [d.notice]);
    reminders++;
    const people = await emailsOf(tx, to);
    const url = `${publicUrl}${d.notice.link!.split('#')[0]}`;
    for (const id of to) {
      const p = people.get(id);
      if (p) mails.push(reminderMail(p, d.notice, url, org.name));
    }
  }
  return { reminders, notices, mails };
}

/**
 * Runs the job at `now` (injectable for tests and manual runs). Each organisation in its own system
 * transaction; its mails are sent after that transaction committed.
 */
export async function sendDeadlineReminders(database: Database, mailer: Mailer, publicUrl: string, now: Date = new Date()) {
  if (Number.isNaN(now.getTime())) throw new Error(`${JOB}: not a moment`);
  const all = await candidates(database, now);
  const byOrg = new Map<string, { org: { id: string; slug: string; name: string }; due: DueReminder[] }>();
  for (const c of all) {
    const due = dueReminders(c, now);
    if (!due.length) continue;
    const entry = byOrg.get(c.organisationId) ?? { org: { id: c.organisationId, slug: c.slug, name: c.organisationName }, due: [] };
    entry.due.push(...due);
    byOrg.set(c.organisationId, entry);
  }
  const out = { incidents: all.length, organisations: byOrg.size, reminders: 0, notices: 0, mails: 0, mailFailures: 0 };
  for (const { org, due } of byOrg.values()) {
    const r = await systemTx(database, (tx) => remindOrganisation(tx, org, due, publicUrl));
    out.reminders += r.reminders;
    out.notices += r.notices;
    for (const mail of r.mails) {
      try {
        await mailer.send(mail);
        out.mails++;
      } catch (err) {
        out.mailFailures++;
        console.error(`[${JOB}] e-mail aan ${mail.to} ("${mail.subject}") niet verzonden: ${(err as Error).message}`);
      }
    }
  }
  return out;
}
