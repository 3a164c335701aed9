import { z } from 'zod';
import { Timestamp } from '../../core/http/schemas.js';

export const SHARED_STATUSES = ['normaal', 'verstoord', 'uitval'] as const;
export const SharedStatusValue = z.enum(SHARED_STATUSES).describe('normaal, verstoord (dienstverlening beperkt) of uitval');

/** What a samenwerkingsverband publishes about itself, as its own members see it. */
export const OwnSharedStatusDto = z
  .object({
    status: SharedStatusValue.nullable().describe('null: nog niet gepubliceerd'),
    message: z.string(),
    shareCompliance: z.boolean().describe('deelnemers zien ook de voortgang per raamwerk'),
    updatedAt: Timestamp.nullable(),
    participants: z.array(z.object({ slug: z.string(), name: z.string() })).describe('organisaties waarvan een regeling naar deze organisatie verwijst'),
  })
  .meta({ id: 'OwnSharedStatus' });

export const PutSharedStatusBody = z.strictObject({
  status: SharedStatusValue,
  message: z.string().trim().max(2000).default(''),
  shareCompliance: z.boolean().default(false),
});

/** On a participant's joint arrangement: the linked organisation's published status. */
export const SharedStatusDto = z
  .object({
    status: SharedStatusValue,
    message: z.string(),
    updatedAt: Timestamp,
    compliance: z
      .object({ frameworks: z.array(z.object({ id: z.string(), name: z.string(), percentage: z.number() })) })
      .nullable()
      .describe('alleen als de regeling haar voortgang deelt: per raamwerk van haar laatste verantwoordingsjaar het deel dat voldoet'),
  })
  .meta({ id: 'SharedStatus' });
