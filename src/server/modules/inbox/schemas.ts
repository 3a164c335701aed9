import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';

export const NoticeDto = z
  .object({
    id: Uuid,
    organisation: z.object({ slug: z.string(), name: z.string() }),
    kind: z.string().describe('bijv. evidence_expiring, evidence_expired, measure_failing'),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable().describe('een pad in de webapplicatie'),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .meta({ id: 'Notice' });

export const InboxPage = z.object({ items: z.array(NoticeDto), unread: z.number().int(), nextCursor: z.string().nullable() });
export const InboxQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});
export const NoticeParams = z.strictObject({ id: Uuid });
