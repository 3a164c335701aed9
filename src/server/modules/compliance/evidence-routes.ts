import type { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { z } from 'zod';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation, orgAllows } from '../../core/http/pipeline.js';
import { forbidden, notFound } from '../../core/http/problem.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { fileStores } from '../../core/storage/index.js';
import { E } from './evidence-policies.js';
import * as S from './evidence-schemas.js';
import { MULTIPART_LIMITS, receiveUpload } from './evidence-files.js';
import {
  createFileEvidence,
  createLinkEvidence,
  deleteEvidence,
  evidenceOfAssessment,
  evidenceOfMeasure,
  getEvidence,
  linkAssessment,
  linkMeasure,
  listEvidence,
  readEvidenceContent,
  unlinkAssessment,
  unlinkMeasure,
  updateEvidence,
} from './evidence.js';
import { signalRoutes } from './signal-routes.js';
import { attentionRoutes } from './attention-routes.js';

const tags = ['bewijs'];
type EP = { evidenceId: string };
type MP = { measureId: string; evidenceId: string };
type AP = { year: number; requirementId: string; evidenceId: string };

/** The multipart body is read by the handler (streamed into storage), so the schema only documents it. */
const documentOnlyBody = ((route: Parameters<typeof validatorCompiler>[0]) =>
  route.httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler(route)) as any;
const FileContent = z.custom<Buffer | Readable>(() => true).describe('het bestand, als bijlage');

export async function evidenceRoutes(app: App, deps: Deps): Promise<void> {
  const stores = fileStores(deps);
  const base = '/organisations/:org/evidence';

  // Uploads: multipart is accepted only here, with the size limit from the configuration.
  await app.register(async (instance: FastifyInstance) => {
    const scoped = instance as unknown as App;
    await scoped.register(multipart, { limits: { ...MULTIPART_LIMITS, fileSize: stores.maxBytes }, throwFileSizeLimit: false });
    scoped.post(
      `${base}/files`,
      {
        schema: {
          tags,
          summary: `Bestand uploaden als bewijs (multipart/form-data, veld file; maximaal ${deps.config.maxUploadMb} MB), eventueel meteen gekoppeld aan een maatregel of een beoordeling`,
          consumes: ['multipart/form-data'],
          params: OrgParams,
          body: S.UploadForm,
          response: { 201: S.EvidenceDto, ...problems(400, 401, 403, 404, 409, 413, 415) },
        },
        validatorCompiler: documentOnlyBody,
      },
      async (request: FastifyRequest, reply: FastifyReply) => {
        // permission first: nobody without it gets to send a file into the storage
        if (!request.organisation) throw notFound();
        if (!orgAllows(request.organisation, E['evidence.manage'])) throw forbidden();
        const upload = await receiveUpload(request, stores.uploads, stores.maxBytes);
        let committed = false;
        try {
          const out = await inOrganisation(deps, E['evidence.manage'], async (ctx) => {
            const created = await createFileEvidence(ctx, upload);
            ctx.reply.code(201);
            return created;
          })(request, reply);
          committed = true;
          return out;
        } finally {
          await upload.staged.finish(committed);
        }
      },
    );
  });

  app.post(
    `${base}/links`,
    { schema: { tags, summary: 'Verwijzing (http/https) vastleggen als bewijs, eventueel meteen gekoppeld', params: OrgParams, body: S.CreateLinkBody, response: { 201: S.EvidenceDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, E['evidence.manage'], async (ctx) => {
      const out = await createLinkEvidence(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );

  app.get(
    base,
    { schema: { tags, summary: 'Bewijs van de organisatie (zoeken, filteren op geldigheid, bladeren; nieuwste eerst)', params: OrgParams, querystring: S.EvidenceQuery, response: { 200: S.EvidenceList, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, E['evidence.read'], (ctx) => listEvidence(ctx, ctx.request.query as any)),
  );

  app.get(
    `${base}/:evidenceId`,
    { schema: { tags, summary: 'Eén bewijsstuk met zijn koppelingen', params: S.EvidenceParams, response: { 200: S.EvidenceDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, E['evidence.read'], (ctx) => getEvidence(ctx, (ctx.request.params as EP).evidenceId)),
  );

  app.patch(
    `${base}/:evidenceId`,
    { schema: { tags, summary: 'Titel, omschrijving of geldigheid wijzigen', params: S.EvidenceParams, body: S.UpdateEvidenceBody, response: { 200: S.EvidenceDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, E['evidence.manage'], (ctx) => updateEvidence(ctx, (ctx.request.params as EP).evidenceId, ctx.request.body as any)),
  );

  app.delete(
    `${base}/:evidenceId`,
    { schema: { tags, summary: 'Bewijs verwijderen, met bestand en koppelingen (niet als het bij een ondertekend jaar hoort)', params: S.EvidenceParams, response: { 204: NoContent, ...problems(401, 403, 404, 409) } } },
    async (request: FastifyRequest, reply: FastifyReply) => {
      const removeContent = await inOrganisation(deps, E['evidence.manage'], async (ctx) => {
        const after = await deleteEvidence(ctx, (ctx.request.params as EP).evidenceId, stores);
        ctx.reply.code(204);
        return after;
      })(request, reply);
      // committed: now the file may go (a failure here leaves an unreferenced file, never a dangling row)
      await removeContent().catch((err) => request.log.error({ err }, 'removing evidence content failed'));
      return null;
    },
  );

  app.get(
    `${base}/:evidenceId/content`,
    {
      schema: {
        tags,
        summary: 'Het bestand downloaden (altijd als bijlage)',
        params: S.EvidenceParams,
        produces: ['application/octet-stream'],
        response: { 200: FileContent, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, E['evidence.read'], async (ctx) => {
      const { content, headers } = await readEvidenceContent(ctx, (ctx.request.params as EP).evidenceId, stores);
      ctx.reply.headers(headers);
      return content;
    }),
  );

  const measure = '/organisations/:org/measures/:measureId/evidence';
  app.get(
    measure,
    { schema: { tags, summary: 'Bewijs bij een maatregel', params: S.MeasureTargetParams, response: { 200: S.EvidenceItems, ...problems(401, 403, 404) } } },
    inOrganisation(deps, E['evidence.read'], (ctx) => evidenceOfMeasure(ctx, (ctx.request.params as MP).measureId)),
  );
  app.put(
    `${measure}/:evidenceId`,
    { schema: { tags, summary: 'Bewijs aan een maatregel koppelen', params: S.MeasureEvidenceParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, E['evidence.manage'], async (ctx) => {
      const p = ctx.request.params as MP;
      await linkMeasure(ctx, p.measureId, p.evidenceId);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.delete(
    `${measure}/:evidenceId`,
    { schema: { tags, summary: 'Bewijs loskoppelen van een maatregel', params: S.MeasureEvidenceParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, E['evidence.manage'], async (ctx) => {
      const p = ctx.request.params as MP;
      await unlinkMeasure(ctx, p.measureId, p.evidenceId);
      ctx.reply.code(204);
      return null;
    }),
  );

  const assessment = '/organisations/:org/assessment-years/:year/assessments/:requirementId/evidence';
  app.get(
    assessment,
    { schema: { tags, summary: 'Bewijs bij de beoordeling van een eis in een jaar', params: S.AssessmentTargetParams, response: { 200: S.EvidenceItems, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, E['evidence.read'], (ctx) => {
      const p = ctx.request.params as AP;
      return evidenceOfAssessment(ctx, p.year, p.requirementId);
    }),
  );
  app.put(
    `${assessment}/:evidenceId`,
    { schema: { tags, summary: 'Bewijs aan een beoordeling koppelen (niet in een ondertekend jaar)', params: S.AssessmentEvidenceParams, response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, E['evidence.manage'], async (ctx) => {
      const p = ctx.request.params as AP;
      await linkAssessment(ctx, p.year, p.requirementId, p.evidenceId);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.delete(
    `${assessment}/:evidenceId`,
    { schema: { tags, summary: 'Bewijs loskoppelen van een beoordeling (niet in een ondertekend jaar)', params: S.AssessmentEvidenceParams, response: { 204: NoContent, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, E['evidence.manage'], async (ctx) => {
      const p = ctx.request.params as AP;
      await unlinkAssessment(ctx, p.year, p.requirementId, p.evidenceId);
      ctx.reply.code(204);
      return null;
    }),
  );

  await signalRoutes(app, deps);
  await attentionRoutes(app, deps);
}
