import { del, get, patch, post, put, seg, api } from '../../app/api';
import type { RiskDomain, RiskLevel, RiskTreatment } from '../../../shared/risk-matrix';

/** Types and calls of the risk register API (/api/v1/organisations/{org}/risks, …). */

export interface Score {
  likelihood: number;
  impact: number;
  score: number;
  level: RiskLevel;
}

export type LevelCounts = Record<RiskLevel, number>;

export interface MatrixSettings {
  likelihoodLabels: string[];
  impactLabels: string[];
  levelBounds: [number, number, number];
  acceptanceRoles: Record<RiskLevel, string[]>;
  custom: boolean;
}

export type MatrixInput = Omit<MatrixSettings, 'custom'> & { rescale?: boolean };

export const RISK_STATUSES = ['open', 'closed', 'all'] as const;
export type RiskStatusFilter = (typeof RISK_STATUSES)[number];

export const LINK_TYPES = ['asset', 'supplier', 'joint_arrangement'] as const;
export type LinkType = (typeof LINK_TYPES)[number];

/** The treatments a risk can be given in its form; `accept` is a decision of its own. */
export const FORM_TREATMENTS = ['open', 'mitigate', 'transfer', 'avoid'] as const;
export type FormTreatment = (typeof FORM_TREATMENTS)[number];

export interface RiskAcceptanceSummary {
  validUntil: string;
  expired: boolean;
  deciderName: string;
}

export interface RiskSummary {
  id: string;
  ref: string;
  title: string;
  domain: RiskDomain;
  owner: { id: string; name: string } | null;
  inherent: Score;
  residual: Score;
  target: { likelihood: number; impact: number } | null;
  treatment: RiskTreatment;
  status: 'open' | 'closed';
  reviewDate: string | null;
  reviewOverdue: boolean;
  acceptance: RiskAcceptanceSummary | null;
  updatedAt: string;
}

export interface Acceptance {
  id: string;
  deciderName: string;
  deciderFunction: string;
  authorityRole: string;
  level: RiskLevel;
  likelihood: number;
  impact: number;
  reason: string;
  validUntil: string;
  decidedAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
}

export interface RiskLink {
  type: LinkType;
  id: string;
  name: string;
  kind: string | null;
}

export interface RiskDetail extends RiskSummary {
  description: string;
  treatmentNote: string;
  transferredTo: string | null;
  dpia: { id: string; name: string } | null;
  links: RiskLink[];
  threats: Array<{ id: string; name: string }>;
  measures: Array<{ id: string; title: string; status: string }>;
  mitigation: { implemented: number; total: number } | null;
  acceptances: Acceptance[];
}

export interface RiskInput {
  title: string;
  description?: string;
  domain?: RiskDomain;
  ownerId?: string | null;
  inherentLikelihood: number;
  inherentImpact: number;
  targetLikelihood?: number | null;
  targetImpact?: number | null;
  residualLikelihood?: number | null;
  residualImpact?: number | null;
  treatment?: FormTreatment;
  treatmentNote?: string;
  transferredTo?: string | null;
  reviewDate?: string | null;
  dpiaId?: string | null;
  links?: Array<{ type: LinkType; id: string }>;
  threatIds?: string[];
  measureIds?: string[];
}

export type RiskPatch = Partial<RiskInput> & { status?: 'open' | 'closed' };

export interface RiskFilters {
  domain: RiskDomain | '';
  level: RiskLevel | '';
  treatment: RiskTreatment | '';
  status: RiskStatusFilter | '';
  ownerId: string;
  reviewDue: boolean;
  q: string;
  target: string;
  dpiaId: string;
}

export interface RiskPage {
  items: RiskSummary[];
  total: number;
  nextCursor: string | null;
}

export interface HistoryEntry {
  at: string;
  by: { id: string; name: string } | null;
  cause: string;
  inherent: Score;
  residual: Score;
}

export interface Overview {
  matrix: MatrixSettings;
  inherent: number[][];
  residual: number[][];
  byDomain: Array<{ domain: RiskDomain; total: number; residual: LevelCounts }>;
  top: Array<{ domain: RiskDomain; risks: RiskSummary[] }>;
  reviewDue: number;
  acceptancesExpiring: number;
}

export interface TrendMonth {
  month: string;
  open: number;
  inherent: LevelCounts;
  residual: LevelCounts;
}

export interface Threat {
  id: string;
  name: string;
  category: string;
  description: string;
}

export const DPIA_OUTCOMES = ['aanvaardbaar', 'aanvaardbaar_met_maatregelen', 'hoog_restrisico', 'voorafgaande_raadpleging'] as const;
export type DpiaOutcome = (typeof DPIA_OUTCOMES)[number];

export interface Dpia {
  id: string;
  name: string;
  processing: string;
  asset: { id: string; name: string } | null;
  outcome: DpiaOutcome;
  conductedOn: string;
  notes: string;
  risks: number;
}

export interface DpiaInput {
  name: string;
  processing: string;
  assetId?: string | null;
  outcome: DpiaOutcome;
  conductedOn: string;
  notes?: string;
}

/** A searchable object a risk can be linked to (from the assets, suppliers and joint-arrangements lists). */
export interface LinkCandidate {
  id: string;
  name: string;
  kind?: string | null;
}

export const RISKS_PAGE_SIZE = 50;

export const PERMISSIONS = {
  read: 'risks.read',
  manage: 'risks.manage',
  configure: 'risks.configure',
} as const;

const org = (slug: string) => `/organisations/${seg(slug)}`;

export const risksKey = (slug: string) => ['organisation', slug, 'risks'] as const;
export const riskListKey = (slug: string, filters: Partial<RiskFilters>) => [...risksKey(slug), 'list', filters] as const;
export const riskKey = (slug: string, id: string) => [...risksKey(slug), 'detail', id] as const;
export const riskHistoryKey = (slug: string, id: string) => [...risksKey(slug), 'history', id] as const;
export const overviewKey = (slug: string, domain: string) => [...risksKey(slug), 'overview', domain] as const;
export const trendKey = (slug: string) => [...risksKey(slug), 'trend'] as const;
export const matrixKey = (slug: string) => ['organisation', slug, 'risk-matrix'] as const;
export const dpiasKey = (slug: string) => ['organisation', slug, 'dpias'] as const;
export const dpiaKey = (slug: string, id: string) => [...dpiasKey(slug), id] as const;
export const threatsKey = (slug: string) => ['organisation', slug, 'threats'] as const;

/** The query string of a register filter (empty values left out). */
export function riskQuery(filters: Partial<RiskFilters>, cursor?: string | null, limit = RISKS_PAGE_SIZE): string {
  const params = new URLSearchParams({ limit: String(limit) });
  for (const key of ['domain', 'level', 'treatment', 'status', 'ownerId', 'q', 'target', 'dpiaId'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.reviewDue) params.set('reviewDue', 'true');
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

export const fetchRisks = (slug: string, filters: Partial<RiskFilters>, cursor: string | null, signal?: AbortSignal, limit?: number) =>
  get<RiskPage>(`${org(slug)}/risks?${riskQuery(filters, cursor, limit)}`, signal);
export const fetchRisk = (slug: string, id: string, signal?: AbortSignal) => get<RiskDetail>(`${org(slug)}/risks/${seg(id)}`, signal);
export const createRisk = (slug: string, body: RiskInput) => post<RiskDetail>(`${org(slug)}/risks`, body);
export const updateRisk = (slug: string, id: string, body: RiskPatch) => patch<RiskDetail>(`${org(slug)}/risks/${seg(id)}`, body);
export const deleteRisk = (slug: string, id: string) => del(`${org(slug)}/risks/${seg(id)}`);
export const acceptRisk = (slug: string, id: string, body: { deciderFunction: string; reason: string; validUntil: string }) =>
  post<RiskDetail>(`${org(slug)}/risks/${seg(id)}/acceptance`, body);
export const revokeAcceptance = (slug: string, id: string, reason: string) =>
  api<RiskDetail>(`${org(slug)}/risks/${seg(id)}/acceptance`, { method: 'DELETE', body: { reason } });
export const fetchHistory = (slug: string, id: string, signal?: AbortSignal) =>
  get<{ items: HistoryEntry[] }>(`${org(slug)}/risks/${seg(id)}/history`, signal).then((data) => data.items);
export const riskExportUrl = (slug: string) => `/api/v1${org(slug)}/risks/export.xlsx`;

export const fetchMatrix = (slug: string, signal?: AbortSignal) => get<MatrixSettings>(`${org(slug)}/risk-matrix`, signal);
export const saveMatrix = (slug: string, body: MatrixInput) => put<MatrixSettings>(`${org(slug)}/risk-matrix`, body);

export function fetchOverview(slug: string, domain: string, signal?: AbortSignal) {
  const query = domain ? `?domain=${encodeURIComponent(domain)}` : '';
  return get<Overview>(`${org(slug)}/risk-overview${query}`, signal);
}
export const fetchTrend = (slug: string, months = 12, signal?: AbortSignal) =>
  get<{ months: TrendMonth[] }>(`${org(slug)}/risk-trend?months=${months}`, signal).then((data) => data.months);

export const fetchThreats = (slug: string, signal?: AbortSignal) => get<{ items: Threat[] }>(`${org(slug)}/threats`, signal).then((data) => data.items);

export const fetchDpias = (slug: string, signal?: AbortSignal) => get<{ items: Dpia[] }>(`${org(slug)}/dpias`, signal).then((data) => data.items);
export const fetchDpia = (slug: string, id: string, signal?: AbortSignal) => get<Dpia>(`${org(slug)}/dpias/${seg(id)}`, signal);
export const createDpia = (slug: string, body: DpiaInput) => post<Dpia>(`${org(slug)}/dpias`, body);
export const updateDpia = (slug: string, id: string, body: Partial<DpiaInput>) => patch<Dpia>(`${org(slug)}/dpias/${seg(id)}`, body);
export const deleteDpia = (slug: string, id: string) => del(`${org(slug)}/dpias/${seg(id)}`);
export const createDpiaRisk = (slug: string, id: string, body: Omit<RiskInput, 'domain' | 'dpiaId'>) =>
  post<RiskDetail>(`${org(slug)}/dpias/${seg(id)}/risks`, body);

/** The list endpoint of each kind of object a risk can be linked to (all take `q` and `limit`). */
const LINK_LISTS: Record<LinkType, string> = { asset: 'assets', supplier: 'suppliers', joint_arrangement: 'joint-arrangements' };

export async function searchLinkCandidates(slug: string, type: LinkType, q: string, signal?: AbortSignal): Promise<LinkCandidate[]> {
  const params = new URLSearchParams({ limit: '20' });
  if (q) params.set('q', q);
  const page = await get<{ items: Array<{ id: string; name: string; kind?: string | null }> }>(`${org(slug)}/${LINK_LISTS[type]}?${params.toString()}`, signal);
  return page.items.map((item) => ({ id: item.id, name: item.name, kind: item.kind ?? null }));
}

/** Processes (assets of kind proces, the first 200 by the list's order) for the DPIA's process field. */
export async function searchProcesses(slug: string, q: string, signal?: AbortSignal): Promise<LinkCandidate[]> {
  const params = new URLSearchParams({ limit: '200', kind: 'proces' });
  if (q) params.set('q', q);
  const page = await get<{ items: Array<{ id: string; name: string }> }>(`${org(slug)}/assets?${params.toString()}`, signal);
  return page.items.map((item) => ({ id: item.id, name: item.name, kind: 'proces' }));
}
