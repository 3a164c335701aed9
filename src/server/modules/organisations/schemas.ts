import { z } from 'zod';
import { Email, Slug, Timestamp, Uuid } from '../../core/http/schemas.js';
import { ORGANISATION_KINDS, ROLES } from '../../../shared/roles.js';

export const Kind = z.enum(ORGANISATION_KINDS);
export const RoleEnum = z.enum(ROLES);
export const Roles = z.array(RoleEnum).min(1).max(ROLES.length);

const OrgRef = z.object({ slug: z.string(), name: z.string() });

export const OrganisationSummary = z
  .object({ id: Uuid, slug: z.string(), name: z.string(), kind: Kind, access: z.enum(['member', 'connected', 'installation']) })
  .meta({ id: 'OrganisationSummary' });
export const OrganisationList = z.object({ items: z.array(OrganisationSummary) });

export const OrganisationDto = z
  .object({
    id: Uuid,
    slug: z.string(),
    name: z.string(),
    kind: Kind,
    mfaRequired: z.boolean(),
    csirt: OrgRef.nullable(),
    veiligheidsregio: OrgRef.nullable(),
    connected: z.array(z.object({ slug: z.string(), name: z.string(), kind: Kind })),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'Organisation' });

export const CreateOrganisationBody = z.strictObject({ slug: Slug, name: z.string().trim().min(2).max(200), kind: Kind });
export const UpdateOrganisationBody = z.strictObject({
  name: z.string().trim().min(2).max(200).optional(),
  mfaRequired: z.boolean().optional(),
  csirt: Slug.nullable().optional(),
  veiligheidsregio: Slug.nullable().optional(),
});

export const MemberDto = z.object({ userId: Uuid, email: z.string(), name: z.string(), roles: z.array(z.string()), mfaEnabled: z.boolean() });
export const MemberList = z.object({ items: z.array(MemberDto) });
export const MemberParams = z.strictObject({ org: z.string().min(1).max(64), userId: Uuid });
export const RolesBody = z.strictObject({ roles: Roles });
export const AddMemberBody = z.strictObject({ email: Email, roles: Roles });

export const InvitationDto = z.object({
  id: Uuid,
  email: z.string(),
  roles: z.array(z.string()),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
});
export const InvitationList = z.object({ items: z.array(InvitationDto) });
export const CreateInvitationBody = z.strictObject({ email: Email, roles: Roles });
export const CreatedInvitation = InvitationDto.extend({ acceptUrl: z.string() });
export const InvitationParams = z.strictObject({ org: z.string().min(1).max(64), id: Uuid });
export const TokenParams = z.strictObject({ token: z.string().min(10).max(200) });
export const InvitationPreview = z.object({
  organisation: OrgRef,
  email: z.string(),
  existingUser: z.boolean(),
});
export const AcceptInvitationBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  password: z.string().max(1024).optional(),
});

export const OidcConfigDto = z.object({
  enabled: z.boolean(),
  issuer: z.string(),
  clientId: z.string(),
  hasSecret: z.boolean(),
  label: z.string(),
});
export const OidcConfigBody = z.strictObject({
  enabled: z.boolean(),
  issuer: z.url().max(500),
  clientId: z.string().trim().min(1).max(300),
  clientSecret: z.string().min(1).max(1000).optional(),
  label: z.string().trim().min(1).max(100).default('Inloggen met uw organisatie-account'),
});
export const InvitationAccepted = z.object({ csrfToken: z.string() });
