import type { App, Deps } from '../../core/http/pipeline.js';
import { asUser, inOrganisation } from '../../core/http/pipeline.js';
import { OrgParams, problems } from '../../core/http/schemas.js';
import { INSTALLATION_CHAIN, verifyChain } from '../../core/audit/audit.js';
import { P } from './policies.js';
import { AuditPage, AuditQuery, VerifyResultDto } from './schemas.js';
import { listAuditEvents } from './list-events.js';

const tags = ['audittrail'];

export async function auditRoutes(app: App, deps: Deps) {
  app.get(
    '/organisations/:org/audit-events',
    { schema: { tags, summary: 'Audittrail van de organisatie (nieuwste eerst, cursor-paginering)', params: OrgParams, querystring: AuditQuery, response: { 200: AuditPage, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['audit.read'], ({ tx, org, request }) => listAuditEvents(tx, org.id, request.query as any)),
  );
  app.post(
    '/organisations/:org/audit-events/verify',
    { schema: { tags, summary: 'Controleer dat niemand de audittrail heeft gewijzigd', params: OrgParams, response: { 200: VerifyResultDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['audit.read'], ({ tx, org }) => verifyChain(tx, org.id)),
  );
  app.get(
    '/audit-events',
    { schema: { tags, summary: 'Audittrail van de installatie: accounts, sessies, tokens (installatiebeheer)', querystring: AuditQuery, response: { 200: AuditPage, ...problems(400, 401, 403) } } },
    asUser(deps, ({ tx, request }) => listAuditEvents(tx, INSTALLATION_CHAIN, request.query as any), { installationAdmin: true }),
  );
  app.post(
    '/audit-events/verify',
    { schema: { tags, summary: 'Controleer de audittrail van de installatie', response: { 200: VerifyResultDto, ...problems(401, 403) } } },
    asUser(deps, ({ tx }) => verifyChain(tx, INSTALLATION_CHAIN), { installationAdmin: true }),
  );
}
