import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { incidentLinks } from '../../core/db/schema.js';
import type { ProblemField } from '../../core/http/problem.js';
import { assetNodes } from '../assets/nodes.js';
import { jointArrangementNodes, supplierNodes } from '../suppliers/nodes.js';

/*
 * What an incident touched: assets (processes too), suppliers and joint arrangements. They are checked
 * and named through the modules that own them (assets/nodes.ts, suppliers/nodes.ts), never their tables.
 */

export type LinkType = 'asset' | 'supplier' | 'joint_arrangement';
export interface LinkRef {
  type: LinkType;
  id: string;
}
export interface NamedLink extends LinkRef {
  name: string;
  kind: string | null;
}

const TYPE_LABEL: Record<LinkType, string> = { asset: 'object', supplier: 'leverancier', joint_arrangement: 'regeling' };

/** Names (and asset kinds) of the linked nodes that exist in the organisation, by `type:id`. */
export async function nameLinks(tx: Executor, organisationId: string, refs: readonly LinkRef[]): Promise<Map<string, NamedLink>> {
  const ids = (t: LinkType) => [...new Set(refs.filter((r) => r.type === t).map((r) => r.id))];
  const out = new Map<string, NamedLink>();
  for (const a of await assetNodes(tx, organisationId, ids('asset'))) out.set(`asset:${a.id}`, { type: 'asset', id: a.id, name: a.name, kind: a.kind });
  for (const s of await supplierNodes(tx, organisationId, ids('supplier'))) out.set(`supplier:${s.id}`, { type: 'supplier', id: s.id, name: s.name, kind: null });
  for (const j of await jointArrangementNodes(tx, organisationId, ids('joint_arrangement')))
    out.set(`joint_arrangement:${j.id}`, { type: 'joint_arrangement', id: j.id, name: j.name, kind: null });
  return out;
}

/** Links that do not exist in the organisation, each naming its field. */
export async function linkProblems(tx: Executor, organisationId: string, links: readonly LinkRef[] | undefined): Promise<ProblemField[]> {
  if (!links?.length) return [];
  const known = await nameLinks(tx, organisationId, links);
  const errors: ProblemField[] = [];
  links.forEach((l, i) => {
    if (!known.has(`${l.type}:${l.id}`)) errors.push({ path: `body.links.${i}`, message: `${TYPE_LABEL[l.type]} ${l.id} bestaat niet in deze organisatie` });
  });
  return errors;
}

export async function linksOf(tx: Executor, organisationId: string, incidentId: string): Promise<LinkRef[]> {
  const rows = await tx
    .select({ type: incidentLinks.targetType, id: incidentLinks.targetId })
    .from(incidentLinks)
    .where(and(eq(incidentLinks.organisationId, organisationId), eq(incidentLinks.incidentId, incidentId)));
  return rows.map((r) => ({ type: r.type as LinkType, id: r.id }));
}

export async function replaceLinks(tx: Executor, organisationId: string, incidentId: string, links: readonly LinkRef[]) {
  await tx.delete(incidentLinks).where(and(eq(incidentLinks.organisationId, organisationId), eq(incidentLinks.incidentId, incidentId)));
  const unique = [...new Map(links.map((l) => [`${l.type}:${l.id}`, l])).values()];
  if (unique.length) await tx.insert(incidentLinks).values(unique.map((l) => ({ organisationId, incidentId, targetType: l.type, targetId: l.id })));
}

/**
 * For the modules that own nodes: when an asset, supplier or joint arrangement is deleted, its incident
 * links go too (incident_links has no foreign key to the three tables). Returns how many were removed.
 */
export async function removeIncidentLinksOf(tx: Executor, organisationId: string, nodeId: string): Promise<number> {
  const removed = await tx
    .delete(incidentLinks)
    .where(and(eq(incidentLinks.organisationId, organisationId), eq(incidentLinks.targetId, nodeId)))
    .returning({ incidentId: incidentLinks.incidentId });
  return removed.length;
}
