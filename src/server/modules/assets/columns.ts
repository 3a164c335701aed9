import { ASSET_KINDS, CRITICALITIES, LEVELS, OT_TYPES, PERSONAL_DATA_CATEGORIES, type AssetField } from './rules.js';
import { DEPENDENCY_KINDS } from '../dependencies/schemas.js';

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
export const LINK_SHEET = 'Afhankelijkheden';
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

/*
 * The second sheet: one row per dependency edge from or to an asset ("van hangt af van naar"). Ends are
 * named, not numbered: an asset as "soort: naam", a supplier or joint arrangement by its name.
 */
export type LinkColumnKey = 'fromType' | 'from' | 'toType' | 'to' | 'kind' | 'note';
export interface LinkColumn {
  key: LinkColumnKey;
  header: string;
  width: number;
  required: boolean;
  max?: number;
}
export const LINK_COLUMNS: LinkColumn[] = [
  { key: 'fromType', header: 'Van-type', width: 14, required: true },
  { key: 'from', header: 'Van', width: 44, required: true, max: 400 },
  { key: 'toType', header: 'Naar-type', width: 14, required: true },
  { key: 'to', header: 'Naar', width: 44, required: true, max: 400 },
  { key: 'kind', header: 'Soort afhankelijkheid', width: 22, required: true },
  { key: 'note', header: 'Toelichting', width: 48, required: false, max: 2000 },
];
export const linkColumnByHeader = new Map(LINK_COLUMNS.map((c) => [c.header.toLowerCase(), c]));

/** The node types as the sheet names them, and the other spellings the import accepts. */
export const NODE_TYPE_LABEL = { asset: 'object', supplier: 'leverancier', joint_arrangement: 'regeling' } as const;
export type LinkNodeType = keyof typeof NODE_TYPE_LABEL;
export const NODE_TYPE_BY_TEXT = new Map<string, LinkNodeType>([
  ['object', 'asset'],
  ['asset', 'asset'],
  ['leverancier', 'supplier'],
  ['supplier', 'supplier'],
  ['regeling', 'joint_arrangement'],
  ['gemeenschappelijke regeling', 'joint_arrangement'],
  ['samenwerkingsverband', 'joint_arrangement'],
  ['joint_arrangement', 'joint_arrangement'],
]);
export { DEPENDENCY_KINDS };

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
  [LINK_SHEET, `Eén rij per afhankelijkheid: "Van" hangt af van "Naar". Van-type en Naar-type: ${Object.values(NODE_TYPE_LABEL).join(', ')}. Een object schrijft u als "soort: naam" (bijvoorbeeld "proces: Paspoorten"), een leverancier of regeling met haar naam zoals die in Weerbaar staat.`],
  ['Soort afhankelijkheid', DEPENDENCY_KINDS.join(', ')],
  ['Afhankelijkheden bijwerken', `Staat het blad ${LINK_SHEET} in het bestand, dan worden ontbrekende afhankelijkheden toegevoegd en worden afhankelijkheden van en naar de objecten op het blad ${ASSET_SHEET} die niet op het blad staan, verwijderd. Laat u het blad weg (of importeert u CSV), dan blijven alle afhankelijkheden zoals ze zijn.`],
];
