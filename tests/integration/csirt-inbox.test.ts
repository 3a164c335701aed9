import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { memberships, organisationLinks, organisations, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { tenantTx } from '../../src/server/core/db/client.js';
import { loadDemo } from '../../src/server/demo/seed.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

/*
 * The report to the sector CSIRT inside Weerbaar (issue #6), through the HTTP API on the real database:
 * a report sent with channel 'csirt' lands in the inbox of the gemeente's connected CSIRT as an exact
 * copy with its hash; the analyst acknowledges, asks and answers in a thread both sides see, links
 * notifications of several gemeenten in a campaign; the CSIRT never reads anything else of the incident.
 *
 * The world: alpha and gamma are connected to CSIRT "csirt", delta to a second CSIRT "csirt2", beta to none.
 */

const api = (slug: string) => `/api/v1/organisations/${slug}`;
const A = api('alpha');
const CS = api('csirt');
const CS2 = api('csirt2');
const HOUR = 3_600_000;
const NOPE = '00000000-0000-4000-8000-000000000000';

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client; // alpha's CISO
let admin: Client; // alpha's administrator, handler of the incident
let auditor: Client; // alpha's auditor: reads incidents, manages nothing
let beta: Client; // beta's administrator (no CSIRT)
let analist: Client; // the CSIRT's analyst
let gammaCiso: Client;
let deltaCiso: Client;
let analist2: Client; // the second CSIRT's analyst
let gammaId: string;
let deltaId: string;
let csirt2Id: string;

/** Canonical JSON written independently of the server's: keys sorted at every depth, no whitespace. */
function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`)
    .join(',')}}`;
}
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

async function created(r: { status: number; text: string; body: any }) {
  expect(r.status, r.text).toBe(201);
  return r.body;
}
async function ok(r: { status: number; text: string; body: any }) {
  expect(r.status, r.text).toBe(200);
  return r.body;
}
const paths = (r: { body: any }) => (r.body.errors ?? []).map((e: any) => e.path);
const owner = async <T = any>(q: ReturnType<typeof sql>) => rowsOf<T>(await t.deps.database.db.execute(q));
const noticesOf = (userId: string) =>
  owner<{ kind: string; title: string; body: string; link: string | null; organisationId: string }>(
    sql`select kind, title, body, link, organisation_id as "organisationId" from notifications where user_id = ${userId} and kind like 'csirt_%' order by created_at, title`,
  );

/** A significant incident (so the early warning applies), aware two hours ago. */
async function significantIncident(c: Client, slug: string, title: string, handlerIds: string[] = []) {
  const inc = await c
    .post(`${api(slug)}/incidents`, { title, category: 'ransomware', severity: 'hoog', awareAt: new Date(Date.now() - 2 * HOUR).toISOString(), handlerIds })
    .then(created);
  await c.put(`${api(slug)}/incidents/${inc.id}/legal/cbw`, { significant: true, reason: 'Dienstverlening langer dan een dag verstoord.' }).then(ok);
  return inc;
}

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  const db = t.deps.database.db;
  const hash = await hashPassword(PASSWORD);
  const [gamma, delta, csirt2] = await db
    .insert(organisations)
    .values([
      { slug: 'gamma', name: 'Gemeente Gamma', kind: 'gemeente' },
      { slug: 'delta', name: 'Gemeente Delta', kind: 'gemeente' },
      { slug: 'csirt2', name: 'Tweede CSIRT', kind: 'csirt' },
    ])
    .returning();
  gammaId = gamma.id;
  deltaId = delta.id;
  csirt2Id = csirt2.id;
  await db.insert(organisationLinks).values([
    { organisationId: gamma.id, kind: 'csirt', targetId: world.orgs.csirt.id },
    { organisationId: delta.id, kind: 'csirt', targetId: csirt2.id },
  ]);
  const mk = async (email: string) => (await db.insert(users).values({ email, name: email.split('@')[0], passwordHash: hash }).returning())[0];
  const g = await mk('ciso@gamma.test');
  const d = await mk('ciso@delta.test');
  const a2 = await mk('analist2@csirt2.test');
  await db.insert(memberships).values([
    { organisationId: gamma.id, userId: g.id, roles: ['ciso'] },
    { organisationId: delta.id, userId: d.id, roles: ['ciso'] },
    { organisationId: csirt2.id, userId: a2.id, roles: ['analist'] },
  ]);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  admin = await loginAs(t.app, 'admin@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
  analist = await loginAs(t.app, 'analist@csirt.test');
  gammaCiso = await loginAs(t.app, 'ciso@gamma.test');
  deltaCiso = await loginAs(t.app, 'ciso@delta.test');
  analist2 = await loginAs(t.app, 'analist2@csirt2.test');
});
afterAll(() => t?.close());

describe(`the report to the CSIRT on ${ENGINE}`, () => {
  let incidentId: string;
  let report: any;
  let nid: string; // alpha's notification
  let gammaNid: string;
  let deltaNid: string;

  it('delivers a report sent to the CSIRT into its inbox, exactly as sent and with its hash', async () => {
    const inc = await significantIncident(ciso, 'alpha', 'Ransomware bij de hostingpartij', [world.users.admin.id]);
    incidentId = inc.id;
    report = await ciso.post(`${A}/incidents/${incidentId}/reports/early-warning/send`, { channel: 'csirt' }).then(ok);
    expect(report).toMatchObject({ channel: 'csirt', sentBy: 'ciso', draft: false });
    expect(report.contentHash).toBe(sha256(canonicalJson(report.content)));

    const inbox = await analist.get(`${CS}/csirt-inbox`).then(ok);
    expect(inbox.total).toBe(1);
    expect(inbox.nextCursor).toBeNull();
    expect(inbox.items).toEqual([
      {
        id: expect.any(String),
        gemeente: { slug: 'alpha', name: 'Gemeente Alpha' },
        incident: { ref: inc.ref, title: 'Ransomware bij de hostingpartij' },
        kind: 'early-warning',
        name: 'Vroegtijdige waarschuwing',
        regime: 'cbw',
        sentAt: report.sentAt,
        sentBy: 'ciso',
        status: 'ontvangen',
        acknowledgedAt: null,
        acknowledgedBy: null,
        campaign: null,
        messages: 0,
        awaitingReply: false,
      },
    ]);
    nid = inbox.items[0].id;

    const one = await analist.get(`${CS}/csirt-inbox/${nid}`).then(ok);
    expect(one.content).toEqual(report.content);
    expect(one.content).toMatchObject({ organisation: 'Gemeente Alpha', incidentRef: inc.ref, incidentTitle: 'Ransomware bij de hostingpartij', suspectedUnlawfulOrMalicious: true });
    expect(one.contentHash).toBe(report.contentHash);
    expect(one.contentHash).toBe(sha256(canonicalJson(one.content)));
    expect(one.thread).toEqual([]);

    // the timeline says where it went; the gemeente sees the notification under its incident
    const full = await ciso.get(`${A}/incidents/${incidentId}`).then(ok);
    expect(full.timeline.at(-1).text).toContain('Vroegtijdige waarschuwing verzonden aan het CSIRT via Weerbaar');
    const mine = await ciso.get(`${A}/incidents/${incidentId}/csirt`).then(ok);
    expect(mine.connected).toEqual({ slug: 'csirt', name: 'CSIRT Test' });
    expect(mine.items).toEqual([
      {
        id: nid,
        csirt: { slug: 'csirt', name: 'CSIRT Test' },
        kind: 'early-warning',
        name: 'Vroegtijdige waarschuwing',
        sentAt: report.sentAt,
        sentBy: 'ciso',
        contentHash: report.contentHash,
        status: 'ontvangen',
        acknowledgedAt: null,
        acknowledgedBy: null,
        thread: [],
      },
    ]);

    // the CSIRT's analyst got an inbox notice linking to the notification; the gemeente's people did not
    expect(await noticesOf(world.users.analist.id)).toEqual([
      {
        kind: 'csirt_melding',
        title: 'Gemeente Alpha: vroegtijdige waarschuwing ontvangen',
        body: `${inc.ref} Ransomware bij de hostingpartij`,
        link: `/o/csirt/csirt-inbox/${nid}`,
        organisationId: world.orgs.csirt.id,
      },
    ]);
    expect(await noticesOf(world.users.ciso.id)).toEqual([]);
    const listed = await analist.get('/api/v1/inbox').then(ok);
    expect(listed.items.map((n: any) => [n.organisation.slug, n.kind, n.link])).toContainEqual(['csirt', 'csirt_melding', `/o/csirt/csirt-inbox/${nid}`]);

    const audits = await owner<{ action: string; organisationId: string }>(
      sql`select action, organisation_id as "organisationId" from audit_events where entity_type = 'csirt_notification' and entity_id = ${nid} order by occurred_at, seq`,
    );
    expect(audits).toEqual([{ action: 'create', organisationId: world.orgs.alpha.id }]);
  });

  it('shows the CSIRT nothing else of the incident', async () => {
    const i = `${A}/incidents/${incidentId}`;
    for (const r of [
      await analist.get(`${A}/incidents`),
      await analist.get(i),
      await analist.get(`${i}/reports/early-warning`),
      await analist.get(`${i}/csirt`),
      await analist.post(`${i}/csirt/${nid}/messages`, { body: 'Via de gemeente?' }),
    ])
      expect(r.status, r.text).toBe(404);
    // the CSIRT's own path does not lead to the incident either
    expect((await analist.get(`${CS}/incidents/${incidentId}`)).status).toBe(403);

    // inside a tenant transaction of the CSIRT, the database itself shows none of the incident tables' rows
    const counts = await tenantTx(t.deps.database, { organisationId: world.orgs.csirt.id, userId: world.users.analist.id }, async (tx) =>
      rowsOf<Record<string, number>>(
        await tx.execute(sql`select
          (select count(*)::int from incidents) as incidents,
          (select count(*)::int from incident_reports) as reports,
          (select count(*)::int from incident_events) as events,
          (select count(*)::int from incident_handlers) as handlers,
          (select count(*)::int from incident_tasks) as tasks,
          (select count(*)::int from incident_links) as links,
          (select count(*)::int from csirt_notifications) as notifications`),
      ),
    );
    expect(counts).toEqual([{ incidents: 0, reports: 0, events: 0, handlers: 0, tasks: 0, links: 0, notifications: 1 }]);
    // while the gemeente does see its own incident rows
    const own = await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: world.users.ciso.id }, async (tx) =>
      rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from incidents`)),
    );
    expect(own[0].n).toBe(1);
  });

  it('does not deliver a report sent outside Weerbaar', async () => {
    const inc = await significantIncident(ciso, 'alpha', 'Phishing bij burgerzaken');
    const sent = await ciso.post(`${A}/incidents/${inc.id}/reports/early-warning/send`, { channel: 'extern' }).then(ok);
    expect(sent.channel).toBe('extern');
    expect((await analist.get(`${CS}/csirt-inbox`).then(ok)).total).toBe(1);
    expect(await owner(sql`select id from csirt_notifications where incident_id = ${inc.id}`)).toEqual([]);
    expect((await ciso.get(`${A}/incidents/${inc.id}/csirt`).then(ok)).items).toEqual([]);
  });

  it('refuses to send to the CSIRT without a connected CSIRT, and writes nothing', async () => {
    const inc = await significantIncident(beta, 'beta', 'Storing zonder CSIRT');
    const before = await owner<{ n: number }>(sql`select count(*)::int as n from incident_events where incident_id = ${inc.id}`);
    const r = await beta.post(`${api('beta')}/incidents/${inc.id}/reports/early-warning/send`, { channel: 'csirt' });
    expect(r.status).toBe(409);
    expect(String(r.headers['content-type'])).toContain('application/problem+json');
    expect(r.body.detail).toBe('Uw organisatie is niet aan een CSIRT gekoppeld; verzend extern.');
    expect(await owner(sql`select id from incident_reports where incident_id = ${inc.id}`)).toEqual([]);
    expect(await owner(sql`select id from csirt_notifications where organisation_id = ${world.orgs.beta.id}`)).toEqual([]);
    expect(await owner<{ n: number }>(sql`select count(*)::int as n from incident_events where incident_id = ${inc.id}`)).toEqual(before);
    expect(await owner(sql`select id from audit_events where organisation_id = ${world.orgs.beta.id} and action = 'send'`)).toEqual([]);
    const still = await beta.get(`${api('beta')}/incidents/${inc.id}/reports/early-warning`).then(ok);
    expect(still).toMatchObject({ draft: true, sentAt: null });
    expect((await beta.get(`${api('beta')}/incidents/${inc.id}/csirt`).then(ok))).toEqual({ connected: null, items: [] });
    // sending it outside Weerbaar still works
    expect((await beta.post(`${api('beta')}/incidents/${inc.id}/reports/early-warning/send`, { channel: 'extern' }).then(ok)).channel).toBe('extern');
  });

  it('keeps another CSIRT out of this inbox', async () => {
    const d = await significantIncident(deltaCiso, 'delta', 'DDoS op de website');
    await deltaCiso.post(`${api('delta')}/incidents/${d.id}/reports/early-warning/send`, { channel: 'csirt' }).then(ok);
    const other = await analist2.get(`${CS2}/csirt-inbox`).then(ok);
    expect(other.total).toBe(1);
    expect(other.items.map((i: any) => [i.gemeente.slug, i.incident.title])).toEqual([['delta', 'DDoS op de website']]);
    deltaNid = other.items[0].id;
    // alpha's notification does not exist for the second CSIRT, and delta's not for the first
    for (const r of [
      await analist2.get(`${CS2}/csirt-inbox/${nid}`),
      await analist2.post(`${CS2}/csirt-inbox/${nid}/acknowledge`),
      await analist2.patch(`${CS2}/csirt-inbox/${nid}`, { status: 'afgesloten' }),
      await analist2.post(`${CS2}/csirt-inbox/${nid}/messages`, { body: 'Van het verkeerde CSIRT' }),
      await analist.get(`${CS}/csirt-inbox/${deltaNid}`),
      await analist.post(`${CS}/csirt-inbox/${deltaNid}/acknowledge`),
    ])
      expect(r.status, r.text).toBe(404);
    // and its analyst is no member of the first CSIRT
    expect((await analist2.get(`${CS}/csirt-inbox`)).status).toBe(404);
    expect((await analist.get(`${CS}/csirt-inbox`).then(ok)).items.map((i: any) => i.id)).toEqual([nid]);
    // nothing changed on alpha's notification
    expect((await analist.get(`${CS}/csirt-inbox/${nid}`).then(ok))).toMatchObject({ status: 'ontvangen', thread: [] });
    // the database agrees: a tenant transaction of the second CSIRT sees only its own notification
    const rows = await tenantTx(t.deps.database, { organisationId: csirt2Id, userId: null }, async (tx) => rowsOf<{ id: string }>(await tx.execute(sql`select id from csirt_notifications`)));
    expect(rows.map((r) => r.id)).toEqual([deltaNid]);
  });

  it('acknowledges once, tells the gemeente, and refuses a second acknowledgement', async () => {
    const r = await analist.post(`${CS}/csirt-inbox/${nid}/acknowledge`).then(ok);
    expect(r).toMatchObject({ status: 'in_behandeling', acknowledgedBy: 'analist' });
    expect(Date.now() - new Date(r.acknowledgedAt).getTime()).toBeLessThan(60_000);
    const twice = await analist.post(`${CS}/csirt-inbox/${nid}/acknowledge`);
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('al bevestigd');
    expect(twice.body.detail).toContain('door analist');

    const mine = (await ciso.get(`${A}/incidents/${incidentId}/csirt`).then(ok)).items[0];
    expect(mine).toMatchObject({ status: 'in_behandeling', acknowledgedBy: 'analist', acknowledgedAt: r.acknowledgedAt });
    // the gemeente's CISO and the incident's handler (the administrator) got a notice; the auditor did not
    const expected = {
      kind: 'csirt_status',
      title: 'CSIRT Test heeft de vroegtijdige waarschuwing ontvangen',
      body: expect.stringContaining('in behandeling bij het CSIRT (analist)'),
      link: `/o/alpha/incidenten/${incidentId}`,
      organisationId: world.orgs.alpha.id,
    };
    expect(await noticesOf(world.users.ciso.id)).toEqual([expected]);
    expect(await noticesOf(world.users.admin.id)).toEqual([expected]);
    expect(await noticesOf(world.users.auditor.id)).toEqual([]);
    const audits = await owner<{ action: string; organisationId: string }>(
      sql`select action, organisation_id as "organisationId" from audit_events where entity_type = 'csirt_notification' and entity_id = ${nid} order by occurred_at, seq`,
    );
    expect(audits).toEqual([
      { action: 'create', organisationId: world.orgs.alpha.id },
      { action: 'acknowledge', organisationId: world.orgs.csirt.id },
    ]);
  });

  it('keeps a thread both sides see, append-only, with a notice to the other side', async () => {
    const q = await analist.post(`${CS}/csirt-inbox/${nid}/messages`, { body: 'Welke versie van de VPN-appliance draait er?' }).then(created);
    expect(q).toMatchObject({ side: 'csirt', author: 'analist', body: 'Welke versie van de VPN-appliance draait er?' });
    const a = await ciso.post(`${A}/incidents/${incidentId}/csirt/${nid}/messages`, { body: '  Versie 9.1, ongepatcht.  ' }).then(created);
    expect(a).toMatchObject({ side: 'gemeente', author: 'ciso', body: 'Versie 9.1, ongepatcht.' });

    const expectedThread = [
      { id: q.id, side: 'csirt', author: 'analist', body: 'Welke versie van de VPN-appliance draait er?', createdAt: q.createdAt },
      { id: a.id, side: 'gemeente', author: 'ciso', body: 'Versie 9.1, ongepatcht.', createdAt: a.createdAt },
    ];
    expect((await analist.get(`${CS}/csirt-inbox/${nid}`).then(ok)).thread).toEqual(expectedThread);
    expect((await ciso.get(`${A}/incidents/${incidentId}/csirt`).then(ok)).items[0].thread).toEqual(expectedThread);
    expect((await auditor.get(`${A}/incidents/${incidentId}/csirt`).then(ok)).items[0].thread).toEqual(expectedThread);
    const row = (await analist.get(`${CS}/csirt-inbox`).then(ok)).items[0];
    expect(row).toMatchObject({ messages: 2, awaitingReply: true });

    // notices: the question to the gemeente's CISO and handler, the answer to the CSIRT's analyst
    expect((await noticesOf(world.users.ciso.id)).map((n) => [n.kind, n.title, n.body, n.link])).toContainEqual([
      'csirt_bericht',
      'Bericht van CSIRT Test over de vroegtijdige waarschuwing',
      expect.stringContaining('Welke versie van de VPN-appliance draait er?'),
      `/o/alpha/incidenten/${incidentId}`,
    ]);
    expect((await noticesOf(world.users.admin.id)).map((n) => n.kind)).toEqual(['csirt_status', 'csirt_bericht']);
    expect((await noticesOf(world.users.analist.id)).map((n) => [n.kind, n.body, n.link])).toEqual([
      ['csirt_melding', expect.any(String), `/o/csirt/csirt-inbox/${nid}`],
      ['csirt_bericht', 'Versie 9.1, ongepatcht.', `/o/csirt/csirt-inbox/${nid}`],
    ]);

    // append-only at the database level, for both sides; what was sent cannot be changed either
    for (const [organisationId, userId] of [
      [world.orgs.csirt.id, world.users.analist.id],
      [world.orgs.alpha.id, world.users.ciso.id],
    ]) {
      const refusal = (q: ReturnType<typeof sql>) =>
        tenantTx(t.deps.database, { organisationId, userId }, (tx) => tx.execute(q)).then(
          () => 'allowed',
          (e: any) => String(e.cause?.message ?? e.message),
        );
      expect(await refusal(sql`update csirt_messages set body = 'gewijzigd'`)).toMatch(/permission denied for table csirt_messages/);
      expect(await refusal(sql`delete from csirt_messages`)).toMatch(/permission denied for table csirt_messages/);
      expect(await refusal(sql`update csirt_notifications set content = '{}'::jsonb`)).toMatch(/permission denied for table csirt_notifications/);
      expect(await refusal(sql`update csirt_notifications set content_hash = 'x'`)).toMatch(/permission denied for table csirt_notifications/);
      expect(await refusal(sql`delete from csirt_notifications`)).toMatch(/permission denied for table csirt_notifications/);
    }
    const left = await owner<{ body: string }>(sql`select body from csirt_messages where notification_id = ${nid} order by created_at`);
    expect(left.map((m) => m.body)).toEqual(['Welke versie van de VPN-appliance draait er?', 'Versie 9.1, ongepatcht.']);

    const audits = await owner<{ entityType: string; action: string; organisationId: string }>(
      sql`select entity_type as "entityType", action, organisation_id as "organisationId" from audit_events where entity_id in (${q.id}, ${a.id}) order by occurred_at, seq`,
    );
    expect(audits).toEqual([
      { entityType: 'csirt_message', action: 'create', organisationId: world.orgs.csirt.id },
      { entityType: 'csirt_message', action: 'create', organisationId: world.orgs.alpha.id },
    ]);
  });

  it('changes the status, and tells the gemeente', async () => {
    const closed = await analist.patch(`${CS}/csirt-inbox/${nid}`, { status: 'afgesloten' }).then(ok);
    expect(closed).toMatchObject({ status: 'afgesloten', acknowledgedBy: 'analist' });
    expect((await ciso.get(`${A}/incidents/${incidentId}/csirt`).then(ok)).items[0].status).toBe('afgesloten');
    expect((await noticesOf(world.users.ciso.id)).at(-1)).toMatchObject({ kind: 'csirt_status', title: 'CSIRT Test: vroegtijdige waarschuwing afgesloten' });
    const back = await analist.patch(`${CS}/csirt-inbox/${nid}`, { status: 'in_behandeling' }).then(ok);
    expect(back.status).toBe('in_behandeling');
  });

  it('links notifications of two gemeenten in a campaign, never one of another CSIRT', async () => {
    const g = await significantIncident(gammaCiso, 'gamma', 'Ransomware bij de hostingpartij (Gamma)');
    await gammaCiso.post(`${api('gamma')}/incidents/${g.id}/reports/early-warning/send`, { channel: 'csirt' }).then(ok);
    const inbox = await analist.get(`${CS}/csirt-inbox`).then(ok);
    expect(inbox.total).toBe(2);
    expect(inbox.items.map((i: any) => i.gemeente.slug)).toEqual(['gamma', 'alpha']);
    gammaNid = inbox.items[0].id;

    const foreign = await analist.post(`${CS}/csirt-campaigns`, { title: 'Kustnet-ransomware', notificationIds: [nid, deltaNid] });
    expect(foreign.status).toBe(400);
    expect(paths(foreign)).toEqual(['body.notificationIds.1']);
    expect(foreign.body.detail).toContain('inbox van dit CSIRT');
    expect((await analist.get(`${CS}/csirt-campaigns`).then(ok)).items).toEqual([]);

    const c = await analist
      .post(`${CS}/csirt-campaigns`, { title: 'Kustnet-ransomware', description: 'Zelfde ransomwaregroep bij de gedeelde hostingpartij.', notificationIds: [nid, gammaNid] })
      .then(created);
    expect(c).toMatchObject({ title: 'Kustnet-ransomware', description: 'Zelfde ransomwaregroep bij de gedeelde hostingpartij.', gemeenten: 2 });
    expect(c.notifications.map((n: any) => [n.id, n.gemeente.slug, n.campaign])).toEqual([
      [gammaNid, 'gamma', { id: c.id, title: 'Kustnet-ransomware' }],
      [nid, 'alpha', { id: c.id, title: 'Kustnet-ransomware' }],
    ]);
    expect((await analist.get(`${CS}/csirt-campaigns`).then(ok)).items).toEqual([
      { id: c.id, title: 'Kustnet-ransomware', description: 'Zelfde ransomwaregroep bij de gedeelde hostingpartij.', notifications: 2, gemeenten: 2, createdAt: c.createdAt, updatedAt: c.updatedAt },
    ]);
    expect((await analist.get(`${CS}/csirt-inbox?campaign=${c.id}`).then(ok)).total).toBe(2);

    // another CSIRT's notification cannot be linked by PATCH either, and nothing changes then
    const bad = await analist.patch(`${CS}/csirt-campaigns/${c.id}`, { notificationIds: [deltaNid] });
    expect(bad.status).toBe(400);
    expect(paths(bad)).toEqual(['body.notificationIds.0']);
    expect((await analist.get(`${CS}/csirt-campaigns/${c.id}`).then(ok)).notifications).toHaveLength(2);
    // the second CSIRT cannot see or change this campaign, nor link its own notification to it
    expect((await analist2.get(`${CS2}/csirt-campaigns/${c.id}`)).status).toBe(404);
    expect((await analist2.patch(`${CS2}/csirt-campaigns/${c.id}`, { title: 'Overgenomen' })).status).toBe(404);
    expect((await analist2.get(`${CS2}/csirt-campaigns`).then(ok)).items).toEqual([]);
    const cross = await analist2.patch(`${CS2}/csirt-inbox/${deltaNid}`, { campaignId: c.id });
    expect(cross.status).toBe(400);
    expect(paths(cross)).toEqual(['body.campaignId']);

    // replacing the set releases alpha's notification
    const only = await analist.patch(`${CS}/csirt-campaigns/${c.id}`, { title: 'Kustnet', notificationIds: [gammaNid] }).then(ok);
    expect(only).toMatchObject({ title: 'Kustnet', gemeenten: 1 });
    expect(only.notifications.map((n: any) => n.id)).toEqual([gammaNid]);
    expect((await analist.get(`${CS}/csirt-inbox/${nid}`).then(ok)).campaign).toBeNull();
    // and a notification joins a campaign from its own page
    const joined = await analist.patch(`${CS}/csirt-inbox/${nid}`, { campaignId: c.id }).then(ok);
    expect(joined.campaign).toEqual({ id: c.id, title: 'Kustnet' });
    expect((await analist.get(`${CS}/csirt-campaigns/${c.id}`).then(ok)).gemeenten).toBe(2);
    const audits = await owner<{ action: string }>(sql`select action from audit_events where entity_type = 'csirt_campaign' and entity_id = ${c.id} order by seq`);
    expect(audits.map((x) => x.action)).toEqual(['create', 'update']);
  });

  it('filters and pages the inbox', async () => {
    const page1 = await analist.get(`${CS}/csirt-inbox?limit=1`).then(ok);
    expect(page1.total).toBe(2);
    expect(page1.items.map((i: any) => i.id)).toEqual([gammaNid]);
    const page2 = await analist.get(`${CS}/csirt-inbox?limit=1&cursor=${page1.nextCursor}`).then(ok);
    expect(page2.items.map((i: any) => i.id)).toEqual([nid]);
    expect(page2.nextCursor).toBeNull();
    const ids = async (query: string) => (await analist.get(`${CS}/csirt-inbox?${query}`).then(ok)).items.map((i: any) => i.id);
    expect(await ids('gemeente=gamma')).toEqual([gammaNid]);
    expect(await ids('gemeente=alpha&status=in_behandeling')).toEqual([nid]);
    expect(await ids('status=ontvangen')).toEqual([gammaNid]);
    expect(await ids('status=afgesloten')).toEqual([]);
    expect(await ids('kind=early-warning')).toEqual([gammaNid, nid]);
    expect(await ids('kind=incident-notification')).toEqual([]);
    expect(await ids(`q=${encodeURIComponent('(gamma)')}`)).toEqual([gammaNid]);
    expect(await ids('q=%25')).toEqual([]);
    // a gemeente not connected to this CSIRT: nothing, not an error
    expect(await ids('gemeente=delta')).toEqual([]);
    expect(await ids('gemeente=beta')).toEqual([]);
    // by default the open notifications; a closed one only with status=alle or afgesloten
    await analist.patch(`${CS}/csirt-inbox/${gammaNid}`, { status: 'afgesloten' }).then(ok);
    expect(await ids('')).toEqual([nid]);
    expect(await ids('status=open')).toEqual([nid]);
    expect(await ids('status=alle')).toEqual([gammaNid, nid]);
    expect(await ids('status=afgesloten')).toEqual([gammaNid]);
    expect((await analist.get(`${CS}/csirt-inbox?status=alle`).then(ok)).total).toBe(2);
    expect((await analist.get(`${CS}/csirt-inbox`).then(ok)).total).toBe(1);
    await analist.patch(`${CS}/csirt-inbox/${gammaNid}`, { status: 'in_behandeling' }).then(ok);
  });

  it('lets only the CSIRT handle its inbox, and only the gemeente write under its incident', async () => {
    // a gemeente's CISO has no inbox right; a gemeente's administrator has, but a gemeente is no CSIRT
    expect((await ciso.get(`${A}/csirt-inbox`)).status).toBe(403);
    const notCsirt = await admin.get(`${A}/csirt-inbox`);
    expect(notCsirt.status).toBe(403);
    expect(notCsirt.body.detail).toContain('CSIRT');
    expect((await admin.get(`${A}/csirt-campaigns`)).status).toBe(403);
    expect((await admin.post(`${A}/csirt-campaigns`, { title: 'x' })).status).toBe(403);
    // the gemeente cannot reach the CSIRT's inbox
    for (const r of [
      await ciso.get(`${CS}/csirt-inbox`),
      await ciso.get(`${CS}/csirt-inbox/${nid}`),
      await ciso.post(`${CS}/csirt-inbox/${nid}/acknowledge`),
      await ciso.post(`${CS}/csirt-inbox/${nid}/messages`, { body: 'x' }),
    ])
      expect(r.status).toBe(404);
    // the auditor reads the gemeente's side but does not write; a notification of another incident is not found
    expect((await auditor.post(`${A}/incidents/${incidentId}/csirt/${nid}/messages`, { body: 'x' })).status).toBe(403);
    const other = await significantIncident(ciso, 'alpha', 'Ander incident');
    expect((await ciso.post(`${A}/incidents/${other.id}/csirt/${nid}/messages`, { body: 'x' })).status).toBe(404);
    expect((await ciso.post(`${A}/incidents/${incidentId}/csirt/${NOPE}/messages`, { body: 'x' })).status).toBe(404);
    // another gemeente: 404 on the incident's CSIRT endpoints, under its own path and under alpha's
    for (const base of [api('beta'), A]) {
      expect((await beta.get(`${base}/incidents/${incidentId}/csirt`)).status).toBe(404);
      expect((await beta.post(`${base}/incidents/${incidentId}/csirt/${nid}/messages`, { body: 'x' })).status).toBe(404);
    }
    // gamma's CISO cannot write into alpha's thread through its own incident either
    expect((await gammaCiso.post(`${api('gamma')}/incidents/${incidentId}/csirt/${nid}/messages`, { body: 'x' })).status).toBe(404);
    expect((await analist.get(`${CS}/csirt-inbox/${nid}`).then(ok)).thread).toHaveLength(2);
  });

  it('rejects bad input with a Dutch problem+json naming the field', async () => {
    const msg = `${CS}/csirt-inbox/${nid}/messages`;
    const unknown = await analist.post(msg, { body: 'x', urgent: true });
    expect(unknown.status).toBe(400);
    expect(String(unknown.headers['content-type'])).toContain('application/problem+json');
    for (const body of ['', '   ']) {
      const empty = await analist.post(msg, { body });
      expect(empty.status).toBe(400);
      expect(paths(empty)).toEqual(['body.body']);
      expect(empty.body.errors[0].message).toBe('het bericht is leeg');
    }
    const long = await analist.post(msg, { body: 'x'.repeat(10_001) });
    expect(long.status).toBe(400);
    expect(long.body.errors[0].message).toBe('het bericht is langer dan 10.000 tekens');
    expect((await analist.post(msg, { body: 'x'.repeat(10_000) })).status).toBe(201);
    expect((await analist.post(msg, {})).status).toBe(400);
    expect((await ciso.post(`${A}/incidents/${incidentId}/csirt/${nid}/messages`, { body: '' })).status).toBe(400);
    expect((await ciso.post(`${A}/incidents/${incidentId}/csirt/${nid}/messages`, { body: 'x', side: 'csirt' })).status).toBe(400);

    expect(paths(await analist.patch(`${CS}/csirt-inbox/${nid}`, { status: 'weg' }))).toEqual(['body.status']);
    expect((await analist.patch(`${CS}/csirt-inbox/${nid}`, {})).status).toBe(400);
    expect((await analist.patch(`${CS}/csirt-inbox/${nid}`, { status: 'afgesloten', content: {} })).status).toBe(400);
    expect(paths(await analist.patch(`${CS}/csirt-inbox/${nid}`, { campaignId: NOPE }))).toEqual(['body.campaignId']);
    expect((await analist.get(`${CS}/csirt-inbox/niet-een-uuid`)).status).toBe(400);
    expect((await analist.get(`${CS}/csirt-inbox/${NOPE}`)).status).toBe(404);
    expect((await analist.post(`${CS}/csirt-inbox/${NOPE}/acknowledge`)).status).toBe(404);

    expect((await analist.get(`${CS}/csirt-inbox?kleur=rood`)).status).toBe(400);
    expect((await analist.get(`${CS}/csirt-inbox?status=weg`)).status).toBe(400);
    expect((await analist.get(`${CS}/csirt-inbox?limit=0`)).status).toBe(400);
    const cursor = await analist.get(`${CS}/csirt-inbox?cursor=bogus`);
    expect(cursor.status).toBe(400);
    expect(paths(cursor)).toEqual(['query.cursor']);

    expect(paths(await analist.post(`${CS}/csirt-campaigns`, { title: '  ' }))).toEqual(['body.title']);
    expect((await analist.post(`${CS}/csirt-campaigns`, { title: 'x', colour: 'rood' })).status).toBe(400);
    expect((await analist.post(`${CS}/csirt-campaigns`, { title: 'x', notificationIds: ['geen-uuid'] })).status).toBe(400);
    expect(paths(await analist.post(`${CS}/csirt-campaigns`, { title: 'x', notificationIds: [NOPE] }))).toEqual(['body.notificationIds.0']);
    expect((await analist.get(`${CS}/csirt-campaigns/${NOPE}`)).status).toBe(404);
  });
});

describe(`the demo CSIRT inbox on ${ENGINE}`, () => {
  let d: TestApp;
  beforeAll(async () => {
    d = await createTestApp();
    await loadCatalogs(d.deps.database);
    expect(await loadDemo(d.deps.database)).toBe('loaded');
  }, 300_000);
  afterAll(() => d?.close());

  it('holds the demo gemeenten’ early warnings, Zuidhaven’s acknowledged with a question and an answer', async () => {
    const a = await loginAs(d.app, 'analist@csirt.example', 'weerbaar-demo');
    const inbox = await a.get('/api/v1/organisations/csirt-gemeenten/csirt-inbox').then(ok);
    expect(inbox.total).toBe(3);
    expect(inbox.items.map((i: any) => [i.gemeente.slug, i.kind, i.incident.title]).sort()).toEqual(
      ['noorderveld', 'oostbroek', 'zuidhaven'].map((slug) => [slug, 'early-warning', 'Ransomware bij Kustnet Datacenters: virtuele servers versleuteld']),
    );
    const zuidhaven = inbox.items.find((i: any) => i.gemeente.slug === 'zuidhaven');
    expect(zuidhaven).toMatchObject({ status: 'in_behandeling', acknowledgedBy: 'Analist CSIRT', messages: 2, awaitingReply: true });
    expect(inbox.items.filter((i: any) => i.gemeente.slug !== 'zuidhaven').map((i: any) => i.status)).toEqual(['ontvangen', 'ontvangen']);
    const one = await a.get(`/api/v1/organisations/csirt-gemeenten/csirt-inbox/${zuidhaven.id}`).then(ok);
    expect(one.thread.map((m: any) => [m.side, m.author])).toEqual([
      ['csirt', 'Analist CSIRT'],
      ['gemeente', expect.any(String)],
    ]);
    expect(one.contentHash).toBe(sha256(canonicalJson(one.content)));
    // acknowledged an hour after it was sent
    expect(new Date(one.acknowledgedAt).getTime() - new Date(one.sentAt).getTime()).toBe(HOUR);

    const c = await loginAs(d.app, 'ciso@zuidhaven.example', 'weerbaar-demo');
    const list = await c.get('/api/v1/organisations/zuidhaven/incidents').then(ok);
    const open = list.items.find((i: any) => i.category === 'ransomware');
    const mine = await c.get(`/api/v1/organisations/zuidhaven/incidents/${open.id}/csirt`).then(ok);
    expect(mine.connected).toEqual({ slug: 'csirt-gemeenten', name: 'CSIRT Gemeenten' });
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: zuidhaven.id, status: 'in_behandeling', acknowledgedBy: 'Analist CSIRT' });
    expect(mine.items[0].thread).toEqual(one.thread);
  });
});
