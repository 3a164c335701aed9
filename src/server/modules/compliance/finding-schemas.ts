import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';
import { ActionStatus } from '../actions/schemas.js';
import { YearParams } from './assessment-schemas.js';

export { YearParams };

export const SEVERITIES = ['hoog', 'midden', 'laag'] as const;

export const FindingDto = z
  .object({
    id: Uuid,
    title: z.string(),
    description: z.string(),
    severity: z.enum(SEVERITIES),
    requirement: z.object({ id: Uuid, frameworkId: z.string(), ref: z.string(), title: z.string() }).nullable(),
    createdAt: Timestamp,
    createdBy: z.object({ id: Uuid, name: z.string() }).nullable(),
    action: z.object({ id: Uuid, status: ActionStatus, ownerId: Uuid.nullable(), dueDate: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'AuditFinding' });

export const FindingList = z.object({ items: z.array(FindingDto) });
export const FindingParams = YearParams.extend({ findingId: Uuid });

export const CreateFindingBody = z.strictObject({
  title: z.string().trim().min(2).max(300),
  description: z.string().max(10_000).default(''),
  severity: z.enum(SEVERITIES),
  requirementId: Uuid.nullable().optional(),
  ownerId: Uuid.nullable().optional().describe('eigenaar van de actie die uit de bevinding volgt'),
  dueDate: z.iso.date('datum als JJJJ-MM-DD').nullable().optional(),
});
export const UpdateFindingBody = z
  .strictObject({
    title: z.string().trim().min(2).max(300).optional(),
    description: z.string().max(10_000).optional(),
    severity: z.enum(SEVERITIES).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'geef ten minste één veld om te wijzigen' });
