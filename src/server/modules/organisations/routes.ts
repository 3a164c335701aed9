import type { App, Deps } from '../../core/http/pipeline.js';
import { actorOf, asPublic, asUser, inOrganisation, orgPermissions, requirePrincipal } from '../../core/http/pipeline.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { systemTx } from '../../core/db/client.js';
import { AuditLog } from '../../core/audit/audit.js';
import { createSession, setSessionCookie, csrfFor } from '../../core/auth/sessions.js';
import { conflict, forbidden } from '../../core/http/problem.js';
import type { Role } from '../../../shared/roles.js';
import { P } from './policies.js';
import * as S from './schemas.js';
import { listVisibleOrganisations } from './list-organisations.js';
import { createOrganisation, getOrganisation, LINK_KINDS, updateOrganisation } from './manage-organisation.js';
import { addMember, getMembers, removeMember, setMemberRoles } from './members.js';
import { acceptInvitation, createInvitation, listInvitations, previewInvitation, revokeInvitation } from './invitations.js';
import { getOidcConfig, putOidcConfig } from './oidc-config.js';
import { loadLinks, loadOrganisation } from './repo.js';
import { presentOrganisation } from './present.js';

const tags = ['organisaties'];

export async function organisationRoutes(app: App, deps: Deps) {
  app.get(
    '/organisations',
    { schema: { tags, summary: 'De organisaties die u mag zien', response: { 200: S.OrganisationList, ...problems(401) } } },
    async (request) => ({ items: (await listVisibleOrganisations(deps.database, requirePrincipal(request))) as any }),
  );

  app.post(
    '/organisations',
    { schema: { tags, summary: 'Organisatie aanmaken (installatiebeheer)', body: S.CreateOrganisationBody, response: { 201: S.OrganisationSummary, ...problems(400, 401, 403, 409) } } },
    asUser(
      deps,
      async (ctx) => {
        const o = await createOrganisation(ctx, ctx.request.body as any);
        ctx.reply.code(201);
        return { id: o.id, slug: o.slug, name: o.name, kind: o.kind as any, access: 'installation' as const };
      },
      { installationAdmin: true },
    ),
  );

  app.get(
    '/organisations/:org',
    { schema: { tags, summary: 'Eén organisatie met haar koppelingen', params: OrgParams, response: { 200: S.OrganisationDto, ...problems(401, 404) } } },
    inOrganisation(deps, P['organisation.read'], getOrganisation),
  );

  app.patch(
    '/organisations/:org',
    {
      schema: {
        tags,
        summary: 'Naam en MFA-plicht wijzigen; CSIRT en veiligheidsregio koppelen (installatiebeheer)',
        params: OrgParams,
        body: S.UpdateOrganisationBody,
        response: { 200: S.OrganisationDto, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const org = request.organisation!;
      const body = request.body;
      const linksChange = LINK_KINDS.some((k) => body[k] !== undefined);
      if (linksChange && !principal.isInstallationAdmin) throw forbidden('Alleen een installatiebeheerder koppelt een organisatie aan een CSIRT of veiligheidsregio.');
      if (body.mfaRequired === true && !principal.mfaEnabled && principal.via === 'session') {
        throw conflict('Stel eerst zelf tweestapsverificatie in; anders sluit u zichzelf buiten zodra die verplicht is.');
      }
      if (!linksChange) {
        return inOrganisation(deps, P['organisation.manage'], async (ctx) => {
          await updateOrganisation(ctx.tx, ctx.audit, org.id, body);
          return getOrganisation(ctx);
        })(request, reply);
      }
      const audit = new AuditLog(actorOf(principal), request.id);
      return systemTx(deps.database, async (tx) => {
        await updateOrganisation(tx, audit, org.id, body);
        await audit.flush(tx);
        return presentOrganisation((await loadOrganisation(tx, org.id))!, await loadLinks(tx, org.id), orgPermissions(org));
      });
    },
  );

  // Members
  app.get(
    '/organisations/:org/members',
    { schema: { tags, summary: 'Leden en hun rollen', params: OrgParams, response: { 200: S.MemberList, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['members.read'], getMembers),
  );
  app.post(
    '/organisations/:org/members',
    { schema: { tags, summary: 'Bestaand account toevoegen', params: OrgParams, body: S.AddMemberBody, response: { 201: S.MemberDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, P['members.manage'], async (ctx) => {
      const b = ctx.request.body as { email: string; roles: Role[] };
      const m = await addMember(ctx, b.email, b.roles);
      ctx.reply.code(201);
      return m;
    }),
  );
  app.put(
    '/organisations/:org/members/:userId',
    { schema: { tags, summary: 'Rollen van een lid vastleggen', params: S.MemberParams, body: S.RolesBody, response: { 200: S.MemberDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, P['members.manage'], (ctx) =>
      setMemberRoles(ctx, (ctx.request.params as { userId: string }).userId, (ctx.request.body as { roles: Role[] }).roles),
    ),
  );
  app.delete(
    '/organisations/:org/members/:userId',
    { schema: { tags, summary: 'Lid verwijderen', params: S.MemberParams, response: { 204: NoContent, ...problems(401, 403, 404, 409) } } },
    inOrganisation(deps, P['members.manage'], async (ctx) => {
      await removeMember(ctx, (ctx.request.params as { userId: string }).userId);
      ctx.reply.code(204);
      return null;
    }),
  );

  // Invitations
  app.get(
    '/organisations/:org/invitations',
    { schema: { tags, summary: 'Openstaande en aanvaarde uitnodigingen', params: OrgParams, response: { 200: S.InvitationList, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['members.manage'], listInvitations),
  );
  app.post(
    '/organisations/:org/invitations',
    { schema: { tags, summary: 'Iemand uitnodigen met rollen', params: OrgParams, body: S.CreateInvitationBody, response: { 201: S.CreatedInvitation, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, P['members.manage'], async (ctx) => {
      const b = ctx.request.body as { email: string; roles: Role[] };
      const inv = await createInvitation(ctx, b.email, b.roles);
      ctx.reply.code(201);
      return inv;
    }),
  );
  app.delete(
    '/organisations/:org/invitations/:id',
    { schema: { tags, summary: 'Uitnodiging intrekken', params: S.InvitationParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['members.manage'], async (ctx) => {
      await revokeInvitation(ctx, (ctx.request.params as { id: string }).id);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.get(
    '/invitations/:token',
    { config: { auth: 'public' }, schema: { tags, summary: 'Uitnodiging bekijken', params: S.TokenParams, response: { 200: S.InvitationPreview, ...problems(404) } } },
    async (request) => systemTx(deps.database, (tx) => previewInvitation(tx, request.params.token)),
  );
  app.post(
    '/invitations/:token/accept',
    { config: { auth: 'public' }, schema: { tags, summary: 'Uitnodiging aanvaarden', params: S.TokenParams, body: S.AcceptInvitationBody, response: { 200: S.InvitationAccepted, ...problems(400, 401, 404) } } },
    asPublic(deps, async (ctx) => {
      const { token } = ctx.request.params as { token: string };
      const result = await acceptInvitation(ctx, ctx.principal, token, ctx.request.body as { name?: string; password?: string });
      if (result.createdAccount) {
        const session = await createSession(ctx.tx, deps.config, { userId: result.userId, mfaPending: false, authMethod: 'invitation', ip: ctx.request.ip, userAgent: ctx.request.headers['user-agent'] });
        setSessionCookie(ctx.request, ctx.reply, deps.config, session.token);
        return { csrfToken: session.csrfToken };
      }
      return { csrfToken: ctx.request.sessionToken ? csrfFor(ctx.request.sessionToken) : '' };
    }),
  );

  // Single sign-on configuration
  app.get(
    '/organisations/:org/oidc',
    { schema: { tags, summary: 'SSO-instellingen (OIDC)', params: OrgParams, response: { 200: S.OidcConfigDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['organisation.manage'], getOidcConfig),
  );
  app.put(
    '/organisations/:org/oidc',
    { schema: { tags, summary: 'SSO-instellingen vastleggen', params: OrgParams, body: S.OidcConfigBody, response: { 200: S.OidcConfigDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['organisation.manage'], (ctx) => putOidcConfig(ctx, ctx.request.body as any)),
  );
}
