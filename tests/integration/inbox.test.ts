import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { JOBS } from '../../src/server/core/jobs/registry.js';
import { addDays, localDate as todayInAmsterdam } from '../../src/shared/dates.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const today = todayInAmsterdam();
const D = addDays(today, 20); // the end date of the evidence that will expire

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let admin: Client;
let medewerker: Client;
let betaAdmin: Client;
let certificate: string;
let betaContract: string;

const job = JOBS.find((j) => j.name === 'compliance.evidence-reminders')!;
const runReminders = (day: string) => job.run(t.deps, { today: day });
const noticeCount = async () => rowsOf<{ n: number }>(await t.deps.database.db.execute(sql`select count(*)::int as n from notifications`))[0].n;
const inbox = async (c: Client, query = 'limit=100') => (await c.get(`/api/v1/inbox?${query}`)).body;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  const root = await loginAs(t.app, 'root@install.test');
  // a medewerker of alpha who adds evidence, and the CISO of alpha is also CISO of beta
  expect((await root.post(`${A}/members`, { email: 'analist@csirt.test', roles: ['medewerker'] })).status).toBeLessThan(300);
  expect((await root.post(`${B}/members`, { email: 'ciso@alpha.test', roles: ['ciso'] })).status).toBeLessThan(300);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  admin = await loginAs(t.app, 'admin@alpha.test');
  medewerker = await loginAs(t.app, 'analist@csirt.test');
  betaAdmin = await loginAs(t.app, 'admin@beta.test');
  certificate = (await medewerker.post(`${A}/evidence/links`, { title: 'Certificaat hostingpartij', url: 'https://hosting.example/iso27001', validUntil: D })).body.id;
  await medewerker.post(`${A}/evidence/links`, { title: 'Beleid', url: 'https://intranet.example/beleid', validUntil: addDays(today, 400) });
  await medewerker.post(`${A}/evidence/links`, { title: 'Procesbeschrijving', url: 'https://intranet.example/proces' });
  betaContract = (await betaAdmin.post(`${B}/evidence/links`, { title: 'Verwerkersovereenkomst', url: 'https://beta.example/vo', validUntil: addDays(D, 5) })).body.id;
  expect(certificate && betaContract).toBeTruthy();
});
afterAll(() => t?.close());

describe(`evidence reminders on ${ENGINE}`, () => {
  it('is a daily job', () => {
    expect(job.cron).toBe('30 6 * * *');
  });

  it('reminds admin, CISO and whoever added it once when evidence will expire within 30 days', async () => {
    expect(await noticeCount()).toBe(0);
    await runReminders(addDays(D, -31)); // 31 days before: nothing yet (and beta's contract ends 5 days later)
    expect(await noticeCount()).toBe(0);
    await runReminders(addDays(D, -25));
    // alpha: admin, ciso, medewerker (creator); beta: admin, ciso
    expect(await noticeCount()).toBe(5);
    await runReminders(addDays(D, -25));
    await runReminders(addDays(D, -10));
    expect(await noticeCount()).toBe(5); // idempotent: one notice per stage
    const mine = (await inbox(medewerker)).items;
    expect(mine).toEqual([
      expect.objectContaining({
        kind: 'evidence_expiring',
        organisation: { slug: 'alpha', name: 'Gemeente Alpha' },
        title: `Bewijs verloopt op ${D}: Certificaat hostingpartij`,
        link: '/o/alpha/compliance/evidence?status=verloopt_binnenkort',
        readAt: null,
      }),
    ]);
    expect((await inbox(await loginAs(t.app, 'auditor@alpha.test'))).items).toEqual([]);
  });

  it('then once more when it has expired', async () => {
    await runReminders(addDays(D, 1));
    expect(await noticeCount()).toBe(8); // alpha's certificate expired; beta's contract still has 4 days
    await runReminders(addDays(D, 1));
    expect(await noticeCount()).toBe(8);
    await runReminders(addDays(D, 40));
    expect(await noticeCount()).toBe(10);
    await runReminders(addDays(D, 41));
    expect(await noticeCount()).toBe(10);
    const kinds = (await inbox(admin)).items.map((n: any) => n.kind);
    expect(kinds).toEqual(['evidence_expired', 'evidence_expiring']);
    expect((await inbox(admin)).items[0].title).toBe('Bewijs verlopen: Certificaat hostingpartij');
  });

  it('starts again after a new end date', async () => {
    await ciso.patch(`${A}/evidence/${certificate}`, { validUntil: addDays(D, 60) });
    await runReminders(addDays(D, 40)); // 20 days before the new end date
    expect(await noticeCount()).toBe(13);
    await runReminders(addDays(D, 40));
    expect(await noticeCount()).toBe(13);
  });
});

describe(`the inbox on ${ENGINE}`, () => {
  it("lists the user's notices from all their organisations, newest first, with an unread count", async () => {
    const page = await inbox(ciso);
    expect(page.unread).toBe(page.items.length);
    expect(new Set(page.items.map((n: any) => n.organisation.slug))).toEqual(new Set(['alpha', 'beta']));
    const times = page.items.map((n: any) => n.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    // beta's admin sees beta only; nobody sees another user's notices
    const b = await inbox(betaAdmin);
    expect(b.items.length).toBeGreaterThan(0);
    expect(b.items.every((n: any) => n.organisation.slug === 'beta')).toBe(true);
    expect(JSON.stringify(b)).not.toContain('Certificaat hostingpartij');
  });

  it('pages with a cursor', async () => {
    const all = (await inbox(ciso)).items.map((n: any) => n.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const p: any = await inbox(ciso, `limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...p.items.map((n: any) => n.id));
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect((await ciso.get('/api/v1/inbox?cursor=rommel')).status).toBe(400);
    expect((await ciso.get('/api/v1/inbox?limit=1000')).status).toBe(400);
  });

  it('marks one notice or all as read; another user cannot touch them', async () => {
    const before = await inbox(ciso);
    const first = before.items[0];
    expect((await betaAdmin.post(`/api/v1/inbox/${first.id}/read`)).status).toBe(404);
    expect((await ciso.post('/api/v1/inbox/geen-id/read')).status).toBe(400);
    expect((await ciso.post(`/api/v1/inbox/${first.id}/read`)).status).toBe(204);
    expect((await ciso.post(`/api/v1/inbox/${first.id}/read`)).status).toBe(204);
    const after = await inbox(ciso);
    expect(after.unread).toBe(before.unread - 1);
    expect(after.items[0].readAt).toEqual(expect.any(String));
    expect((await inbox(ciso, 'unread=true&limit=100')).items.map((n: any) => n.id)).not.toContain(first.id);
    expect((await inbox(admin)).unread).toBe((await inbox(admin)).items.length); // not someone else's
    expect((await ciso.post('/api/v1/inbox/read-all')).status).toBe(204);
    expect((await inbox(ciso)).unread).toBe(0);
    expect((await inbox(ciso, 'unread=true')).items).toEqual([]);
    expect((await inbox(betaAdmin)).unread).toBeGreaterThan(0);
  });

  it('a member who left an organisation no longer sees its notices', async () => {
    expect((await inbox(medewerker)).items.length).toBeGreaterThan(0);
    expect((await admin.delete(`${A}/members/${world.users.analist.id}`)).status).toBe(204);
    expect(await inbox(medewerker)).toEqual({ items: [], unread: 0, nextCursor: null });
  });

  it('needs a signed-in user', async () => {
    expect((await new Client(t.app).get('/api/v1/inbox')).status).toBe(401);
  });
});
