import { del, get, isApiError, patch, post, seg } from '../../app/api';
import { apiUrl, postFile, XLSX_TYPE } from '../compliance/evidence/transfer';

/** Kinds, levels and choices of an asset (the same lists as the server's rules). */
export const ASSET_KINDS = ['proces', 'applicatie', 'systeem', 'gegevensverzameling', 'locatie', 'ot'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const LEVELS = ['laag', 'midden', 'hoog'] as const;
export type Level = (typeof LEVELS)[number];
export const CRITICALITIES = ['laag', 'midden', 'hoog', 'vitaal'] as const;
export type Criticality = (typeof CRITICALITIES)[number];
export const OT_TYPES = ['brug', 'sluis', 'gemaal', 'verkeersregeling', 'overig'] as const;
export type OtType = (typeof OT_TYPES)[number];
export const PERSONAL_DATA_CATEGORIES = ['gewone', 'bijzondere', 'strafrechtelijke', 'bsn', 'financiele', 'kinderen'] as const;
export type PersonalDataCategory = (typeof PERSONAL_DATA_CATEGORIES)[number];
export const MAX_HOURS = 100_000;

/** Which kinds carry which groups of fields (the server refuses them on other kinds). */
export const hasBia = (kind: string) => kind === 'proces';
export const hasSoftware = (kind: string) => kind === 'applicatie' || kind === 'systeem';
export const hasOt = (kind: string) => kind === 'ot';
/** A location (address or place) belongs to OT and to a location asset. */
export const hasLocation = (kind: string) => kind === 'ot' || kind === 'locatie';

export const ASSET_PERMISSIONS = {
  read: 'assets.read',
  /** every kind of asset, and the import */
  manage: 'assets.manage',
  /** operational technology only (the OOV adviser) */
  manageOt: 'assets.manage_ot',
} as const;

export interface AssetOwner {
  id: string;
  name: string;
  email: string;
}

export interface Asset {
  id: string;
  kind: AssetKind;
  name: string;
  description: string;
  owner: AssetOwner | null;
  criticality: Criticality | null;
  availability: Level | null;
  integrity: Level | null;
  confidentiality: Level | null;
  personalData: boolean;
  personalDataCategories: PersonalDataCategory[];
  rtoHours: number | null;
  rpoHours: number | null;
  mtdHours: number | null;
  vendor: string | null;
  product: string | null;
  version: string | null;
  cpe: string | null;
  purl: string | null;
  otType: OtType | null;
  remoteAccess: boolean | null;
  remoteAccessHow: string | null;
  location: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The writable fields (POST takes kind and name; PATCH any of them, null empties a field). */
export interface AssetInput {
  kind?: AssetKind;
  name?: string;
  description?: string;
  ownerId?: string | null;
  criticality?: Criticality | null;
  availability?: Level | null;
  integrity?: Level | null;
  confidentiality?: Level | null;
  personalData?: boolean;
  personalDataCategories?: PersonalDataCategory[];
  rtoHours?: number | null;
  rpoHours?: number | null;
  mtdHours?: number | null;
  vendor?: string | null;
  product?: string | null;
  version?: string | null;
  cpe?: string | null;
  purl?: string | null;
  otType?: OtType | null;
  remoteAccess?: boolean | null;
  remoteAccessHow?: string | null;
  location?: string | null;
}

export interface AssetFilters {
  kind: AssetKind | '';
  criticality: Criticality | '';
  owner: string;
  personalData: 'true' | 'false' | '';
  q: string;
}

export interface AssetPage {
  items: Asset[];
  nextCursor: string | null;
  total: number;
}

/** Something that depends on an asset (the 409 on delete lists them). */
export interface Dependant {
  type: string;
  id: string;
  name: string;
  kind: string;
}

export interface ImportFieldChange {
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}

export interface ImportItem {
  sheet?: string;
  line?: number;
  row: number;
  action: 'create' | 'update';
  id: string | null;
  kind: string;
  name: string;
  fields: ImportFieldChange[];
}

export interface ImportCellProblem {
  sheet?: string;
  line?: number;
  cell?: string;
  message: string;
  path?: string;
  /** set here: where the problem is, as the page shows it */
  location?: string;
}

export interface AssetImportResult {
  mode: 'preview' | 'import';
  format: 'xlsx' | 'csv';
  changes: number;
  summary: { created: number; updated: number; unchanged: number };
  errors: ImportCellProblem[];
  items: ImportItem[];
  /** The dependencies sheet ("Afhankelijkheden"); null when the file has none or is CSV (links stay as they are). */
  links?: ImportLinks | null;
}

export interface ImportLinkEnd {
  type: 'asset' | 'supplier' | 'joint_arrangement';
  /** an asset as "soort: naam" */
  name: string;
}

export interface ImportLinks {
  added: number;
  removed: number;
  unchanged: number;
  /** edges of which only the note changes */
  updated?: number;
  /** every edge that changes */
  items?: Array<{ sheet: string; row: number | null; action: 'add' | 'remove' | 'update'; from: ImportLinkEnd; to: ImportLinkEnd; kind: string; note: string }>;
}

const base = (slug: string) => `/organisations/${seg(slug)}/assets`;

export const assetsKey = (slug: string) => ['organisation', slug, 'assets'] as const;
export const assetListKey = (slug: string, filters: AssetFilters) => [...assetsKey(slug), 'list', filters] as const;
export const assetKey = (slug: string, id: string) => [...assetsKey(slug), 'one', id] as const;

export const assetsPath = (slug: string) => `/o/${seg(slug)}/assets`;
export const newAssetPath = (slug: string) => `${assetsPath(slug)}/new`;
export const assetPath = (slug: string, id: string) => `${assetsPath(slug)}/${seg(id)}`;
export const assetImportPath = (slug: string) => `${assetsPath(slug)}/import`;
export const exportUrl = (slug: string, format: 'xlsx' | 'csv') => apiUrl(`${base(slug)}/export.${format}`);

export const PAGE_SIZE = 50;

export function fetchAssets(slug: string, filters: AssetFilters, cursor: string | null, signal?: AbortSignal) {
  const params = new URLSearchParams();
  for (const key of ['kind', 'criticality', 'owner', 'personalData', 'q'] as const) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  params.set('limit', String(PAGE_SIZE));
  if (cursor) params.set('cursor', cursor);
  return get<AssetPage>(`${base(slug)}?${params}`, signal);
}

export const fetchAsset = (slug: string, id: string, signal?: AbortSignal) => get<Asset>(`${base(slug)}/${seg(id)}`, signal);
export const createAsset = (slug: string, input: AssetInput) => post<Asset>(base(slug), input);
export const updateAsset = (slug: string, id: string, input: AssetInput) => patch<Asset>(`${base(slug)}/${seg(id)}`, input);
export const deleteAsset = (slug: string, id: string, force: boolean) => del(`${base(slug)}/${seg(id)}${force ? '?force=true' : ''}`);

/** The dependants a 409 on delete carries, or null when the error is something else. */
export function dependantsOf(error: unknown): Dependant[] | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const list = (error.problem as { dependants?: unknown }).dependants;
  return Array.isArray(list) ? (list as Dependant[]) : null;
}

export const CSV_TYPE = 'text/csv';

/** The content type of an import file, by its name (CSV or else XLSX). */
export const importType = (file: File) => (/\.csv$/i.test(file.name) || file.type === 'text/csv' ? CSV_TYPE : XLSX_TYPE);

export const importAssets = (slug: string, mode: 'preview' | 'import', file: File) =>
  postFile<AssetImportResult>(`${base(slug)}/import?mode=${mode}`, file, importType(file));
