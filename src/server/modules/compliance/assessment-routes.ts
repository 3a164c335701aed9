import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { OrgParams, problems } from '../../core/http/schemas.js';
import { z } from 'zod';
import { A } from './assessment-policies.js';
import * as S from './assessment-schemas.js';
import { advancePhase, createYear, getSnapshot, getYear, listYears, signYear } from './assessment-years.js';
import { bulkUpdate, getAssessment, listAssessments, updateAssessment } from './assessments.js';
import { diffYears } from './year-diff.js';
import { complianceOverview } from './progress.js';

const tags = ['verantwoording (ENSIA)'];
type YP = { year: number };

export async function assessmentRoutes(app: App, deps: Deps) {
  const base = '/organisations/:org/assessment-years';
  app.get(base, { schema: { tags, summary: 'Verantwoordingsjaren', params: OrgParams, response: { 200: S.YearList, ...problems(401, 403, 404) } } }, inOrganisation(deps, A['assessments.read'], listYears));

  app.post(
    base,
    { schema: { tags, summary: 'Nieuw verantwoordingsjaar, leeg of als kopie van een eerder jaar', params: OrgParams, body: S.CreateYearBody, response: { 201: S.YearDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, A['assessments.manage'], async (ctx) => {
      const out = await createYear(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );

  app.get(
    `${base}/:year`,
    { schema: { tags, summary: 'Eén jaar: fase, ondertekening en voortgang per raamwerk en hoofdstuk', params: S.YearParams, response: { 200: S.YearDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, A['assessments.read'], (ctx) => getYear(ctx, (ctx.request.params as YP).year)),
  );

  app.get(
    `${base}/:year/assessments`,
    { schema: { tags, summary: 'De beoordelingstabel: filters op raamwerk, hoofdstuk, eigenaar, resultaat, te laat, tekst', params: S.YearParams, querystring: S.AssessmentQuery, response: { 200: S.AssessmentPage, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, A['assessments.read'], (ctx) => listAssessments(ctx, (ctx.request.params as YP).year, ctx.request.query as any)),
  );

  app.get(
    `${base}/:year/assessments/:requirementId`,
    { schema: { tags, summary: 'Eén eis van het jaar', params: S.AssessmentParams, response: { 200: S.AssessmentDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, A['assessments.read'], (ctx) => {
      const p = ctx.request.params as YP & { requirementId: string };
      return getAssessment(ctx, p.year, p.requirementId);
    }),
  );

  app.patch(
    `${base}/:year/assessments/:requirementId`,
    { schema: { tags, summary: 'Eén eis beoordelen', params: S.AssessmentParams, body: S.AssessmentChanges, response: { 200: S.AssessmentDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, A['assessments.read'], (ctx) => {
      const p = ctx.request.params as YP & { requirementId: string };
      return updateAssessment(ctx, p.year, p.requirementId, ctx.request.body as any);
    }),
  );

  app.post(
    `${base}/:year/assessments/bulk`,
    { schema: { tags, summary: 'Meerdere eisen tegelijk wijzigen (alles of niets)', params: S.YearParams, body: S.BulkBody, response: { 200: S.BulkResult, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, A['assessments.read'], (ctx) => {
      const b = ctx.request.body as { requirementIds: string[]; changes: any };
      return bulkUpdate(ctx, (ctx.request.params as YP).year, b.requirementIds, b.changes);
    }),
  );

  app.post(
    `${base}/:year/sign`,
    { schema: { tags, summary: 'Collegeverklaring ondertekenen: bevriest het jaar', params: S.YearParams, body: S.SignBody, response: { 200: S.YearDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, A['assessments.sign'], (ctx) => signYear(ctx, (ctx.request.params as YP).year, ctx.request.body as any)),
  );

  app.post(
    `${base}/:year/phase`,
    { schema: { tags, summary: 'Naar de volgende fase: audit, verantwoording aan de raad', params: S.YearParams, body: S.PhaseBody, response: { 200: S.YearDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, A['assessments.manage'], (ctx) => advancePhase(ctx, (ctx.request.params as YP).year, (ctx.request.body as { phase: 'audit' | 'verantwoording' }).phase)),
  );

  app.get(
    `${base}/:year/snapshot`,
    { schema: { tags, summary: 'De bij ondertekening bevroren stand, met hash', params: S.YearParams, response: { 200: z.object({ snapshotHash: z.string(), snapshot: z.record(z.string(), z.unknown()) }), ...problems(401, 403, 404) } } },
    inOrganisation(deps, A['assessments.read'], (ctx) => getSnapshot(ctx, (ctx.request.params as YP).year)),
  );

  app.get(
    `${base}/:year/diff`,
    { schema: { tags, summary: 'Wat verbeterde en wat terugliep ten opzichte van een ander jaar', params: S.YearParams, querystring: S.DiffQuery, response: { 200: S.DiffDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, A['assessments.read'], (ctx) => diffYears(ctx, (ctx.request.params as YP).year, (ctx.request.query as { against: number }).against)),
  );

  app.get(
    '/organisations/:org/compliance-overview',
    {
      schema: {
        tags,
        summary: 'Overzicht voor een CSIRT of veiligheidsregio: voortgang per aangesloten gemeente en raamwerk (alleen de aantallen)',
        params: OrgParams,
        querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: { 200: S.OverviewDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, A['compliance.overview'], (ctx) => complianceOverview(ctx, (ctx.request.query as { year: number }).year)),
  );
}
