import type { FastifyInstance } from 'fastify';
import type { App, Deps, OrgCtx } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { problems } from '../../core/http/schemas.js';
import { badRequest, HttpProblem } from '../../core/http/problem.js';
import { defaultReportRenderer, type ReportRenderer } from '../../core/reports/index.js';
import { A } from './assessment-policies.js';
import { YearParams } from './assessment-schemas.js';
import { loadYear } from './assessment-years.js';
import { importAssessments } from './assessment-import.js';
import { attachment, fileSlug, recordExport, XLSX_TYPE } from './export-data.js';
import * as S from './export-schemas.js';
import { assessmentXlsx, yearState } from './export-xlsx.js';
import { oscalAssessmentResults } from './oscal-results.js';
import { buildSoa } from './soa-data.js';
import { soaReport } from './soa-report.js';
import { soaXlsx } from './soa-xlsx.js';

const tags = ['verantwoording (ENSIA)'];
type YP = { year: number };
const IMPORT_LIMIT = 10 * 1024 * 1024;

const soaFile = (ctx: OrgCtx, year: number, framework: string, ext: string) =>
  `verklaring-van-toepasselijkheid-${fileSlug(ctx.org.slug)}-${year}-${fileSlug(framework)}.${ext}`;

/**
 * Exports of a year — the Statement of Applicability (XLSX, PDF), the full assessment (XLSX) and OSCAL
 * assessment results — and the re-import of the full export. Reading needs assessments.read; every
 * download is recorded in the audit trail (for a signed year: who took the college statement's data).
 */
export async function exportRoutes(app: App, deps: Deps, renderer: ReportRenderer = defaultReportRenderer): Promise<void> {
  const base = '/organisations/:org/assessment-years/:year';

  app.get(
    `${base}/soa.xlsx`,
    {
      schema: {
        tags,
        summary: 'Verklaring van Toepasselijkheid als XLSX (één raamwerk; standaard het eerste van het jaar). Een ondertekend jaar komt uit de bevroren stand.',
        params: YearParams,
        querystring: S.SoaQuery,
        response: { 200: S.FileDownload, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, A['assessments.read'], async (ctx) => {
      const { year } = ctx.request.params as YP;
      const soa = await buildSoa(ctx, year, (ctx.request.query as { framework?: string }).framework);
      const file = await soaXlsx(soa);
      recordExport(ctx, await loadYear(ctx.tx, ctx.org.id, year), 'soa.xlsx', { framework: soa.framework.id });
      attachment(ctx, XLSX_TYPE, soaFile(ctx, year, soa.framework.id, 'xlsx'));
      return file;
    }),
  );

  app.get(
    `${base}/soa.pdf`,
    {
      schema: {
        tags,
        summary: 'Verklaring van Toepasselijkheid als PDF (A4 liggend, paginanummers, kopregel van de tabel op elke pagina)',
        params: YearParams,
        querystring: S.SoaQuery,
        response: { 200: S.FileDownload, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, A['assessments.read'], async (ctx) => {
      const { year } = ctx.request.params as YP;
      const soa = await buildSoa(ctx, year, (ctx.request.query as { framework?: string }).framework);
      const file = await renderer.renderPdf(soaReport(soa));
      recordExport(ctx, await loadYear(ctx.tx, ctx.org.id, year), 'soa.pdf', { framework: soa.framework.id, renderer: renderer.name });
      attachment(ctx, 'application/pdf', soaFile(ctx, year, soa.framework.id, 'pdf'));
      return file;
    }),
  );

  app.get(
    `${base}/export.xlsx`,
    {
      schema: {
        tags,
        summary: 'Volledige export van de beoordelingen (XLSX, één blad per raamwerk) om te bewerken en terug te zetten',
        params: YearParams,
        response: { 200: S.FileDownload, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, A['assessments.read'], async (ctx) => {
      const { year } = ctx.request.params as YP;
      const y = await loadYear(ctx.tx, ctx.org.id, year);
      const file = await assessmentXlsx(ctx, y, await yearState(ctx, y));
      recordExport(ctx, y, 'export.xlsx');
      attachment(ctx, XLSX_TYPE, `beoordelingen-${fileSlug(ctx.org.slug)}-${year}.xlsx`);
      return file;
    }),
  );

  app.get(
    `${base}/oscal-assessment-results.json`,
    {
      schema: {
        tags,
        summary: 'Het jaar als OSCAL 1.1.2 assessment-results (JSON): één result per raamwerk, findings per beoordeelde eis, observations per bewijs',
        params: YearParams,
        response: { 200: S.OscalDocument, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, A['assessments.read'], async (ctx) => {
      const { year } = ctx.request.params as YP;
      const doc = await oscalAssessmentResults(ctx, year);
      recordExport(ctx, await loadYear(ctx.tx, ctx.org.id, year), 'oscal-assessment-results.json');
      ctx.reply.header('content-disposition', `attachment; filename="oscal-assessment-results-${fileSlug(ctx.org.slug)}-${year}.json"`);
      return doc;
    }),
  );

  // The re-import takes the XLSX itself as the body: its own content-type parser and body limit, scoped to this plugin.
  await app.register(async (scoped: FastifyInstance) => {
    const sub = scoped as unknown as App;
    sub.removeAllContentTypeParsers();
    sub.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, body, done) => done(null, body));
    sub.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: IMPORT_LIMIT }, (_req, _body, done) =>
      done(new HttpProblem(415, 'Verkeerd formaat', `Stuur het bestand als ${XLSX_TYPE} (de export van de beoordelingen).`)),
    );
    sub.post(
      `${base}/import`,
      {
        bodyLimit: IMPORT_LIMIT,
        schema: {
          tags,
          summary: `Beoordelingen terugzetten uit de volledige export (body: het XLSX-bestand als ${XLSX_TYPE}, max. 10 MB): eerst ?mode=preview, dan ?mode=import — alles of niets`,
          params: YearParams,
          querystring: S.ImportQuery,
          response: { 200: S.ImportResult, 400: S.ImportProblem, 403: S.ImportProblem, ...problems(401, 404, 409, 413, 415) },
        },
      },
      inOrganisation(deps, A['assessments.edit'], async (ctx) => {
        const { year } = ctx.request.params as YP;
        const { mode } = ctx.request.query as { mode: 'preview' | 'import' };
        const body = ctx.request.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('Stuur het XLSX-bestand als body.', [{ path: 'body', message: 'leeg' }]);
        const out = await importAssessments(ctx, year, body, mode);
        if (out.ok) return out.body;
        throw new HttpProblem(out.status, out.status === 403 ? 'Geen toestemming voor alle wijzigingen' : 'Ongeldig bestand', out.detail, undefined, undefined, {
          mode,
          changes: 0,
          errors: out.errors,
        });
      }),
    );
  });
}
