import { del, get, patch, post, seg } from '../../app/api';

/** A title in the package's own language and, where the package has one, English. */
export interface LocalisedTitle {
  nl: string;
  en?: string;
}

export interface FrameworkSummary {
  id: string;
  version: string;
  name: string;
  title: LocalisedTitle;
  provider: string;
  licence: string;
  attribution: string | null;
  language: string;
  description: string | null;
  origin: 'catalog' | 'import';
  /** Assessable requirements only. */
  requirementCount: number;
}

export type RequirementStatus = 'active' | 'removed' | 'moved';

export interface Requirement {
  id: string;
  ref: string;
  parentRef: string | null;
  title: string;
  description: string | null;
  assessable: boolean;
  status: RequirementStatus;
  replacedBy: string | null;
  isoControl: string | null;
  cbwScope: boolean | null;
  legalReference: string | null;
}

export interface FrameworkDetail extends FrameworkSummary {
  requirements: Requirement[];
}

export interface MappingSetSummary {
  id: string;
  version: string;
  title: LocalisedTitle;
  provider: string;
  licence: string;
  description: string | null;
  source: string;
  target: string;
  generated: boolean;
  rowCount: number;
}

export interface MappingRow {
  source: string;
  target: string;
  relationship: string;
  strength: number;
  rationale: string;
}

export interface MappingSetDetail extends MappingSetSummary {
  rows: MappingRow[];
}

export const MEASURE_STATUSES = ['gepland', 'in_uitvoering', 'geimplementeerd', 'vervallen'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];
export const COVERAGES = ['full', 'partial'] as const;
export type Coverage = (typeof COVERAGES)[number];

export interface MeasureLink {
  requirementId: string;
  framework: string;
  ref: string;
  title: string;
  coverage: Coverage;
}

export interface Measure {
  id: string;
  title: string;
  description: string;
  owner: { id: string; name: string; email: string } | null;
  status: MeasureStatus;
  createdAt: string;
  updatedAt: string;
  requirements: MeasureLink[];
  /** Automatic signals: checks failing and passing at their latest observation (when the server reports them). */
  signals?: { failing: number; passing: number };
  /** Evidence linked to the measure (when the server reports it). */
  evidenceCount?: number;
}

export interface MeasurePage {
  items: Measure[];
  nextCursor: string | null;
}

export interface LinkInput {
  framework: string;
  ref: string;
  coverage: Coverage;
}

export interface MeasureInput {
  title: string;
  description: string;
  ownerId?: string | null;
  status: MeasureStatus;
  requirements: LinkInput[];
}

export const RESULTS = ['voldoet', 'voldoet_deels', 'voldoet_niet', 'niet_beoordeeld'] as const;
export type DerivedResult = (typeof RESULTS)[number];

export interface CoverageSource {
  measure: { id: string; title: string; status: MeasureStatus };
  via: 'direct' | 'mapping';
  mapping: { mappingSet: string; framework: string; ref: string; relationship: string; strength: number; rationale: string } | null;
  coverage: Coverage;
  /** The measure is implemented, so it counts towards the result. */
  counts: boolean;
}

export interface CoverageItem {
  requirementId: string;
  ref: string;
  title: string;
  result: DerivedResult;
  sources: CoverageSource[];
}

export type CoverageSummary = { total: number } & Record<DerivedResult, number>;

export interface CoverageReport {
  framework: string;
  summary: CoverageSummary;
  items: CoverageItem[];
}

export interface MeasureFilters {
  q: string;
  status: MeasureStatus | '';
}

export const MEASURES_PAGE_SIZE = 50;

const org = (slug: string) => `/organisations/${seg(slug)}`;

// The library is shared by every organisation; measures and coverage belong to one.
export const frameworksKey = ['frameworks'] as const;
export const frameworkKey = (id: string) => ['frameworks', id] as const;
export const mappingSetsKey = ['mapping-sets'] as const;
export const mappingSetKey = (id: string) => ['mapping-sets', id] as const;
export const measuresKey = (slug: string) => ['organisation', slug, 'measures'] as const;
export const measureListKey = (slug: string, filters: MeasureFilters) => [...measuresKey(slug), 'list', filters] as const;
export const measureKey = (slug: string, id: string) => [...measuresKey(slug), 'detail', id] as const;
export const coverageKey = (slug: string) => ['organisation', slug, 'coverage'] as const;
export const frameworkCoverageKey = (slug: string, frameworkId: string) => [...coverageKey(slug), frameworkId] as const;

export const fetchFrameworks = (signal?: AbortSignal) => get<{ items: FrameworkSummary[] }>('/frameworks', signal).then((data) => data.items);
export const fetchFramework = (id: string, signal?: AbortSignal) => get<FrameworkDetail>(`/frameworks/${seg(id)}`, signal);
export const fetchMappingSets = (signal?: AbortSignal) =>
  get<{ items: MappingSetSummary[] }>('/mapping-sets', signal).then((data) => data.items);
export const fetchMappingSet = (id: string, signal?: AbortSignal) => get<MappingSetDetail>(`/mapping-sets/${seg(id)}`, signal);

export const fetchCoverage = (slug: string, frameworkId: string, signal?: AbortSignal) =>
  get<CoverageReport>(`${org(slug)}/frameworks/${seg(frameworkId)}/coverage`, signal);

export function fetchMeasures(slug: string, filters: MeasureFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams({ limit: String(MEASURES_PAGE_SIZE) });
  if (filters.q) params.set('q', filters.q);
  if (filters.status) params.set('status', filters.status);
  if (cursor) params.set('cursor', cursor);
  return get<MeasurePage>(`${org(slug)}/measures?${params.toString()}`, signal);
}
export const fetchMeasure = (slug: string, id: string, signal?: AbortSignal) => get<Measure>(`${org(slug)}/measures/${seg(id)}`, signal);
export const createMeasure = (slug: string, body: MeasureInput) => post<Measure>(`${org(slug)}/measures`, body);
export const updateMeasure = (slug: string, id: string, body: Partial<MeasureInput>) => patch<Measure>(`${org(slug)}/measures/${seg(id)}`, body);
export const deleteMeasure = (slug: string, id: string) => del(`${org(slug)}/measures/${seg(id)}`);
