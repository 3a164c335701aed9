import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';

export const RESULTS = ['voldoet', 'voldoet_deels', 'voldoet_niet', 'niet_beoordeeld'] as const;
export const Result = z.enum(RESULTS);
export const PHASES = ['zelfevaluatie', 'collegeverklaring', 'audit', 'verantwoording'] as const;
export const Phase = z.enum(PHASES);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'datum als JJJJ-MM-DD');
const YearNumber = z.coerce.number().int().min(2000).max(2100);

export const YearParams = z.strictObject({ org: z.string().min(1).max(64), year: YearNumber });
export const AssessmentParams = z.strictObject({ org: z.string().min(1).max(64), year: YearNumber, requirementId: Uuid });

const Progress = z.object({ total: z.number().int(), applicable: z.number().int(), voldoet: z.number().int(), voldoet_deels: z.number().int(), voldoet_niet: z.number().int(), niet_beoordeeld: z.number().int() });

export const YearDto = z
  .object({
    year: z.number().int(),
    frameworks: z.array(z.string()),
    phase: Phase,
    createdAt: Timestamp,
    signed: z.object({ at: Timestamp, by: z.string(), function: z.string(), statement: z.string(), snapshotHash: z.string() }).nullable(),
    progress: z.array(Progress.extend({ framework: z.string(), chapters: z.array(Progress.extend({ chapter: z.string() })) })),
  })
  .meta({ id: 'AssessmentYear' });
export const YearList = z.object({ items: z.array(YearDto.omit({ progress: true })) });

export const CreateYearBody = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  frameworks: z.array(z.string().min(3).max(120)).min(1).max(20).optional(),
  copyFrom: z.number().int().min(2000).max(2100).optional(),
});

export const AssessmentDto = z
  .object({
    requirementId: Uuid,
    framework: z.string(),
    ref: z.string(),
    title: z.string(),
    chapter: z.string().nullable(),
    applicable: z.boolean(),
    notApplicableReason: z.string().nullable(),
    result: Result,
    explanation: z.string(),
    owner: z.object({ id: Uuid, name: z.string() }).nullable(),
    dueDate: z.string().nullable(),
    overdue: z.boolean(),
    auditorRemarks: z.string(),
    updatedAt: Timestamp,
  })
  .meta({ id: 'RequirementAssessment' });
export const AssessmentPage = z.object({ items: z.array(AssessmentDto), total: z.number().int(), nextCursor: z.string().nullable() });
export const AssessmentQuery = z.strictObject({
  framework: z.string().min(3).max(120).optional(),
  chapter: z.string().max(40).optional(),
  owner: Uuid.optional(),
  result: Result.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  applicable: z.enum(['true', 'false']).optional(),
  q: z.string().trim().min(1).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().regex(/^\d{1,9}$/, 'ongeldige cursor').optional(),
});

export const AssessmentChanges = z.strictObject({
  applicable: z.boolean().optional(),
  notApplicableReason: z.string().trim().max(2000).nullable().optional(),
  result: Result.optional(),
  explanation: z.string().max(10_000).optional(),
  ownerId: Uuid.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  auditorRemarks: z.string().max(10_000).optional(),
});
export const BulkBody = z.strictObject({ requirementIds: z.array(Uuid).min(1).max(1000), changes: AssessmentChanges });
export const BulkResult = z.object({ updated: z.number().int() });

export const SignBody = z.strictObject({
  signerName: z.string().trim().min(2).max(200),
  signerFunction: z.string().trim().min(2).max(200),
  statement: z.string().trim().min(10).max(20_000),
});
export const PhaseBody = z.strictObject({ phase: z.enum(['audit', 'verantwoording']) });

export const DiffDto = z.object({
  from: z.number().int(),
  to: z.number().int(),
  summary: z.object({ improved: z.number().int(), slipped: z.number().int(), open: z.number().int(), unchanged: z.number().int(), added: z.number().int(), removed: z.number().int() }),
  items: z.array(
    z.object({
      framework: z.string(),
      ref: z.string(),
      title: z.string(),
      change: z.enum(['improved', 'slipped', 'open', 'added', 'removed']),
      before: Result.nullable(),
      after: Result.nullable(),
    }),
  ),
});
export const DiffQuery = z.strictObject({ against: z.coerce.number().int().min(2000).max(2100) });

export const OverviewDto = z.object({
  year: z.number().int(),
  viewer: z.string(),
  items: z.array(
    z.object({
      organisation: z.object({ slug: z.string(), name: z.string() }),
      phase: Phase,
      signed: z.boolean(),
      frameworks: z.array(
        z.object({ framework: z.string(), applicable: z.number().int(), voldoet: z.number().int(), voldoetDeels: z.number().int(), nietBeoordeeld: z.number().int(), percentVoldoet: z.number() }),
      ),
    }),
  ),
});
