import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { NoContent, OrgParams, problems } from '../../core/http/schemas.js';
import { P } from './measure-policies.js';
import * as S from './measure-schemas.js';
import { createMeasure, deleteMeasure, getMeasure, listMeasures, updateMeasure } from './manage-measures.js';
import { deriveCoverage } from './derive-coverage.js';

const tags = ['maatregelen'];

export async function measureRoutes(app: App, deps: Deps) {
  app.get(
    '/organisations/:org/measures',
    { schema: { tags, summary: 'Maatregelen van de organisatie (zoeken, filteren, bladeren)', params: OrgParams, querystring: S.MeasureQuery, response: { 200: S.MeasureList, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['measures.read'], (ctx) => listMeasures(ctx, ctx.request.query as any)),
  );
  app.post(
    '/organisations/:org/measures',
    { schema: { tags, summary: 'Maatregel vastleggen, met de eisen die hij beantwoordt', params: OrgParams, body: S.CreateMeasureBody, response: { 201: S.MeasureDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['measures.manage'], async (ctx) => {
      const out = await createMeasure(ctx, ctx.request.body as any);
      ctx.reply.code(201);
      return out;
    }),
  );
  app.get(
    '/organisations/:org/measures/:measureId',
    { schema: { tags, summary: 'Eén maatregel', params: S.MeasureParams, response: { 200: S.MeasureDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['measures.read'], (ctx) => getMeasure(ctx, (ctx.request.params as { measureId: string }).measureId)),
  );
  app.patch(
    '/organisations/:org/measures/:measureId',
    { schema: { tags, summary: 'Maatregel wijzigen (requirements vervangt alle koppelingen)', params: S.MeasureParams, body: S.UpdateMeasureBody, response: { 200: S.MeasureDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['measures.manage'], (ctx) => updateMeasure(ctx, (ctx.request.params as { measureId: string }).measureId, ctx.request.body as any)),
  );
  app.delete(
    '/organisations/:org/measures/:measureId',
    { schema: { tags, summary: 'Maatregel verwijderen', params: S.MeasureParams, response: { 204: NoContent, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['measures.manage'], async (ctx) => {
      await deleteMeasure(ctx, (ctx.request.params as { measureId: string }).measureId);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.get(
    '/organisations/:org/frameworks/:frameworkId/coverage',
    {
      schema: {
        tags,
        summary: 'Afgeleide naleving per eis: welke maatregelen, direct of via welke koppeltabel, volledig of deels',
        params: S.CoverageParams,
        response: { 200: S.CoverageDto, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, P['measures.read'], (ctx) => deriveCoverage(ctx, (ctx.request.params as { frameworkId: string }).frameworkId)),
  );
}
