import { and, asc, eq } from 'drizzle-orm';
import type { Tx } from '../../core/db/client.js';
import type { OrgContext } from '../../core/http/pipeline.js';
import { organisationLinks, organisations } from '../../core/db/schema.js';
import { forbidden } from '../../core/http/problem.js';

/**
 * The gemeenten connected to a CSIRT or veiligheidsregio (organisation_links), by name: the only
 * organisations whose rows the views across gemeenten may read. Other kinds of viewer get 403.
 */
export async function linkedGemeenten(tx: Tx, viewer: OrgContext): Promise<{ id: string; slug: string; name: string }[]> {
  if (viewer.kind !== 'csirt' && viewer.kind !== 'veiligheidsregio')
    throw forbidden('Dit overzicht is er voor een CSIRT of veiligheidsregio, over de gemeenten die bij haar zijn aangesloten.');
  return tx
    .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
    .from(organisationLinks)
    .innerJoin(organisations, eq(organisations.id, organisationLinks.organisationId))
    .where(and(eq(organisationLinks.targetId, viewer.id), eq(organisations.kind, 'gemeente')))
    .orderBy(asc(organisations.name));
}
