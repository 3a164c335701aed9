import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { complianceProgress } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import type { YearRow } from './assessment-years.js';

/** Rewrites the maintained progress numbers of one organisation's year (called after every change to it). */
export async function refreshProgress(tx: Executor, y: YearRow, perFramework: { framework: string; total: number; applicable: number; voldoet: number; voldoet_deels: number; voldoet_niet: number; niet_beoordeeld: number }[]) {
  await tx.delete(complianceProgress).where(and(eq(complianceProgress.organisationId, y.organisationId), eq(complianceProgress.year, y.year)));
  if (perFramework.length === 0) return;
  await tx.insert(complianceProgress).values(
    perFramework.map((p) => ({
      organisationId: y.organisationId,
      year: y.year,
      frameworkId: p.framework,
      total: p.total,
      applicable: p.applicable,
      voldoet: p.voldoet,
      voldoetDeels: p.voldoet_deels,
      voldoetNiet: p.voldoet_niet,
      nietBeoordeeld: p.niet_beoordeeld,
      phase: y.phase,
      signed: !!y.signedAt,
      updatedAt: new Date(),
    })),
  );
}

/**
 * The CSIRT's (or veiligheidsregio's) overview: per connected gemeente and framework the share of
 * applicable requirements that voldoet, from the maintained aggregate (no scan of assessments).
 */
export async function complianceOverview({ tx, org }: OrgCtx, year: number) {
  const rows = rowsOf<{
    slug: string;
    name: string;
    framework: string;
    applicable: number;
    voldoet: number;
    voldoet_deels: number;
    niet_beoordeeld: number;
    phase: string;
    signed: boolean;
  }>(
    await tx.execute(sql`
      select o.slug, o.name, p.framework_id as framework, p.applicable::int, p.voldoet::int, p.voldoet_deels::int,
             p.niet_beoordeeld::int, p.phase, p.signed
      from compliance_progress p join organisations o on o.id = p.organisation_id
      where p.year = ${year}
      order by o.name, p.framework_id`),
  );
  const byOrg = new Map<string, { organisation: { slug: string; name: string }; phase: any; signed: boolean; frameworks: any[] }>();
  for (const r of rows) {
    const e = byOrg.get(r.slug) ?? { organisation: { slug: r.slug, name: r.name }, phase: r.phase, signed: r.signed, frameworks: [] };
    e.frameworks.push({
      framework: r.framework,
      applicable: r.applicable,
      voldoet: r.voldoet,
      voldoetDeels: r.voldoet_deels,
      nietBeoordeeld: r.niet_beoordeeld,
      percentVoldoet: r.applicable ? Math.round((1000 * r.voldoet) / r.applicable) / 10 : 0,
    });
    byOrg.set(r.slug, e);
  }
  return { year, viewer: org.slug, items: [...byOrg.values()] };
}
