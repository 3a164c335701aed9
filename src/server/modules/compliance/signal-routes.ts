import type { FastifyRequest } from 'fastify';
import type { App, Deps } from '../../core/http/pipeline.js';
import { inOrganisation } from '../../core/http/pipeline.js';
import { OrgParams, problems } from '../../core/http/schemas.js';
import { E } from './evidence-policies.js';
import * as S from './evidence-schemas.js';
import { measureSignals, recordSignals, type SignalInput } from './signals.js';

const tags = ['signalen'];

/** One observation may be sent on its own; it is validated as a list of one. */
async function asBatch(request: FastifyRequest) {
  const b = request.body;
  if (b && typeof b === 'object' && !Array.isArray(b) && !('signals' in b)) request.body = { signals: [b] };
}

export async function signalRoutes(app: App, deps: Deps) {
  app.post(
    '/organisations/:org/signals',
    {
      schema: {
        tags,
        summary: 'Automatische waarnemingen vastleggen tegen maatregelen (scanner, monitoring; met een API-token). Alles of niets.',
        params: OrgParams,
        body: S.SignalBatch,
        response: { 201: S.RecordedDto, ...problems(400, 401, 403, 404) },
      },
      preValidation: asBatch,
    },
    inOrganisation(deps, E['signals.record'], async (ctx) => {
      const out = await recordSignals(ctx, (ctx.request.body as { signals: SignalInput[] }).signals);
      ctx.reply.code(201);
      return out;
    }),
  );

  app.get(
    '/organisations/:org/measures/:measureId/signals',
    {
      schema: {
        tags,
        summary: 'Signalen van een maatregel: de laatste stand per controle en de geschiedenis',
        params: S.MeasureTargetParams,
        querystring: S.SignalsQuery,
        response: { 200: S.SignalsDto, ...problems(400, 401, 403, 404) },
      },
    },
    inOrganisation(deps, E['evidence.read'], (ctx) =>
      measureSignals(ctx, (ctx.request.params as { measureId: string }).measureId, (ctx.request.query as { limit: number }).limit),
    ),
  );
}
