import { get, patch, post, seg } from '../../../app/api';

export const ACTION_STATUSES = ['open', 'in_uitvoering', 'afgerond', 'vervallen'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface Action {
  id: string;
  title: string;
  description: string;
  owner: { id: string; name: string } | null;
  /** YYYY-MM-DD */
  dueDate: string | null;
  status: ActionStatus;
  /** Where it comes from: an audit finding (with its year) or entered by hand. */
  source: { type: 'audit_finding' | 'incident' | 'handmatig' | string; id: string | null; label: string | null; year?: number | null };
  measure: { id: string; title: string } | null;
  overdue: boolean;
  completedAt: string | null;
  createdAt: string;
}

export interface ActionPage {
  items: Action[];
  nextCursor: string | null;
}

export interface ActionFilters {
  status: ActionStatus | '';
  owner: string;
  overdue: boolean;
}

export interface ActionInput {
  title?: string;
  description?: string;
  ownerId?: string | null;
  dueDate?: string | null;
  status?: ActionStatus;
  measureId?: string | null;
}

export const ACTIONS_PAGE_SIZE = 50;
const base = (slug: string) => `/organisations/${seg(slug)}/actions`;

export const actionsKey = (slug: string) => ['organisation', slug, 'actions'] as const;
export const actionListKey = (slug: string, filters: ActionFilters) => [...actionsKey(slug), 'list', filters] as const;

export function fetchActions(slug: string, filters: ActionFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(ACTIONS_PAGE_SIZE) });
  if (filters.status) params.set('status', filters.status);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.overdue) params.set('overdue', 'true');
  if (cursor) params.set('cursor', cursor);
  return get<ActionPage>(`${base(slug)}?${params.toString()}`, signal);
}

export const createAction = (slug: string, body: ActionInput & { title: string }) => post<Action>(base(slug), body);
export const updateAction = (slug: string, id: string, body: ActionInput) => patch<Action>(`${base(slug)}/${seg(id)}`, body);
