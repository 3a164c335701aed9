import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { verifyAllChains } from '../../src/server/core/jobs/registry.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
});
afterAll(() => t?.close());

const owner = (q: ReturnType<typeof sql>) => t.deps.database.db.execute(q);

describe('audit trail', () => {
  it('records who changed what, before → after, with the request id, in the same transaction', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const r = await admin.request('PATCH', '/api/v1/organisations/alpha', { name: 'Gemeente Alpha aan Zee' }, { 'x-request-id': 'req-test-0001' });
    expect(r.status).toBe(200);
    const page = await admin.get('/api/v1/organisations/alpha/audit-events?limit=5');
    expect(page.status).toBe(200);
    const e = page.body.items[0];
    expect(e).toMatchObject({
      entityType: 'organisation',
      action: 'update',
      actor: { type: 'user', id: world.users.admin.id, email: 'admin@alpha.test' },
      changes: { name: { before: 'Gemeente Alpha', after: 'Gemeente Alpha aan Zee' } },
      requestId: 'req-test-0001',
    });
    expect(e.changes.mfaRequired).toBeUndefined(); // unchanged fields are not listed
  });

  it('a failing request writes nothing: no change and no audit event', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    const before = (await admin.get('/api/v1/organisations/alpha/audit-events?limit=1')).body.items[0].seq;
    // removing the last admin fails after the use case started
    const r = await admin.delete(`/api/v1/organisations/alpha/members/${world.users.admin.id}`);
    expect(r.status).toBe(409);
    const after = (await admin.get('/api/v1/organisations/alpha/audit-events?limit=1')).body.items[0].seq;
    expect(after).toBe(before);
  });

  it('never stores secrets, only that they changed', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    await admin.put('/api/v1/organisations/alpha/oidc', { enabled: false, issuer: 'https://idp.alpha.test', clientId: 'alpha', clientSecret: 'very-secret-value', label: 'SSO' });
    const all = rowsOf(await owner(sql`select changes::text as c from audit_events`)).map((r: any) => r.c).join('\n');
    expect(all).not.toContain('very-secret-value');
    expect(all).toContain('"redacted": true');
  });

  it('pages through events with a cursor, newest first', async () => {
    const admin = await loginAs(t.app, 'admin@alpha.test');
    for (let i = 0; i < 5; i++) await admin.patch('/api/v1/organisations/alpha', { name: `Gemeente Alpha ${i}` });
    const p1 = await admin.get('/api/v1/organisations/alpha/audit-events?limit=3');
    const p2 = await admin.get(`/api/v1/organisations/alpha/audit-events?limit=3&cursor=${p1.body.nextCursor}`);
    const seqs = [...p1.body.items, ...p2.body.items].map((e: any) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(6);
    expect(p2.body.items[0].seq).toBe(p1.body.items[2].seq - 1);
  });

  it('is readable by admin and auditor, not by other roles', async () => {
    expect((await (await loginAs(t.app, 'auditor@alpha.test')).get('/api/v1/organisations/alpha/audit-events')).status).toBe(200);
    expect((await (await loginAs(t.app, 'ciso@alpha.test')).get('/api/v1/organisations/alpha/audit-events')).status).toBe(403);
  });

  it('verifies the chain, and detects a changed, a deleted and a truncated event', async () => {
    const auditor = await loginAs(t.app, 'auditor@alpha.test');
    const ok = await auditor.post('/api/v1/organisations/alpha/audit-events/verify');
    expect(ok.body).toMatchObject({ valid: true, firstBroken: null });
    expect(ok.body.checked).toBeGreaterThan(5);
    const alpha = world.orgs.alpha.id;

    // 1. somebody edits an event directly in the database
    await owner(sql`update audit_events set changes = '{"name":{"before":"x","after":"y"}}'::jsonb where chain = ${alpha} and seq = 2`);
    const changed = await auditor.post('/api/v1/organisations/alpha/audit-events/verify');
    expect(changed.body.valid).toBe(false);
    expect(changed.body.firstBroken).toMatchObject({ seq: 2, reason: expect.stringMatching(/gewijzigd/) });
    const job = await verifyAllChains(t.deps);
    expect(job.broken).toBe(1);
    const alerts = rowsOf<{ kind: string; organisation_id: string }>(await owner(sql`select kind, organisation_id from alerts`));
    expect(alerts).toEqual([{ kind: 'audit-chain-broken', organisation_id: alpha }]);
  });

  it('detects deletion in the middle and at the end', async () => {
    const t2 = await createTestApp();
    try {
      const w = await seedWorld(t2.deps);
      const admin = await loginAs(t2.app, 'admin@alpha.test');
      for (let i = 0; i < 4; i++) await admin.patch('/api/v1/organisations/alpha', { name: `Naam ${i}` });
      const alpha = w.orgs.alpha.id;
      await t2.deps.database.db.execute(sql`delete from audit_events where chain = ${alpha} and seq = 2`);
      let r = await admin.post('/api/v1/organisations/alpha/audit-events/verify');
      expect(r.body).toMatchObject({ valid: false, firstBroken: { seq: 2, reason: expect.stringMatching(/ontbreekt/) } });
      // restore a consistent middle by deleting everything from 2 on: then only the head betrays the truncation
      await t2.deps.database.db.execute(sql`delete from audit_events where chain = ${alpha} and seq >= 2`);
      r = await admin.post('/api/v1/organisations/alpha/audit-events/verify');
      expect(r.body.valid).toBe(false);
      expect(r.body.firstBroken.reason).toMatch(/laatste verwijderd/);
    } finally {
      await t2.close();
    }
  });

  it('installation-level events (accounts, sessions, tokens) form their own chain for installation admins', async () => {
    const root = await loginAs(t.app, 'root@install.test');
    const page = await root.get('/api/v1/audit-events?limit=10');
    expect(page.status).toBe(200);
    expect(page.body.items.some((e: any) => e.entityType === 'session' && e.action === 'login')).toBe(true);
    expect((await root.post('/api/v1/audit-events/verify')).body.valid).toBe(true);
    expect((await (await loginAs(t.app, 'admin@alpha.test')).get('/api/v1/audit-events')).status).toBe(403);
  });

  it('concurrent writes in one organisation keep a single unbroken chain', async () => {
    const t3 = await createTestApp();
    try {
      await seedWorld(t3.deps);
      const admin = await loginAs(t3.app, 'admin@alpha.test');
      const rs = await Promise.all(Array.from({ length: 12 }, (_, i) => admin.patch('/api/v1/organisations/alpha', { name: `Parallel ${i}` })));
      expect(rs.every((r) => r.status === 200)).toBe(true);
      const v = await admin.post('/api/v1/organisations/alpha/audit-events/verify');
      expect(v.body).toMatchObject({ valid: true });
      expect(v.body.checked).toBe(12);
    } finally {
      await t3.close();
    }
  });
});
