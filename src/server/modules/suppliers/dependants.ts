import type { OrgCtx } from '../../core/http/pipeline.js';
import type { Executor } from '../../core/db/client.js';
import { problemType } from '../../core/http/problem.js';
import { dependantsOf } from '../dependencies/dependants.js';
import { assetNodes } from '../assets/nodes.js';
import { jointArrangementNodes, supplierNodes } from './nodes.js';

export interface DependantItem {
  type: string;
  id: string;
  name: string;
  kind: string;
}

/** The nodes that depend on this one (edges pointing to it), with their names, for the 409 on delete. */
export async function describeDependants(tx: Executor, organisationId: string, nodeId: string): Promise<DependantItem[]> {
  const edges = await dependantsOf(tx, organisationId, nodeId);
  if (edges.length === 0) return [];
  const idsOf = (type: string) => edges.filter((e) => e.fromType === type).map((e) => e.fromId);
  const names = new Map<string, string>();
  for (const n of await assetNodes(tx, organisationId, idsOf('asset'))) names.set(n.id, n.name);
  for (const n of await supplierNodes(tx, organisationId, idsOf('supplier'))) names.set(n.id, n.name);
  for (const n of await jointArrangementNodes(tx, organisationId, idsOf('joint_arrangement'))) names.set(n.id, n.name);
  return edges.map((e) => ({ type: e.fromType, id: e.fromId, name: names.get(e.fromId) ?? '(onbekend)', kind: e.kind }));
}

/**
 * The 409 answer when a node with dependants is deleted without ?force=true. Returned (not thrown) so
 * the problem can carry the list; nothing has been written at this point.
 */
export function dependantsConflict(ctx: OrgCtx, what: string, dependants: DependantItem[]) {
  ctx.reply.code(409).type('application/problem+json');
  return {
    type: problemType(409),
    title: 'Conflict',
    status: 409,
    detail: `${what} kan niet worden verwijderd: ${dependants.length === 1 ? 'er hangt nog één onderdeel' : `er hangen nog ${dependants.length} onderdelen`} van af. Verwijder die koppelingen eerst, of verwijder met force=true ook alle koppelingen.`,
    instance: ctx.request.url.split('?')[0],
    dependants,
  };
}
