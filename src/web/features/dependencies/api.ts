import { del, get, isApiError, post, seg } from '../../app/api';
import { can } from '../../shared/organisation';
import type { OrganisationDetail } from '../../shared/organisation';

/*
 * The dependency graph API (/organisations/{org}/dependencies, /cascade, /concentration,
 * /cascade/across) and the list APIs used to search for a node (assets, suppliers, joint arrangements).
 */

export const NODE_TYPES = ['asset', 'supplier', 'joint_arrangement'] as const;
export type NodeType = (typeof NODE_TYPES)[number];
export const DEPENDENCY_KINDS = ['gebruikt', 'draait_op', 'geleverd_door', 'gehost_bij', 'uitbesteed_aan', 'afhankelijk_van'] as const;
export type DependencyKind = (typeof DEPENDENCY_KINDS)[number];
export const PROCESS_STATUSES = ['mtd_overschreden', 'rto_overschreden', 'onbekend', 'binnen_rto'] as const;
export type ProcessStatus = (typeof PROCESS_STATUSES)[number];

/** The permissions of the dependencies module (src/server/modules/dependencies/policies.ts). */
export const DEPENDENCY_PERMISSIONS = {
  read: 'dependencies.read',
  manage: 'dependencies.manage',
  overview: 'dependencies.overview',
} as const;

/** A node as the API labels it; `kind` is the asset kind (proces, applicatie, …) or the joint arrangement's kind. */
export interface GraphNodeDto {
  id: string;
  type: NodeType;
  kind: string | null;
  /** null when the node no longer exists */
  name: string | null;
}

export interface Dependency {
  id: string;
  from: GraphNodeDto;
  to: GraphNodeDto;
  kind: DependencyKind;
  note: string;
  createdAt: string;
}

export interface AffectedProcess {
  id: string;
  name: string;
  criticality: string | null;
  rtoHours: number | null;
  mtdHours: number | null;
  depth: number;
  status: ProcessStatus;
}

export interface Cascade {
  node: GraphNodeDto;
  outageHours: number;
  affected: Array<GraphNodeDto & { depth: number; path: string[] }>;
  processes: AffectedProcess[];
  graph: {
    nodes: Array<GraphNodeDto & { depth: number }>;
    edges: Array<{ id: string; from: string; to: string; kind: DependencyKind }>;
  };
  truncated: boolean;
}

export interface ConcentrationItem {
  supplier: { id: string; name: string | null; registrationNumber: string | null; highRisk: boolean };
  criticalProcesses: number;
  processes: number;
  dependants: number;
}

export interface Across {
  registrationNumber: string;
  outageHours: number;
  linkedGemeenten: number;
  items: Array<{
    organisation: { slug: string; name: string };
    suppliers: Array<{ id: string; name: string }>;
    affectedProcesses: number;
    worstStatus: ProcessStatus | null;
    statusCounts: Record<ProcessStatus, number>;
    /** the worst few (all when one gemeente was asked for); affectedProcesses says how many there are */
    processes: AffectedProcess[];
  }>;
}

/** A node chosen in a search: enough to link to it and to start a cascade from it. */
export interface NodeChoice {
  type: NodeType;
  id: string;
  name: string;
  /** asset kind or joint arrangement kind; null for suppliers */
  kind: string | null;
  /** e.g. the KvK number of a supplier */
  detail?: string | null;
}

const base = (org: string) => `/organisations/${seg(org)}`;

export const dependenciesKey = (org: string) => ['dependencies', org] as const;
export const nodeDependenciesKey = (org: string, nodeId: string) => [...dependenciesKey(org), 'node', nodeId] as const;
export const cascadeKey = (org: string, nodeId: string, hours: number) => [...dependenciesKey(org), 'cascade', nodeId, hours] as const;
export const concentrationKey = (org: string, limit: number) => [...dependenciesKey(org), 'concentration', limit] as const;
export const acrossKey = (org: string, registrationNumber: string, hours: number, gemeente?: string) =>
  ['dependencies-across', org, registrationNumber, hours, ...(gemeente ? [gemeente] : [])] as const;
export const nodeSearchKey = (org: string, q: string) => ['dependencies-node-search', org, q] as const;

/** Every edge to and from one node (all pages; a node rarely has more than a few dozen). */
export async function fetchNodeDependencies(org: string, nodeId: string, signal?: AbortSignal): Promise<Dependency[]> {
  const items: Dependency[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < 20; page++) {
    const params = new URLSearchParams({ node: nodeId, limit: '500' });
    if (cursor) params.set('cursor', cursor);
    const result: { items: Dependency[]; nextCursor: string | null } = await get(`${base(org)}/dependencies?${params}`, signal);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}

export const createDependency = (org: string, body: { from: { type: NodeType; id: string }; to: { type: NodeType; id: string }; kind: DependencyKind; note?: string }) =>
  post<Dependency>(`${base(org)}/dependencies`, body);

export const deleteDependency = (org: string, id: string) => del(`${base(org)}/dependencies/${seg(id)}`);

export const fetchCascade = (org: string, nodeId: string, hours: number, signal?: AbortSignal) =>
  get<Cascade>(`${base(org)}/cascade?${new URLSearchParams({ node: nodeId, outageHours: String(hours) })}`, signal);

export const fetchConcentration = (org: string, limit: number, signal?: AbortSignal) =>
  get<{ items: ConcentrationItem[] }>(`${base(org)}/concentration?${new URLSearchParams({ limit: String(limit) })}`, signal);

export interface AcrossSupplier {
  registrationNumber: string;
  names: string[];
  organisations: number;
}

export const searchAcrossSuppliers = (org: string, q: string, signal?: AbortSignal) =>
  get<{ linkedGemeenten: number; items: AcrossSupplier[] }>(`${base(org)}/cascade/across/suppliers?${new URLSearchParams({ q })}`, signal);

/** Without `gemeente`: every connected gemeente with its worst few processes; with it: that gemeente with all of them. */
export const fetchAcross = (org: string, registrationNumber: string, hours: number, signal?: AbortSignal, gemeente?: string) =>
  get<Across>(`${base(org)}/cascade/across?${new URLSearchParams({ registrationNumber, outageHours: String(hours), ...(gemeente ? { gemeente } : {}) })}`, signal);

/** How many hits per kind of node a search shows. */
export const SEARCH_LIMIT = 8;

/**
 * Searches assets, suppliers and joint arrangements by name (their list APIs with `q`). A list the
 * user may not read (403) is left out; other failures are thrown.
 */
export async function searchNodes(org: string, q: string, signal?: AbortSignal): Promise<NodeChoice[]> {
  const params = new URLSearchParams({ q, limit: String(SEARCH_LIMIT) });
  const lists = await Promise.allSettled([
    get<{ items: Array<{ id: string; name: string; kind: string }> }>(`${base(org)}/assets?${params}`, signal).then((r) =>
      r.items.map((a): NodeChoice => ({ type: 'asset', id: a.id, name: a.name, kind: a.kind })),
    ),
    get<{ items: Array<{ id: string; name: string; registrationNumber: string | null }> }>(`${base(org)}/suppliers?${params}`, signal).then((r) =>
      r.items.map((s): NodeChoice => ({ type: 'supplier', id: s.id, name: s.name, kind: null, detail: s.registrationNumber })),
    ),
    get<{ items: Array<{ id: string; name: string; kind: string }> }>(`${base(org)}/joint-arrangements?${params}`, signal).then((r) =>
      r.items.map((j): NodeChoice => ({ type: 'joint_arrangement', id: j.id, name: j.name, kind: j.kind })),
    ),
  ]);
  const out: NodeChoice[] = [];
  for (const list of lists) {
    if (list.status === 'fulfilled') out.push(...list.value);
    else if (!(isApiError(list.reason) && list.reason.status === 403)) throw list.reason;
  }
  return out;
}

/** The page of a node in the assets feature. */
export function nodePath(org: string, node: { type: NodeType; id: string }): string {
  const root = `/o/${seg(org)}/assets`;
  if (node.type === 'supplier') return `${root}/suppliers/${seg(node.id)}`;
  if (node.type === 'joint_arrangement') return `${root}/joint-arrangements/${seg(node.id)}`;
  return `${root}/${seg(node.id)}`;
}

/** Organisations that look across their connected gemeenten (the API allows a CSIRT and a veiligheidsregio). */
export function canLookAcross(organisation: OrganisationDetail | undefined): boolean {
  return Boolean(organisation && (organisation.kind === 'csirt' || organisation.kind === 'veiligheidsregio') && can(organisation, DEPENDENCY_PERMISSIONS.overview));
}
