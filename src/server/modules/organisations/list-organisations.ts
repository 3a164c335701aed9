import { sql } from 'drizzle-orm';
import type { Database } from '../../core/db/client.js';
import type { Principal } from '../../core/auth/principal.js';
import { rowsOf } from '../../core/db/rows.js';

export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
  kind: string;
  access: 'member' | 'connected' | 'installation';
}

/**
 * The organisations the caller may see: their own (member), the gemeenten connected to a CSIRT
 * they work at (connected), and for an installation administrator all others (installation).
 */
export async function listVisibleOrganisations(database: Database, p: Principal): Promise<OrganisationSummary[]> {
  const member: OrganisationSummary[] = p.memberships.map((m) => ({ id: m.organisationId, slug: m.slug, name: m.name, kind: m.kind, access: 'member' }));
  const seen = new Set(member.map((m) => m.id));
  const csirtIds = p.memberships.filter((m) => m.kind === 'csirt').map((m) => m.organisationId);
  const extra: OrganisationSummary[] = [];
  if (p.isInstallationAdmin) {
    const all = rowsOf<Omit<OrganisationSummary, 'access'>>(
      await database.db.execute(sql`select id, slug, name, kind from organisations order by name`),
    );
    const connected = new Set(
      csirtIds.length
        ? rowsOf<{ id: string }>(
            await database.db.execute(sql`select organisation_id as id from organisation_links where kind = 'csirt' and target_id in ${csirtIds}`),
          ).map((r) => r.id)
        : [],
    );
    for (const o of all) if (!seen.has(o.id)) extra.push({ ...o, access: connected.has(o.id) ? 'connected' : 'installation' });
  } else if (csirtIds.length) {
    const rows = rowsOf<Omit<OrganisationSummary, 'access'>>(
      await database.db.execute(sql`
        select o.id, o.slug, o.name, o.kind from organisation_links l join organisations o on o.id = l.organisation_id
        where l.kind = 'csirt' and l.target_id in ${csirtIds} order by o.name`),
    );
    for (const o of rows) if (!seen.has(o.id)) extra.push({ ...o, access: 'connected' });
  }
  return [...member, ...extra];
}
