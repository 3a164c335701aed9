import { sql } from 'drizzle-orm';
import { tenantTx, type Database } from '../core/db/client.js';
import { rowsOf } from '../core/db/rows.js';
import { createDependency } from '../modules/dependencies/manage-dependencies.js';
import { seedCtx } from './context.js';

type Ref = { type: 'asset' | 'supplier' | 'joint_arrangement'; name: string };
const A = (name: string): Ref => ({ type: 'asset', name });
const S = (name: string): Ref => ({ type: 'supplier', name });
const J = (name: string): Ref => ({ type: 'joint_arrangement', name });

/** "from depends on to": the chains a CISO recognises, ending at the shared hosting party and the OT supplier. */
const EDGES: [Ref, string, Ref][] = [
  [A('Paspoorten en rijbewijzen'), 'gebruikt', A('iBurgerzaken')],
  [A('Burgerzaken: aangifte geboorte en overlijden'), 'gebruikt', A('iBurgerzaken')],
  [A('iBurgerzaken'), 'geleverd_door', S('Burgerzaken Online B.V.')],
  [A('iBurgerzaken'), 'gebruikt', A('Basisregistratie Personen (BRP)')],
  [S('Burgerzaken Online B.V.'), 'gehost_bij', S('Kustnet Datacenters B.V.')],
  [A('Uitkeringen verstrekken (Participatiewet)'), 'gebruikt', A('Suite4SociaalDomein')],
  [A('Uitkeringen verstrekken (Participatiewet)'), 'uitbesteed_aan', J('Sociale Dienst Kust')],
  [A('Jeugdhulp en Wmo-voorzieningen'), 'gebruikt', A('Suite4SociaalDomein')],
  [A('Suite4SociaalDomein'), 'gebruikt', A('Cliëntdossiers sociaal domein')],
  [A('Suite4SociaalDomein'), 'draait_op', A('Virtualisatieplatform')],
  [A('Vergunningen (omgevingswet)'), 'gebruikt', A('Open Zaak')],
  [A('Vergunningen (omgevingswet)'), 'gebruikt', A('Open Formulieren')],
  [A('Open Zaak'), 'draait_op', A('Applicatieservers Windows')],
  [A('Open Formulieren'), 'gehost_bij', S('Kustnet Datacenters B.V.')],
  [A('Applicatieservers Windows'), 'draait_op', A('Virtualisatieplatform')],
  [A('Virtualisatieplatform'), 'gehost_bij', S('Kustnet Datacenters B.V.')],
  [A('Virtualisatieplatform'), 'uitbesteed_aan', S('ICT Samenwerking Kustland')],
  [A('E-mail (Exchange)'), 'uitbesteed_aan', S('ICT Samenwerking Kustland')],
  [A('Afvalinzameling'), 'gebruikt', A('Route- en containerregistratie afval')],
  [A('Route- en containerregistratie afval'), 'gehost_bij', S('Kustnet Datacenters B.V.')],
  [A('Waterkering en gemalen bedienen'), 'gebruikt', A('SCADA bediening bruggen en gemalen')],
  [A('SCADA bediening bruggen en gemalen'), 'geleverd_door', S('Polderflow Automation B.V.')],
  [A('SCADA bediening bruggen en gemalen'), 'afhankelijk_van', A('Firewall en VPN-gateway')],
  [A('Firewall en VPN-gateway'), 'uitbesteed_aan', S('ICT Samenwerking Kustland')],
];

/**
 * The demo's dependency graph, per gemeente: processes → applications → systems → suppliers, the
 * shared hosting party at the bottom, and the OT (bridge, pumping station, lock) on the SCADA chain.
 */
export async function seedGraph(database: Database) {
  const gemeenten = rowsOf<{ id: string; slug: string; name: string; ciso: string | null }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name, (select u.id from users u where u.email = 'ciso@' || o.slug || '.example') as ciso
      from organisations o where o.kind = 'gemeente' order by o.slug`),
  );
  for (const g of gemeenten) {
    if (!g.ciso) continue;
    await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
      const nodes = rowsOf<{ type: Ref['type']; id: string; name: string; ot: string | null }>(
        await tx.execute(sql`
          select 'asset' as type, id, name, ot_type as ot from assets where organisation_id = ${g.id}
          union all select 'supplier', id, name, null from suppliers where organisation_id = ${g.id}
          union all select 'joint_arrangement', id, name, null from joint_arrangements where organisation_id = ${g.id}`),
      );
      const find = (r: Ref) => nodes.find((n) => n.type === r.type && n.name === r.name);
      const ctx = seedCtx(tx, g, g.ciso!, 'demodataset', ['ciso']);
      const edges = [...EDGES];
      // the OT objects (bridge, pumping station, lock) are operated through the SCADA chain
      for (const ot of nodes.filter((n) => n.type === 'asset' && n.ot && n.ot !== 'verkeersregeling')) {
        edges.push([A(ot.name), 'afhankelijk_van', A('SCADA bediening bruggen en gemalen')]);
        edges.push([A('Waterkering en gemalen bedienen'), 'gebruikt', A(ot.name)]);
      }
      for (const [from, kind, to] of edges) {
        const f = find(from);
        const t = find(to);
        if (!f || !t) throw new Error(`demo graph: ${!f ? from.name : to.name} bestaat niet in ${g.slug}`);
        await createDependency(ctx, { from: { type: f.type, id: f.id }, to: { type: t.type, id: t.id }, kind, note: '' });
      }
      await ctx.audit.flush(tx);
    });
  }
}
