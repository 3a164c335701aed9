import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';
import { ASSET_KINDS, CRITICALITIES, LEVELS, MAX_HOURS, OT_TYPES, PERSONAL_DATA_CATEGORIES } from './rules.js';

export const AssetKind = z.enum(ASSET_KINDS).describe('proces, applicatie, systeem, gegevensverzameling, locatie of ot (operationele technologie)');
export const Level = z.enum(LEVELS);
export const Criticality = z.enum(CRITICALITIES);
export const OtType = z.enum(OT_TYPES);
export const PersonalDataCategory = z
  .enum(PERSONAL_DATA_CATEGORIES)
  .describe('gewone, bijzondere (art. 9 AVG), strafrechtelijke (art. 10 AVG), bsn, financiele, kinderen');

export const AssetDto = z
  .object({
    id: Uuid,
    kind: AssetKind,
    name: z.string(),
    description: z.string(),
    owner: z.object({ id: Uuid, name: z.string(), email: z.string() }).nullable(),
    criticality: Criticality.nullable(),
    availability: Level.nullable().describe('BIV: beschikbaarheid'),
    integrity: Level.nullable().describe('BIV: integriteit'),
    confidentiality: Level.nullable().describe('BIV: vertrouwelijkheid'),
    personalData: z.boolean(),
    personalDataCategories: z.array(PersonalDataCategory),
    rtoHours: z.number().int().nullable().describe('proces: hersteltijd (RTO) in uren'),
    rpoHours: z.number().int().nullable().describe('proces: maximaal gegevensverlies (RPO) in uren'),
    mtdHours: z.number().int().nullable().describe('proces: maximaal toelaatbare uitval (MTD) in uren'),
    vendor: z.string().nullable(),
    product: z.string().nullable(),
    version: z.string().nullable(),
    cpe: z.string().nullable().describe('CPE 2.3 formatted string'),
    purl: z.string().nullable().describe('package URL (purl)'),
    otType: OtType.nullable(),
    remoteAccess: z.boolean().nullable(),
    remoteAccessHow: z.string().nullable(),
    location: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Asset' });

export const AssetList = z.object({ items: z.array(AssetDto), nextCursor: z.string().nullable(), total: z.number().int() });

export const AssetQuery = z.strictObject({
  kind: AssetKind.optional(),
  criticality: Criticality.optional(),
  owner: Uuid.optional(),
  personalData: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(100).optional().describe('zoekt in naam, omschrijving, leverancier en product'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export const AssetParams = z.strictObject({ org: z.string().min(1).max(64), assetId: Uuid });
export const DeleteQuery = z.strictObject({
  force: z.enum(['true', 'false']).default('false').describe('true: ook de afhankelijkheden van en naar dit object verwijderen'),
});

const text = (max: number) => z.string().trim().max(max);
const hours = z.number().int().min(0).max(MAX_HOURS);

const fields = {
  description: z.string().max(10_000),
  ownerId: Uuid.nullable(),
  criticality: Criticality.nullable(),
  availability: Level.nullable(),
  integrity: Level.nullable(),
  confidentiality: Level.nullable(),
  personalData: z.boolean(),
  personalDataCategories: z.array(PersonalDataCategory).max(PERSONAL_DATA_CATEGORIES.length),
  rtoHours: hours.nullable(),
  rpoHours: hours.nullable(),
  mtdHours: hours.nullable(),
  vendor: text(200).nullable(),
  product: text(200).nullable(),
  version: text(100).nullable(),
  cpe: text(500).nullable(),
  purl: text(1000).nullable(),
  otType: OtType.nullable(),
  remoteAccess: z.boolean().nullable(),
  remoteAccessHow: text(2000).nullable(),
  location: text(500).nullable(),
};
const optional = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof fields]: z.ZodOptional<(typeof fields)[K]> };

export const CreateAssetBody = z.strictObject({ kind: AssetKind, name: z.string().trim().min(2).max(300), ...optional });
export const UpdateAssetBody = z.strictObject({ kind: AssetKind.optional(), name: z.string().trim().min(2).max(300).optional(), ...optional });

export const Dependant = z.object({
  type: z.string().describe('asset, supplier of joint_arrangement'),
  id: Uuid,
  name: z.string(),
  kind: z.string().describe('soort afhankelijkheid (gebruikt, draait_op, …)'),
});
export const DeleteConflict = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    dependants: z.array(Dependant),
  })
  .meta({ id: 'AssetDependantsConflict', description: 'RFC 9457 problem details: wat nog van dit object afhangt (verwijder met ?force=true inclusief de koppelingen)' });

export const ImportQuery = z.strictObject({ mode: z.enum(['preview', 'import']).default('preview') });

const CellProblem = z.object({
  sheet: z.string().optional().describe('XLSX: het blad'),
  line: z.number().int().optional().describe('CSV: de regel'),
  cell: z.string(),
  message: z.string(),
  path: z.string(),
});
const LinkEnd = z.object({ type: z.enum(['asset', 'supplier', 'joint_arrangement']), name: z.string().describe('een object als "soort: naam"') });
const FieldChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });

export const AssetImportResult = z
  .object({
    mode: z.enum(['preview', 'import']),
    format: z.enum(['xlsx', 'csv']),
    changes: z.number().int().describe('aantal wijzigingen: objecten (nieuw of gewijzigd) plus afhankelijkheden (toegevoegd, verwijderd, toelichting gewijzigd)'),
    summary: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }),
    links: z
      .object({
        added: z.number().int(),
        removed: z.number().int(),
        unchanged: z.number().int(),
        updated: z.number().int().describe('afhankelijkheden waarvan alleen de toelichting wijzigt'),
        items: z
          .array(
            z.object({
              sheet: z.string(),
              row: z.number().int().nullable().describe('rij op het blad Afhankelijkheden; null bij verwijderen (staat niet op het blad)'),
              action: z.enum(['add', 'remove', 'update']),
              from: LinkEnd,
              to: LinkEnd,
              kind: z.string(),
              note: z.string(),
            }),
          )
          .describe('elke afhankelijkheid die wijzigt'),
      })
      .nullable()
      .describe('het blad Afhankelijkheden; null als het bestand het niet heeft (of CSV is): dan blijven de afhankelijkheden zoals ze zijn'),
    errors: z.array(CellProblem),
    items: z.array(
      z.object({
        sheet: z.string().optional(),
        line: z.number().int().optional(),
        row: z.number().int(),
        action: z.enum(['create', 'update']),
        id: Uuid.nullable(),
        kind: z.string(),
        name: z.string(),
        fields: z.array(FieldChange),
      }),
    ),
  })
  .meta({ id: 'AssetImportResult' });

export const AssetImportProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    mode: z.enum(['preview', 'import']).optional(),
    changes: z.number().int().optional(),
    errors: z.array(CellProblem.partial({ cell: true })).optional(),
  })
  .meta({ id: 'AssetImportProblem', description: 'RFC 9457 problem details met de cellen (blad of regel, en cel) die niet kloppen' });

export const FileDownload = z.any().describe('het bestand (zie content-type)');
