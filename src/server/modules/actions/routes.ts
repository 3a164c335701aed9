import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { OrgParams, problems } from '../../core/http/schemas.js';
import { P } from './policies.js';
import * as S from './schemas.js';
import { createAction, getAction, listActions, updateAction } from './manage-actions.js';

const tags = ['acties'];
type Params = { actionId: string };

export async function actionRoutes(app: App, deps: Deps) {
  app.get(
    '/organisations/:org/actions',
    { schema: { tags, summary: 'Acties (uit auditbevindingen of handmatig), open eerst op streefdatum', params: OrgParams, querystring: S.ActionQuery, response: { 200: S.ActionList, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['actions.read'], (ctx) => listActions(ctx, ctx.request.query as any)),
  );
  app.post(
    '/organisations/:org/actions',
    { schema: { tags, summary: 'Actie vastleggen', params: OrgParams, body: S.CreateActionBody, response: { 201: S.ActionDto, ...problems(400, 401, 403, 404) } } },
    inOrganisation(deps, P['actions.manage'], async (ctx) => {
      const out = await createAction(ctx, { ...(ctx.request.body as any), sourceType: 'handmatig' });
      ctx.reply.code(201);
      return out;
    }),
  );
  app.get(
    '/organisations/:org/actions/:actionId',
    { schema: { tags, summary: 'Eén actie', params: S.ActionParams, response: { 200: S.ActionDto, ...problems(401, 403, 404) } } },
    inOrganisation(deps, P['actions.read'], (ctx) => getAction(ctx, (ctx.request.params as Params).actionId)),
  );
  app.patch(
    '/organisations/:org/actions/:actionId',
    {
      schema: {
        tags,
        summary: 'Actie bijwerken (beheerders alles; de eigenaar alleen status en toelichting)',
        params: S.ActionParams,
        body: S.UpdateActionBody,
        response: { 200: S.ActionDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['actions.read'], (ctx) => updateAction(ctx, (ctx.request.params as Params).actionId, ctx.request.body as any)),
  );
}
