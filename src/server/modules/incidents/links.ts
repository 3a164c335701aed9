import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { incidentLinks } from '../../core/db/schema.js';
import type { LinkRef, LinkType } from '../dependencies/node-links.js';

/*
 * What an incident touched: assets (processes too), suppliers and joint arrangements — checked and named
 * like a risk's links, by dependencies/node-links.ts.
 */

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
