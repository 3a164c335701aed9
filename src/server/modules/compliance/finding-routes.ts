import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { problems } from '../../core/http/schemas.js';
import { A } from './assessment-policies.js';
import * as S from './finding-schemas.js';
import { createFinding, listFindings, updateFinding } from './findings.js';

const tags = ['verantwoordingsjaren'];
type Params = { year: number; findingId: string };

export async function findingRoutes(app: App, deps: Deps) {
  app.get(
    '/organisations/:org/assessment-years/:year/findings',
    { schema: { tags, summary: 'Auditbevindingen van een jaar, met de actie die eruit volgt', params: S.YearParams, response: { 200: S.FindingList, ...problems(401, 403, 404) } } },
    inOrganisation(deps, A['assessments.read'], (ctx) => listFindings(ctx, (ctx.request.params as Params).year)),
  );
  app.post(
    '/organisations/:org/assessment-years/:year/findings',
    {
      schema: {
        tags,
        summary: 'Auditbevinding vastleggen (auditor, in de auditfase); er ontstaat meteen een actie',
        params: S.YearParams,
        body: S.CreateFindingBody,
        response: { 201: S.FindingDto, ...problems(400, 401, 403, 404, 409) },
      },
    },
    inOrganisation(deps, A['assessments.audit'], async (ctx) => {
      const out = await createFinding(ctx, (ctx.request.params as Params).year, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.patch(
    '/organisations/:org/assessment-years/:year/findings/:findingId',
    { schema: { tags, summary: 'Auditbevinding wijzigen (tijdens de auditfase)', params: S.FindingParams, body: S.UpdateFindingBody, response: { 200: S.FindingDto, ...problems(400, 401, 403, 404, 409) } } },
    inOrganisation(deps, A['assessments.audit'], (ctx) => {
      const p = ctx.request.params as Params;
      return updateFinding(ctx, p.year, p.findingId, ctx.request.body as any);
    }),
  );
}
