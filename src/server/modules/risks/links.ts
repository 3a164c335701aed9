import { and, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { riskLinks, riskMeasures, riskThreats, threats } from '../../core/db/schema.js';
import type { ProblemField } from '../../core/http/problem.js';
import { nodeLinkProblems, type LinkRef, type LinkType } from '../dependencies/node-links.js';
import { measureStates } from '../compliance/measure-lookup.js';

/*
 * What a risk is linked to: assets (processes too), suppliers and joint arrangements (checked through
 * the modules that own them), threats from the catalog, and measures (through the compliance module).
 */

export { nameNodes, type LinkRef, type LinkType, type NamedLink } from '../dependencies/node-links.js';

/** Problems with the links, threats and measures of a risk body (each names its field). */
export async function linkProblems(
  tx: Executor,
  organisationId: string,
  input: { links?: LinkRef[]; threatIds?: string[]; measureIds?: string[] },
): Promise<ProblemField[]> {
  const errors: ProblemField[] = await nodeLinkProblems(tx, organisationId, input.links);
  if (input.threatIds?.length) {
    const known = new Set((await tx.select({ id: threats.id }).from(threats).where(inArray(threats.id, [...new Set(input.threatIds)]))).map((t) => t.id));
    input.threatIds.forEach((t, i) => {
      if (!known.has(t)) errors.push({ path: `body.threatIds.${i}`, message: `dreiging "${t}" staat niet in de catalogus (zie GET /threats)` });
    });
  }
  if (input.measureIds?.length) {
    const known = new Set((await measureStates(tx, organisationId, input.measureIds)).map((m) => m.id));
    input.measureIds.forEach((m, i) => {
      if (!known.has(m)) errors.push({ path: `body.measureIds.${i}`, message: `maatregel ${m} bestaat niet in deze organisatie` });
    });
  }
  return errors;
}

export async function replaceLinks(tx: Executor, organisationId: string, riskId: string, links: LinkRef[]) {
  await tx.delete(riskLinks).where(and(eq(riskLinks.organisationId, organisationId), eq(riskLinks.riskId, riskId)));
  const unique = [...new Map(links.map((l) => [`${l.type}:${l.id}`, l])).values()];
  if (unique.length) await tx.insert(riskLinks).values(unique.map((l) => ({ organisationId, riskId, targetType: l.type, targetId: l.id })));
}

export async function replaceThreats(tx: Executor, organisationId: string, riskId: string, threatIds: string[]) {
  await tx.delete(riskThreats).where(and(eq(riskThreats.organisationId, organisationId), eq(riskThreats.riskId, riskId)));
  const unique = [...new Set(threatIds)];
  if (unique.length) await tx.insert(riskThreats).values(unique.map((threatId) => ({ organisationId, riskId, threatId })));
}

export async function replaceMeasures(tx: Executor, organisationId: string, riskId: string, measureIds: string[]) {
  await tx.delete(riskMeasures).where(and(eq(riskMeasures.organisationId, organisationId), eq(riskMeasures.riskId, riskId)));
  const unique = [...new Set(measureIds)];
  if (unique.length) await tx.insert(riskMeasures).values(unique.map((measureId) => ({ organisationId, riskId, measureId })));
}

export async function linksOf(tx: Executor, organisationId: string, riskId: string): Promise<LinkRef[]> {
  const rows = await tx
    .select({ type: riskLinks.targetType, id: riskLinks.targetId })
    .from(riskLinks)
    .where(and(eq(riskLinks.organisationId, organisationId), eq(riskLinks.riskId, riskId)));
  return rows.map((r) => ({ type: r.type as LinkType, id: r.id }));
}

export async function threatIdsOf(tx: Executor, organisationId: string, riskId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: riskThreats.threatId })
    .from(riskThreats)
    .where(and(eq(riskThreats.organisationId, organisationId), eq(riskThreats.riskId, riskId)));
  return rows.map((r) => r.id).sort();
}

export async function measureIdsOf(tx: Executor, organisationId: string, riskId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: riskMeasures.measureId })
    .from(riskMeasures)
    .where(and(eq(riskMeasures.organisationId, organisationId), eq(riskMeasures.riskId, riskId)));
  return rows.map((r) => r.id).sort();
}

/**
 * For the modules that own nodes: when an asset, supplier or joint arrangement is deleted, its risk links
 * go too (risk_links has no foreign key, a link can point at any of the three). Returns how many were
 * removed; the caller audits the deletion of the node (and may mention the count).
 */
export async function removeRiskLinksOf(tx: Executor, organisationId: string, nodeId: string): Promise<number> {
  const removed = await tx
    .delete(riskLinks)
    .where(and(eq(riskLinks.organisationId, organisationId), eq(riskLinks.targetId, nodeId)))
    .returning({ riskId: riskLinks.riskId });
  return removed.length;
}
