import type { Tx } from '../../core/db/client.js';
import { assetNodes } from '../assets/nodes.js';
import { jointArrangementNodes, supplierNodes } from '../suppliers/nodes.js';
import type { NodeType } from './dependants.js';

/*
 * Labels for graph nodes, from the modules that own them (never their tables). Batched: at most one
 * query per node type, however many nodes.
 */

export interface GraphNode {
  id: string;
  type: NodeType;
  /** asset kind (proces, applicatie, …); null for suppliers and joint arrangements */
  kind: string | null;
  name: string;
  criticality: string | null;
  rtoHours: number | null;
  mtdHours: number | null;
  /** suppliers only */
  registrationNumber: string | null;
  highRisk: boolean;
}

export interface NodeRef {
  type: NodeType;
  id: string;
}

const base = { kind: null, criticality: null, rtoHours: null, mtdHours: null, registrationNumber: null, highRisk: false };

/** The nodes among `refs` that exist in the organisation, by id (unknown or foreign ids are absent). */
export async function labelNodes(tx: Tx, organisationId: string, refs: readonly NodeRef[]): Promise<Map<string, GraphNode>> {
  const ids = { asset: new Set<string>(), supplier: new Set<string>(), joint_arrangement: new Set<string>() };
  for (const r of refs) ids[r.type].add(r.id);
  const out = new Map<string, GraphNode>();
  if (ids.asset.size) for (const [id, label] of await labelAssets(tx, organisationId, [...ids.asset])) out.set(id, label);
  if (ids.supplier.size)
    for (const s of await supplierNodes(tx, organisationId, [...ids.supplier]))
      out.set(s.id, { ...base, id: s.id, type: 'supplier', name: s.name, registrationNumber: s.registrationNumber, highRisk: s.highRisk });
  if (ids.joint_arrangement.size)
    for (const j of await jointArrangementNodes(tx, organisationId, [...ids.joint_arrangement]))
      out.set(j.id, { ...base, id: j.id, type: 'joint_arrangement', name: j.name });
  return out;
}

/** Asset labels of one or several organisations (the CSIRT view labels all its gemeenten in one query). */
export async function labelAssets(tx: Tx, organisationIds: string | readonly string[], ids: string[]): Promise<Map<string, GraphNode>> {
  const out = new Map<string, GraphNode>();
  for (const a of await assetNodes(tx, organisationIds, ids))
    out.set(a.id, { ...base, id: a.id, type: 'asset', kind: a.kind, name: a.name, criticality: a.criticality, rtoHours: num(a.rtoHours), mtdHours: num(a.mtdHours) });
  return out;
}

/** One node of the organisation, whatever its type (null when no module knows it). */
export async function findNode(tx: Tx, organisationId: string, id: string): Promise<GraphNode | null> {
  for (const type of ['asset', 'supplier', 'joint_arrangement'] as const) {
    const hit = (await labelNodes(tx, organisationId, [{ type, id }])).get(id);
    if (hit) return hit;
  }
  return null;
}

const num = (v: number | string | null) => (v == null ? null : Number(v));

/** The short form used in DTOs; a node that no longer exists keeps its id and type, without a name. */
export function nodeDto(ref: NodeRef, label: GraphNode | undefined) {
  return { id: ref.id, type: ref.type, kind: label?.kind ?? null, name: label?.name ?? null };
}

