import { sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { rowsOf } from '../../core/db/rows.js';
import { loadYear } from './assessment-years.js';

const RANK: Record<string, number> = { niet_beoordeeld: 0, voldoet_niet: 1, voldoet_deels: 2, voldoet: 3 };

/**
 * What improved and what slipped between two years, per requirement (matched on framework and ref,
 * so a requirement that moved in a new version of a framework shows as removed + added). A requirement
 * not assessed yet in the later year is "open", not a slip.
 */
export async function diffYears({ tx, org }: OrgCtx, year: number, against: number) {
  const a = await loadYear(tx, org.id, against);
  const b = await loadYear(tx, org.id, year);
  const rows = rowsOf<{ framework: string; ref: string; title: string; position: number; before: string | null; after: string | null }>(
    await tx.execute(sql`
      with x as (select r.framework_id, r.ref, r.title, r.position, case when a.applicable then a.result else 'n.v.t.' end as result
                 from requirement_assessments a join requirements r on r.id = a.requirement_id where a.year_id = ${a.id}),
           y as (select r.framework_id, r.ref, r.title, r.position, case when a.applicable then a.result else 'n.v.t.' end as result
                 from requirement_assessments a join requirements r on r.id = a.requirement_id where a.year_id = ${b.id})
      select coalesce(y.framework_id, x.framework_id) as framework, coalesce(y.ref, x.ref) as ref, coalesce(y.title, x.title) as title,
             coalesce(y.position, x.position) as position, x.result as before, y.result as after
      from x full outer join y on x.framework_id = y.framework_id and x.ref = y.ref
      order by 1, 4`),
  );
  const summary = { improved: 0, slipped: 0, open: 0, unchanged: 0, added: 0, removed: 0 };
  const items = [];
  for (const r of rows) {
    let change: 'improved' | 'slipped' | 'open' | 'added' | 'removed' | null;
    if (r.before === null) change = 'added';
    else if (r.after === null) change = 'removed';
    else if (r.after === 'niet_beoordeeld' && r.before !== 'niet_beoordeeld') change = 'open'; // not assessed yet this year
    else {
      const d = (RANK[r.after] ?? -1) - (RANK[r.before] ?? -1);
      change = r.before === r.after || d === 0 ? null : d > 0 ? 'improved' : 'slipped';
    }
    if (change === null) {
      summary.unchanged++;
      continue;
    }
    summary[change]++;
    const norm = (v: string | null) => (v === null || v === 'n.v.t.' ? null : (v as any));
    items.push({ framework: r.framework, ref: r.ref, title: r.title, change, before: norm(r.before), after: norm(r.after) });
  }
  return { from: against, to: year, summary, items };
}
