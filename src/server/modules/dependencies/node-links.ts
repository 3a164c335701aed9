import type { Executor } from '../../core/db/client.js';
import type { ProblemField } from '../../core/http/problem.js';
import { assetNodes } from '../assets/nodes.js';
import { jointArrangementNodes, supplierNodes } from '../suppliers/nodes.js';

/*
 * Links from a record of another module (a risk, an incident) to nodes of the dependency graph: assets
 * (processes too), suppliers and joint arrangements. Checked and named through the modules that own the
 * nodes (assets/nodes.ts, suppliers/nodes.ts), never their tables; one query per node type.
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
export async function nameNodes(tx: Executor, organisationId: string, refs: readonly LinkRef[]): Promise<Map<string, NamedLink>> {
  const ids = (t: LinkType) => [...new Set(refs.filter((r) => r.type === t).map((r) => r.id))];
  const out = new Map<string, NamedLink>();
  for (const a of await assetNodes(tx, organisationId, ids('asset'))) out.set(`asset:${a.id}`, { type: 'asset', id: a.id, name: a.name, kind: a.kind });
  for (const s of await supplierNodes(tx, organisationId, ids('supplier'))) out.set(`supplier:${s.id}`, { type: 'supplier', id: s.id, name: s.name, kind: null });
  for (const j of await jointArrangementNodes(tx, organisationId, ids('joint_arrangement')))
    out.set(`joint_arrangement:${j.id}`, { type: 'joint_arrangement', id: j.id, name: j.name, kind: null });
  return out;
}

/** The links that do not exist in the organisation, each naming its field (`body.links.<i>`). */
export async function nodeLinkProblems(tx: Executor, organisationId: string, links: readonly LinkRef[] | undefined): Promise<ProblemField[]> {
  if (!links?.length) return [];
  const known = await nameNodes(tx, organisationId, links);
  const errors: ProblemField[] = [];
  links.forEach((l, i) => {
    if (!known.has(`${l.type}:${l.id}`)) errors.push({ path: `body.links.${i}`, message: `${TYPE_LABEL[l.type]} ${l.id} bestaat niet in deze organisatie` });
  });
  return errors;
}
