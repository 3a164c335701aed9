import type { OrgCtx } from '../../core/http/pipeline.js';
import { forbidden } from '../../core/http/problem.js';

/** The CSIRT side is for an organisation of kind csirt; a gemeente (even its administrator) gets 403. */
export function requireCsirtOrg(ctx: OrgCtx) {
  if (ctx.org.kind !== 'csirt') throw forbidden('Deze inbox is er voor een CSIRT: de meldingen die de aangesloten gemeenten sturen.');
}

/** Who did it, by name, as the thread and the acknowledgement show it. */
export const nameOf = (ctx: OrgCtx) => ctx.principal.name ?? ctx.principal.email;
