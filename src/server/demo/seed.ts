import { sql } from 'drizzle-orm';
import { systemTx, type Database } from '../core/db/client.js';
import { memberships, organisationLinks, organisations, users } from '../core/db/schema.js';
import { hashPassword } from '../core/auth/passwords.js';
import { AuditLog } from '../core/audit/audit.js';
import { rowsOf } from '../core/db/rows.js';
import { seedCompliance } from './compliance-seed.js';
import { seedActions } from './actions-seed.js';
import { seedSuppliers } from './suppliers-seed.js';
import { seedAssets } from './assets-seed.js';
import { seedGraph } from './graph-seed.js';
import { seedProcurement } from './procurement-seed.js';
import { seedSharing } from './sharing-seed.js';
import { seedRisks } from './risks-seed.js';
import { seedIncidents } from './incidents-seed.js';

/** Fictional demo data. The password exists only in demo mode. */
export const DEMO_PASSWORD = 'weerbaar-demo';
export const DEMO_ADMIN = 'admin@weerbaar.example';

const GEMEENTEN = [
  { slug: 'zuidhaven', name: 'Gemeente Zuidhaven' },
  { slug: 'noorderveld', name: 'Gemeente Noorderveld' },
  { slug: 'oostbroek', name: 'Gemeente Oostbroek' },
];

const PEOPLE: { local: string; name: string; roles: string[] }[] = [
  { local: 'ciso', name: 'CISO', roles: ['ciso'] },
  { local: 'fg', name: 'Functionaris gegevensbescherming', roles: ['privacy'] },
  { local: 'oov', name: 'Adviseur OOV', roles: ['oov'] },
  { local: 'burgemeester', name: 'Burgemeester', roles: ['bestuurder'] },
  { local: 'raad', name: 'Raadslid', roles: ['raad'] },
  { local: 'auditor', name: 'Auditor', roles: ['auditor'] },
];

export type DemoState = 'loaded' | 'already-loaded';

/**
 * Loads the demo dataset once. Refuses a database that already holds other data, so demo accounts
 * with a known password never end up in a real installation.
 */
export async function loadDemo(database: Database): Promise<DemoState> {
  const existing = rowsOf<{ email: string }>(await database.db.execute(sql`select email from users order by (email = ${DEMO_ADMIN}) desc limit 1`));
  if (existing.length > 0) {
    if (existing[0].email === DEMO_ADMIN) return 'already-loaded';
    throw new Error('Deze database bevat al andere gegevens; de demodataset wordt alleen in een lege database geladen.');
  }
  const hash = await hashPassword(DEMO_PASSWORD);
  await systemTx(database, async (tx) => {
    const audit = new AuditLog({ type: 'system', id: null, label: 'demodataset' }, null);
    const org = async (slug: string, name: string, kind: string) => {
      const [o] = await tx.insert(organisations).values({ slug, name, kind }).returning();
      audit.record({ organisationId: o.id, entityType: 'organisation', entityId: o.id, action: 'create', after: { slug, name, kind } });
      return o;
    };
    const user = async (email: string, name: string, isInstallationAdmin = false) => {
      const [u] = await tx.insert(users).values({ email, name, passwordHash: hash, isInstallationAdmin }).returning();
      audit.record({ organisationId: null, entityType: 'user', entityId: u.id, action: 'create', after: { email, name, isInstallationAdmin } });
      return u;
    };
    const member = async (organisationId: string, userId: string, email: string, roles: string[]) => {
      await tx.insert(memberships).values({ organisationId, userId, roles });
      audit.record({ organisationId, entityType: 'membership', entityId: userId, action: 'create', after: { email, roles } });
    };
    const csirt = await org('csirt-gemeenten', 'CSIRT Gemeenten', 'csirt');
    const vr = await org('vr-kustland', 'Veiligheidsregio Kustland', 'veiligheidsregio');
    const admin = await user(DEMO_ADMIN, 'Installatiebeheerder', true);
    await member(csirt.id, admin.id, DEMO_ADMIN, ['admin']);
    await member(vr.id, admin.id, DEMO_ADMIN, ['admin']);
    const analist = await user('analist@csirt.example', 'Analist CSIRT');
    await member(csirt.id, analist.id, 'analist@csirt.example', ['analist']);
    for (const g of GEMEENTEN) {
      const o = await org(g.slug, g.name, 'gemeente');
      await member(o.id, admin.id, DEMO_ADMIN, ['admin']);
      for (const [kind, target] of [['csirt', csirt], ['veiligheidsregio', vr]] as const) {
        await tx.insert(organisationLinks).values({ organisationId: o.id, kind, targetId: target.id });
        audit.record({ organisationId: o.id, entityType: 'organisation_link', entityId: `${o.id}:${kind}`, action: 'update', before: { [kind]: null }, after: { [kind]: target.slug } });
      }
      for (const p of PEOPLE) {
        const email = `${p.local}@${g.slug}.example`;
        const u = await user(email, `${p.name} ${g.name.replace('Gemeente ', '')}`);
        await member(o.id, u.id, email, p.roles);
      }
    }
    await audit.flush(tx);
  });
  await seedCompliance(database);
  await seedActions(database);
  await seedAssets(database);
  await seedSuppliers(database);
  await seedGraph(database);
  await seedProcurement(database);
  await seedSharing(database);
  await seedRisks(database);
  await seedIncidents(database);
  return 'loaded';
}
