import { z } from 'zod';
import { Uuid } from '../../core/http/schemas.js';

export const FrameworkSummary = z
  .object({
    id: z.string(),
    version: z.string(),
    name: z.string(),
    title: z.object({ nl: z.string(), en: z.string().optional() }),
    provider: z.string(),
    licence: z.string(),
    attribution: z.string().nullable(),
    language: z.string(),
    description: z.string().nullable(),
    origin: z.enum(['catalog', 'import']),
    requirementCount: z.number().int(),
  })
  .meta({ id: 'FrameworkSummary' });

export const RequirementDto = z
  .object({
    id: Uuid,
    ref: z.string(),
    parentRef: z.string().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    assessable: z.boolean(),
    status: z.enum(['active', 'removed', 'moved']),
    replacedBy: z.string().nullable(),
    isoControl: z.string().nullable(),
    cbwScope: z.boolean().nullable(),
    legalReference: z.string().nullable(),
  })
  .meta({ id: 'Requirement' });

export const FrameworkDetail = FrameworkSummary.extend({ requirements: z.array(RequirementDto) });
export const FrameworkParams = z.strictObject({ frameworkId: z.string().min(3).max(120) });
export const FrameworkList = z.object({ items: z.array(FrameworkSummary) });

export const MappingSetSummary = z.object({
  id: z.string(),
  version: z.string(),
  title: z.object({ nl: z.string(), en: z.string().optional() }),
  provider: z.string(),
  licence: z.string(),
  description: z.string().nullable(),
  source: z.string(),
  target: z.string(),
  generated: z.boolean(),
  rowCount: z.number().int(),
});
export const MappingSetList = z.object({ items: z.array(MappingSetSummary) });
export const MappingSetDetail = MappingSetSummary.extend({
  rows: z.array(
    z.object({ source: z.string(), target: z.string(), relationship: z.string(), strength: z.number().int(), rationale: z.string() }),
  ),
});
export const MappingSetParams = z.strictObject({ mappingSetId: z.string().min(3).max(120) });

export const ImportQuery = z.strictObject({ mode: z.enum(['preview', 'import']).default('preview') });
export const ImportResult = z.object({
  mode: z.enum(['preview', 'import']),
  valid: z.boolean(),
  package: z.object({ id: z.string(), kind: z.enum(['framework', 'mapping']), version: z.string() }).nullable(),
  counts: z.object({ nodes: z.number().int().optional(), assessable: z.number().int().optional(), rows: z.number().int().optional() }),
  action: z.enum(['created', 'updated', 'unchanged']).nullable(),
  problems: z.array(z.object({ path: z.string(), message: z.string() })),
});
