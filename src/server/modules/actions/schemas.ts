import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';

export const ACTION_STATUSES = ['open', 'in_uitvoering', 'afgerond', 'vervallen'] as const;
export const ActionStatus = z.enum(ACTION_STATUSES);
export const ACTION_SOURCES = ['audit_finding', 'incident', 'handmatig'] as const;
const IsoDate = z.iso.date('datum als JJJJ-MM-DD');

export const ActionDto = z
  .object({
    id: Uuid,
    title: z.string(),
    description: z.string(),
    owner: z.object({ id: Uuid, name: z.string() }).nullable(),
    dueDate: z.string().nullable(),
    status: ActionStatus,
    source: z.object({ type: z.enum(ACTION_SOURCES), id: Uuid.nullable(), label: z.string().nullable(), year: z.number().int().nullable() }),
    measure: z.object({ id: Uuid, title: z.string() }).nullable(),
    overdue: z.boolean(),
    completedAt: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: 'Action' });

export const ActionList = z.object({ items: z.array(ActionDto), nextCursor: z.string().nullable() });

export const ActionQuery = z.strictObject({
  status: ActionStatus.optional(),
  open: z.enum(['true', 'false']).optional().describe('true: alleen open en in uitvoering'),
  owner: Uuid.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  source: z.enum(ACTION_SOURCES).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const ActionParams = z.strictObject({ org: z.string().min(1).max(64), actionId: Uuid });

export const CreateActionBody = z.strictObject({
  title: z.string().trim().min(2).max(300),
  description: z.string().max(10_000).default(''),
  ownerId: Uuid.nullable().optional(),
  dueDate: IsoDate.nullable().optional(),
  measureId: Uuid.nullable().optional(),
});

export const UpdateActionBody = z
  .strictObject({
    title: z.string().trim().min(2).max(300).optional(),
    description: z.string().max(10_000).optional(),
    ownerId: Uuid.nullable().optional(),
    dueDate: IsoDate.nullable().optional(),
    status: ActionStatus.optional(),
    measureId: Uuid.nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'geef ten minste één veld om te wijzigen' });
