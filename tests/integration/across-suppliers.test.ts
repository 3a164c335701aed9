/**
 * The CSIRT finds a supplier by name or KvK number across its connected gemeenten (to start the view of
 * one supplier failing everywhere): one row per registration number, with the names the gemeenten use,
 * most widely used first; gemeenten not connected to the CSIRT and suppliers without a number stay out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantTx } from '../../src/server/core/db/client.js';
import { organisationLinks, organisations, suppliers } from '../../src/server/core/db/schema.js';
import { createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
const SEARCH = '/api/v1/organisations/csirt/cascade/across/suppliers';

async function supplier(organisationId: string, name: string, registrationNumber: string | null) {
  await tenantTx(t.deps.database, { organisationId, userId: null }, (tx) => tx.insert(suppliers).values({ organisationId, name, registrationNumber }));
}

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  const [gamma] = await t.deps.database.db.insert(organisations).values({ slug: 'gamma', name: 'Gemeente Gamma', kind: 'gemeente' }).returning();
  await t.deps.database.db.insert(organisationLinks).values({ organisationId: gamma.id, kind: 'csirt', targetId: world.orgs.csirt.id });
  await supplier(world.orgs.alpha.id, 'HostingCo', '12345678');
  await supplier(world.orgs.alpha.id, 'Hostingpartner Zuid', '55555555');
  await supplier(world.orgs.alpha.id, 'Hosting zonder KvK', null);
  await supplier(gamma.id, 'Hosting Co. B.V.', '12345678');
  // beta is not connected to the CSIRT: its supplier of the same company is not counted, its own is not found
  await supplier(world.orgs.beta.id, 'HostingCo', '12345678');
  await supplier(world.orgs.beta.id, 'Hosting Beta Geheim', '99999999');
});
afterAll(() => t?.close());

describe('CSIRT: find a supplier across the connected gemeenten', () => {
  it('groups by KvK number, most widely used first, by name or by number', async () => {
    const analist = await loginAs(t.app, 'analist@csirt.test');
    const r = await analist.get(`${SEARCH}?q=hosting`);
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({
      linkedGemeenten: 2,
      items: [
        { registrationNumber: '12345678', names: ['Hosting Co. B.V.', 'HostingCo'], organisations: 2 },
        { registrationNumber: '55555555', names: ['Hostingpartner Zuid'], organisations: 1 },
      ],
    });
    const byNumber = await analist.get(`${SEARCH}?q=5555`);
    expect(byNumber.body.items.map((i: any) => i.registrationNumber)).toEqual(['55555555']);
    // a LIKE wildcard is a character, not a pattern
    expect((await analist.get(`${SEARCH}?q=${encodeURIComponent('%%')}`)).body.items).toEqual([]);
  });

  it('rejects a too short or unknown query, and is only for a CSIRT or veiligheidsregio and its members', async () => {
    const analist = await loginAs(t.app, 'analist@csirt.test');
    expect((await analist.get(`${SEARCH}?q=h`)).status).toBe(400);
    expect((await analist.get(`${SEARCH}?q=hosting&extra=1`)).status).toBe(400);
    const ciso = await loginAs(t.app, 'ciso@alpha.test');
    expect((await ciso.get('/api/v1/organisations/alpha/cascade/across/suppliers?q=hosting')).status).toBe(403);
    const beta = await loginAs(t.app, 'admin@beta.test');
    expect((await beta.get(`${SEARCH}?q=hosting`)).status).toBe(404);
  });
});
