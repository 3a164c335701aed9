import type { App, Deps } from '../../core/http/pipeline.js';
import { asUser } from '../../core/http/pipeline.js';
import { NoContent, problems } from '../../core/http/schemas.js';
import { InboxPage, InboxQuery, NoticeParams } from './schemas.js';
import { listInbox, markAllRead, markRead } from './inbox.js';

const tags = ['inbox'];

export async function inboxRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/inbox',
    { schema: { tags, summary: 'Mijn berichten (herinneringen en meldingen) uit al mijn organisaties, nieuwste eerst', querystring: InboxQuery, response: { 200: InboxPage, ...problems(400, 401) } } },
    asUser(deps, (ctx) => listInbox(ctx, ctx.request.query as any)),
  );
  app.post(
    '/inbox/read-all',
    { schema: { tags, summary: 'Alle berichten als gelezen markeren', response: { 204: NoContent, ...problems(401) } } },
    asUser(deps, async (ctx) => {
      await markAllRead(ctx);
      ctx.reply.code(204);
      return null;
    }),
  );
  app.post(
    '/inbox/:id/read',
    { schema: { tags, summary: 'Eén bericht als gelezen markeren', params: NoticeParams, response: { 204: NoContent, ...problems(401, 404) } } },
    asUser(deps, async (ctx) => {
      await markRead(ctx, (ctx.request.params as { id: string }).id);
      ctx.reply.code(204);
      return null;
    }),
  );
}
