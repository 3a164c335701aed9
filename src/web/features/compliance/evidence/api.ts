import { del, get, patch, post, put, seg } from '../../../app/api';
import { apiUrl, uploadWithProgress } from './transfer';
import type { UploadProgress } from './transfer';

export const EVIDENCE_STATUSES = ['geldig', 'verloopt_binnenkort', 'verlopen', 'onbepaald'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];
export type EvidenceKind = 'file' | 'link' | 'signal';

export interface Evidence {
  id: string;
  kind: EvidenceKind;
  title: string;
  description: string;
  url: string | null;
  fileName: string | null;
  mediaType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  /** YYYY-MM-DD */
  validFrom: string | null;
  validUntil: string | null;
  status: EvidenceStatus;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  measures: Array<{ id: string; title: string }>;
  assessments: Array<{ year: number; requirementId: string; frameworkId: string; ref: string }>;
}

export interface EvidencePage {
  items: Evidence[];
  nextCursor: string | null;
}

/** Where evidence is shown and linked: a measure, or one requirement's assessment in a year. */
export type EvidenceTarget = { measureId: string } | { year: number; requirementId: string };

export interface EvidenceFilters {
  q: string;
  status: EvidenceStatus | '';
}

export interface ValidityInput {
  validFrom: string | null;
  validUntil: string | null;
}

export interface LinkEvidenceInput extends Partial<ValidityInput> {
  title: string;
  url: string;
  description?: string;
}

export interface UploadInput extends Partial<ValidityInput> {
  file: File;
  title?: string;
  description?: string;
}

export const EVIDENCE_PAGE_SIZE = 25;

const org = (slug: string) => `/organisations/${seg(slug)}`;
const isMeasure = (target: EvidenceTarget): target is { measureId: string } => 'measureId' in target;

/** The target as fields for creating evidence and linking it at once. */
function targetFields(target: EvidenceTarget): Record<string, string | number> {
  return isMeasure(target) ? { measureId: target.measureId } : { year: target.year, requirementId: target.requirementId };
}

function targetPath(slug: string, target: EvidenceTarget): string {
  return isMeasure(target)
    ? `${org(slug)}/measures/${seg(target.measureId)}/evidence`
    : `${org(slug)}/assessment-years/${target.year}/assessments/${seg(target.requirementId)}/evidence`;
}

// Every evidence query of an organisation starts with evidenceKey, so one invalidation refreshes them all.
export const evidenceKey = (slug: string) => ['organisation', slug, 'evidence'] as const;
export const evidenceListKey = (slug: string, filters: EvidenceFilters) => [...evidenceKey(slug), 'list', filters] as const;
export const evidenceSearchKey = (slug: string, q: string) => [...evidenceKey(slug), 'search', q] as const;
export const targetEvidenceKey = (slug: string, target: EvidenceTarget) =>
  [...evidenceKey(slug), 'target', isMeasure(target) ? `measure:${target.measureId}` : `assessment:${target.year}:${target.requirementId}`] as const;

export function fetchEvidence(slug: string, filters: EvidenceFilters, cursor: string | null, limit = EVIDENCE_PAGE_SIZE, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(limit) });
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (cursor) params.set('cursor', cursor);
  return get<EvidencePage>(`${org(slug)}/evidence?${params.toString()}`, signal);
}

export const fetchTargetEvidence = (slug: string, target: EvidenceTarget, signal?: AbortSignal) =>
  get<{ items: Evidence[] }>(targetPath(slug, target), signal).then((data) => data.items);

export const linkEvidence = (slug: string, target: EvidenceTarget, evidenceId: string) => put<void>(`${targetPath(slug, target)}/${seg(evidenceId)}`, {});
export const unlinkEvidence = (slug: string, target: EvidenceTarget, evidenceId: string) => del(`${targetPath(slug, target)}/${seg(evidenceId)}`);

export const createLinkEvidence = (slug: string, target: EvidenceTarget | null, input: LinkEvidenceInput) =>
  post<Evidence>(`${org(slug)}/evidence/links`, { ...input, ...(target ? targetFields(target) : {}) });

export const updateEvidence = (slug: string, id: string, body: Partial<ValidityInput & { title: string; description: string }>) =>
  patch<Evidence>(`${org(slug)}/evidence/${seg(id)}`, body);

export const deleteEvidence = (slug: string, id: string) => del(`${org(slug)}/evidence/${seg(id)}`);

export const evidenceContentUrl = (slug: string, id: string) => apiUrl(`${org(slug)}/evidence/${seg(id)}/content`);

/**
 * Uploads one file as evidence (multipart: the text fields first, the file last, so the server has
 * them before it streams the file) and links it to the target at once.
 */
export function uploadEvidence(
  slug: string,
  target: EvidenceTarget | null,
  input: UploadInput,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
) {
  const form = new FormData();
  const fields: Record<string, string | number | null | undefined> = {
    title: input.title,
    description: input.description,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    ...(target ? targetFields(target) : {}),
  };
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined && value !== null && value !== '') form.append(name, String(value));
  }
  form.append('file', input.file, input.file.name);
  return uploadWithProgress<Evidence>(`${org(slug)}/evidence/files`, form, onProgress, signal);
}

/** Signal state of a measure (machine observations, e.g. from the scanner). */
export interface SignalState {
  source: string;
  check: string;
  passed: boolean;
  observedAt: string;
}

export interface SignalHistoryItem extends SignalState {
  id: string;
  details: unknown;
  receivedAt: string;
}

export const measureSignalsKey = (slug: string, measureId: string) => ['organisation', slug, 'measures', 'signals', measureId] as const;
export const fetchMeasureSignals = (slug: string, measureId: string, signal?: AbortSignal) =>
  get<{ state: SignalState[]; history: SignalHistoryItem[] }>(`${org(slug)}/measures/${seg(measureId)}/signals`, signal);
