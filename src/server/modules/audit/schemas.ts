import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';

export const AuditEventDto = z
  .object({
    id: Uuid,
    seq: z.number().int(),
    occurredAt: Timestamp,
    actor: z.object({ type: z.enum(['user', 'token', 'system']), id: Uuid.nullable(), email: z.string().nullable() }),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown(), redacted: z.boolean().optional() })),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' });

export const AuditPage = z.object({ items: z.array(AuditEventDto), nextCursor: z.string().nullable() });
export const AuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().regex(/^\d{1,18}$/, 'ongeldige cursor').optional(),
  entityType: z.string().max(100).optional(),
});
export const VerifyResultDto = z.object({
  valid: z.boolean(),
  checked: z.number().int(),
  firstBroken: z.object({ seq: z.number().int(), id: z.string().nullable(), reason: z.string() }).nullable(),
});
