import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { OrgParams, problems } from '../../core/http/schemas.js';
import { E } from './evidence-policies.js';
import { AttentionDto } from './evidence-schemas.js';
import { attentionList } from './attention.js';

export async function attentionRoutes(app: App, deps: Deps) {
  app.get(
    '/organisations/:org/compliance/attention',
    {
      schema: {
        tags: ['verantwoording (ENSIA)'],
        summary: 'Aandacht nodig: verlopen of bijna verlopen bewijs, maatregelen met een falende controle, te late beoordelingen en acties, en wettelijke meldtermijnen van incidenten (verstreken of binnen 24 uur)',
        params: OrgParams,
        response: { 200: AttentionDto, ...problems(401, 403, 404) },
      },
    },
    inOrganisation(deps, E['compliance.attention'], (ctx) => attentionList(ctx)),
  );
}
