import { del, get, patch, post, put, seg } from '../../app/api';
import { isApiError } from '../../app/api';

/*
 * Suppliers, joint arrangements, procurement answers, shared status and the installation's
 * high-risk countries (/api/v1/organisations/{org}/suppliers, …/joint-arrangements, …/procurement-sets,
 * …/shared-status and /api/v1/high-risk-countries).
 */

/** Permission names as the server declares them (GET /organisations/:org lists the user's). */
export const SUPPLIER_PERMISSIONS = {
  read: 'suppliers.read',
  manage: 'suppliers.manage',
  sharing: 'sharing.manage',
  dependencies: 'dependencies.manage',
} as const;

export const WARNING_CODES = ['verwerkersovereenkomst_ontbreekt', 'certificering_verlopen', 'contract_loopt_af'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];
export const CERTIFICATION_KINDS = ['iso27001', 'isae3402', 'soc2', 'nen7510', 'anders'] as const;
export type CertificationKind = (typeof CERTIFICATION_KINDS)[number];
export const CERTIFICATION_STATUSES = ['geldig', 'verloopt_binnenkort', 'verlopen', 'onbekend'] as const;
export type CertificationStatus = (typeof CERTIFICATION_STATUSES)[number];
export const AGREEMENT_MODELS = ['vng_model', 'anders'] as const;
export type AgreementModel = (typeof AGREEMENT_MODELS)[number];
export const ARRANGEMENT_KINDS = ['gemeenschappelijke_regeling', 'samenwerkingsverband', 'convenant', 'anders'] as const;
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number];
export const ANSWERS = ['voldoet', 'voldoet_deels', 'voldoet_niet', 'niet_van_toepassing', 'onbekend'] as const;
export type Answer = (typeof ANSWERS)[number];
export const SHARED_STATUSES = ['normaal', 'verstoord', 'uitval'] as const;
export type SharedStatusValue = (typeof SHARED_STATUSES)[number];

export interface Country {
  code: string;
  name: string;
}

export interface Contract {
  id: string;
  title: string;
  startDate: string | null;
  endDate: string | null;
  valueCents: number | null;
  noticePeriodDays: number | null;
  noticeDeadline: string | null;
  exitPlan: string;
  createdAt: string;
}

export interface ProcessingAgreement {
  id: string;
  signed: boolean;
  signedOn: string | null;
  model: AgreementModel;
  modelVersion: string | null;
  notes: string;
  createdAt: string;
}

export interface Certification {
  id: string;
  kind: CertificationKind;
  name: string;
  validUntil: string | null;
  status: CertificationStatus;
  createdAt: string;
}

export interface SupplierRef {
  id: string;
  name: string;
  highRisk: boolean;
}

export interface ProcurementSummary {
  voldoet: number;
  voldoet_deels: number;
  voldoet_niet: number;
  niet_van_toepassing: number;
  onbekend: number;
  unanswered: number;
}

export interface Supplier {
  id: string;
  name: string;
  description: string;
  website: string | null;
  registrationNumber: string | null;
  countryOfOrigin: Country | null;
  processingCountries: Country[];
  processesPersonalData: boolean;
  highRisk: boolean;
  highRiskReasons: Array<{ country: Country; role: 'herkomst' | 'verwerking'; reason: string }>;
  warnings: Array<{ code: WarningCode; message: string }>;
  contracts: Contract[];
  processingAgreements: ProcessingAgreement[];
  certifications: Certification[];
  subprocessors: SupplierRef[];
  subprocessorOf: SupplierRef[];
  /** sets with at least one answer (added with the procurement answers; absent on older servers) */
  procurement?: Array<{ setId: string; title: string; summary: ProcurementSummary }>;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export interface SupplierFilters {
  q: string;
  highRisk: '' | 'true' | 'false';
  processesPersonalData: '' | 'true' | 'false';
  warning: WarningCode | '';
}

export interface SupplierInput {
  name?: string;
  description?: string;
  website?: string | null;
  registrationNumber?: string | null;
  countryOfOrigin?: string | null;
  processingCountries?: string[];
  processesPersonalData?: boolean;
}

export interface ContractInput {
  title?: string;
  startDate?: string | null;
  endDate?: string | null;
  valueCents?: number | null;
  noticePeriodDays?: number | null;
  exitPlan?: string;
}

export interface AgreementInput {
  signed?: boolean;
  signedOn?: string | null;
  model?: AgreementModel;
  modelVersion?: string | null;
  notes?: string;
}

export interface CertificationInput {
  kind?: CertificationKind;
  name?: string;
  validUntil?: string | null;
}

/** A part that depends on a supplier or arrangement being deleted (409 problem member). */
export interface Dependant {
  type: string;
  id: string;
  name: string;
  kind: string;
}

export function dependantsOf(error: unknown): Dependant[] {
  if (!isApiError(error) || error.status !== 409) return [];
  const list = (error.problem as { dependants?: unknown }).dependants;
  return Array.isArray(list) ? (list as Dependant[]) : [];
}

/** A 404 from an endpoint that this server does not have (yet), as opposed to a missing resource. */
export const isNotFound = (error: unknown) => isApiError(error) && error.status === 404;

/* ---------- keys ---------- */

export const suppliersKey = (slug: string) => ['organisation', slug, 'suppliers'] as const;
export const supplierListKey = (slug: string, filters: SupplierFilters) => [...suppliersKey(slug), 'list', filters] as const;
export const supplierKey = (slug: string, id: string) => [...suppliersKey(slug), 'one', id] as const;
export const supplierOptionsKey = (slug: string, q: string) => [...suppliersKey(slug), 'options', q] as const;
export const procurementSetsKey = (slug: string) => ['organisation', slug, 'procurement-sets'] as const;
export const procurementKey = (slug: string, supplierId: string, setId: string) => ['organisation', slug, 'procurement', supplierId, setId] as const;
export const arrangementsKey = (slug: string) => ['organisation', slug, 'joint-arrangements'] as const;
export const arrangementListKey = (slug: string, filters: ArrangementFilters) => [...arrangementsKey(slug), 'list', filters] as const;
export const arrangementKey = (slug: string, id: string) => [...arrangementsKey(slug), 'one', id] as const;
export const sharedStatusKey = (slug: string) => ['organisation', slug, 'shared-status'] as const;
export const highRiskCountriesKey = ['high-risk-countries'] as const;

const base = (slug: string) => `/organisations/${seg(slug)}`;
const supplierBase = (slug: string, id: string) => `${base(slug)}/suppliers/${seg(id)}`;

function query(values: Record<string, string | null | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/* ---------- suppliers ---------- */

export const PAGE_SIZE = 50;

export function fetchSuppliers(slug: string, filters: SupplierFilters, cursor: string | null, signal?: AbortSignal) {
  return get<Page<Supplier>>(
    `${base(slug)}/suppliers${query({ q: filters.q, highRisk: filters.highRisk, processesPersonalData: filters.processesPersonalData, warning: filters.warning, limit: String(PAGE_SIZE), cursor })}`,
    signal,
  );
}

/** Up to 200 suppliers by name (for pickers), optionally searched. */
export function fetchSupplierOptions(slug: string, q: string, signal?: AbortSignal) {
  return get<Page<Supplier>>(`${base(slug)}/suppliers${query({ q: q.trim() || undefined, limit: '200' })}`, signal);
}

export const fetchSupplier = (slug: string, id: string, signal?: AbortSignal) => get<Supplier>(supplierBase(slug, id), signal);
export const createSupplier = (slug: string, input: SupplierInput) => post<Supplier>(`${base(slug)}/suppliers`, input);
export const updateSupplier = (slug: string, id: string, input: SupplierInput) => patch<Supplier>(supplierBase(slug, id), input);
export const deleteSupplier = (slug: string, id: string, force = false) => del(`${supplierBase(slug, id)}${force ? '?force=true' : ''}`);

export const addContract = (slug: string, id: string, input: ContractInput) => post<Supplier>(`${supplierBase(slug, id)}/contracts`, input);
export const updateContract = (slug: string, id: string, contractId: string, input: ContractInput) =>
  patch<Supplier>(`${supplierBase(slug, id)}/contracts/${seg(contractId)}`, input);
export const deleteContract = (slug: string, id: string, contractId: string) => del(`${supplierBase(slug, id)}/contracts/${seg(contractId)}`);

export const addAgreement = (slug: string, id: string, input: AgreementInput) => post<Supplier>(`${supplierBase(slug, id)}/processing-agreements`, input);
export const updateAgreement = (slug: string, id: string, agreementId: string, input: AgreementInput) =>
  patch<Supplier>(`${supplierBase(slug, id)}/processing-agreements/${seg(agreementId)}`, input);
export const deleteAgreement = (slug: string, id: string, agreementId: string) => del(`${supplierBase(slug, id)}/processing-agreements/${seg(agreementId)}`);

export const addCertification = (slug: string, id: string, input: CertificationInput) => post<Supplier>(`${supplierBase(slug, id)}/certifications`, input);
export const updateCertification = (slug: string, id: string, certificationId: string, input: CertificationInput) =>
  patch<Supplier>(`${supplierBase(slug, id)}/certifications/${seg(certificationId)}`, input);
export const deleteCertification = (slug: string, id: string, certificationId: string) => del(`${supplierBase(slug, id)}/certifications/${seg(certificationId)}`);

export const addSubprocessor = (slug: string, id: string, subprocessorId: string) => put<Supplier>(`${supplierBase(slug, id)}/subprocessors/${seg(subprocessorId)}`, undefined);
export const removeSubprocessor = (slug: string, id: string, subprocessorId: string) => del(`${supplierBase(slug, id)}/subprocessors/${seg(subprocessorId)}`);

/* ---------- procurement requirements ---------- */

export interface ProcurementSet {
  id: string;
  name: string;
  title: string;
  version: string;
  requirements: number;
}

export interface ProcurementItem {
  requirementId: string;
  ref: string;
  title: string;
  description: string | null;
  /** the chapter's ref; null for a chapter itself (which gets no answer) */
  chapterRef: string | null;
  answer: Answer | null;
  note: string;
  source: string;
  answeredAt: string | null;
  answeredBy: { id: string; name: string } | null;
}

export interface ProcurementAnswers {
  set: { id: string; name: string; title: string; version: string };
  summary: ProcurementSummary;
  items: ProcurementItem[];
}

export interface AnswerInput {
  requirementId: string;
  /** null removes the answer */
  answer: Answer | null;
  note?: string;
  source?: string;
}

export const fetchProcurementSets = (slug: string, signal?: AbortSignal) => get<{ items: ProcurementSet[] }>(`${base(slug)}/procurement-sets`, signal);
export const fetchProcurement = (slug: string, supplierId: string, setId: string, signal?: AbortSignal) =>
  get<ProcurementAnswers>(`${supplierBase(slug, supplierId)}/procurement/${seg(setId)}`, signal);
export const saveProcurement = (slug: string, supplierId: string, setId: string, answers: AnswerInput[]) =>
  put<ProcurementAnswers>(`${supplierBase(slug, supplierId)}/procurement/${seg(setId)}/answers`, { answers });

/* ---------- joint arrangements ---------- */

export interface SharedCompliance {
  frameworks: Array<{ id: string; name: string; percentage: number }>;
}

export interface ArrangementSharedStatus {
  status: SharedStatusValue | null;
  message: string;
  updatedAt: string | null;
  compliance: SharedCompliance | null;
}

export interface JointArrangement {
  id: string;
  name: string;
  kind: ArrangementKind;
  description: string;
  accountable: string;
  lastCouncilReport: string | null;
  linkedOrganisation: { slug: string; name: string } | null;
  /** added with the shared status; absent on older servers */
  sharedStatus?: ArrangementSharedStatus | null;
  createdAt: string;
  updatedAt: string;
}

export interface ArrangementFilters {
  q: string;
  kind: ArrangementKind | '';
}

export interface ArrangementInput {
  name?: string;
  kind?: ArrangementKind;
  description?: string;
  accountable?: string;
  lastCouncilReport?: string | null;
  linkedOrganisation?: string | null;
}

const arrangementBase = (slug: string, id: string) => `${base(slug)}/joint-arrangements/${seg(id)}`;

export function fetchArrangements(slug: string, filters: ArrangementFilters, cursor: string | null, signal?: AbortSignal) {
  return get<Page<JointArrangement>>(`${base(slug)}/joint-arrangements${query({ q: filters.q, kind: filters.kind, limit: String(PAGE_SIZE), cursor })}`, signal);
}
export const fetchArrangement = (slug: string, id: string, signal?: AbortSignal) => get<JointArrangement>(arrangementBase(slug, id), signal);
export const createArrangement = (slug: string, input: ArrangementInput) => post<JointArrangement>(`${base(slug)}/joint-arrangements`, input);
export const updateArrangement = (slug: string, id: string, input: ArrangementInput) => patch<JointArrangement>(arrangementBase(slug, id), input);
export const deleteArrangement = (slug: string, id: string, force = false) => del(`${arrangementBase(slug, id)}${force ? '?force=true' : ''}`);

/* ---------- shared status (the organisation is itself a joint arrangement) ---------- */

export interface SharedStatus {
  status: SharedStatusValue | null;
  message: string;
  shareCompliance: boolean;
  updatedAt: string | null;
  participants: Array<{ slug: string; name: string }>;
}

export interface SharedStatusInput {
  status: SharedStatusValue;
  message: string;
  shareCompliance: boolean;
}

export const fetchSharedStatus = (slug: string, signal?: AbortSignal) => get<SharedStatus>(`${base(slug)}/shared-status`, signal);
export const saveSharedStatus = (slug: string, input: SharedStatusInput) => put<SharedStatus>(`${base(slug)}/shared-status`, input);

/* ---------- high-risk countries (installation-wide) ---------- */

export interface HighRiskCountry {
  code: string;
  name: string;
  reason: string;
  addedAt: string;
}

export const fetchHighRiskCountries = (signal?: AbortSignal) => get<{ items: HighRiskCountry[] }>('/high-risk-countries', signal);
export const putHighRiskCountry = (code: string, reason: string) => put<HighRiskCountry>(`/high-risk-countries/${seg(code)}`, { reason });
export const deleteHighRiskCountry = (code: string) => del(`/high-risk-countries/${seg(code)}`);
