import { sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { risks } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { addDays, localDate } from '../../../shared/dates.js';
import { RISK_DOMAINS, RISK_LEVELS, type RiskDomain, type RiskLevel } from '../../../shared/risk-matrix.js';
import { REVIEW_SOON_DAYS } from './manage-risks.js';
import { presentSummaries } from './present.js';
import { loadMatrix, presentMatrix, type RiskRow } from './repo.js';

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
  const matrix = await loadMatrix(tx, org.id);
  const domainFilter = q.domain ? sql`and r.domain = ${q.domain}` : sql``;
  const cells = rowsOf<{ axis: 'inherent' | 'residual'; l: number; i: number; n: number }>(
    await tx.execute(sql`
      select 'inherent' as axis, inherent_likelihood::int as l, inherent_impact::int as i, count(*)::int as n
      from risks r where r.organisation_id = ${org.id} and r.status = 'open' ${domainFilter} group by 2, 3
      union all
      select 'residual', residual_likelihood::int, residual_impact::int, count(*)::int
      from risks r where r.organisation_id = ${org.id} and r.status = 'open' ${domainFilter} group by 2, 3`),
  );
  const grid = () => matrix.likelihoodLabels.map(() => matrix.impactLabels.map(() => 0));
  const heat = { inherent: grid(), residual: grid() };
  for (const c of cells) {
    const row = heat[c.axis][Number(c.l) - 1];
    if (row && Number(c.i) >= 1 && Number(c.i) <= row.length) row[Number(c.i) - 1] += Number(c.n);
  }

  const levels = rowsOf<{ domain: RiskDomain; level: RiskLevel; n: number }>(
    await tx.execute(sql`
      select domain, residual_level as level, count(*)::int as n from risks r
      where r.organisation_id = ${org.id} and r.status = 'open' ${domainFilter} group by 1, 2`),
  );
  const domains = q.domain ? [q.domain as RiskDomain] : [...RISK_DOMAINS];
  const byDomain = domains.map((domain) => {
    const residual = zeroLevels();
    for (const l of levels.filter((x) => x.domain === domain)) if (l.level in residual) residual[l.level] += Number(l.n);
    return { domain, total: Object.values(residual).reduce((a, b) => a + b, 0), residual };
  });

  const topIds = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select id from (
        select r.id, row_number() over (partition by r.domain order by r.residual_likelihood * r.residual_impact desc, r.ref) as rank
        from risks r where r.organisation_id = ${org.id} and r.status = 'open' ${domainFilter}) t
      where rank <= ${TOP}`),
  ).map((r) => r.id);
  const topRows: RiskRow[] = topIds.length ? await tx.select().from(risks).where(sql`${risks.id} = any(${`{${topIds.join(',')}}`}::uuid[])`) : [];
  const summaries = await presentSummaries(tx, org.id, matrix, topRows, today);
  const top = domains.map((domain) => ({
    domain,
    risks: summaries.filter((s) => s.domain === domain).sort((a, b) => b.residual.score - a.residual.score || a.ref.localeCompare(b.ref)),
  }));

  const [attention] = rowsOf<{ reviewDue: number; acceptancesExpiring: number }>(
    await tx.execute(sql`
      select
        (select count(*)::int from risks r where r.organisation_id = ${org.id} and r.status = 'open' ${domainFilter}
           and r.review_date is not null and r.review_date <= ${addDays(today, REVIEW_SOON_DAYS)}) as "reviewDue",
        (select count(distinct r.id)::int from risks r join risk_acceptances a on a.risk_id = r.id and a.revoked_at is null
           where r.organisation_id = ${org.id} and r.status = 'open' and r.treatment = 'accept' ${domainFilter}
             and a.valid_until <= ${addDays(today, ACCEPTANCE_SOON_DAYS)}) as "acceptancesExpiring"`),
  );
  return {
    matrix: presentMatrix(matrix),
    inherent: heat.inherent,
    residual: heat.residual,
    byDomain,
    top,
    reviewDue: Number(attention?.reviewDue ?? 0),
    acceptancesExpiring: Number(attention?.acceptancesExpiring ?? 0),
  };
}
