import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { App, Deps } from '../../core/http/pipeline.js';
import { asUser } from '../../core/http/pipeline.js';
import { problems } from '../../core/http/schemas.js';
import { frameworks, mappingSets, requirements } from '../../core/db/schema.js';
import { notFound } from '../../core/http/problem.js';
import { rowsOf } from '../../core/db/rows.js';
import * as S from './library-schemas.js';
import { importPackage } from './import-package.js';
import { PROCUREMENT_KIND } from './package.js';

const tags = ['bibliotheek'];

const summaryColumns = {
  id: frameworks.id,
  version: frameworks.version,
  name: frameworks.name,
  title: frameworks.title,
  provider: frameworks.provider,
  licence: frameworks.licence,
  attribution: frameworks.attribution,
  language: frameworks.language,
  description: frameworks.description,
  origin: frameworks.origin,
  requirementCount: sql<number>`(select count(*)::int from requirements r where r.framework_id = "frameworks"."id" and r.assessable and r.status = 'active')`,
};

/** Frameworks, not procurement requirement sets (those are answered per supplier, see the suppliers module). */
const isFramework = ne(frameworks.kind, PROCUREMENT_KIND);

/** The shared library: every signed-in user reads it; only an installation administrator imports. */
export async function libraryRoutes(app: App, deps: Deps) {
  app.get(
    '/frameworks',
    { schema: { tags, summary: 'Raamwerken in de bibliotheek (BIO2, Cbw/NIS2, AVG, ISO 27001 bijlage A, …)', response: { 200: S.FrameworkList, ...problems(401) } } },
    asUser(deps, async ({ tx }) => ({ items: (await tx.select(summaryColumns).from(frameworks).where(isFramework).orderBy(asc(frameworks.name))) as any })),
  );

  app.get(
    '/frameworks/:frameworkId',
    { schema: { tags, summary: 'Eén raamwerk met al zijn eisen, in volgorde', params: S.FrameworkParams, response: { 200: S.FrameworkDetail, ...problems(401, 404) } } },
    asUser(deps, async ({ tx, request }) => {
      const { frameworkId } = request.params as { frameworkId: string };
      const [f] = await tx.select(summaryColumns).from(frameworks).where(and(eq(frameworks.id, frameworkId), isFramework));
      if (!f) throw notFound();
      const reqs = await tx
        .select({
          id: requirements.id,
          ref: requirements.ref,
          parentRef: requirements.parentRef,
          title: requirements.title,
          description: requirements.description,
          assessable: requirements.assessable,
          status: requirements.status,
          replacedBy: requirements.replacedBy,
          isoControl: requirements.isoControl,
          cbwScope: requirements.cbwScope,
          legalReference: requirements.legalReference,
        })
        .from(requirements)
        .where(eq(requirements.frameworkId, frameworkId))
        .orderBy(asc(requirements.position));
      return { ...(f as any), requirements: reqs as any };
    }),
  );

  app.get(
    '/mapping-sets',
    { schema: { tags, summary: 'Koppeltabellen tussen raamwerken', response: { 200: S.MappingSetList, ...problems(401) } } },
    asUser(deps, async ({ tx }) => ({
      items: rowsOf<any>(
        await tx.execute(sql`
          select s.id, s.version, s.title, s.provider, s.licence, s.description, s.source_framework_id as source,
                 s.target_framework_id as target, s.generated, (select count(*)::int from mappings m where m.mapping_set_id = s.id) as "rowCount"
          from mapping_sets s order by s.id`),
      ),
    })),
  );

  app.get(
    '/mapping-sets/:mappingSetId',
    { schema: { tags, summary: 'Eén koppeltabel met alle regels en hun onderbouwing', params: S.MappingSetParams, response: { 200: S.MappingSetDetail, ...problems(401, 404) } } },
    asUser(deps, async ({ tx, request }) => {
      const { mappingSetId } = request.params as { mappingSetId: string };
      const [set] = await tx.select().from(mappingSets).where(eq(mappingSets.id, mappingSetId));
      if (!set) throw notFound();
      const rows = rowsOf<{ source: string; target: string; relationship: string; strength: number; rationale: string }>(
        await tx.execute(sql`
          select s.ref as source, t.ref as target, m.relationship, m.strength::int as strength, m.rationale
          from mappings m join requirements s on s.id = m.source_id join requirements t on t.id = m.target_id
          where m.mapping_set_id = ${mappingSetId} order by s.position, t.position`),
      );
      return {
        id: set.id,
        version: set.version,
        title: set.title as any,
        provider: set.provider,
        licence: set.licence,
        description: set.description,
        source: set.sourceFrameworkId,
        target: set.targetFrameworkId,
        generated: set.generated,
        rowCount: rows.length,
        rows,
      };
    }),
  );

  app.post(
    '/library/import',
    {
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Raamwerk of koppeltabel importeren (installatiebeheer): eerst ?mode=preview, dan ?mode=import — alles of niets',
        querystring: S.ImportQuery,
        response: { 200: S.ImportResult, ...problems(400, 401, 403, 413) },
      },
    },
    asUser(deps, async ({ tx, audit, request }) => importPackage(tx, audit, request.body, (request.query as { mode: 'preview' | 'import' }).mode), {
      installationAdmin: true,
    }),
  );
}
