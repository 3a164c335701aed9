import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { systemTx, tenantTx, type Database } from '../core/db/client.js';
import { rowsOf } from '../core/db/rows.js';
import { memberships, organisations, users } from '../core/db/schema.js';
import { AuditLog } from '../core/audit/audit.js';
import { createYear } from '../modules/compliance/assessment-years.js';
import { bulkUpdate } from '../modules/compliance/assessments.js';
import { updateArrangement } from '../modules/suppliers/joint-arrangements.js';
import { putSharedStatus } from '../modules/suppliers/shared-status.js';
import { seedCtx } from './context.js';

/*
 * The regional ICT organisation as an organisation in Weerbaar: "GR Kustland ICT", a samenwerkingsverband
 * with the demo administrator as admin and its own (fictional) CISO. The three gemeenten's joint
 * arrangement "ICT Samenwerking Kustland" links to it; it shares a disrupted status and its compliance
 * progress (a 2026 year with BIO2 and the Cbw duty of care, about two thirds voldoet).
 */

export const GR_SLUG = 'gr-kustland-ict';
export const GR_NAME = 'GR Kustland ICT';
export const GR_CISO = `ciso@${GR_SLUG}.example`;
const ARRANGEMENT = 'ICT Samenwerking Kustland';
const DEMO_ADMIN = 'admin@weerbaar.example';

const roll = (key: string) => crypto.createHash('sha256').update(key).digest()[0] / 256;

export async function seedSharing(database: Database) {
  const made = await systemTx(database, async (tx) => {
    const [admin] = await tx.select().from(users).where(eq(users.email, DEMO_ADMIN));
    if (!admin) return null;
    const audit = new AuditLog({ type: 'system', id: null, label: 'demodataset' }, null);
    const [gr] = await tx.insert(organisations).values({ slug: GR_SLUG, name: GR_NAME, kind: 'samenwerkingsverband' }).returning();
    audit.record({ organisationId: gr.id, entityType: 'organisation', entityId: gr.id, action: 'create', after: { slug: GR_SLUG, name: GR_NAME, kind: 'samenwerkingsverband' } });
    // the demo password, as the other demo accounts have it
    const [ciso] = await tx.insert(users).values({ email: GR_CISO, name: `CISO ${GR_NAME}`, passwordHash: admin.passwordHash }).returning();
    audit.record({ organisationId: null, entityType: 'user', entityId: ciso.id, action: 'create', after: { email: GR_CISO, name: ciso.name, isInstallationAdmin: false } });
    for (const [u, email, roles] of [
      [admin, DEMO_ADMIN, ['admin']],
      [ciso, GR_CISO, ['ciso']],
    ] as const) {
      await tx.insert(memberships).values({ organisationId: gr.id, userId: u.id, roles: [...roles] });
      audit.record({ organisationId: gr.id, entityType: 'membership', entityId: u.id, action: 'create', after: { email, roles } });
    }
    await audit.flush(tx);
    return { gr, ciso };
  });
  if (!made) return;
  const { gr, ciso } = made;
  const linked = { id: gr.id, slug: gr.slug, name: gr.name };

  // the gemeenten's arrangement with the ICT organisation links to it
  const gemeenten = rowsOf<{ id: string; slug: string; name: string; ciso: string | null }>(
    await database.db.execute(sql`
      select o.id, o.slug, o.name, (select u.id from users u where u.email = 'ciso@' || o.slug || '.example') as ciso
      from organisations o where o.kind = 'gemeente' order by o.slug`),
  );
  for (const g of gemeenten) {
    if (!g.ciso) continue;
    await tenantTx(database, { organisationId: g.id, userId: g.ciso }, async (tx) => {
      const ctx = seedCtx(tx, g, g.ciso!, 'demodataset', ['ciso']);
      const [arrangement] = rowsOf<{ id: string }>(await tx.execute(sql`select id from joint_arrangements where organisation_id = ${g.id} and name = ${ARRANGEMENT} order by created_at limit 1`));
      if (arrangement) await updateArrangement(ctx, arrangement.id, {}, linked);
      await ctx.audit.flush(tx);
    });
  }

  // its own compliance picture, to share
  const frameworks = rowsOf<{ id: string }>(await database.db.execute(sql`select id from frameworks where kind = 'framework'`)).map((f) => f.id);
  const scope = ['weerbaar:bio2', 'weerbaar:cbw-nis2'].filter((f) => frameworks.includes(f));
  if (scope.length) {
    await tenantTx(database, { organisationId: gr.id, userId: ciso.id }, async (tx) => {
      const ctx = seedCtx(tx, gr, ciso.id, 'demodataset', ['ciso']);
      await createYear(ctx, { year: 2026, frameworks: scope });
      const rows = rowsOf<{ id: string; ref: string; framework: string }>(
        await tx.execute(sql`select a.requirement_id as id, r.ref, a.framework_id as framework from requirement_assessments a
                             join requirements r on r.id = a.requirement_id join assessment_years y on y.id = a.year_id
                             where y.organisation_id = ${gr.id} and y.year = 2026`),
      );
      const groups = new Map<string, string[]>();
      for (const r of rows) {
        const x = roll(`${GR_SLUG}:${r.framework}:${r.ref}`);
        const result = x < 0.65 ? 'voldoet' : x < 0.85 ? 'voldoet_deels' : x < 0.95 ? 'voldoet_niet' : null;
        if (result) groups.set(result, [...(groups.get(result) ?? []), r.id]);
      }
      for (const [result, ids] of groups) await bulkUpdate(ctx, 2026, ids, { result });
      await ctx.audit.flush(tx);
    });
  }

  // the shared status: disrupted, with compliance shared (notifies the gemeenten's CISOs)
  await putSharedStatus(
    database,
    { id: gr.id, slug: gr.slug, name: gr.name, kind: 'samenwerkingsverband', roles: ['ciso'], access: 'member' },
    ciso.id,
    new AuditLog({ type: 'system', id: null, label: 'demodataset' }, null),
    {
      status: 'verstoord',
      message:
        'Storing in het centrale netwerk van het datacenter sinds vanochtend 07.30 uur: werkplekken werken, het zaaksysteem en de burgerzakenkoppelingen zijn traag of niet bereikbaar. Verwachte oplossing vanmiddag; volgende update om 12.00 uur.',
      shareCompliance: true,
    },
  );
}
