import { z } from 'zod';
import { sql } from 'drizzle-orm';
import type { App, Deps } from '../../core/http/pipeline.js';
import { renderApiReference } from './api-reference.js';

export const VERSION = '0.1.0';

export async function systemRoutes(app: App, deps: Deps) {
  app.get(
    '/health',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['systeem'],
        summary: 'Gezondheid van server en database',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgresql']), version: z.string(), demo: z.boolean() }) },
      },
    },
    async () => {
      await deps.database.db.execute(sql`select 1`);
      return { status: 'ok' as const, database: deps.database.engine, version: VERSION, demo: deps.config.demo };
    },
  );

  app.get('/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, async () => app.swagger());

  app.get('/docs', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type('text/html; charset=utf-8');
    return renderApiReference(app.swagger() as any);
  });
  app.get('/docs.css', { config: { auth: 'public' }, schema: { hide: true } }, async (_request, reply) => {
    reply.type('text/css; charset=utf-8');
    return DOCS_CSS;
  });
}

const DOCS_CSS = `body{font-family:system-ui,sans-serif;max-width:70rem;margin:0 auto;padding:1rem 2rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.8rem}h2{border-bottom:2px solid #2b4a7a;padding-bottom:.2rem;margin-top:2.5rem}
.op{border:1px solid #ccc;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}
.m{display:inline-block;min-width:4.5rem;font-weight:bold;color:#fff;background:#2b4a7a;padding:0 .4rem;border-radius:3px;text-align:center}
.m.post{background:#1d6b3a}.m.delete{background:#9b1c1c}.m.patch,.m.put{background:#7a4b00}
code{font-size:.95rem}pre{background:#f4f4f4;padding:.5rem;overflow:auto;font-size:.85rem}
details summary{cursor:pointer}`;
