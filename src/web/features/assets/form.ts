import { hasBia, hasLocation, hasOt, hasSoftware, MAX_HOURS } from './api';
import type { Asset, AssetInput, AssetKind, Criticality, Level, OtType, PersonalDataCategory } from './api';

/** The asset form's state: text as typed, '' for "not filled in". */
export interface AssetFormValues {
  kind: AssetKind;
  name: string;
  description: string;
  /** '' for no owner */
  ownerId: string;
  criticality: Criticality | '';
  availability: Level | '';
  integrity: Level | '';
  confidentiality: Level | '';
  personalData: boolean;
  personalDataCategories: PersonalDataCategory[];
  rtoHours: string;
  rpoHours: string;
  mtdHours: string;
  vendor: string;
  product: string;
  version: string;
  cpe: string;
  purl: string;
  otType: OtType | '';
  remoteAccess: '' | 'true' | 'false';
  remoteAccessHow: string;
  location: string;
}

export type HourField = 'rtoHours' | 'rpoHours' | 'mtdHours';
export const HOUR_FIELDS: HourField[] = ['rtoHours', 'rpoHours', 'mtdHours'];

export const emptyAsset = (kind: AssetKind = 'proces'): AssetFormValues => ({
  kind,
  name: '',
  description: '',
  ownerId: '',
  criticality: '',
  availability: '',
  integrity: '',
  confidentiality: '',
  personalData: false,
  personalDataCategories: [],
  rtoHours: '',
  rpoHours: '',
  mtdHours: '',
  vendor: '',
  product: '',
  version: '',
  cpe: '',
  purl: '',
  otType: '',
  remoteAccess: '',
  remoteAccessHow: '',
  location: '',
});

const text = (value: string | null) => value ?? '';
const hoursText = (value: number | null) => (value === null ? '' : String(value));

export const assetValues = (asset: Asset): AssetFormValues => ({
  kind: asset.kind,
  name: asset.name,
  description: asset.description,
  ownerId: asset.owner?.id ?? '',
  criticality: asset.criticality ?? '',
  availability: asset.availability ?? '',
  integrity: asset.integrity ?? '',
  confidentiality: asset.confidentiality ?? '',
  personalData: asset.personalData,
  personalDataCategories: asset.personalDataCategories,
  rtoHours: hoursText(asset.rtoHours),
  rpoHours: hoursText(asset.rpoHours),
  mtdHours: hoursText(asset.mtdHours),
  vendor: text(asset.vendor),
  product: text(asset.product),
  version: text(asset.version),
  cpe: text(asset.cpe),
  purl: text(asset.purl),
  otType: asset.otType ?? '',
  remoteAccess: asset.remoteAccess === null ? '' : asset.remoteAccess ? 'true' : 'false',
  remoteAccessHow: text(asset.remoteAccessHow),
  location: text(asset.location),
});

/** Whether a typed number of hours is acceptable: empty, or a whole number from 0 to MAX_HOURS. */
export function hoursProblem(value: string): 'format' | 'range' | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  if (!/^\d+$/.test(trimmed)) return 'format';
  return Number(trimmed) > MAX_HOURS ? 'range' : null;
}

const orNull = (value: string) => (value.trim() ? value.trim() : null);
const hours = (value: string) => (value.trim() ? Number(value.trim()) : null);

/**
 * The body to send for the form's values. Fields that do not belong to the chosen kind are sent as
 * null (so changing the kind empties them, as the server demands); the location is left out for kinds
 * that do not show it. `ownerPicker` false leaves the owner out (it cannot be chosen). With `initial`
 * (editing) only the fields that differ from it are sent.
 */
export function assetInput(values: AssetFormValues, { ownerPicker, initial }: { ownerPicker: boolean; initial?: Asset }): AssetInput {
  const kind = values.kind;
  const remote = hasOt(kind) && values.remoteAccess ? values.remoteAccess === 'true' : null;
  const body: AssetInput = {
    kind,
    name: values.name.trim(),
    description: values.description,
    ...(ownerPicker ? { ownerId: values.ownerId || null } : {}),
    criticality: values.criticality || null,
    availability: values.availability || null,
    integrity: values.integrity || null,
    confidentiality: values.confidentiality || null,
    personalData: values.personalData,
    personalDataCategories: values.personalData ? values.personalDataCategories : [],
    rtoHours: hasBia(kind) ? hours(values.rtoHours) : null,
    rpoHours: hasBia(kind) ? hours(values.rpoHours) : null,
    mtdHours: hasBia(kind) ? hours(values.mtdHours) : null,
    vendor: hasSoftware(kind) ? orNull(values.vendor) : null,
    product: hasSoftware(kind) ? orNull(values.product) : null,
    version: hasSoftware(kind) ? orNull(values.version) : null,
    cpe: hasSoftware(kind) ? orNull(values.cpe) : null,
    purl: hasSoftware(kind) ? orNull(values.purl) : null,
    otType: hasOt(kind) ? values.otType || null : null,
    remoteAccess: remote,
    remoteAccessHow: remote ? orNull(values.remoteAccessHow) : null,
    ...(hasLocation(kind) ? { location: orNull(values.location) } : {}),
  };
  if (!initial) return body;
  const before: Record<string, unknown> = { ...initial, ownerId: initial.owner?.id ?? null };
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key] ?? null)) changed[key] = value;
  }
  return changed as AssetInput;
}
