import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { problems } from '../../core/http/schemas.js';
import { P } from './policies.js';
import * as S from './procurement-schemas.js';
import { getSupplierProcurement, listSets, putAnswers, type AnswerInput } from './procurement.js';

const tags = ['leveranciers'];
type Params = { supplierId: string; setId: string };

/** Harmonised procurement requirements: the sets in the library, and a supplier's answers per set. */
export async function procurementRoutes(app: App, deps: Deps): Promise<void> {
  app.get(
    '/organisations/:org/procurement-sets',
    {
      schema: {
        tags,
        summary: 'Sets geharmoniseerde inkoopeisen in de bibliotheek (per leverancier te beantwoorden)',
        params: S.SetsParams,
        response: { 200: S.ProcurementSetList, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, P['suppliers.read'], (ctx) => listSets(ctx)),
  );

  app.get(
    '/organisations/:org/suppliers/:supplierId/procurement/:setId',
    {
      schema: {
        tags,
        summary: 'De antwoorden van een leverancier op een set inkoopeisen, in de volgorde van de set (hoofdstukken zonder antwoord), met telling',
        params: S.ProcurementParams,
        response: { 200: S.SupplierProcurementDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['suppliers.read'], (ctx) => {
      const { supplierId, setId } = ctx.request.params as Params;
      return getSupplierProcurement(ctx, supplierId, setId);
    }),
  );

  app.put(
    '/organisations/:org/suppliers/:supplierId/procurement/:setId/answers',
    {
      // 500 answers with a full note each are more than the default 1 MiB
      bodyLimit: 2 * 1024 * 1024,
      schema: {
        tags,
        summary: `Antwoorden vastleggen (1 tot ${S.MAX_ANSWERS}, alles of niets): voldoet, voldoet_deels, voldoet_niet, niet_van_toepassing of onbekend, met toelichting en bron`,
        params: S.ProcurementParams,
        body: S.PutAnswersBody,
        response: { 200: S.SupplierProcurementDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, P['suppliers.manage'], (ctx) => {
      const { supplierId, setId } = ctx.request.params as Params;
      return putAnswers(ctx, supplierId, setId, (ctx.request.body as { answers: AnswerInput[] }).answers);
    }),
  );
}
