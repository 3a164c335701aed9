import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { measureRequirements, measures, requirements, users } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { badRequest } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { PROCUREMENT_KIND } from './package.js';

export type MeasureRow = typeof measures.$inferSelect;

export interface LinkInput {
  framework: string;
  ref: string;
  coverage: 'full' | 'partial';
}

/** Resolves (framework, ref) pairs to requirement ids; unknown or non-assessable ones are a 400 that names them. */
export async function resolveLinks(tx: Executor, links: LinkInput[]) {
  if (links.length === 0) return [];
  const rows = rowsOf<{ id: string; framework: string; ref: string; assessable: boolean }>(
    await tx.execute(sql`
      select r.id, r.framework_id as framework, r.ref, r.assessable from requirements r
      join frameworks f on f.id = r.framework_id and f.kind <> ${PROCUREMENT_KIND}
      join (select * from jsonb_to_recordset(${JSON.stringify(links.map((l) => ({ f: l.framework, r: l.ref })))}::jsonb) as x(f text, r text)) x
        on x.f = r.framework_id and x.r = r.ref`),
  );
  const byKey = new Map(rows.map((r) => [`${r.framework}|${r.ref}`, r]));
  const errors = links.flatMap((l, i) => {
    const r = byKey.get(`${l.framework}|${l.ref}`);
    if (!r) return [{ path: `body.requirements.${i}`, message: `eis ${l.ref} bestaat niet in ${l.framework}` }];
    if (!r.assessable) return [{ path: `body.requirements.${i}`, message: `${l.ref} is een hoofdstuk, geen beoordeelbare eis` }];
    return [];
  });
  if (errors.length) throw badRequest('Niet alle gekoppelde eisen bestaan.', errors);
  const unique = new Map(links.map((l) => [byKey.get(`${l.framework}|${l.ref}`)!.id, l.coverage]));
  return [...unique].map(([requirementId, coverage]) => ({ requirementId, coverage }));
}

export async function replaceLinks(tx: Executor, organisationId: string, measureId: string, links: { requirementId: string; coverage: string }[]) {
  await tx.delete(measureRequirements).where(eq(measureRequirements.measureId, measureId));
  if (links.length) await tx.insert(measureRequirements).values(links.map((l) => ({ organisationId, measureId, ...l })));
}

/** Per measure: failing and passing signal checks, and linked evidence; one query for the whole page. */
async function measureCounts(tx: Executor, ids: string[]) {
  const rows = rowsOf<{ id: string; failing: number; passing: number; evidenceCount: number }>(
    await tx.execute(sql`
      select m.id, coalesce(s.failing, 0)::int as failing, coalesce(s.passing, 0)::int as passing, coalesce(e.n, 0)::int as "evidenceCount"
      from measures m
      left join (select measure_id, count(*) filter (where not passed) as failing, count(*) filter (where passed) as passing
                 from measure_signal_state where measure_id in ${ids} group by measure_id) s on s.measure_id = m.id
      left join (select measure_id, count(*) as n from measure_evidence where measure_id in ${ids} group by measure_id) e on e.measure_id = m.id
      where m.id in ${ids}`),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Measures with owner, links, signal state and evidence count, presented; one query each for the whole page. */
export async function presentMeasures(tx: Executor, rows: MeasureRow[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((m) => m.id);
  const links = await tx
    .select({
      measureId: measureRequirements.measureId,
      requirementId: requirements.id,
      framework: requirements.frameworkId,
      ref: requirements.ref,
      title: requirements.title,
      coverage: measureRequirements.coverage,
    })
    .from(measureRequirements)
    .innerJoin(requirements, eq(requirements.id, measureRequirements.requirementId))
    .where(inArray(measureRequirements.measureId, ids))
    .orderBy(requirements.frameworkId, requirements.position);
  const ownerIds = [...new Set(rows.map((m) => m.ownerId).filter(Boolean))] as string[];
  const owners = ownerIds.length
    ? new Map((await tx.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, ownerIds))).map((u) => [u.id, u]))
    : new Map();
  const counts = await measureCounts(tx, ids);
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    description: m.description,
    owner: m.ownerId ? (owners.get(m.ownerId) ?? null) : null,
    status: m.status as any,
    createdAt: iso(m.createdAt)!,
    updatedAt: iso(m.updatedAt)!,
    requirements: links.filter((l) => l.measureId === m.id).map(({ measureId: _, ...l }) => ({ ...l, coverage: l.coverage as 'full' | 'partial' })),
    signals: { failing: Number(counts.get(m.id)?.failing ?? 0), passing: Number(counts.get(m.id)?.passing ?? 0) },
    evidenceCount: Number(counts.get(m.id)?.evidenceCount ?? 0),
  }));
}

export async function loadMeasure(tx: Executor, organisationId: string, id: string) {
  const [m] = await tx.select().from(measures).where(and(eq(measures.id, id), eq(measures.organisationId, organisationId)));
  return m ?? null;
}

/** The owner must be a member of the organisation (the users RLS policy only shows members). */
export async function assertOwnerIsMember(tx: Executor, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [u] = await tx.select({ id: users.id }).from(users).where(eq(users.id, ownerId));
  if (!u) throw badRequest('De eigenaar is geen lid van deze organisatie.', [{ path: 'body.ownerId', message: 'geen lid' }]);
}
