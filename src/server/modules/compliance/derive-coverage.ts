import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { frameworks, requirements } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { notFound } from '../../core/http/problem.js';
import { coverageOf, PROCUREMENT_KIND } from './package.js';

type Result = 'voldoet' | 'voldoet_deels' | 'voldoet_niet' | 'niet_beoordeeld';

interface SourceRow {
  requirementId: string;
  measureId: string;
  measureTitle: string;
  measureStatus: string;
  linkCoverage: 'full' | 'partial';
  via: 'direct' | 'forward' | 'reverse';
  mappingSet: string | null;
  otherFramework: string | null;
  otherRef: string | null;
  relationship: string | null;
  strength: number | null;
  rationale: string | null;
}

/**
 * Assess once, comply many: for every assessable requirement of a framework, every measure that
 * answers it — directly, or through a mapping from a requirement of another framework in either
 * direction — with where the answer came from. All sources count (not only the first one).
 * A mapping covers the whole target for equal (and superset forward / subset reverse), part of it otherwise;
 * a partial link or a partial mapping makes the source partial. Only implemented measures count.
 * Transition tables inside one framework (old number → new number) do not count as sources.
 */
export async function deriveCoverage({ tx, org }: OrgCtx, frameworkId: string) {
  const [f] = await tx.select({ id: frameworks.id }).from(frameworks).where(and(eq(frameworks.id, frameworkId), ne(frameworks.kind, PROCUREMENT_KIND)));
  if (!f) throw notFound();
  const reqs = await tx
    .select({ id: requirements.id, ref: requirements.ref, title: requirements.title })
    .from(requirements)
    .where(and(eq(requirements.frameworkId, frameworkId), eq(requirements.assessable, true), eq(requirements.status, 'active')))
    .orderBy(asc(requirements.position));
  // RLS limits measure_requirements and measures to this organisation; the filter is explicit as well.
  const sources = rowsOf<SourceRow>(
    await tx.execute(sql`
      with links as (
        select mr.requirement_id, mr.coverage, m.id as measure_id, m.title, m.status
        from measure_requirements mr join measures m on m.id = mr.measure_id
        where mr.organisation_id = ${org.id} and m.status <> 'vervallen'
      )
      select r.id as "requirementId", l.measure_id as "measureId", l.title as "measureTitle", l.status as "measureStatus",
             l.coverage as "linkCoverage", 'direct' as via, null as "mappingSet", null as "otherFramework", null as "otherRef",
             null as relationship, null::int as strength, null as rationale
        from requirements r join links l on l.requirement_id = r.id
        where r.framework_id = ${frameworkId}
      union all
      select mp.target_id, l.measure_id, l.title, l.status, l.coverage, 'forward', mp.mapping_set_id, s.framework_id, s.ref,
             mp.relationship, mp.strength::int, mp.rationale
        from mappings mp join requirements t on t.id = mp.target_id join requirements s on s.id = mp.source_id
        join links l on l.requirement_id = mp.source_id
        where t.framework_id = ${frameworkId} and s.framework_id <> t.framework_id
      union all
      select mp.source_id, l.measure_id, l.title, l.status, l.coverage, 'reverse', mp.mapping_set_id, t.framework_id, t.ref,
             mp.relationship, mp.strength::int, mp.rationale
        from mappings mp join requirements s on s.id = mp.source_id join requirements t on t.id = mp.target_id
        join links l on l.requirement_id = mp.target_id
        where s.framework_id = ${frameworkId} and s.framework_id <> t.framework_id`),
  );
  const byReq = new Map<string, SourceRow[]>();
  for (const s of sources) byReq.set(s.requirementId, [...(byReq.get(s.requirementId) ?? []), s]);

  const summary = { total: reqs.length, voldoet: 0, voldoet_deels: 0, voldoet_niet: 0, niet_beoordeeld: 0 };
  const items = reqs.map((r) => {
    const list = (byReq.get(r.id) ?? []).map((s) => {
      const mapped = s.via === 'direct' ? 'full' : coverageOf(s.relationship!, s.via);
      const coverage: 'full' | 'partial' = s.linkCoverage === 'full' && mapped === 'full' ? 'full' : 'partial';
      return {
        measure: { id: s.measureId, title: s.measureTitle, status: s.measureStatus as any },
        via: s.via === 'direct' ? ('direct' as const) : ('mapping' as const),
        mapping:
          s.via === 'direct'
            ? null
            : { mappingSet: s.mappingSet!, framework: s.otherFramework!, ref: s.otherRef!, relationship: s.relationship!, strength: s.strength!, rationale: s.rationale! },
        coverage,
        counts: s.measureStatus === 'geimplementeerd',
      };
    });
    const counting = list.filter((s) => s.counts);
    const result: Result =
      list.length === 0 ? 'niet_beoordeeld' : counting.some((s) => s.coverage === 'full') ? 'voldoet' : counting.length ? 'voldoet_deels' : 'voldoet_niet';
    summary[result]++;
    return { requirementId: r.id, ref: r.ref, title: r.title, result, sources: list };
  });
  return { framework: frameworkId, summary, items };
}
