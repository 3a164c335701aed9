import { asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/http/pipeline.js';
import { highRiskCountries } from '../../core/db/schema.js';
import { notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { countryName } from './countries.js';

/*
 * The installation-wide list of countries with offensive cyber programmes. Every signed-in user reads it
 * (it explains a supplier's high-risk flag); only an installation admin changes it, audited on the
 * installation chain.
 */

const present = (r: typeof highRiskCountries.$inferSelect) => ({ code: r.countryCode, name: countryName(r.countryCode), reason: r.reason, addedAt: iso(r.addedAt)! });

export async function listHighRiskCountries(ctx: Ctx) {
  const rows = await ctx.tx.select().from(highRiskCountries).orderBy(asc(highRiskCountries.countryCode));
  return { items: rows.map(present) };
}

/** Adds the country or changes its reason; `created` tells which. */
export async function putHighRiskCountry(ctx: Ctx, code: string, reason: string) {
  const [before] = await ctx.tx.select().from(highRiskCountries).where(eq(highRiskCountries.countryCode, code));
  const [row] = await ctx.tx
    .insert(highRiskCountries)
    .values({ countryCode: code, reason })
    .onConflictDoUpdate({ target: highRiskCountries.countryCode, set: { reason } })
    .returning();
  if (!before || before.reason !== reason) {
    ctx.audit.record({
      organisationId: null,
      entityType: 'high_risk_country',
      entityId: code,
      action: before ? 'update' : 'create',
      before: before ? { reason: before.reason } : null,
      after: { country: countryName(code), reason },
    });
  }
  return { created: !before, item: present(row) };
}

export async function deleteHighRiskCountry(ctx: Ctx, code: string) {
  const [removed] = await ctx.tx.delete(highRiskCountries).where(eq(highRiskCountries.countryCode, code)).returning();
  if (!removed) throw notFound('Dit land staat niet op de lijst.');
  ctx.audit.record({ organisationId: null, entityType: 'high_risk_country', entityId: code, action: 'delete', before: { country: countryName(code), reason: removed.reason } });
}
