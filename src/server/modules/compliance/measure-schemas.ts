import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';

export const MEASURE_STATUSES = ['gepland', 'in_uitvoering', 'geimplementeerd', 'vervallen'] as const;
export const MeasureStatus = z.enum(MEASURE_STATUSES);
export const Coverage = z.enum(['full', 'partial']);

export const LinkDto = z.object({
  requirementId: Uuid,
  framework: z.string(),
  ref: z.string(),
  title: z.string(),
  coverage: Coverage,
});

export const MeasureDto = z
  .object({
    id: Uuid,
    title: z.string(),
    description: z.string(),
    owner: z.object({ id: Uuid, name: z.string(), email: z.string() }).nullable(),
    status: MeasureStatus,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    requirements: z.array(LinkDto),
    signals: z
      .object({ failing: z.number().int(), passing: z.number().int() })
      .describe('automatische controles (bron + controle) die nu falen of slagen, volgens hun laatste waarneming'),
    evidenceCount: z.number().int().describe('gekoppelde bewijsstukken'),
  })
  .meta({ id: 'Measure' });

export const MeasureList = z.object({ items: z.array(MeasureDto), nextCursor: z.string().nullable() });
export const MeasureQuery = z.strictObject({
  q: z.string().trim().min(1).max(100).optional(),
  status: MeasureStatus.optional(),
  owner: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(2000).optional(),
});
export const MeasureParams = z.strictObject({ org: z.string().min(1).max(64), measureId: Uuid });

const LinkInput = z.strictObject({
  framework: z.string().min(3).max(120),
  ref: z.string().min(1).max(40),
  coverage: Coverage.default('full'),
});

export const CreateMeasureBody = z.strictObject({
  title: z.string().trim().min(2).max(300),
  description: z.string().max(10_000).default(''),
  ownerId: Uuid.nullable().optional(),
  status: MeasureStatus.default('gepland'),
  requirements: z.array(LinkInput).max(500).default([]),
});
export const UpdateMeasureBody = z.strictObject({
  title: z.string().trim().min(2).max(300).optional(),
  description: z.string().max(10_000).optional(),
  ownerId: Uuid.nullable().optional(),
  status: MeasureStatus.optional(),
  requirements: z.array(LinkInput).max(500).optional(),
});

export const DerivedResult = z.enum(['voldoet', 'voldoet_deels', 'voldoet_niet', 'niet_beoordeeld']);
export const SourceDto = z.object({
  measure: z.object({ id: Uuid, title: z.string(), status: MeasureStatus }),
  via: z.enum(['direct', 'mapping']),
  mapping: z
    .object({ mappingSet: z.string(), framework: z.string(), ref: z.string(), relationship: z.string(), strength: z.number().int(), rationale: z.string() })
    .nullable(),
  coverage: Coverage,
  counts: z.boolean().describe('telt mee: de maatregel is geïmplementeerd'),
});
export const CoverageItem = z.object({
  requirementId: Uuid,
  ref: z.string(),
  title: z.string(),
  result: DerivedResult,
  sources: z.array(SourceDto),
});
export const CoverageDto = z
  .object({
    framework: z.string(),
    summary: z.object({ total: z.number().int(), voldoet: z.number().int(), voldoet_deels: z.number().int(), voldoet_niet: z.number().int(), niet_beoordeeld: z.number().int() }),
    items: z.array(CoverageItem),
  })
  .meta({ id: 'Coverage' });
export const CoverageParams = z.strictObject({ org: z.string().min(1).max(64), frameworkId: z.string().min(3).max(120) });
