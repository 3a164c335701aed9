import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Executor } from '../../core/db/client.js';
import { incidentEvents, incidentHandlers, incidentReports, incidents, incidentTasks, memberships, users } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import type { ProblemField } from '../../core/http/problem.js';
import type { TimelineKind } from '../../../shared/incidents.js';

export type IncidentRow = typeof incidents.$inferSelect;
export type EventRow = typeof incidentEvents.$inferSelect;
export type TaskRow = typeof incidentTasks.$inferSelect;
export type ReportRow = typeof incidentReports.$inferSelect;

/** How far a moment may lie ahead of the server's clock (clock skew of the client). */
export const CLOCK_SKEW_MS = 2 * 60_000;

export async function loadIncident(tx: Executor, organisationId: string, id: string): Promise<IncidentRow | null> {
  const [r] = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), eq(incidents.organisationId, organisationId)));
  return r ?? null;
}

/** The year (Europe/Amsterdam) of a moment: the year in the reference I-2026-001. */
export const localYear = (at: Date) => DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' }).year;

/** A moment as Dutch local time for the timeline: 28-03-2026 10:00. */
export const localTime = (at: Date | null) => (at ? DateTime.fromJSDate(at, { zone: 'Europe/Amsterdam' }).toFormat('dd-LL-yyyy HH:mm') : 'leeg');

/** The next reference I-<year>-001 … of the organisation; a per-organisation lock keeps two creates apart. */
export async function nextRef(tx: Executor, organisationId: string, year: number): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`incidents.ref:${organisationId}`}, 0))`);
  const prefix = `I-${year}-`;
  const [row] = rowsOf<{ n: number | string | null }>(
    await tx.execute(
      sql`select max(nullif(substr(ref, ${prefix.length + 1}), '')::bigint) as n from incidents where organisation_id = ${organisationId} and ref like ${`${prefix}%`}`,
    ),
  );
  return `${prefix}${String(Number(row?.n ?? 0) + 1).padStart(3, '0')}`;
}

/** Which of `ids` are members of the organisation, with their names. */
export async function membersAmong(tx: Executor, organisationId: string, ids: readonly (string | null | undefined)[]): Promise<Map<string, { id: string; name: string }>> {
  const unique = [...new Set(ids.filter((x): x is string => !!x))];
  if (unique.length === 0) return new Map();
  const rows = await tx
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(memberships.userId, unique)));
  return new Map(rows.map((u) => [u.id, u]));
}

/** Problems with user ids that must be members (handlers, assignees). */
export async function memberProblems(tx: Executor, organisationId: string, ids: readonly string[] | undefined, path: string, single = false): Promise<ProblemField[]> {
  if (!ids?.length) return [];
  const known = await membersAmong(tx, organisationId, ids);
  const out: ProblemField[] = [];
  ids.forEach((id, i) => {
    if (!known.has(id)) out.push({ path: single ? path : `${path}.${i}`, message: `gebruiker ${id} is geen lid van deze organisatie` });
  });
  return out;
}

export async function handlerIdsOf(tx: Executor, organisationId: string, incidentId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: incidentHandlers.userId })
    .from(incidentHandlers)
    .where(and(eq(incidentHandlers.organisationId, organisationId), eq(incidentHandlers.incidentId, incidentId)));
  return rows.map((r) => r.id).sort();
}

export async function replaceHandlers(tx: Executor, organisationId: string, incidentId: string, ids: readonly string[]) {
  await tx.delete(incidentHandlers).where(and(eq(incidentHandlers.organisationId, organisationId), eq(incidentHandlers.incidentId, incidentId)));
  const unique = [...new Set(ids)];
  if (unique.length) await tx.insert(incidentHandlers).values(unique.map((userId) => ({ organisationId, incidentId, userId })));
}

/** Appends a timeline entry (the table is append-only for the application role). */
export async function writeEvent(
  tx: Executor,
  e: { organisationId: string; incidentId: string; kind: TimelineKind; text: string; occurredAt: Date; recordedAt: Date; actor: { id: string; name: string } | null },
): Promise<EventRow> {
  const [row] = await tx
    .insert(incidentEvents)
    .values({
      organisationId: e.organisationId,
      incidentId: e.incidentId,
      kind: e.kind,
      text: e.text,
      occurredAt: e.occurredAt,
      recordedAt: e.recordedAt,
      actorUserId: e.actor?.id ?? null,
      actorName: e.actor?.name ?? null,
    })
    .returning();
  return row;
}

/** The timeline, oldest first (by when it happened, then when it was recorded). */
export async function eventsOf(tx: Executor, organisationId: string, incidentId: string): Promise<EventRow[]> {
  return tx
    .select()
    .from(incidentEvents)
    .where(and(eq(incidentEvents.organisationId, organisationId), eq(incidentEvents.incidentId, incidentId)))
    .orderBy(asc(incidentEvents.occurredAt), asc(incidentEvents.recordedAt), asc(incidentEvents.id));
}

export async function tasksOf(tx: Executor, organisationId: string, incidentId: string): Promise<TaskRow[]> {
  return tx
    .select()
    .from(incidentTasks)
    .where(and(eq(incidentTasks.organisationId, organisationId), eq(incidentTasks.incidentId, incidentId)))
    .orderBy(asc(incidentTasks.createdAt), asc(incidentTasks.id));
}

export async function loadTask(tx: Executor, organisationId: string, incidentId: string, taskId: string): Promise<TaskRow | null> {
  const [t] = await tx
    .select()
    .from(incidentTasks)
    .where(and(eq(incidentTasks.organisationId, organisationId), eq(incidentTasks.incidentId, incidentId), eq(incidentTasks.id, taskId)));
  return t ?? null;
}

/** The stored reports (drafts and sent) of the given incidents. */
export async function reportsOf(tx: Executor, organisationId: string, incidentIds: readonly string[]): Promise<ReportRow[]> {
  if (incidentIds.length === 0) return [];
  return tx
    .select()
    .from(incidentReports)
    .where(and(eq(incidentReports.organisationId, organisationId), inArray(incidentReports.incidentId, [...incidentIds])));
}

export async function loadReport(tx: Executor, organisationId: string, incidentId: string, kind: string): Promise<ReportRow | null> {
  const [r] = await tx
    .select()
    .from(incidentReports)
    .where(and(eq(incidentReports.organisationId, organisationId), eq(incidentReports.incidentId, incidentId), eq(incidentReports.kind, kind)));
  return r ?? null;
}

/** "I-2026-001 Ransomware bij Kustnet" per incident id (for other modules' labels, e.g. actions from lessons learned). */
export async function incidentLabels(tx: Executor, ids: string[]): Promise<Map<string, string>> {
  const rows = await tx.select({ id: incidents.id, ref: incidents.ref, title: incidents.title }).from(incidents).where(inArray(incidents.id, ids));
  return new Map(rows.map((r) => [r.id, `${r.ref} ${r.title}`]));
}
