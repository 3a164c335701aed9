import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { App, Deps } from '../../core/http/pipeline.js';
import { asUser, inOrganisation, orgAllows, requirePrincipal } from '../../core/http/pipeline.js';
import { forbidden, notFound } from '../../core/http/problem.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { P } from './policies.js';
import * as S from './schemas.js';
import { createSupplier, deleteSupplier, getSupplierDto, listSuppliers, updateSupplier } from './manage-suppliers.js';
import {
  addAgreement,
  addCertification,
  addContract,
  addSubprocessor,
  deleteAgreement,
  deleteCertification,
  deleteContract,
  removeSubprocessor,
  updateAgreement,
  updateCertification,
  updateContract,
} from './supplier-parts.js';
import { deleteHighRiskCountry, listHighRiskCountries, putHighRiskCountry } from './high-risk-countries.js';
import {
  createArrangement,
  deleteArrangement,
  getArrangement,
  listArrangements,
  resolveLinkedOrganisation,
  updateArrangement,
  withLinkedOrganisations,
} from './joint-arrangements.js';

const tags = ['leveranciers'];
const jaTags = ['regelingen'];
const hrTags = ['hoog-risicolanden'];

type Params = Record<string, string>;
const params = (request: FastifyRequest) => request.params as Params;
const forced = (request: FastifyRequest) => (request.query as { force?: string }).force === 'true';

export async function supplierRoutes(app: App, deps: Deps): Promise<void> {
  /* ---------- suppliers ---------- */
  app.get(
    '/organisations/:org/suppliers',
    {
      schema: {
        tags,
        summary: 'Leveranciers (zoeken, filteren op hoog risico, waarschuwing en persoonsgegevens; bladeren)',
        params: OrgParams,
        querystring: S.SupplierQuery,
        response: { 200: S.SupplierList, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['suppliers.read'], (ctx) => listSuppliers(ctx, ctx.request.query as any)),
  );
  app.post(
    '/organisations/:org/suppliers',
    { schema: { tags, summary: 'Leverancier vastleggen', params: OrgParams, body: S.CreateSupplierBody, response: { 201: S.SupplierDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['suppliers.manage'], async (ctx) => {
      const out = await createSupplier(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.get(
    '/organisations/:org/suppliers/:supplierId',
    {
      schema: {
        tags,
        summary: 'Eén leverancier met contracten, verwerkersovereenkomsten, certificeringen, subverwerkers, hoog-risico-redenen en waarschuwingen',
        params: S.SupplierParams,
        response: { 200: S.SupplierDto, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, P['suppliers.read'], (ctx) => getSupplierDto(ctx, params(ctx.request).supplierId)),
  );
  app.patch(
    '/organisations/:org/suppliers/:supplierId',
    { schema: { tags, summary: 'Leverancier wijzigen', params: S.SupplierParams, body: S.UpdateSupplierBody, response: { 200: S.SupplierDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['suppliers.manage'], (ctx) => updateSupplier(ctx, params(ctx.request).supplierId, ctx.request.body as any)),
  );
  app.delete(
    '/organisations/:org/suppliers/:supplierId',
    {
      schema: {
        tags,
        summary: 'Leverancier verwijderen; 409 met de lijst als er nog iets van afhangt, tenzij force=true (dan gaan de koppelingen mee)',
        params: S.SupplierParams,
        querystring: S.ForceQuery,
        response: { 204: NoContent, 409: S.DependantsProblem, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['suppliers.manage'], async (ctx) => {
      await deleteSupplier(ctx, params(ctx.request).supplierId, forced(ctx.request));
      ctx.reply.code(204);
      return null;
    }),
  );

  /* ---------- contracts, verwerkersovereenkomsten, certifications: add / change / remove ---------- */
  const parts = [
    {
      path: 'contracts',
      idParam: 'contractId',
      params: S.ContractParams,
      create: S.CreateContractBody,
      update: S.UpdateContractBody,
      summaries: ['Contract toevoegen (periode, waarde, opzegtermijn, exitplan)', 'Contract wijzigen', 'Contract verwijderen'],
      add: addContract,
      change: updateContract,
      remove: deleteContract,
    },
    {
      path: 'processing-agreements',
      idParam: 'agreementId',
      params: S.AgreementParams,
      create: S.CreateAgreementBody,
      update: S.UpdateAgreementBody,
      summaries: ['Verwerkersovereenkomst vastleggen', 'Verwerkersovereenkomst wijzigen', 'Verwerkersovereenkomst verwijderen'],
      add: addAgreement,
      change: updateAgreement,
      remove: deleteAgreement,
    },
    {
      path: 'certifications',
      idParam: 'certificationId',
      params: S.CertificationParams,
      create: S.CreateCertificationBody,
      update: S.UpdateCertificationBody,
      summaries: ['Certificering toevoegen (ISO 27001, ISAE 3402, SOC 2, NEN 7510 …) met geldigheid', 'Certificering wijzigen', 'Certificering verwijderen'],
      add: addCertification,
      change: updateCertification,
      remove: deleteCertification,
    },
  ] as const;
  for (const part of parts) {
    const [addSummary, changeSummary, removeSummary] = part.summaries;
    const partId = (ctx: { request: FastifyRequest }) => params(ctx.request)[part.idParam];
    app.post(
      `/organisations/:org/suppliers/:supplierId/${part.path}`,
      { schema: { tags, summary: addSummary, params: S.SupplierParams, body: part.create, response: { 201: S.SupplierDto, ...problems(400, 401, 403, 404) } } },
      inOrganisation(deps, P['suppliers.manage'], async (ctx) => {
        const out = await part.add(ctx, params(ctx.request).supplierId, ctx.request.body as any);
        ctx.reply.code(201);
        return out;
      }),
    );
    app.patch(
      `/organisations/:org/suppliers/:supplierId/${part.path}/:${part.idParam}`,
      { schema: { tags, summary: changeSummary, params: part.params, body: part.update, response: { 200: S.SupplierDto, ...problems(400, 401, 403, 404) } } },
      inOrganisation(deps, P['suppliers.manage'], (ctx) => part.change(ctx, params(ctx.request).supplierId, partId(ctx), ctx.request.body as any)),
    );
    app.delete(
      `/organisations/:org/suppliers/:supplierId/${part.path}/:${part.idParam}`,
      { schema: { tags, summary: removeSummary, params: part.params, response: { 204: NoContent, ...problems(401, 403, 404) } } },
      inOrganisation(deps, P['suppliers.manage'], async (ctx) => {
        await part.remove(ctx, params(ctx.request).supplierId, partId(ctx));
        ctx.reply.code(204);
        return null;
      }),
    );
  }

  /* ---------- sub-processors ---------- */
  app.put(
    '/organisations/:org/suppliers/:supplierId/subprocessors/:subprocessorId',
    { schema: { tags, summary: 'Andere leverancier van de organisatie als subverwerker koppelen (idempotent)', params: S.SubprocessorParams, response: { 200: S.SupplierDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['suppliers.manage'], (ctx) => addSubprocessor(ctx, params(ctx.request).supplierId, params(ctx.request).subprocessorId)),
  );
  app.delete(
    '/organisations/:org/suppliers/:supplierId/subprocessors/:subprocessorId',
    { schema: { tags, summary: 'Subverwerker ontkoppelen', params: S.SubprocessorParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['suppliers.manage'], async (ctx) => {
      await removeSubprocessor(ctx, params(ctx.request).supplierId, params(ctx.request).subprocessorId);
      ctx.reply.code(204);
      return null;
    }),
  );

  /* ---------- high-risk countries (installation-wide) ---------- */
  app.get(
    '/high-risk-countries',
    { schema: { tags: hrTags, summary: 'Landen met een offensief cyberprogramma (lijst van de installatie)', response: { 200: S.HighRiskCountryList, ...problems(401) } } },
    asUser(deps, (ctx) => listHighRiskCountries(ctx)),
  );
  app.put(
    '/high-risk-countries/:code',
    {
      schema: {
        tags: hrTags,
        summary: 'Land op de lijst zetten of de reden wijzigen (installatiebeheer)',
        params: S.HighRiskCountryParams,
        body: S.HighRiskCountryBody,
        response: { 200: S.HighRiskCountryDto, 201: S.HighRiskCountryDto, ...problems(400, 401, 403) },
      },
    },
    asUser(
      deps,
      async (ctx) => {
        const { created, item } = await putHighRiskCountry(ctx, params(ctx.request).code, (ctx.request.body as { reason: string }).reason);
        if (created) ctx.reply.code(201);
        return item;
      },
      { installationAdmin: true },
    ),
  );
  app.delete(
    '/high-risk-countries/:code',
    { schema: { tags: hrTags, summary: 'Land van de lijst halen (installatiebeheer)', params: S.HighRiskCountryParams, response: { 204: NoContent, ...problems(400, 401, 403, 404) } } },
    asUser(
      deps,
      async (ctx) => {
        await deleteHighRiskCountry(ctx, params(ctx.request).code);
        ctx.reply.code(204);
        return null;
      },
      { installationAdmin: true },
    ),
  );

  /* ---------- joint arrangements ---------- */

  /**
   * The linked organisation (by slug) is resolved before the organisation's transaction and shown after
   * it: it is usually not visible inside (see joint-arrangements.ts). Authorisation first, so that a
   * caller without the right cannot probe which slugs exist.
   */
  const withLink = (permission: string, fn: (linked: Awaited<ReturnType<typeof resolveLinkedOrganisation>> | undefined) => ReturnType<typeof inOrganisation<any>>) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      requirePrincipal(request);
      const org = request.organisation;
      if (!org) throw notFound();
      if (!orgAllows(org, permission)) throw forbidden();
      const slug = (request.body as { linkedOrganisation?: string | null } | undefined)?.linkedOrganisation;
      const linked = slug === undefined ? undefined : await resolveLinkedOrganisation(deps.database, slug, org.id);
      const out = await fn(linked)(request, reply);
      return out && typeof out === 'object' && 'id' in out ? (await withLinkedOrganisations(deps.database, [out], org.id))[0] : out;
    };

  app.get(
    '/organisations/:org/joint-arrangements',
    {
      schema: {
        tags: jaTags,
        summary: 'Gemeenschappelijke regelingen en andere samenwerkingsverbanden (zoeken, filteren, bladeren)',
        params: OrgParams,
        querystring: S.JointArrangementQuery,
        response: { 200: S.JointArrangementList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const page = await inOrganisation(deps, P['suppliers.read'], (ctx) => listArrangements(ctx, ctx.request.query as any))(request, reply);
      return { ...page, items: await withLinkedOrganisations(deps.database, page.items, request.organisation!.id) };
    },
  );
  app.post(
    '/organisations/:org/joint-arrangements',
    { schema: { tags: jaTags, summary: 'Regeling vastleggen', params: OrgParams, body: S.CreateJointArrangementBody, response: { 201: S.JointArrangementDto, ...problems(400, 401, 403, 404) } } },
    withLink(P['suppliers.manage'], (linked) =>
      inOrganisation(deps, P['suppliers.manage'], async (ctx) => {
        const out = await createArrangement(ctx, ctx.request.body as any, linked);
        ctx.reply.code(201);
        return out;
      }),
    ),
  );
  app.get(
    '/organisations/:org/joint-arrangements/:arrangementId',
    { schema: { tags: jaTags, summary: 'Eén regeling', params: S.JointArrangementParams, response: { 200: S.JointArrangementDto, ...problems(401, 403, 404) } } },
    withLink(P['suppliers.read'], () => inOrganisation(deps, P['suppliers.read'], (ctx) => getArrangement(ctx, params(ctx.request).arrangementId))),
  );
  app.patch(
    '/organisations/:org/joint-arrangements/:arrangementId',
    {
      schema: {
        tags: jaTags,
        summary: 'Regeling wijzigen (linkedOrganisation: null ontkoppelt)',
        params: S.JointArrangementParams,
        body: S.UpdateJointArrangementBody,
        response: { 200: S.JointArrangementDto, ...problems(400, 401, 403, 404) },
      },
    },
    withLink(P['suppliers.manage'], (linked) =>
      inOrganisation(deps, P['suppliers.manage'], (ctx) => {
        const { linkedOrganisation: _slug, ...input } = ctx.request.body as z.infer<typeof S.UpdateJointArrangementBody>;
        return updateArrangement(ctx, params(ctx.request).arrangementId, input, linked);
      }),
    ),
  );
  app.delete(
    '/organisations/:org/joint-arrangements/:arrangementId',
    {
      schema: {
        tags: jaTags,
        summary: 'Regeling verwijderen; 409 met de lijst als er nog iets van afhangt, tenzij force=true',
        params: S.JointArrangementParams,
        querystring: S.ForceQuery,
        response: { 204: NoContent, 409: S.DependantsProblem, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['suppliers.manage'], async (ctx) => {
      await deleteArrangement(ctx, params(ctx.request).arrangementId, forced(ctx.request));
      ctx.reply.code(204);
      return null;
    }),
  );
}
