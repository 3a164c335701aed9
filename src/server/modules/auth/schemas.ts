import { z } from 'zod';
import { Email } from '../../core/http/schemas.js';

export const LoginBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(1024),
});

export const LoginResult = z
  .object({
    mfaRequired: z.boolean(),
    mfaEnrolmentRequired: z.boolean(),
    csrfToken: z.string(),
  })
  .meta({ id: 'LoginResult' });

export const MfaBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'een code van zes cijfers') });

export const SetupStatus = z.object({ required: z.boolean() });
export const SetupBody = z.strictObject({
  token: z.string().min(10).max(200),
  email: Email,
  name: z.string().trim().min(1).max(200),
  password: z.string().max(1024),
});

export const OidcProviders = z.object({
  items: z.array(z.object({ organisation: z.string(), name: z.string(), label: z.string() })),
});
export const OidcStartParams = z.strictObject({ org: z.string().min(1).max(64) });
export const OidcCallbackQuery = z.looseObject({
  state: z.string().max(200).optional(),
  code: z.string().max(4096).optional(),
  error: z.string().max(200).optional(),
});
