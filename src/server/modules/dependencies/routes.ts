import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation, orgAllows, requirePrincipal } from '../../core/http/pipeline.js';
import { systemTx } from '../../core/db/client.js';
import { forbidden, notFound } from '../../core/http/problem.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { P } from './policies.js';
import * as S from './schemas.js';
import { createDependency, deleteDependency, listDependencies } from './manage-dependencies.js';
import { cascade } from './cascade.js';
import { concentration } from './concentration.js';
import { cascadeAcross } from './across.js';
import { searchAcrossSuppliers } from './across-suppliers.js';

const tags = ['afhankelijkheden'];

export async function dependencyRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/organisations/:org/dependencies',
    {
      schema: {
        tags,
        summary: 'Afhankelijkheden ("van" hangt af van "naar"), eventueel alleen van en naar één knooppunt',
        params: OrgParams,
        querystring: S.DependencyQuery,
        response: { 200: S.DependencyList, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['dependencies.read'], (ctx) => listDependencies(ctx, ctx.request.query as any)),
  );
  app.post(
    '/organisations/:org/dependencies',
    {
      schema: {
        tags,
        summary: 'Afhankelijkheid vastleggen tussen twee assets, leveranciers of gemeenschappelijke regelingen',
        params: OrgParams,
        body: S.CreateDependencyBody,
        response: { 201: S.DependencyDto, ...problems(400, 401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, P['dependencies.manage'], async (ctx) => {
      const out = await createDependency(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.delete(
    '/organisations/:org/dependencies/:dependencyId',
    { schema: { tags, summary: 'Afhankelijkheid verwijderen', params: S.DependencyParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['dependencies.manage'], async (ctx) => {
      await deleteDependency(ctx, (ctx.request.params as { dependencyId: string }).dependencyId);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.get(
    '/organisations/:org/cascade',
    {
      schema: {
        tags,
        summary: 'Cascade: wat (indirect) afhangt van een uitgevallen knooppunt, en de geraakte processen tegen hun RTO/MTD',
        params: OrgParams,
        querystring: S.CascadeQuery,
        response: { 200: S.CascadeDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['dependencies.read'], (ctx) => cascade(ctx, ctx.request.query as any)),
  );
  app.get(
    '/organisations/:org/concentration',
    {
      schema: {
        tags,
        summary: 'Concentratie: leveranciers waarvan de meeste (kritieke) processen afhangen',
        params: OrgParams,
        querystring: S.ConcentrationQuery,
        response: { 200: S.ConcentrationDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['dependencies.read'], (ctx) => concentration(ctx, ctx.request.query as any)),
  );
  app.get(
    '/organisations/:org/cascade/across',
    {
      schema: {
        tags,
        summary: 'Voor een CSIRT of veiligheidsregio: welke aangesloten gemeenten en processen raakt de uitval van deze leverancier (KvK-nummer)?',
        params: OrgParams,
        querystring: S.AcrossQuery,
        response: { 200: S.AcrossDto, ...problems(400, 401, 403, 404) },
      },
    },
    acrossOrganisations(deps, P['dependencies.overview'], (tx, request) => cascadeAcross(tx, request.organisation!, request.query as any)),
  );
  app.get(
    '/organisations/:org/cascade/across/suppliers',
    {
      schema: {
        tags,
        summary: 'Voor een CSIRT of veiligheidsregio: leveranciers van de aangesloten gemeenten zoeken op naam of KvK-nummer (één rij per KvK-nummer)',
        params: OrgParams,
        querystring: S.AcrossSupplierQuery,
        response: { 200: S.AcrossSupplierList, ...problems(400, 401, 403, 404) },
      },
    },
    acrossOrganisations(deps, P['dependencies.overview'], (tx, request) => searchAcrossSuppliers(tx, request.organisation!, request.query as any)),
  );
}

/**
 * Like inOrganisation (authenticate → organisation → authorise), but the use case reads across the
 * viewer's linked organisations, so it runs in a READ ONLY system transaction (not nested in a tenant
 * transaction: PGlite has one connection). The use case filters explicitly on the linked organisations.
 * Read only, so nothing to audit.
 */
function acrossOrganisations<R>(deps: Deps, permission: string, fn: (tx: Parameters<Parameters<typeof systemTx>[1]>[0], request: FastifyRequest) => Promise<R>) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<R> => {
    requirePrincipal(request);
    const org = request.organisation;
    if (!org) throw notFound();
    if (!orgAllows(org, permission)) throw forbidden();
    return systemTx(deps.database, async (tx) => {
      await tx.execute(sql`set transaction read only`);
      return fn(tx, request);
    });
  };
}
