import type { FastifyInstance } from 'fastify';
import type { App, Deps, OrgCtx } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { badRequest, HttpProblem } from '../../core/http/problem.js';
import { XLSX_TYPE } from '../../core/xlsx/cells.js';
import { CSV_TYPE } from '../../core/xlsx/csv.js';
import { P } from './policies.js';
import * as S from './schemas.js';
import { createAsset, deleteAsset, getAsset, listAssets, updateAsset } from './manage-assets.js';
import { assetsCsv, assetsXlsx } from './export.js';
import { importAssets, type Format } from './import.js';

const tags = ['objecten (assets)'];
const IMPORT_LIMIT = 10 * 1024 * 1024;
type AP = { assetId: string };

const CSV_TYPES = [CSV_TYPE, 'application/csv', 'text/plain'];
const XLSX_TYPES = [XLSX_TYPE];
const mediaType = (h: unknown) => String(h ?? '').split(';')[0].trim().toLowerCase();

function download(ctx: OrgCtx, type: string, ext: string, count: number) {
  const date = new Date().toISOString().slice(0, 10);
  ctx.reply.type(type);
  ctx.reply.header('content-disposition', `attachment; filename="objecten-${ctx.org.slug}-${date}.${ext}"`);
  ctx.audit.record({ organisationId: ctx.org.id, entityType: 'asset_export', entityId: ctx.org.id, action: 'export', after: { format: ext, count } });
}

/**
 * Assets: the organisation's processes, applications, systems, data sets, locations and operational
 * technology. CRUD with validation per kind, a keyset-paged list with filters, export and bulk import.
 */
export async function assetRoutes(app: App, deps: Deps): Promise<void> {
  const base = '/organisations/:org/assets';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Objecten van de organisatie (filters op soort, kritikaliteit, eigenaar, persoonsgegevens en tekst; bladeren met cursor; met totaal)',
        params: OrgParams,
        querystring: S.AssetQuery,
        response: { 200: S.AssetList, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['assets.read'], (ctx) => listAssets(ctx, ctx.request.query as any)),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Object vastleggen (BIA alleen bij een proces, software bij een applicatie of systeem, OT-gegevens bij operationele technologie)',
        params: OrgParams,
        body: S.CreateAssetBody,
        response: { 201: S.AssetDto, ...problems(400, 401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, P['assets.manage_ot'], async (ctx) => {
      const out = await createAsset(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );

  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: 'Alle objecten als XLSX (één rij per object, eigenaar als e-mail, met id-kolom) om te bewerken en terug te zetten', params: OrgParams, response: { 200: S.FileDownload, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['assets.read'], async (ctx) => {
      const { file, count } = await assetsXlsx(ctx);
      download(ctx, XLSX_TYPE, 'xlsx', count);
      return file;
    }),
  );

  app.get(
    `${base}/export.csv`,
    { schema: { tags, summary: 'Alle objecten als CSV (UTF-8, puntkomma-gescheiden; dezelfde kolommen als de XLSX)', params: OrgParams, response: { 200: S.FileDownload, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['assets.read'], async (ctx) => {
      const { file, count } = await assetsCsv(ctx);
      download(ctx, `${CSV_TYPE}; charset=utf-8`, 'csv', count);
      return file;
    }),
  );

  app.get(
    `${base}/:assetId`,
    { schema: { tags, summary: 'Eén object', params: S.AssetParams, response: { 200: S.AssetDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['assets.read'], (ctx) => getAsset(ctx, (ctx.request.params as AP).assetId)),
  );

  app.patch(
    `${base}/:assetId`,
    { schema: { tags, summary: 'Object wijzigen (null maakt een veld leeg)', params: S.AssetParams, body: S.UpdateAssetBody, response: { 200: S.AssetDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, P['assets.manage_ot'], (ctx) => updateAsset(ctx, (ctx.request.params as AP).assetId, ctx.request.body as any)),
  );

  app.delete(
    `${base}/:assetId`,
    {
      schema: {
        tags,
        summary: 'Object verwijderen. Hangt er iets van af, dan 409 met de lijst; ?force=true verwijdert de afhankelijkheden mee',
        params: S.AssetParams,
        querystring: S.DeleteQuery,
        response: { 204: NoContent, 409: S.DeleteConflict, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['assets.manage_ot'], async (ctx) => {
      const force = (ctx.request.query as { force: 'true' | 'false' }).force === 'true';
      await deleteAsset(ctx, (ctx.request.params as AP).assetId, force);
      ctx.reply.code(204);
      return null;
    }),
  );

  // The import takes the file itself as the body: its own content-type parsers and body limit, scoped to this plugin.
  await app.register(async (scoped: FastifyInstance) => {
    const sub = scoped as unknown as App;
    sub.removeAllContentTypeParsers();
    sub.addContentTypeParser([...XLSX_TYPES, ...CSV_TYPES], { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    sub.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, _body, done) =>
      done(new HttpProblem(415, 'Verkeerd formaat', `Stuur het bestand als ${XLSX_TYPE} (XLSX) of ${CSV_TYPE} (CSV).`)),
    );
    sub.post(
      `${base}/import`,
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary: `Objecten importeren uit XLSX (${XLSX_TYPE}) of CSV (${CSV_TYPE}), max. 10 MB, in het formaat van de export: eerst ?mode=preview, dan ?mode=import — alles of niets. Bijwerken op id, anders op soort + naam; eigenaren op e-mail`,
          params: OrgParams,
          querystring: S.ImportQuery,
          response: { 200: S.AssetImportResult, 400: S.AssetImportProblem, ...problems(401, 403, 404, 413, 415) },
        },
      },
      inOrganisation(deps, P['assets.manage'], async (ctx) => {
        const { mode } = ctx.request.query as { mode: 'preview' | 'import' };
        const body = ctx.request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('Stuur het XLSX- of CSV-bestand als body.', [{ path: 'body', message: 'leeg' }]);
        const format: Format = XLSX_TYPES.includes(mediaType(ctx.request.headers['content-type'])) ? 'xlsx' : 'csv';
        const out = await importAssets(ctx, body, format, mode);
        if (out.ok) return out.body;
        throw new HttpProblem(400, 'Ongeldig bestand', out.detail, undefined, undefined, { mode, changes: 0, errors: out.errors });
      }),
    );
  });
}
