import { ASSET_KINDS, CRITICALITIES, LEVELS, OT_TYPES, PERSONAL_DATA_CATEGORIES, type AssetField } from './rules.js';

/**
 * The columns of the asset export, in order, with their stable Dutch headers. The import finds columns by
 * header (case-insensitive), so a user may reorder them or leave optional ones out.
 */
export type ColumnKey = 'id' | Exclude<AssetField, 'ownerId'> | 'owner';
export type ColumnType = 'id' | 'text' | 'longtext' | 'hours' | 'yesno' | 'list' | 'email';

export interface Column {
  key: ColumnKey;
  header: string;
  width: number;
  type: ColumnType;
  /** allowed values (codes) for a choice column */
  values?: readonly string[];
  max?: number;
}

export const ASSET_SHEET = 'Objecten';
export const HELP_SHEET = 'Toelichting';

export const COLUMNS: Column[] = [
  { key: 'id', header: 'id', width: 38, type: 'id' },
  { key: 'kind', header: 'Soort', width: 18, type: 'text', values: ASSET_KINDS },
  { key: 'name', header: 'Naam', width: 36, type: 'text', max: 300 },
  { key: 'description', header: 'Omschrijving', width: 48, type: 'longtext', max: 10_000 },
  { key: 'owner', header: 'Eigenaar (e-mail)', width: 28, type: 'email' },
  { key: 'criticality', header: 'Kritikaliteit', width: 13, type: 'text', values: CRITICALITIES },
  { key: 'availability', header: 'Beschikbaarheid', width: 15, type: 'text', values: LEVELS },
  { key: 'integrity', header: 'Integriteit', width: 12, type: 'text', values: LEVELS },
  { key: 'confidentiality', header: 'Vertrouwelijkheid', width: 16, type: 'text', values: LEVELS },
  { key: 'personalData', header: 'Persoonsgegevens', width: 16, type: 'yesno' },
  { key: 'personalDataCategories', header: 'Categorieën persoonsgegevens', width: 28, type: 'list', values: PERSONAL_DATA_CATEGORIES },
  { key: 'rtoHours', header: 'RTO (uren)', width: 11, type: 'hours' },
  { key: 'rpoHours', header: 'RPO (uren)', width: 11, type: 'hours' },
  { key: 'mtdHours', header: 'MTD (uren)', width: 11, type: 'hours' },
  { key: 'vendor', header: 'Leverancier software', width: 22, type: 'text', max: 200 },
  { key: 'product', header: 'Product', width: 22, type: 'text', max: 200 },
  { key: 'version', header: 'Versie', width: 12, type: 'text', max: 100 },
  { key: 'cpe', header: 'CPE', width: 40, type: 'text', max: 500 },
  { key: 'purl', header: 'Package URL (purl)', width: 36, type: 'text', max: 1000 },
  { key: 'otType', header: 'OT-soort', width: 16, type: 'text', values: OT_TYPES },
  { key: 'remoteAccess', header: 'Toegang op afstand', width: 17, type: 'yesno' },
  { key: 'remoteAccessHow', header: 'Hoe toegang op afstand', width: 32, type: 'longtext', max: 2000 },
  { key: 'location', header: 'Locatie', width: 26, type: 'text', max: 500 },
];

export const columnByHeader = new Map(COLUMNS.map((c) => [c.header.toLowerCase(), c]));
export const columnByKey = new Map(COLUMNS.map((c) => [c.key, c]));

export const HELP_LINES: [string, string][] = [
  ['Terugzetten', 'Wijzig of vul de rijen aan en lever het bestand (XLSX of CSV) weer in bij "Objecten importeren". U ziet eerst een voorbeeld; importeren gebeurt in zijn geheel of helemaal niet.'],
  ['Koppeling', 'Een rij met een id werkt dat object bij; zonder id zoekt de import op Soort + Naam, en anders wordt het een nieuw object. Rijen die u weglaat, blijven ongewijzigd (er wordt niets verwijderd).'],
  ['Soort', ASSET_KINDS.join(', ')],
  ['Kritikaliteit', CRITICALITIES.join(', ')],
  ['Beschikbaarheid, Integriteit, Vertrouwelijkheid', LEVELS.join(', ')],
  ['Persoonsgegevens, Toegang op afstand', 'ja of nee'],
  ['Categorieën persoonsgegevens', `${PERSONAL_DATA_CATEGORIES.join(', ')} (gescheiden door komma's); alleen als Persoonsgegevens ja is`],
  ['RTO, RPO, MTD (uren)', 'Alleen bij een proces: hele uren, RTO niet langer dan MTD.'],
  ['Leverancier software, Product, Versie, CPE, purl', 'Alleen bij een applicatie of systeem. CPE als CPE 2.3-string (cpe:2.3:a:leverancier:product:versie:…), purl als package URL (pkg:type/naam@versie).'],
  ['OT-soort, Toegang op afstand, Hoe', `Alleen bij operationele technologie (ot): ${OT_TYPES.join(', ')}. Bij toegang op afstand is "Hoe" verplicht.`],
  ['Eigenaar (e-mail)', 'Het e-mailadres van een lid van de organisatie; leeg = geen eigenaar.'],
];
