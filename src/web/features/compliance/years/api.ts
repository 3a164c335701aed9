import { get, patch, post, seg } from '../../../app/api';
import type { DerivedResult } from '../api';

/** The ENSIA phases of a verantwoordingsjaar, in order. */
export const PHASES = ['zelfevaluatie', 'collegeverklaring', 'audit', 'verantwoording'] as const;
export type Phase = (typeof PHASES)[number];

export type AssessmentResult = DerivedResult;

/** Counts of one framework or chapter; the results count applicable requirements only. */
export interface ProgressCounts {
  total: number;
  applicable: number;
  voldoet: number;
  voldoet_deels: number;
  voldoet_niet: number;
  niet_beoordeeld: number;
}

export interface FrameworkProgress extends ProgressCounts {
  framework: string;
  chapters: Array<ProgressCounts & { chapter: string }>;
}

export interface Signature {
  at: string;
  by: string;
  function: string;
  statement: string;
  snapshotHash: string;
}

export interface YearSummary {
  year: number;
  frameworks: string[];
  phase: Phase;
  createdAt: string;
  signed: Signature | null;
}

export interface YearDetail extends YearSummary {
  progress: FrameworkProgress[];
}

export interface Assessment {
  requirementId: string;
  framework: string;
  ref: string;
  title: string;
  chapter: string | null;
  applicable: boolean;
  notApplicableReason: string | null;
  result: AssessmentResult;
  explanation: string;
  owner: { id: string; name: string } | null;
  dueDate: string | null;
  overdue: boolean;
  auditorRemarks: string;
  updatedAt: string;
}

export interface AssessmentPage {
  items: Assessment[];
  total: number;
  nextCursor: string | null;
}

export interface AssessmentChanges {
  applicable?: boolean;
  notApplicableReason?: string | null;
  result?: AssessmentResult;
  explanation?: string;
  ownerId?: string | null;
  dueDate?: string | null;
  auditorRemarks?: string;
}

/** The table's filters as they are kept in the URL; '' means "any". */
export interface AssessmentFilters {
  framework: string;
  chapter: string;
  owner: string;
  result: AssessmentResult | '';
  applicable: '' | 'true' | 'false';
  overdue: boolean;
  q: string;
}

export const EMPTY_FILTERS: AssessmentFilters = { framework: '', chapter: '', owner: '', result: '', applicable: '', overdue: false, q: '' };

export type DiffChange = 'improved' | 'slipped' | 'open' | 'added' | 'removed';

export interface YearDiff {
  from: number;
  to: number;
  summary: { improved: number; slipped: number; open: number; unchanged: number; added: number; removed: number };
  items: Array<{ framework: string; ref: string; title: string; change: DiffChange; before: AssessmentResult | null; after: AssessmentResult | null }>;
}

export interface SignInput {
  signerName: string;
  signerFunction: string;
  statement: string;
}

export const ASSESSMENTS_PAGE_SIZE = 50;

const years = (slug: string) => `/organisations/${seg(slug)}/assessment-years`;
const year = (slug: string, value: number) => `${years(slug)}/${value}`;

export const yearsKey = (slug: string) => ['organisation', slug, 'assessment-years'] as const;
export const yearListKey = (slug: string) => [...yearsKey(slug), 'list'] as const;
export const yearKey = (slug: string, value: number) => [...yearsKey(slug), value] as const;
export const yearDetailKey = (slug: string, value: number) => [...yearKey(slug, value), 'detail'] as const;
export const assessmentsKey = (slug: string, value: number) => [...yearKey(slug, value), 'assessments'] as const;
export const assessmentPageKey = (slug: string, value: number, filters: AssessmentFilters, cursor: string | null) =>
  [...assessmentsKey(slug, value), 'page', filters, cursor] as const;
export const assessmentKey = (slug: string, value: number, requirementId: string) => [...assessmentsKey(slug, value), 'one', requirementId] as const;
export const diffKey = (slug: string, value: number, against: number) => [...yearKey(slug, value), 'diff', against] as const;

export const fetchYears = (slug: string, signal?: AbortSignal) => get<{ items: YearSummary[] }>(years(slug), signal).then((data) => data.items);
export const fetchYear = (slug: string, value: number, signal?: AbortSignal) => get<YearDetail>(year(slug, value), signal);
export const createYear = (slug: string, body: { year: number; frameworks: string[]; copyFrom?: number }) => post<YearDetail>(years(slug), body);
export const signYear = (slug: string, value: number, body: SignInput) => post<YearDetail>(`${year(slug, value)}/sign`, body);
export const advancePhase = (slug: string, value: number, phase: 'audit' | 'verantwoording') => post<YearDetail>(`${year(slug, value)}/phase`, { phase });

export function fetchAssessments(slug: string, value: number, filters: AssessmentFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(ASSESSMENTS_PAGE_SIZE) });
  if (filters.framework) params.set('framework', filters.framework);
  if (filters.chapter) params.set('chapter', filters.chapter);
  if (filters.owner) params.set('owner', filters.owner);
  if (filters.result) params.set('result', filters.result);
  if (filters.applicable) params.set('applicable', filters.applicable);
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.q) params.set('q', filters.q);
  if (cursor) params.set('cursor', cursor);
  return get<AssessmentPage>(`${year(slug, value)}/assessments?${params.toString()}`, signal);
}

export const fetchAssessment = (slug: string, value: number, requirementId: string, signal?: AbortSignal) =>
  get<Assessment>(`${year(slug, value)}/assessments/${seg(requirementId)}`, signal);
export const updateAssessment = (slug: string, value: number, requirementId: string, changes: AssessmentChanges) =>
  patch<Assessment>(`${year(slug, value)}/assessments/${seg(requirementId)}`, changes);
export const bulkUpdateAssessments = (slug: string, value: number, requirementIds: string[], changes: AssessmentChanges) =>
  post<{ updated: number }>(`${year(slug, value)}/assessments/bulk`, { requirementIds, changes });

export const fetchDiff = (slug: string, value: number, against: number, signal?: AbortSignal) =>
  get<YearDiff>(`${year(slug, value)}/diff?against=${against}`, signal);
