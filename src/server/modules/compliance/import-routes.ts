import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { App, Deps } from '../../core/http/pipeline.js';
import { asUser, inOrganisation } from '../../core/http/pipeline.js';
import { HttpProblem } from '../../core/http/problem.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { libraryOf, runImport, unreadable } from './importers/common.js';
import { convertCisoAssistant } from './importers/ciso-assistant.js';
import { convertOscal } from './importers/oscal.js';
import { buildTemplate, convertXlsxTemplate } from './importers/xlsx-template.js';
import { XLSX_TYPE } from './importers/xlsx.js';
import * as S from './importers/schemas.js';
import { P } from './measure-policies.js';
import { RT } from './requirement-text-policies.js';
import { deleteRequirementTexts, importRequirementTexts, listRequirementTexts } from './requirement-texts.js';

const IMPORT_LIMIT = 10 * 1024 * 1024;
const JSON_TYPES = ['application/json'];
const YAML_TYPES = ['application/yaml', 'text/yaml', 'application/x-yaml', 'text/x-yaml'];
const XLSX_TYPES = [XLSX_TYPE, 'application/octet-stream'];

const mediaType = (request: FastifyRequest) => String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();

/** The body as the route needs it; a wrong media type is a 415 that says what to send. */
function bodyOf(request: FastifyRequest, accepted: string[], what: string): string | Buffer {
  if (request.body === undefined || request.body === null) throw unreadable(`Stuur het bestand mee in de body (${what}).`);
  if (!accepted.includes(mediaType(request))) {
    throw new HttpProblem(415, 'Verkeerd formaat', `Stuur het bestand als ${accepted.join(' of ')} (${what}).`);
  }
  const body = request.body as string | Buffer;
  if (body.length === 0) throw unreadable(`Het bestand is leeg; verwacht ${what}.`);
  return body;
}
const textOf = (request: FastifyRequest, accepted: string[], what: string) => {
  const body = bodyOf(request, accepted, what);
  return typeof body === 'string' ? body : body.toString('utf8');
};
const bufferOf = (request: FastifyRequest, what: string) => {
  const body = bodyOf(request, XLSX_TYPES, what);
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
};

const tags = ['bibliotheek'];
type Mode = 'preview' | 'import';

/**
 * Importers into the shared library (OSCAL, CISO Assistant YAML, our XLSX template) and the
 * organisation's own official requirement texts. They live in their own plugin so that the larger
 * body limit and the YAML/XLSX parsers apply to these routes only.
 */
export async function importRoutes(app: App, deps: Deps): Promise<void> {
  await app.register(async (scoped: FastifyInstance) => {
    const sub = scoped as unknown as App;
    sub.removeAllContentTypeParsers();
    const raw = { parseAs: 'string' as const, bodyLimit: IMPORT_LIMIT };
    sub.addContentTypeParser([...JSON_TYPES, ...YAML_TYPES], raw, (_req, body, done) => done(null, body));
    sub.addContentTypeParser(XLSX_TYPES, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    sub.addContentTypeParser('*', (req, _payload, done) =>
      done(
        new HttpProblem(
          415,
          'Verkeerd formaat',
          `Onbekend formaat ${mediaType(req) || '(geen content-type)'}: stuur OSCAL als application/json, CISO Assistant als application/yaml en spreadsheets als ${XLSX_TYPE}.`,
        ),
      ),
    );

    sub.post(
      '/library/import/oscal',
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary:
            'OSCAL 1.1-catalogus of -profiel (JSON) importeren als raamwerk (installatiebeheer; body application/json, max. 10 MB). Een profiel neemt alleen de gekozen beheersmaatregelen over; de catalogus staat al in de bibliotheek (?catalog=) of komt mee als {"catalog": …, "profile": …}. Eerst ?mode=preview, dan ?mode=import — alles of niets',
          querystring: S.OscalImportQuery,
          response: { 200: S.ImporterResult, ...problems(400, 401, 403, 413, 415) },
        },
      },
      asUser(
        deps,
        async ({ tx, audit, request }) => {
          const q = request.query as { mode: Mode; id?: string; catalog?: string };
          const text = textOf(request, JSON_TYPES, 'een OSCAL-catalogus of -profiel in JSON');
          return runImport(tx, audit, await convertOscal(text, { id: q.id, catalog: q.catalog }, libraryOf(tx)), q.mode);
        },
        { installationAdmin: true },
      ),
    );

    sub.post(
      '/library/import/ciso-assistant',
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary:
            'CISO Assistant-bibliotheek (YAML) importeren: objects.framework als raamwerk, objects.requirement_mapping_set(s) als koppeltabel (installatiebeheer; body application/yaml, max. 10 MB). Eerst ?mode=preview, dan ?mode=import — alles of niets; fouten noemen de regel',
          querystring: S.LibraryImportQuery,
          response: { 200: S.ImporterResult, ...problems(400, 401, 403, 413, 415) },
        },
      },
      asUser(
        deps,
        async ({ tx, audit, request }) => {
          const text = textOf(request, YAML_TYPES, 'een CISO Assistant-bibliotheek in YAML');
          return runImport(tx, audit, await convertCisoAssistant(text, libraryOf(tx)), (request.query as { mode: Mode }).mode);
        },
        { installationAdmin: true },
      ),
    );

    sub.post(
      '/library/import/xlsx',
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary: `Raamwerk (en koppelingen) importeren uit het Weerbaar-sjabloon (installatiebeheer; body ${XLSX_TYPE}, max. 10 MB). Eerst ?mode=preview, dan ?mode=import — alles of niets; fouten noemen blad en cel`,
          querystring: S.LibraryImportQuery,
          response: { 200: S.ImporterResult, ...problems(400, 401, 403, 413, 415) },
        },
      },
      asUser(
        deps,
        async ({ tx, audit, request }) => {
          const body = bufferOf(request, 'het ingevulde Weerbaar-sjabloon (.xlsx)');
          return runImport(tx, audit, await convertXlsxTemplate(body), (request.query as { mode: Mode }).mode);
        },
        { installationAdmin: true },
      ),
    );

    sub.get(
      '/library/import/template.xlsx',
      {
        schema: {
          tags,
          summary: 'Leeg XLSX-sjabloon voor een eigen raamwerk: bladen Framework, Eisen, Koppelingen en Toelichting, met keuzelijsten',
          response: { 200: S.FileDownload, ...problems(401) },
        },
      },
      asUser(deps, async ({ reply }) => {
        const file = await buildTemplate();
        reply.type(XLSX_TYPE);
        reply.header('content-disposition', 'attachment; filename="weerbaar-raamwerk-sjabloon.xlsx"');
        return file;
      }),
    );

    sub.post(
      '/organisations/:org/requirement-texts/import',
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary: `Officiële teksten van de maatregelen (de BIO2-spreadsheet) voor deze organisatie inlezen (body ${XLSX_TYPE}, max. 10 MB). De indeling wordt herkend; import vervangt alle teksten van het raamwerk, alles of niets. Eerst ?mode=preview, dan ?mode=import`,
          params: OrgParams,
          querystring: S.TextsImportQuery,
          response: { 200: S.TextsImportResult, ...problems(400, 401, 403, 404, 413, 415) },
        },
      },
      inOrganisation(deps, RT['requirementTexts.manage'], async (ctx) => {
        const q = ctx.request.query as { framework: string; mode: Mode };
        return importRequirementTexts(ctx, bufferOf(ctx.request, 'de officiële spreadsheet (.xlsx)'), q.framework, q.mode);
      }),
    );

    sub.get(
      '/organisations/:org/requirement-texts',
      {
        schema: {
          tags,
          summary: 'De officiële teksten die deze organisatie voor een raamwerk heeft ingelezen',
          params: OrgParams,
          querystring: S.TextsQuery,
          response: { 200: S.TextsList, ...problems(400, 401, 403, 404) },
        },
      },
      inOrganisation(deps, P['measures.read'], (ctx) => listRequirementTexts(ctx, (ctx.request.query as { framework: string }).framework)),
    );

    sub.delete(
      '/organisations/:org/requirement-texts',
      {
        schema: {
          tags,
          summary: 'Alle ingelezen officiële teksten van een raamwerk voor deze organisatie verwijderen',
          params: OrgParams,
          querystring: S.TextsQuery,
          response: { 204: NoContent, ...problems(400, 401, 403, 404) },
        },
      },
      inOrganisation(deps, RT['requirementTexts.manage'], async (ctx) => {
        await deleteRequirementTexts(ctx, (ctx.request.query as { framework: string }).framework);
        ctx.reply.code(204);
        return null;
      }),
    );
  });
}
