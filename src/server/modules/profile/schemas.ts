import { z } from 'zod';
import { Timestamp, Uuid } from '../../core/http/schemas.js';

export const MembershipDto = z.object({
  organisation: z.object({ id: Uuid, slug: z.string(), name: z.string(), kind: z.string() }),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
});

export const UserDto = z
  .object({
    id: Uuid,
    email: z.string(),
    name: z.string(),
    language: z.enum(['nl', 'en']),
    isInstallationAdmin: z.boolean(),
    mfaEnabled: z.boolean(),
  })
  .meta({ id: 'User' });

export const MeDto = z
  .object({
    user: UserDto,
    memberships: z.array(MembershipDto),
    session: z.object({ via: z.enum(['session', 'token']), mfaPending: z.boolean(), mfaEnrolmentRequired: z.boolean() }),
    csrfToken: z.string().nullable(),
  })
  .meta({ id: 'Me' });

export const UpdateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  language: z.enum(['nl', 'en']).optional(),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});

export const TotpEnrolment = z.object({ secret: z.string(), otpauthUri: z.string(), qrSvg: z.string() });
export const CodeBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'een code van zes cijfers') });
export const CsrfResult = z.object({ csrfToken: z.string() });

export const SessionDto = z.object({
  id: Uuid,
  createdAt: Timestamp,
  lastSeenAt: Timestamp,
  expiresAt: Timestamp,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  method: z.string(),
  current: z.boolean(),
});
export const SessionList = z.object({ items: z.array(SessionDto) });
export const IdParams = z.strictObject({ id: Uuid });

export const TokenDto = z.object({
  id: Uuid,
  name: z.string(),
  createdAt: Timestamp,
  lastUsedAt: Timestamp.nullable(),
  expiresAt: Timestamp.nullable(),
});
export const TokenList = z.object({ items: z.array(TokenDto) });
export const CreateTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(366).optional(),
});
export const CreatedToken = TokenDto.extend({ token: z.string().describe('alleen nu zichtbaar') });
