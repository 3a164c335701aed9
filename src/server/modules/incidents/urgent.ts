import { and, eq, ne } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { orgAllows } from '../../core/http/pipeline.js';
import { incidents } from '../../core/db/schema.js';
import { incidentDeadlines } from './deadlines.js';
import { P } from './policies.js';
import { reportsOf } from './repo.js';

/** A deadline counts as urgent from this many hours before it is due. */
export const URGENT_HOURS = 24;

/**
 * The legal deadlines of the organisation's active incidents that have passed without the report or fall
 * due within a day, most urgent first — for the CISO's "Aandacht nodig". Empty for a caller who may not
 * read incidents. An organisation has few active incidents, so they are all read and judged in code with
 * the same computation as everywhere else.
 */
export async function urgentDeadlines(ctx: OrgCtx, now: Date = new Date()) {
  if (!orgAllows(ctx.org, P['incidents.read'])) return [];
  const { tx, org } = ctx;
  const active = await tx
    .select()
    .from(incidents)
    .where(and(eq(incidents.organisationId, org.id), ne(incidents.status, 'gesloten')));
  if (active.length === 0) return [];
  const reports = await reportsOf(
    tx,
    org.id,
    active.map((i) => i.id),
  );
  const horizon = now.getTime() + URGENT_HOURS * 3_600_000;
  return active
    .flatMap((i) =>
      incidentDeadlines(
        i,
        reports.filter((r) => r.incidentId === i.id),
        now,
      )
        .filter((d) => d.state === 'te_laat' || (d.state === 'open' && new Date(d.due).getTime() <= horizon))
        .map((d) => ({ incident: { id: i.id, ref: i.ref, title: i.title }, deadline: { id: d.id, name: d.name, due: d.due, overdue: d.overdue } })),
    )
    .sort((a, b) => a.deadline.due.localeCompare(b.deadline.due));
}
