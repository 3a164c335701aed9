import { get, post, seg } from '../../../app/api';

export const SEVERITIES = ['hoog', 'midden', 'laag'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  id: string;
  title: string;
  description: string;
  severity: Severity;
  requirement: { id: string; frameworkId: string; ref: string; title: string } | null;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  action: { id: string; status: string; ownerId: string | null; dueDate: string | null } | null;
}

export interface FindingInput {
  title: string;
  description?: string;
  severity: Severity;
  requirementId?: string;
  ownerId?: string;
  dueDate?: string;
}

/** The parts of GET /assessment-years/:year this page needs. */
export interface YearSummary {
  year: number;
  frameworks: string[];
  phase: 'zelfevaluatie' | 'collegeverklaring' | 'audit' | 'verantwoording';
  signed: { at: string } | null;
}

export interface AssessmentHit {
  requirementId: string;
  framework: string;
  ref: string;
  title: string;
}

const yearBase = (slug: string, year: number) => `/organisations/${seg(slug)}/assessment-years/${year}`;

export const yearKey = (slug: string, year: number) => ['organisation', slug, 'assessment-years', year] as const;
export const findingsKey = (slug: string, year: number) => ['organisation', slug, 'findings', year] as const;

export const fetchYear = (slug: string, year: number, signal?: AbortSignal) => get<YearSummary>(yearBase(slug, year), signal);
export const fetchFindings = (slug: string, year: number, signal?: AbortSignal) =>
  get<{ items: Finding[] }>(`${yearBase(slug, year)}/findings`, signal).then((data) => data.items);
export const createFinding = (slug: string, year: number, body: FindingInput) => post<Finding>(`${yearBase(slug, year)}/findings`, body);

export function searchAssessments(slug: string, year: number, q: string, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: '50' });
  if (q) params.set('q', q);
  return get<{ items: AssessmentHit[]; total: number }>(`${yearBase(slug, year)}/assessments?${params.toString()}`, signal);
}
