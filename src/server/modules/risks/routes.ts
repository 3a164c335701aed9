import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { XLSX_TYPE } from '../../core/xlsx/cells.js';
import { P } from './policies.js';
import * as S from './schemas.js';
import { getMatrix, putMatrix } from './matrix.js';
import { createRisk, deleteRisk, getRisk, listRisks, updateRisk } from './manage-risks.js';
import { acceptRisk, revokeAcceptance } from './acceptance.js';
import { riskHistory } from './history.js';
import { riskOverview } from './overview.js';
import { riskTrend } from './trend.js';
import { listThreats } from './threats.js';
import { createDpia, createDpiaRisk, deleteDpia, getDpia, listDpias, updateDpia } from './dpias.js';
import { risksXlsx } from './export.js';

const tags = ['risico’s'];
const dpiaTags = ['DPIA’s'];
type Params = Record<string, string>;
const params = (request: FastifyRequest) => request.params as Params;

/**
 * The risk register: one configurable matrix per organisation, risks of every domain with inherent and
 * residual scores, treatment (mitigate with measures, accept by decision, transfer, avoid), history,
 * heat map, trend, the threat catalog and DPIA records.
 */
export async function riskRoutes(app: App, deps: Deps): Promise<void> {
  const org = '/organisations/:org';

  /* ---------- matrix ---------- */
  app.get(
    `${org}/risk-matrix`,
    { schema: { tags, summary: 'De risicomatrix van de organisatie (standaard 5×5)', params: OrgParams, response: { 200: S.MatrixDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.read'], (ctx) => getMatrix(ctx)),
  );
  app.put(
    `${org}/risk-matrix`,
    {
      schema: {
        tags,
        summary:
          'Risicomatrix instellen (3×3 tot 6×6, eigen namen, niveaugrenzen, wie per niveau mag accepteren). Een andere grootte terwijl er risico’s zijn: 409, tenzij rescale: true (alle scores evenredig omgerekend, in de historie)',
        params: OrgParams,
        body: S.MatrixBody,
        response: { 200: S.MatrixDto, 409: S.MatrixConflict, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['risks.configure'], (ctx) => putMatrix(ctx, ctx.request.body as any)),
  );

  /* ---------- risks ---------- */
  app.get(
    `${org}/risks`,
    {
      schema: {
        tags,
        summary: 'Risico’s (standaard de open risico’s), hoogste restrisico eerst; filters op domein, niveau, behandeling, eigenaar, tekst, review, gekoppeld object en DPIA',
        params: OrgParams,
        querystring: S.RiskQuery,
        response: { 200: S.RiskList, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['risks.read'], (ctx) => listRisks(ctx, ctx.request.query as any)),
  );
  app.post(
    `${org}/risks`,
    {
      schema: {
        tags,
        summary: 'Risico vastleggen. Scores binnen de matrix; het restrisico nooit hoger dan het bruto risico; bij mitigeren volgt het uit de maatregelen (doelrisico verplicht)',
        params: OrgParams,
        body: S.CreateRiskBody,
        response: { 201: S.RiskDetailDto, ...problems(400, 401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, P['risks.manage'], async (ctx) => {
      const out = await createRisk(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.get(
    `${org}/risks/export.xlsx`,
    { schema: { tags, summary: 'Het hele risicoregister als XLSX (één rij per risico)', params: OrgParams, response: { 200: S.FileDownload, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.read'], async (ctx) => {
      const { file, count } = await risksXlsx(ctx);
      ctx.reply.type(XLSX_TYPE);
      ctx.reply.header('content-disposition', `attachment; filename="risicoregister-${ctx.org.slug}-${new Date().toISOString().slice(0, 10)}.xlsx"`);
      ctx.audit.record({ organisationId: ctx.org.id, entityType: 'risk_export', entityId: ctx.org.id, action: 'export', after: { format: 'xlsx', count } });
      return file;
    }),
  );
  app.get(
    `${org}/risks/:riskId`,
    { schema: { tags, summary: 'Eén risico met koppelingen, dreigingen, maatregelen en acceptatiebesluiten', params: S.RiskParams, response: { 200: S.RiskDetailDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.read'], (ctx) => getRisk(ctx, params(ctx.request).riskId)),
  );
  app.patch(
    `${org}/risks/:riskId`,
    {
      schema: {
        tags,
        summary: 'Risico wijzigen (null maakt een veld leeg; links, threatIds en measureIds vervangen de set). Een andere score of behandeling trekt een acceptatie in',
        params: S.RiskParams,
        body: S.UpdateRiskBody,
        response: { 200: S.RiskDetailDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['risks.manage'], (ctx) => updateRisk(ctx, params(ctx.request).riskId, ctx.request.body as any)),
  );
  app.delete(
    `${org}/risks/:riskId`,
    { schema: { tags, summary: 'Risico verwijderen (met historie); sluiten kan ook: status closed', params: S.RiskParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.manage'], async (ctx) => {
      await deleteRisk(ctx, params(ctx.request).riskId);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.post(
    `${org}/risks/:riskId/acceptance`,
    {
      schema: {
        tags,
        summary:
          'Risico accepteren: een besluit van iemand met een rol die de matrix voor het niveau van het restrisico noemt (standaard laag/midden: CISO of privacy officer; hoog/kritiek: bestuurder), met reden en einddatum (uiterlijk drie jaar)',
        params: S.RiskParams,
        body: S.AcceptBody,
        response: { 201: S.RiskDetailDto, ...problems(400, 401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, P['risks.read'], async (ctx) => {
      const out = await acceptRisk(ctx, params(ctx.request).riskId, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.delete(
    `${org}/risks/:riskId/acceptance`,
    {
      schema: {
        tags,
        summary: 'Acceptatie intrekken met een reden; de behandeling wordt weer open',
        params: S.RiskParams,
        body: S.RevokeBody,
        response: { 200: S.RiskDetailDto, ...problems(400, 401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, P['risks.read'], (ctx) => revokeAcceptance(ctx, params(ctx.request).riskId, ctx.request.body as any)),
  );
  app.get(
    `${org}/risks/:riskId/history`,
    { schema: { tags, summary: 'Elke scorewijziging van het risico, nieuwste eerst', params: S.RiskParams, response: { 200: S.HistoryList, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.read'], (ctx) => riskHistory(ctx, params(ctx.request).riskId)),
  );

  /* ---------- overview and trend ---------- */
  app.get(
    `${org}/risk-overview`,
    {
      schema: {
        tags,
        summary: 'Heatmaps (bruto en netto) van de open risico’s, aantallen per domein en niveau, toprisico’s per domein, reviews en acceptaties die aandacht vragen',
        params: OrgParams,
        querystring: S.OverviewQuery,
        response: { 200: S.OverviewDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['risks.read'], (ctx) => riskOverview(ctx, ctx.request.query as any)),
  );
  app.get(
    `${org}/risk-trend`,
    {
      schema: {
        tags,
        summary: 'Verloop per maand (stand aan het eind van de maand): open risico’s per bruto en netto niveau, oudste maand eerst',
        params: OrgParams,
        querystring: S.TrendQuery,
        response: { 200: S.TrendDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['risks.read'], (ctx) => riskTrend(ctx, ctx.request.query as any)),
  );

  /* ---------- threats ---------- */
  app.get(
    `${org}/threats`,
    { schema: { tags, summary: 'De dreigingencatalogus', params: OrgParams, response: { 200: S.ThreatList, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.read'], (ctx) => listThreats(ctx)),
  );

  /* ---------- DPIAs ---------- */
  app.get(
    `${org}/dpias`,
    { schema: { tags: dpiaTags, summary: 'DPIA’s (gegevensbeschermingseffectbeoordelingen), nieuwste eerst', params: OrgParams, response: { 200: S.DpiaList, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.read'], (ctx) => listDpias(ctx)),
  );
  app.post(
    `${org}/dpias`,
    { schema: { tags: dpiaTags, summary: 'DPIA vastleggen (naam, verwerking, proces, uitkomst, datum)', params: OrgParams, body: S.CreateDpiaBody, response: { 201: S.DpiaDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['risks.manage'], async (ctx) => {
      const out = await createDpia(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.get(
    `${org}/dpias/:dpiaId`,
    { schema: { tags: dpiaTags, summary: 'Eén DPIA', params: S.DpiaParams, response: { 200: S.DpiaDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.read'], (ctx) => getDpia(ctx, params(ctx.request).dpiaId)),
  );
  app.patch(
    `${org}/dpias/:dpiaId`,
    { schema: { tags: dpiaTags, summary: 'DPIA wijzigen', params: S.DpiaParams, body: S.UpdateDpiaBody, response: { 200: S.DpiaDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['risks.manage'], (ctx) => updateDpia(ctx, params(ctx.request).dpiaId, ctx.request.body as any)),
  );
  app.delete(
    `${org}/dpias/:dpiaId`,
    { schema: { tags: dpiaTags, summary: 'DPIA verwijderen (de risico’s eruit blijven bestaan)', params: S.DpiaParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['risks.manage'], async (ctx) => {
      await deleteDpia(ctx, params(ctx.request).dpiaId);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.post(
    `${org}/dpias/:dpiaId/risks`,
    {
      schema: {
        tags: dpiaTags,
        summary: 'Privacyrisico uit deze DPIA vastleggen (domein privacy, gekoppeld aan de DPIA en aan het proces ervan)',
        params: S.DpiaParams,
        body: S.DpiaRiskBody,
        response: { 201: S.RiskDetailDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['risks.manage'], async (ctx) => {
      const out = await createDpiaRisk(ctx, params(ctx.request).dpiaId, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
}
