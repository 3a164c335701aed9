import { z } from 'zod';

export const SoaQuery = z.strictObject({ framework: z.string().min(3).max(120).optional() });
export const ImportQuery = z.strictObject({ mode: z.enum(['preview', 'import']).default('preview') });

const CellProblem = z.object({
  sheet: z.string(),
  cell: z.string(),
  message: z.string(),
  /** the same place as sheet!cell, so the problem also reads like every other problem of the API */
  path: z.string(),
});

const FieldChange = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });

export const ImportResult = z
  .object({
    mode: z.enum(['preview', 'import']),
    changes: z.number().int().describe('aantal rijen dat wijzigt'),
    errors: z.array(CellProblem),
    summary: z.record(z.string(), z.number().int()).describe('aantal wijzigingen per veld'),
    items: z.array(z.object({ sheet: z.string(), row: z.number().int(), framework: z.string(), ref: z.string(), requirementId: z.string(), fields: z.array(FieldChange) })),
  })
  .meta({ id: 'AssessmentImportResult' });

export const ImportProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    mode: z.enum(['preview', 'import']).optional(),
    changes: z.number().int().optional(),
    errors: z.array(CellProblem.partial({ sheet: true, cell: true }).required({ message: true, path: true })).optional(),
  })
  .meta({ id: 'AssessmentImportProblem', description: 'RFC 9457 problem details met de cellen (blad en cel) die niet kloppen' });

export const OscalDocument = z.object({ 'assessment-results': z.record(z.string(), z.unknown()) }).meta({ id: 'OscalAssessmentResults' });

/** A file download (XLSX or PDF); the body is the file itself, described by content-type and content-disposition. */
export const FileDownload = z.any().describe('het bestand (zie content-type)');
