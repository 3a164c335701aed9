import { z } from 'zod';
import { Timestamp, Uuid } from '../../../core/http/schemas.js';

const Mode = z.enum(['preview', 'import']).default('preview');
const FrameworkId = z.string().min(3).max(120);

export const LibraryImportQuery = z.strictObject({ mode: Mode });
export const OscalImportQuery = z.strictObject({
  mode: Mode,
  id: z
    .string()
    .min(3)
    .max(120)
    .regex(/^[a-z0-9]+:[a-z0-9:._@-]+$/, 'vorm "uitgever:naam"')
    .optional()
    .describe('id van het raamwerk (standaard oscal:<titel>); bij een profiel met meegestuurde catalogus: het id van het profiel'),
  catalog: FrameworkId.optional().describe('profiel: het raamwerk in de bibliotheek dat de geïmporteerde catalogus is'),
});

export const ImportProblem = z.object({
  path: z.string().describe('plek in het bestand: JSON-pad, regel of blad!cel'),
  message: z.string(),
  line: z.number().int().optional(),
  column: z.number().int().optional(),
  sheet: z.string().optional(),
  cell: z.string().optional(),
});
const Counts = z.object({ nodes: z.number().int().optional(), assessable: z.number().int().optional(), rows: z.number().int().optional() });
const Action = z.enum(['created', 'updated', 'unchanged']).nullable();
const PackageRef = z.object({ id: z.string(), kind: z.enum(['framework', 'mapping']), version: z.string() });

export const ImporterResult = z
  .object({
    mode: z.enum(['preview', 'import']),
    format: z.enum(['oscal-catalog', 'oscal-profile', 'ciso-assistant', 'xlsx']),
    valid: z.boolean(),
    package: PackageRef.nullable().describe('het eerste pakket (zoals bij POST /library/import)'),
    counts: Counts,
    action: Action,
    packages: z.array(PackageRef.extend({ counts: Counts, action: Action })).describe('alle pakketten uit het bestand: raamwerken, dan koppeltabellen'),
    problems: z.array(ImportProblem),
    warnings: z.array(ImportProblem),
  })
  .meta({ id: 'LibraryImporterResult' });

export const TextsQuery = z.strictObject({ framework: FrameworkId.default('weerbaar:bio2') });
export const TextsImportQuery = z.strictObject({ framework: FrameworkId.default('weerbaar:bio2'), mode: Mode });

export const TextsImportResult = z
  .object({
    mode: z.enum(['preview', 'import']),
    valid: z.boolean(),
    framework: z.string(),
    layout: z
      .object({ sheet: z.string(), idColumn: z.string(), textColumn: z.string(), headerRow: z.number().int() })
      .nullable()
      .describe('waar de nummers en teksten gevonden zijn'),
    counts: z.object({ texts: z.number().int(), unmatched: z.number().int(), missing: z.number().int() }),
    unmatched: z.array(z.object({ path: z.string(), ref: z.string() })).describe('nummers in het bestand die niet in het raamwerk staan (overgeslagen)'),
    missing: z.array(z.string()).describe('actieve eisen van het raamwerk zonder tekst in het bestand'),
    problems: z.array(ImportProblem),
    action: z.enum(['replaced', 'unchanged']).nullable(),
  })
  .meta({ id: 'RequirementTextsImportResult' });

export const TextsList = z.object({
  items: z.array(z.object({ requirementId: Uuid, ref: z.string(), text: z.string(), source: z.string(), importedAt: Timestamp })),
});

export const FileDownload = z.any().describe('het bestand (zie content-type)');
