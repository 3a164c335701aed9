import { z } from 'zod';

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

/** Standard error responses for the OpenAPI document. */
export const problems = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ProblemSchema]));

export const OrgParams = z.strictObject({
  org: z.string().min(1).max(64).describe('slug van de organisatie'),
});

export const Slug = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'alleen kleine letters, cijfers en koppeltekens');

export const Email = z.email('geen geldig e-mailadres').max(254);
export const Uuid = z.uuid();
export const Timestamp = z.string().describe('ISO 8601');
export const NoContent = z.null().describe('geen inhoud');

export const iso = (d: Date | string | null | undefined) => (d == null ? null : new Date(d).toISOString());
