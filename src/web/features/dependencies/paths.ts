import { NODE_TYPES } from './api';
import type { NodeType } from './api';

/*
 * The pages of this feature and their search parameters:
 *   /o/:org/assets/cascade?node=<type>:<id>&hours=<n>
 *   /o/:org/assets/concentration
 *   /o/:org/assets/across?kvk=<registration number>&hours=<n>
 */

export const DEFAULT_OUTAGE_HOURS = 24;
export const MAX_OUTAGE_HOURS = 100_000;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface NodeParam {
  type: NodeType;
  id: string;
}

/** `asset:<uuid>` → { type, id }; null when it is not a node reference. */
export function parseNodeParam(value: string | null | undefined): NodeParam | null {
  if (!value) return null;
  const at = value.indexOf(':');
  if (at < 0) return null;
  const type = value.slice(0, at);
  const id = value.slice(at + 1);
  if (!(NODE_TYPES as readonly string[]).includes(type) || !UUID.test(id)) return null;
  return { type: type as NodeType, id: id.toLowerCase() };
}

export const formatNodeParam = (node: NodeParam) => `${node.type}:${node.id}`;

/** Hours of an outage from the URL or a form field: a number from 0 to 100 000 (decimals allowed), else null. */
export function parseHours(value: string | null | undefined): number | null {
  if (value == null) return null;
  const text = value.trim().replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const hours = Number(text);
  return hours >= 0 && hours <= MAX_OUTAGE_HOURS ? hours : null;
}

const root = (org: string) => `/o/${encodeURIComponent(org)}/assets`;

export function cascadePath(org: string, node?: NodeParam | null, hours: number = DEFAULT_OUTAGE_HOURS): string {
  if (!node) return `${root(org)}/cascade`;
  return `${root(org)}/cascade?${new URLSearchParams({ node: formatNodeParam(node), hours: String(hours) })}`;
}

export const concentrationPath = (org: string) => `${root(org)}/concentration`;

export function acrossPath(org: string, registrationNumber?: string, hours: number = DEFAULT_OUTAGE_HOURS): string {
  if (!registrationNumber) return `${root(org)}/across`;
  return `${root(org)}/across?${new URLSearchParams({ kvk: registrationNumber, hours: String(hours) })}`;
}
