import { and, eq, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { risks, users } from '../../core/db/schema.js';
import { parseJson, rowsOf, uuidArray } from '../../core/db/rows.js';
import { addDays, localDate } from '../../../shared/dates.js';
import { RISK_DOMAINS, RISK_LEVELS, type RiskDomain, type RiskLevel } from '../../../shared/risk-matrix.js';
import { REVIEW_SOON_DAYS } from './manage-risks.js';
import { presentSummaries } from './present.js';
import { matrixFrom, matrixJson, presentMatrix, splitSummaryRows, summaryColumns } from './repo.js';

/** Acceptances ending within this many days (or ended) count as expiring. */
export const ACCEPTANCE_SOON_DAYS = 30;
const TOP = 5;

const zeroLevels = () => Object.fromEntries(RISK_LEVELS.map((l) => [l, 0])) as Record<RiskLevel, number>;

/**
 * The heat maps (inherent and residual) of the open risks, counts per domain and level, the top risks per
 * domain, and what needs attention (reviews due, acceptances ending). Optionally for one domain.
 */
export async function riskOverview(ctx: OrgCtx, q: { domain?: string }, today = localDate()) {
  const { tx, org } = ctx;
  const domainFilter = q.domain ? sql`and r.domain = ${q.domain}` : sql``;
  // Round trip 1: the matrix, both heat maps, the counts per domain and level, the ids of the top risks
  // and what needs attention, each a json column over the organisation's open risks.
  const [facts] = rowsOf<{ matrix: unknown; cells: unknown; levels: unknown; top: unknown; reviewDue: number; acceptancesExpiring: number }>(
    await tx.execute(sql`
      with o as materialized (
        select r.id, r.domain, r.ref, r.residual_level, r.review_date, r.treatment,
               r.inherent_likelihood::int as il, r.inherent_impact::int as ii, r.residual_likelihood::int as rl, r.residual_impact::int as ri
        from risks r where r.organisation_id = ${org.id} and r.status = 'open' ${domainFilter})
      select ${matrixJson(org.id)} as matrix,
        (select coalesce(json_agg(c), '[]') from (
           select 'inherent' as axis, il as l, ii as i, count(*)::int as n from o group by 2, 3
           union all
           select 'residual', rl, ri, count(*)::int from o group by 2, 3) c) as cells,
        (select coalesce(json_agg(x), '[]') from (select domain, residual_level as level, count(*)::int as n from o group by 1, 2) x) as levels,
        (select coalesce(json_agg(t.id), '[]') from (
           select o.id, row_number() over (partition by o.domain order by o.rl * o.ri desc, o.ref) as rank from o) t
         where t.rank <= ${TOP}) as top,
        (select count(*)::int from o where o.review_date is not null and o.review_date <= ${addDays(today, REVIEW_SOON_DAYS)}) as "reviewDue",
        (select count(distinct o.id)::int from o join risk_acceptances a on a.risk_id = o.id and a.revoked_at is null
           where o.treatment = 'accept' and a.valid_until <= ${addDays(today, ACCEPTANCE_SOON_DAYS)}) as "acceptancesExpiring"`),
  );
  const matrix = matrixFrom(parseJson(facts.matrix));
  const grid = () => matrix.likelihoodLabels.map(() => matrix.impactLabels.map(() => 0));
  const heat = { inherent: grid(), residual: grid() };
  for (const c of parseJson<{ axis: 'inherent' | 'residual'; l: number; i: number; n: number }[]>(facts.cells)) {
    const row = heat[c.axis][Number(c.l) - 1];
    if (row && Number(c.i) >= 1 && Number(c.i) <= row.length) row[Number(c.i) - 1] += Number(c.n);
  }

  const levels = parseJson<{ domain: RiskDomain; level: RiskLevel; n: number }[]>(facts.levels);
  const domains = q.domain ? [q.domain as RiskDomain] : [...RISK_DOMAINS];
  const byDomain = domains.map((domain) => {
    const residual = zeroLevels();
    for (const l of levels.filter((x) => x.domain === domain)) if (l.level in residual) residual[l.level] += Number(l.n);
    return { domain, total: Object.values(residual).reduce((a, b) => a + b, 0), residual };
  });

  // Round trip 2: the top risks with their owners and acceptances.
  const topIds = parseJson<string[]>(facts.top);
  const selected = topIds.length
    ? await tx
        .select(summaryColumns)
        .from(risks)
        .leftJoin(users, eq(users.id, risks.ownerId))
        .where(and(eq(risks.organisationId, org.id), sql`${risks.id} = any(${uuidArray(topIds)}::uuid[])`))
    : [];
  const { rows: topRows, extras } = splitSummaryRows(selected);
  const summaries = await presentSummaries(tx, org.id, matrix, topRows, today, extras);
  const top = domains.map((domain) => ({
    domain,
    risks: summaries.filter((s) => s.domain === domain).sort((a, b) => b.residual.score - a.residual.score || a.ref.localeCompare(b.ref)),
  }));

  return {
    matrix: presentMatrix(matrix),
    inherent: heat.inherent,
    residual: heat.residual,
    byDomain,
    top,
    reviewDue: Number(facts.reviewDue),
    acceptancesExpiring: Number(facts.acceptancesExpiring),
  };
}
