import { and, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { containsPattern } from '../../core/db/rows.js';
import { highRiskCountries, jointArrangements, suppliers } from '../../core/db/schema.js';

/*
 * What other modules (dependencies, cascade, concentration) may know about suppliers and joint
 * arrangements: labels for graph nodes. They never read the suppliers tables themselves.
 */

export interface SupplierNode {
  id: string;
  type: 'supplier';
  name: string;
  registrationNumber: string | null;
  highRisk: boolean;
}

export interface JointArrangementNode {
  id: string;
  type: 'joint_arrangement';
  name: string;
}

/** Suppliers of the organisation among `ids` (unknown or foreign ids are left out), in no particular order. */
export async function supplierNodes(tx: Executor, organisationId: string, ids: string[]): Promise<SupplierNode[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx
    .select({
      id: suppliers.id,
      name: suppliers.name,
      registrationNumber: suppliers.registrationNumber,
      countryOfOrigin: suppliers.countryOfOrigin,
      processingCountries: suppliers.processingCountries,
    })
    .from(suppliers)
    .where(and(eq(suppliers.organisationId, organisationId), inArray(suppliers.id, unique)));
  if (rows.length === 0) return [];
  const risky = new Set((await tx.select({ code: highRiskCountries.countryCode }).from(highRiskCountries)).map((r) => r.code));
  return rows.map((r) => ({
    id: r.id,
    type: 'supplier' as const,
    name: r.name,
    registrationNumber: r.registrationNumber,
    highRisk: (r.countryOfOrigin != null && risky.has(r.countryOfOrigin)) || r.processingCountries.some((c) => risky.has(c)),
  }));
}

/** Joint arrangements of the organisation among `ids` (unknown or foreign ids are left out). */
export async function jointArrangementNodes(tx: Executor, organisationId: string, ids: string[]): Promise<JointArrangementNode[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await tx
    .select({ id: jointArrangements.id, name: jointArrangements.name })
    .from(jointArrangements)
    .where(and(eq(jointArrangements.organisationId, organisationId), inArray(jointArrangements.id, unique)));
  return rows.map((r) => ({ id: r.id, type: 'joint_arrangement' as const, name: r.name }));
}

/**
 * Added by the dependencies module (CSIRT cascade across gemeenten): the suppliers with this registration
 * (KvK) number in the given organisation(s). Accepts several organisation ids so the CSIRT view needs one
 * query for all its gemeenten; the caller passes only organisations it may see (explicit filter here).
 */
export async function suppliersByRegistration(
  tx: Executor,
  organisationIds: string | readonly string[],
  registrationNumber: string,
): Promise<{ organisationId: string; id: string; name: string }[]> {
  const orgs = typeof organisationIds === 'string' ? [organisationIds] : [...organisationIds];
  if (orgs.length === 0) return [];
  return tx
    .select({ organisationId: suppliers.organisationId, id: suppliers.id, name: suppliers.name })
    .from(suppliers)
    .where(and(inArray(suppliers.organisationId, orgs), eq(suppliers.registrationNumber, registrationNumber.trim())));
}

/**
 * Added for the asset import/export ("Afhankelijkheden" sheet, which names nodes): every supplier and
 * joint arrangement of the organisation with its id and name (two queries).
 */
export async function namedNodes(tx: Executor, organisationId: string): Promise<{ suppliers: { id: string; name: string }[]; jointArrangements: { id: string; name: string }[] }> {
  const s = await tx.select({ id: suppliers.id, name: suppliers.name }).from(suppliers).where(eq(suppliers.organisationId, organisationId));
  const j = await tx.select({ id: jointArrangements.id, name: jointArrangements.name }).from(jointArrangements).where(eq(jointArrangements.organisationId, organisationId));
  return { suppliers: s, jointArrangements: j };
}

/**
 * Added for the CSIRT view across gemeenten: suppliers with a registration (KvK) number whose name or
 * number matches, grouped by that number (one row per real company), most widely used first. The caller
 * passes only organisations it may see (explicit filter here).
 */
export async function searchSuppliersByRegistration(
  tx: Executor,
  organisationIds: readonly string[],
  q: string,
  limit = 20,
): Promise<{ registrationNumber: string; names: string[]; organisations: number }[]> {
  if (organisationIds.length === 0) return [];
  const pattern = containsPattern(q.trim());
  const rows = await tx
    .select({
      registrationNumber: sql<string>`${suppliers.registrationNumber}`,
      names: sql<string[]>`array_agg(distinct ${suppliers.name})`,
      organisations: sql<number>`count(distinct ${suppliers.organisationId})::int`,
    })
    .from(suppliers)
    .where(
      and(
        inArray(suppliers.organisationId, [...organisationIds]),
        isNotNull(suppliers.registrationNumber),
        or(ilike(suppliers.name, pattern), ilike(suppliers.registrationNumber, pattern)),
      ),
    )
    .groupBy(suppliers.registrationNumber)
    .orderBy(sql`count(distinct ${suppliers.organisationId}) desc`, sql`min(${suppliers.name})`)
    .limit(limit);
  return rows.map((r) => ({ registrationNumber: r.registrationNumber, names: [...r.names].sort((a, b) => a.localeCompare(b, 'nl')).slice(0, 5), organisations: Number(r.organisations) }));
}
