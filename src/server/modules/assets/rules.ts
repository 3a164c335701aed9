import { PackageURL } from 'packageurl-js';

/** What an asset may hold, per kind; shared by the API and the bulk import so both say the same. */

export const ASSET_KINDS = ['proces', 'applicatie', 'systeem', 'gegevensverzameling', 'locatie', 'ot'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
export const LEVELS = ['laag', 'midden', 'hoog'] as const;
export const CRITICALITIES = ['laag', 'midden', 'hoog', 'vitaal'] as const;
export const OT_TYPES = ['brug', 'sluis', 'gemaal', 'verkeersregeling', 'overig'] as const;
/** Categories of personal data (AVG): ordinary, special (art. 9), criminal (art. 10), BSN, financial, children's. */
export const PERSONAL_DATA_CATEGORIES = ['gewone', 'bijzondere', 'strafrechtelijke', 'bsn', 'financiele', 'kinderen'] as const;

export const KIND_LABEL: Record<AssetKind, string> = {
  proces: 'proces',
  applicatie: 'applicatie',
  systeem: 'systeem',
  gegevensverzameling: 'gegevensverzameling',
  locatie: 'locatie',
  ot: 'operationele technologie (OT)',
};

export const MAX_HOURS = 100_000;

/** Every field of an asset except id, organisation and timestamps. */
export interface AssetFields {
  kind: string;
  name: string;
  description: string;
  ownerId: string | null;
  criticality: string | null;
  availability: string | null;
  integrity: string | null;
  confidentiality: string | null;
  personalData: boolean;
  personalDataCategories: string[];
  rtoHours: number | null;
  rpoHours: number | null;
  mtdHours: number | null;
  vendor: string | null;
  product: string | null;
  version: string | null;
  cpe: string | null;
  purl: string | null;
  otType: string | null;
  remoteAccess: boolean | null;
  remoteAccessHow: string | null;
  location: string | null;
}
export type AssetField = keyof AssetFields;

export const BIA_FIELDS = ['rtoHours', 'rpoHours', 'mtdHours'] as const;
export const SOFTWARE_FIELDS = ['vendor', 'product', 'version', 'cpe', 'purl'] as const;
export const OT_FIELDS = ['otType', 'remoteAccess', 'remoteAccessHow'] as const;

/*
 * CPE 2.3 formatted string binding, the pattern of NISTIR 7695 (the cpe23Type of the CPE 2.3 dictionary schema):
 * cpe:2.3:part:vendor:product:version:update:edition:language:sw_edition:target_sw:target_hw:other
 */
const CPE_AVSTRING = String.raw`(((\?*|\*?)([a-zA-Z0-9\-._]|(\\[\\*?!"#$%&'()+,/:;<=>@[\]^` + '`' + String.raw`{|}~]))+(\?*|\*?))|[*\-])`;
const CPE_LANG = String.raw`(([a-zA-Z]{2,3}(-([a-zA-Z]{2}|[0-9]{3}))?)|[*\-])`;
export const CPE23 = new RegExp(`^cpe:2\\.3:[aho*\\-](:${CPE_AVSTRING}){5}(:${CPE_LANG})(:${CPE_AVSTRING}){4}$`);

/** Why a CPE is not a CPE 2.3 formatted string, or null when it is. */
export function cpeProblem(cpe: string): string | null {
  if (!cpe.startsWith('cpe:2.3:')) return 'geen CPE 2.3: begint niet met cpe:2.3:';
  if (cpe.split(/(?<!\\):/).length !== 13) return 'geen CPE 2.3: verwacht 13 delen gescheiden door dubbele punten (cpe:2.3:deel:leverancier:product:versie:…)';
  if (!CPE23.test(cpe)) return 'geen geldige CPE 2.3-string (deel a, o of h; alleen letters, cijfers, - . _, * of ?, en \\ voor andere tekens)';
  return null;
}

/** Why a package URL is not valid per the purl specification (checked with packageurl-js), or null. */
export function purlProblem(purl: string): string | null {
  if (!purl.startsWith('pkg:')) return 'geen package URL: begint niet met pkg:';
  try {
    PackageURL.fromString(purl);
    return null;
  } catch (e) {
    return `geen geldige package URL (${String((e as Error).message ?? e).replace(/^Invalid purl:\s*/i, '')})`;
  }
}

const present = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/**
 * Every rule on the whole asset (after a change is applied): which fields belong to which kind, the BIA
 * figures, remote access, personal-data categories, and the CPE/purl syntax. Owner membership is checked
 * by the caller (it needs the database).
 */
export function assetProblems(a: AssetFields): { field: AssetField; message: string }[] {
  const out: { field: AssetField; message: string }[] = [];
  const kind = a.kind as AssetKind;
  const label = KIND_LABEL[kind] ?? a.kind;
  if (!ASSET_KINDS.includes(kind)) out.push({ field: 'kind', message: `onbekende soort; kies uit ${ASSET_KINDS.join(', ')}` });
  if (kind !== 'proces') {
    for (const f of BIA_FIELDS) if (present(a[f])) out.push({ field: f, message: `BIA-gegevens (RTO, RPO, MTD) horen alleen bij een proces, niet bij een ${label}` });
  } else {
    for (const f of BIA_FIELDS) {
      const v = a[f];
      if (v !== null && (!Number.isInteger(v) || v < 0 || v > MAX_HOURS)) out.push({ field: f, message: `een heel aantal uren van 0 tot ${MAX_HOURS}` });
    }
    if (a.rtoHours !== null && a.mtdHours !== null && a.rtoHours > a.mtdHours) {
      out.push({ field: 'rtoHours', message: `de RTO (${a.rtoHours} uur) is langer dan de maximaal toelaatbare uitval (MTD, ${a.mtdHours} uur)` });
    }
  }
  if (kind !== 'applicatie' && kind !== 'systeem') {
    for (const f of SOFTWARE_FIELDS) if (present(a[f])) out.push({ field: f, message: `softwaregegevens horen alleen bij een applicatie of systeem, niet bij een ${label}` });
  } else {
    if (a.cpe) {
      const p = cpeProblem(a.cpe);
      if (p) out.push({ field: 'cpe', message: p });
    }
    if (a.purl) {
      const p = purlProblem(a.purl);
      if (p) out.push({ field: 'purl', message: p });
    }
  }
  if (kind !== 'ot') {
    for (const f of OT_FIELDS) if (present(a[f])) out.push({ field: f, message: `OT-gegevens horen alleen bij operationele technologie, niet bij een ${label}` });
  } else {
    if (!a.otType) out.push({ field: 'otType', message: `verplicht bij operationele technologie; kies uit ${OT_TYPES.join(', ')}` });
    else if (!(OT_TYPES as readonly string[]).includes(a.otType)) out.push({ field: 'otType', message: `kies uit ${OT_TYPES.join(', ')}` });
    if (a.remoteAccess === true && !a.remoteAccessHow?.trim()) out.push({ field: 'remoteAccessHow', message: 'beschrijf hoe toegang op afstand verloopt (bijvoorbeeld VPN van de leverancier, 4G-modem)' });
    if (a.remoteAccess !== true && present(a.remoteAccessHow)) out.push({ field: 'remoteAccessHow', message: 'alleen invullen als er toegang op afstand is' });
  }
  for (const f of ['availability', 'integrity', 'confidentiality'] as const) {
    if (a[f] !== null && !(LEVELS as readonly string[]).includes(a[f]!)) out.push({ field: f, message: `kies uit ${LEVELS.join(', ')}` });
  }
  if (a.criticality !== null && !(CRITICALITIES as readonly string[]).includes(a.criticality)) out.push({ field: 'criticality', message: `kies uit ${CRITICALITIES.join(', ')}` });
  if (!a.personalData && a.personalDataCategories.length) {
    out.push({ field: 'personalDataCategories', message: 'categorieën persoonsgegevens alleen als er persoonsgegevens in zitten' });
  }
  const unknown = a.personalDataCategories.filter((c) => !(PERSONAL_DATA_CATEGORIES as readonly string[]).includes(c));
  if (unknown.length) out.push({ field: 'personalDataCategories', message: `onbekende categorie ${unknown.join(', ')}; kies uit ${PERSONAL_DATA_CATEGORIES.join(', ')}` });
  return out;
}

/** Categories in their fixed order, without duplicates. */
export const orderCategories = (cs: string[]) => {
  const set = new Set(cs);
  return [...PERSONAL_DATA_CATEGORIES.filter((c) => set.has(c)), ...[...set].filter((c) => !(PERSONAL_DATA_CATEGORIES as readonly string[]).includes(c))];
};
