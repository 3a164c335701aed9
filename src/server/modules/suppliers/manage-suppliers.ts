import { and, asc, count, eq, getTableColumns, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { suppliers, supplierSubprocessors } from '../../core/db/schema.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { containsPattern, totalOf } from '../../core/db/rows.js';
import { addDays, localDate } from '../../../shared/dates.js';
import { removeEdgesOf } from '../dependencies/dependants.js';
import { removeRiskLinksOf } from '../risks/links.js';
import { removeIncidentLinksOf } from '../incidents/links.js';
import { CONTRACT_ENDING_DAYS, presentSuppliers, requireSupplier, type SupplierRow } from './repo.js';
import { dependantsConflict, describeDependants, type NamedDependant } from '../dependencies/dependants.js';

export interface SupplierInput {
  name?: string;
  description?: string;
  website?: string | null;
  registrationNumber?: string | null;
  countryOfOrigin?: string | null;
  processingCountries?: string[];
  processesPersonalData?: boolean;
}

const fieldsOf = (s: SupplierRow) => ({
  name: s.name,
  description: s.description,
  website: s.website,
  registrationNumber: s.registrationNumber,
  countryOfOrigin: s.countryOfOrigin,
  processingCountries: s.processingCountries,
  processesPersonalData: s.processesPersonalData,
});

const unique = (codes: string[] | undefined) => (codes ? [...new Set(codes)] : undefined);

export async function getSupplierDto(ctx: OrgCtx, id: string) {
  const s = await requireSupplier(ctx.tx, ctx.org.id, id);
  return (await presentSuppliers(ctx.tx, ctx.org.id, [s], localDate()))[0];
}

export async function createSupplier(ctx: OrgCtx, input: SupplierInput & { name: string }) {
  const { tx, org, audit } = ctx;
  const [s] = await tx
    .insert(suppliers)
    .values({
      organisationId: org.id,
      name: input.name,
      description: input.description ?? '',
      website: input.website ?? null,
      registrationNumber: input.registrationNumber ?? null,
      countryOfOrigin: input.countryOfOrigin ?? null,
      processingCountries: unique(input.processingCountries) ?? [],
      processesPersonalData: input.processesPersonalData ?? false,
    })
    .returning();
  audit.record({ organisationId: org.id, entityType: 'supplier', entityId: s.id, action: 'create', after: fieldsOf(s) });
  return (await presentSuppliers(tx, org.id, [s], localDate()))[0];
}

export async function updateSupplier(ctx: OrgCtx, id: string, input: SupplierInput) {
  const { tx, org, audit } = ctx;
  const before = await requireSupplier(tx, org.id, id);
  const values = { ...input, ...(input.processingCountries ? { processingCountries: unique(input.processingCountries) } : {}) };
  const [after] = await tx
    .update(suppliers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(suppliers.organisationId, org.id), eq(suppliers.id, id)))
    .returning();
  audit.record({ organisationId: org.id, entityType: 'supplier', entityId: id, action: 'update', before: fieldsOf(before), after: fieldsOf(after) });
  return (await presentSuppliers(tx, org.id, [after], localDate()))[0];
}

/**
 * Deletes a supplier with its contracts, agreements and certifications. When other parts depend on it
 * (dependency edges to it, or suppliers that use it as sub-processor) the answer is a 409 with that list,
 * unless force: then those links go too (audited with the deletion).
 */
export async function deleteSupplier(ctx: OrgCtx, id: string, force: boolean) {
  const { tx, org, audit } = ctx;
  const before = await requireSupplier(tx, org.id, id);
  const dependants: NamedDependant[] = await describeDependants(tx, org.id, id);
  const users = await tx
    .select({ id: suppliers.id, name: suppliers.name })
    .from(supplierSubprocessors)
    .innerJoin(suppliers, eq(suppliers.id, supplierSubprocessors.supplierId))
    .where(and(eq(supplierSubprocessors.organisationId, org.id), eq(supplierSubprocessors.subprocessorId, id)))
    .orderBy(asc(suppliers.name));
  dependants.push(...users.map((u) => ({ type: 'supplier', id: u.id, name: u.name, kind: 'subverwerker' })));
  if (dependants.length && !force) throw dependantsConflict(`Leverancier "${before.name}"`, dependants);
  const edgesRemoved = await removeEdgesOf(tx, org.id, id);
  const riskLinksRemoved = await removeRiskLinksOf(tx, org.id, id);
  await removeIncidentLinksOf(tx, org.id, id);
  await tx.delete(suppliers).where(and(eq(suppliers.organisationId, org.id), eq(suppliers.id, id)));
  audit.record({
    organisationId: org.id,
    entityType: 'supplier',
    entityId: id,
    action: 'delete',
    before: { ...fieldsOf(before), ...(dependants.length ? { dependants: dependants.map((d) => `${d.type}:${d.name} (${d.kind})`) } : {}) },
    after: { edgesRemoved, riskLinksRemoved },
  });
  return null;
}

export interface SupplierQuery {
  q?: string;
  highRisk?: 'true' | 'false';
  warning?: 'verwerkersovereenkomst_ontbreekt' | 'certificering_verlopen' | 'contract_loopt_af';
  processesPersonalData?: 'true' | 'false';
  limit: number;
  cursor?: string;
}

const HIGH_RISK = sql`(coalesce(${suppliers.countryOfOrigin} in (select h.country_code from high_risk_countries h), false)
  or ${suppliers.processingCountries} && coalesce((select array_agg(h.country_code) from high_risk_countries h), '{}'::text[]))`;

function warningCondition(code: NonNullable<SupplierQuery['warning']>, today: string): SQL {
  switch (code) {
    case 'verwerkersovereenkomst_ontbreekt':
      return sql`(${suppliers.processesPersonalData} and not exists (select 1 from processing_agreements pa where pa.supplier_id = ${suppliers.id} and pa.signed))`;
    case 'certificering_verlopen':
      return sql`exists (select 1 from supplier_certifications c where c.supplier_id = ${suppliers.id} and c.valid_until < ${today})`;
    case 'contract_loopt_af':
      return sql`exists (select 1 from supplier_contracts c where c.supplier_id = ${suppliers.id} and c.end_date >= ${today} and c.end_date <= ${addDays(today, CONTRACT_ENDING_DAYS)})`;
  }
}

/** Sorted by name, then id; the cursor is the last (name, id) of the previous page. */
export async function listSuppliers(ctx: OrgCtx, q: SupplierQuery) {
  const today = localDate();
  const after = q.cursor ? decodeCursor(q.cursor, [CURSOR_PART.any, CURSOR_PART.uuid]) : null;
  const filters = and(
    eq(suppliers.organisationId, ctx.org.id),
    q.q
      ? or(ilike(suppliers.name, containsPattern(q.q)), ilike(suppliers.registrationNumber, containsPattern(q.q)), ilike(suppliers.description, containsPattern(q.q)))
      : undefined,
    q.highRisk === 'true' ? HIGH_RISK : q.highRisk === 'false' ? sql`not ${HIGH_RISK}` : undefined,
    q.processesPersonalData ? eq(suppliers.processesPersonalData, q.processesPersonalData === 'true') : undefined,
    q.warning ? warningCondition(q.warning, today) : undefined,
  );
  const counted = await ctx.tx
    .select({ ...getTableColumns(suppliers), total: totalOf(suppliers, filters) })
    .from(suppliers)
    .where(and(filters, after ? or(gt(suppliers.name, after[0]), and(eq(suppliers.name, after[0]), gt(suppliers.id, after[1]))) : undefined))
    .orderBy(asc(suppliers.name), asc(suppliers.id))
    .limit(q.limit + 1);
  const total = counted.length ? counted[0].total : (await ctx.tx.select({ total: count() }).from(suppliers).where(filters))[0].total;
  const rows = counted.map(({ total: _, ...row }) => row);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await presentSuppliers(ctx.tx, ctx.org.id, page, today),
    total: Number(total),
    nextCursor: rows.length > q.limit ? encodeCursor([last.name, last.id]) : null,
  };
}
