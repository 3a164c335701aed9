import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../core/http/pipeline.js';
import { actorOf, orgAllows, requirePrincipal } from '../../core/http/pipeline.js';
import { AuditLog } from '../../core/audit/audit.js';
import { forbidden, notFound } from '../../core/http/problem.js';
import { OrgParams, problems } from '../../core/http/schemas.js';
import { P } from './policies.js';
import * as S from './shared-status-schemas.js';
import { getSharedStatus, putSharedStatus, type SharedStatusValue } from './shared-status.js';

const tags = ['regelingen'];

/** Authenticate → organisation → authorise, as inOrganisation; the use case runs its own transaction (see shared-status.ts). */
function authorised(permission: string, request: FastifyRequest) {
  const principal = requirePrincipal(request);
  const org = request.organisation;
  if (!org) throw notFound();
  if (!orgAllows(org, permission)) throw forbidden();
  return { principal, org };
}

/** The status a samenwerkingsverband shares with the organisations that take part in it. */
export async function sharedStatusRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/organisations/:org/shared-status',
    {
      schema: {
        tags,
        summary: 'De status die deze organisatie (een samenwerkingsverband) deelt, en de deelnemers die haar zien',
        params: OrgParams,
        response: { 200: S.OwnSharedStatusDto, ...problems(401, 403, 404) },
      },
    },
    async (request: FastifyRequest, _reply: FastifyReply) => {
      const { principal, org } = authorised(P['sharing.read'], request);
      return getSharedStatus(deps.database, org, principal.userId);
    },
  );

  app.put(
    '/organisations/:org/shared-status',
    {
      schema: {
        tags,
        summary: 'Status publiceren (normaal, verstoord, uitval) met toelichting, en kiezen of de deelnemers de voortgang per raamwerk zien; bij een andere status krijgen de CISO’s van de deelnemers een melding',
        params: OrgParams,
        body: S.PutSharedStatusBody,
        response: { 200: S.OwnSharedStatusDto, ...problems(400, 401, 403, 404) },
      },
    },
    async (request: FastifyRequest, _reply: FastifyReply) => {
      const { principal, org } = authorised(P['sharing.manage'], request);
      const audit = new AuditLog(actorOf(principal), request.id);
      const body = request.body as { status: SharedStatusValue; message: string; shareCompliance: boolean };
      return putSharedStatus(deps.database, org, principal.userId, audit, body);
    },
  );
}
