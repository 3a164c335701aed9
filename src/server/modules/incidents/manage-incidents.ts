import { and, desc, eq, ilike, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { incidentReports, incidents } from '../../core/db/schema.js';
import { badRequest, notFound, type ProblemField } from '../../core/http/problem.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { containsPattern } from '../../core/db/rows.js';
import type { IncidentCategory, IncidentSeverity, IncidentStatus } from '../../../shared/incidents.js';
import { incidentDeadlines, minimumHours, overdueOf, rulesOf, type Regime } from './deadlines.js';
import { linksOf, replaceLinks } from './links.js';
import { nodeLinkProblems, type LinkRef } from '../dependencies/node-links.js';
import { presentIncident, presentSummary } from './present.js';
import {
  CLOCK_SKEW_MS,
  handlerIdsOf,
  loadIncident,
  localTime,
  localYear,
  memberProblems,
  nextRef,
  replaceHandlers,
  reportsOf,
  writeEvent,
  type IncidentRow,
} from './repo.js';

/*
 * Recording and correcting incidents. An incident register keeps its records: there is no delete.
 * Every use case takes `now` (default: the clock) so tests and the demo seed can place it in time.
 */

export interface IncidentCreate {
  title: string;
  description?: string;
  category: IncidentCategory;
  severity: IncidentSeverity;
  impact?: string;
  startedAt?: string | null;
  awareAt: string;
  handlerIds?: string[];
  links?: LinkRef[];
}

export interface IncidentPatch {
  title?: string;
  description?: string;
  category?: IncidentCategory;
  severity?: IncidentSeverity;
  impact?: string;
  status?: IncidentStatus;
  startedAt?: string | null;
  awareAt?: string;
  handledAt?: string | null;
  handlerIds?: string[];
  links?: LinkRef[];
  correctionReason?: string;
}

export const STATUS_LABEL: Record<IncidentStatus, string> = { open: 'open', in_behandeling: 'in behandeling', afgehandeld: 'afgehandeld', gesloten: 'gesloten' };
const MOMENT_LABEL = { awareAt: 'Moment van bewustwording', startedAt: 'Begin van het incident', handledAt: 'Moment van afhandeling' } as const;

export const actorOf = (ctx: OrgCtx) => ({ id: ctx.principal.userId, name: ctx.principal.name ?? ctx.principal.email });

function fail(errors: ProblemField[]): never {
  throw badRequest(`Het incident klopt niet: ${errors.map((e) => `${e.path.replace(/^body\./, '')} (${e.message})`).join('; ')}.`, errors);
}

const inFuture = (at: Date, now: Date) => at.getTime() > now.getTime() + CLOCK_SKEW_MS;
const toDate = (v: string | null | undefined) => (v == null ? null : new Date(v));

export async function createIncident(ctx: OrgCtx, input: IncidentCreate, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const awareAt = new Date(input.awareAt);
  const startedAt = toDate(input.startedAt);
  const errors: ProblemField[] = [];
  if (inFuture(awareAt, now)) errors.push({ path: 'body.awareAt', message: 'het moment van bewustwording kan niet in de toekomst liggen' });
  if (startedAt && inFuture(startedAt, now)) errors.push({ path: 'body.startedAt', message: 'het begin van het incident kan niet in de toekomst liggen' });
  if (startedAt && startedAt.getTime() > awareAt.getTime())
    errors.push({ path: 'body.startedAt', message: 'het incident kan niet later zijn begonnen dan het moment waarop de organisatie er zich bewust van werd' });
  errors.push(...(await memberProblems(tx, org.id, input.handlerIds, 'body.handlerIds')));
  errors.push(...(await nodeLinkProblems(tx, org.id, input.links)));
  if (errors.length) fail(errors);

  const ref = await nextRef(tx, org.id, localYear(awareAt));
  const [row] = await tx
    .insert(incidents)
    .values({
      organisationId: org.id,
      ref,
      title: input.title,
      description: input.description ?? '',
      category: input.category,
      severity: input.severity,
      impact: input.impact ?? '',
      startedAt,
      awareAt,
      createdByUserId: ctx.principal.userId,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (input.handlerIds?.length) await replaceHandlers(tx, org.id, row.id, input.handlerIds);
  if (input.links?.length) await replaceLinks(tx, org.id, row.id, input.links);
  await writeEvent(tx, { organisationId: org.id, incidentId: row.id, kind: 'status', text: 'Incident geregistreerd', occurredAt: now, recordedAt: now, actor: actorOf(ctx) });
  audit.record({
    organisationId: org.id,
    entityType: 'incident',
    entityId: row.id,
    action: 'create',
    after: {
      ref,
      title: row.title,
      category: row.category,
      severity: row.severity,
      status: row.status,
      startedAt: row.startedAt,
      awareAt: row.awareAt,
      handlerIds: [...new Set(input.handlerIds ?? [])].sort(),
      links: (input.links ?? []).map((l) => `${l.type}:${l.id}`).sort(),
    },
  });
  return presentIncident(tx, org.id, row, now);
}

export async function getIncident(ctx: OrgCtx, id: string, now: Date = new Date()) {
  const row = await loadIncident(ctx.tx, ctx.org.id, id);
  if (!row) throw notFound();
  return presentIncident(ctx.tx, ctx.org.id, row, now);
}

/** Loads the incident or answers 404 (for the sub-resources). */
export async function requireIncident(ctx: OrgCtx, id: string): Promise<IncidentRow> {
  const row = await loadIncident(ctx.tx, ctx.org.id, id);
  if (!row) throw notFound();
  return row;
}

const FIELDS = ['title', 'description', 'category', 'severity', 'impact', 'status', 'startedAt', 'awareAt', 'handledAt', 'closedAt'] as const;
type Field = (typeof FIELDS)[number];
const MOMENTS = ['awareAt', 'startedAt', 'handledAt'] as const;
const time = (d: Date | null) => (d ? d.getTime() : null);

export async function updateIncident(ctx: OrgCtx, id: string, input: IncidentPatch, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const old = await requireIncident(ctx, id);
  const next: Pick<IncidentRow, Field> = {
    title: input.title ?? old.title,
    description: input.description ?? old.description,
    category: input.category ?? old.category,
    severity: input.severity ?? old.severity,
    impact: input.impact ?? old.impact,
    status: input.status ?? old.status,
    startedAt: input.startedAt !== undefined ? toDate(input.startedAt) : old.startedAt,
    awareAt: input.awareAt !== undefined ? new Date(input.awareAt) : old.awareAt,
    handledAt: input.handledAt !== undefined ? toDate(input.handledAt) : old.handledAt,
    closedAt: old.closedAt,
  };
  // the status decides the handled and closed moments when they are not given
  if (input.status && input.status !== old.status) {
    if ((next.status === 'afgehandeld' || next.status === 'gesloten') && !next.handledAt) next.handledAt = now;
    next.closedAt = next.status === 'gesloten' ? now : null;
  }

  const errors: ProblemField[] = [];
  const corrected = MOMENTS.filter((m) => old[m] !== null && time(old[m]) !== time(next[m]));
  if (corrected.length && !input.correctionReason) {
    for (const m of corrected) errors.push({ path: `body.${m}`, message: `een vastgelegd moment corrigeren kan alleen met een reden (correctionReason)` });
  }
  for (const m of MOMENTS) {
    const v = next[m];
    if (v && time(v) !== time(old[m]) && inFuture(v, now)) errors.push({ path: `body.${m}`, message: `${MOMENT_LABEL[m].toLowerCase()} kan niet in de toekomst liggen` });
  }
  if (next.startedAt && next.startedAt.getTime() > next.awareAt.getTime())
    errors.push({ path: 'body.startedAt', message: 'het incident kan niet later zijn begonnen dan het moment waarop de organisatie er zich bewust van werd' });
  if (next.handledAt && next.handledAt.getTime() < next.awareAt.getTime())
    errors.push({ path: 'body.handledAt', message: 'het incident kan niet zijn afgehandeld vóór het moment van bewustwording' });
  if (time(next.awareAt) !== time(old.awareAt)) {
    const firstSent = (await reportsOf(tx, org.id, [id])).filter((r) => r.sentAt).sort((a, b) => new Date(a.sentAt!).getTime() - new Date(b.sentAt!).getTime())[0];
    if (firstSent && new Date(firstSent.sentAt!).getTime() < next.awareAt.getTime())
      errors.push({ path: 'body.awareAt', message: `er is al een melding verzonden op ${localTime(new Date(firstSent.sentAt!))}; het moment van bewustwording kan niet later liggen` });
  }
  errors.push(...(await memberProblems(tx, org.id, input.handlerIds, 'body.handlerIds')));
  errors.push(...(await nodeLinkProblems(tx, org.id, input.links)));
  if (errors.length) fail(errors);

  const changed = FIELDS.filter((k) => {
    const a = old[k];
    const b = next[k];
    return a instanceof Date || b instanceof Date || a === null || b === null ? time(a as Date | null) !== time(b as Date | null) : a !== b;
  });
  const oldHandlers = input.handlerIds ? await handlerIdsOf(tx, org.id, id) : undefined;
  const newHandlers = input.handlerIds ? [...new Set(input.handlerIds)].sort() : undefined;
  const handlersChanged = !!oldHandlers && JSON.stringify(oldHandlers) !== JSON.stringify(newHandlers);
  const key = (l: LinkRef[]) => [...new Set(l.map((x) => `${x.type}:${x.id}`))].sort();
  const oldLinks = input.links ? key(await linksOf(tx, org.id, id)) : undefined;
  const newLinks = input.links ? key(input.links) : undefined;
  const linksChanged = !!oldLinks && JSON.stringify(oldLinks) !== JSON.stringify(newLinks);
  if (!changed.length && !handlersChanged && !linksChanged) return presentIncident(tx, org.id, old, now);

  const [row] = await tx
    .update(incidents)
    .set({ ...Object.fromEntries(changed.map((k) => [k, next[k]])), updatedAt: now })
    .where(and(eq(incidents.id, id), eq(incidents.organisationId, org.id)))
    .returning();
  if (handlersChanged) await replaceHandlers(tx, org.id, id, newHandlers!);
  if (linksChanged) await replaceLinks(tx, org.id, id, input.links!);

  const actor = actorOf(ctx);
  const event = (kind: 'status' | 'moment', text: string) => writeEvent(tx, { organisationId: org.id, incidentId: id, kind, text, occurredAt: now, recordedAt: now, actor });
  for (const m of MOMENTS) {
    if (!changed.includes(m)) continue;
    if (old[m] === null) await event('moment', `${MOMENT_LABEL[m]} vastgelegd: ${localTime(next[m])}`);
    else await event('moment', `${MOMENT_LABEL[m]} gecorrigeerd: ${localTime(old[m])} → ${localTime(next[m])}. Reden: ${input.correctionReason}`);
  }
  if (changed.includes('status')) {
    await event('status', `Status gewijzigd: ${STATUS_LABEL[old.status as IncidentStatus]} → ${STATUS_LABEL[next.status as IncidentStatus]}`);
  }

  const pick = (f: Pick<IncidentRow, Field>) => Object.fromEntries(changed.map((k) => [k, f[k]]));
  audit.record({
    organisationId: org.id,
    entityType: 'incident',
    entityId: id,
    action: 'update',
    before: { ...pick(old), ...(handlersChanged ? { handlerIds: oldHandlers } : {}), ...(linksChanged ? { links: oldLinks } : {}) },
    after: {
      ...pick(next),
      ...(handlersChanged ? { handlerIds: newHandlers } : {}),
      ...(linksChanged ? { links: newLinks } : {}),
      ...(corrected.some((m) => changed.includes(m)) ? { correctionReason: input.correctionReason } : {}),
    },
  });
  return presentIncident(tx, org.id, row, now);
}

export interface IncidentListQuery {
  status: IncidentStatus | 'actief' | 'alle';
  severity?: IncidentSeverity;
  category?: IncidentCategory;
  overdue?: 'true' | 'false';
  q?: string;
  limit: number;
  cursor?: string;
}

/**
 * SQL that is true for every incident that may be overdue (a superset): some deadline of a regime that
 * applies has no sent report and its from-moment plus the shortest its period can be lies before now.
 * The exact state is then computed per incident with the rule files.
 */
function mayBeOverdue(now: Date): SQL {
  const sentAt = (kind: string) => sql`(select r.sent_at from ${incidentReports} r where r.incident_id = ${incidents.id} and r.kind = ${kind} and r.sent_at is not null)`;
  const parts: SQL[] = [];
  for (const regime of ['cbw', 'avg'] as Regime[]) {
    const applies = regime === 'cbw' ? sql`${incidents.cbwSignificant} is true` : sql`${incidents.avgBreach} is true`;
    for (const rule of rulesOf(regime)) {
      const from = rule.from === 'aware' ? sql`${incidents.awareAt}` : rule.from === 'handled' ? sql`${incidents.handledAt}` : sentAt('incident-notification');
      const bound = new Date(now.getTime() - minimumHours(rule) * 3_600_000);
      parts.push(sql`(${applies} and ${sentAt(rule.id)} is null and ${from} < ${bound})`);
    }
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

/**
 * The register, newest awareness first (awareAt desc, id desc) with a keyset cursor on that key. Each row
 * carries its computed next deadline and overdue flag. The overdue filter: `true` selects a superset in SQL
 * (mayBeOverdue) and keeps the exact ones; `false` drops the exact ones from the same superset. With that
 * filter the candidates are checked in code in full (the open incidents of one organisation: a few
 * hundred at most), so total and paging stay exact.
 */
export async function listIncidents(ctx: OrgCtx, q: IncidentListQuery, now: Date = new Date()) {
  const { tx, org } = ctx;
  const after = q.cursor ? decodeCursor(q.cursor, [CURSOR_PART.timestamp, CURSOR_PART.uuid]) : null;
  const filters: (SQL | undefined)[] = [
    eq(incidents.organisationId, org.id),
    q.status === 'alle' ? undefined : q.status === 'actief' ? ne(incidents.status, 'gesloten') : eq(incidents.status, q.status),
    q.severity ? eq(incidents.severity, q.severity) : undefined,
    q.category ? eq(incidents.category, q.category) : undefined,
    q.q ? or(ilike(incidents.title, containsPattern(q.q)), ilike(incidents.ref, containsPattern(q.q)), ilike(incidents.description, containsPattern(q.q))) : undefined,
    q.overdue === 'true' ? mayBeOverdue(now) : undefined,
  ];
  const keyset = after ? or(lt(incidents.awareAt, new Date(after[0])), and(eq(incidents.awareAt, new Date(after[0])), lt(incidents.id, after[1]))) : undefined;
  const order = [desc(incidents.awareAt), desc(incidents.id)];

  let page: IncidentRow[];
  let more: boolean;
  let total: number;
  let reports;
  if (q.overdue) {
    // exact check in code over the candidates (see above)
    const candidates = await tx.select().from(incidents).where(and(...filters)).orderBy(...order);
    const candReports = await reportsOf(tx, org.id, candidates.map((c) => c.id));
    const exact = candidates.filter((c) => overdueOf(incidentDeadlines(c, candReports.filter((r) => r.incidentId === c.id), now)) === (q.overdue === 'true'));
    total = exact.length;
    const start = after ? exact.findIndex((c) => c.awareAt.getTime() < new Date(after[0]).getTime() || (c.awareAt.getTime() === new Date(after[0]).getTime() && c.id < after[1])) : 0;
    const rest = start < 0 ? [] : exact.slice(start);
    page = rest.slice(0, q.limit);
    more = rest.length > q.limit;
    reports = candReports;
  } else {
    const rows = await tx
      .select()
      .from(incidents)
      .where(and(...filters, keyset))
      .orderBy(...order)
      .limit(q.limit + 1);
    page = rows.slice(0, q.limit);
    more = rows.length > q.limit;
    total = Number((await tx.select({ n: sql<number>`count(*)::int` }).from(incidents).where(and(...filters)))[0].n);
    reports = await reportsOf(tx, org.id, page.map((r) => r.id));
  }
  const last = page[page.length - 1];
  return {
    items: page.map((r) => presentSummary(r, reports.filter((x) => x.incidentId === r.id), now)),
    total,
    nextCursor: more && last ? encodeCursor([last.awareAt.toISOString(), last.id]) : null,
  };
}
