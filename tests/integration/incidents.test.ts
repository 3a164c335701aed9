import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { sql } from 'drizzle-orm';
import { memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { tenantTx } from '../../src/server/core/db/client.js';
import { seedCtx } from '../../src/server/demo/context.js';
import { loadDemo } from '../../src/server/demo/seed.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { getIncident } from '../../src/server/modules/incidents/manage-incidents.js';
import { incidentDeadlines } from '../../src/server/modules/incidents/deadlines.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const NOPE = '00000000-0000-4000-8000-000000000000';
const HOUR = 3_600_000;

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let auditor: Client;
let staff: Client;
let beta: Client;

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

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  const hash = await hashPassword(PASSWORD);
  const [u] = await t.deps.database.db.insert(users).values({ email: 'medewerker@alpha.test', name: 'medewerker', passwordHash: hash }).returning();
  await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: u.id, roles: ['medewerker'] });
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  staff = await loginAs(t.app, 'medewerker@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
});
afterAll(() => t?.close());

async function created(r: { status: number; text: string; body: any }) {
  expect(r.status, r.text).toBe(201);
  return r.body;
}
async function ok(r: { status: number; text: string; body: any }) {
  expect(r.status, r.text).toBe(200);
  return r.body;
}
const paths = (r: { body: any }) => (r.body.errors ?? []).map((e: any) => e.path);
const deadline = (inc: any, id: string) => inc.deadlines.find((d: any) => d.id === id);

describe(`incident register on ${ENGINE}`, () => {
  let processId: string;
  let supplierId: string;
  let arrangementId: string;
  let incidentId: string;

  beforeAll(async () => {
    processId = (await ciso.post(`${A}/assets`, { kind: 'proces', name: 'Burgerzaken: paspoorten' }).then(created)).id;
    supplierId = (await ciso.post(`${A}/suppliers`, { name: 'Hosting B.V.' }).then(created)).id;
    arrangementId = (await ciso.post(`${A}/joint-arrangements`, { name: 'ICT Samenwerking', kind: 'gemeenschappelijke_regeling' }).then(created)).id;
  });

  it('registers an incident with a per-year reference, handlers, named links and a first timeline entry', async () => {
    const inc = await ciso
      .post(`${A}/incidents`, {
        title: 'Ransomware bij de hostingpartij',
        description: 'Servers van de hostingpartij versleuteld.',
        category: 'ransomware',
        severity: 'kritiek',
        impact: 'Burgerzaken ligt stil.',
        startedAt: '2026-03-27T22:00:00+01:00',
        awareAt: '2026-03-28T10:00:00+01:00',
        handlerIds: [world.users.ciso.id, world.users.admin.id, world.users.ciso.id],
        links: [
          { type: 'supplier', id: supplierId },
          { type: 'asset', id: processId },
          { type: 'joint_arrangement', id: arrangementId },
        ],
      })
      .then(created);
    incidentId = inc.id;
    expect(inc).toMatchObject({
      ref: 'I-2026-001',
      status: 'open',
      awareAt: '2026-03-28T09:00:00.000Z',
      startedAt: '2026-03-27T21:00:00.000Z',
      handledAt: null,
      closedAt: null,
      handlers: [
        { id: world.users.admin.id, name: 'admin' },
        { id: world.users.ciso.id, name: 'ciso' },
      ],
      links: [
        { type: 'asset', id: processId, name: 'Burgerzaken: paspoorten', kind: 'proces' },
        { type: 'supplier', id: supplierId, name: 'Hosting B.V.', kind: null },
        { type: 'joint_arrangement', id: arrangementId, name: 'ICT Samenwerking', kind: null },
      ],
      cbw: { significant: null, answeredBy: null, answeredAt: null, reason: '' },
      avg: { breach: null, categories: [], subjectsApprox: null },
      deadlines: [],
      overdue: false,
      reports: [],
      tasks: [],
    });
    expect(inc.timeline).toHaveLength(1);
    expect(inc.timeline[0]).toMatchObject({ kind: 'status', text: 'Incident geregistreerd', actor: 'ciso' });

    // the reference counts per year of awareness in Europe/Amsterdam: 31 December 23:30 UTC is already 1 January there
    const newYear = await ciso.post(`${A}/incidents`, { title: 'Nieuwjaarsstoring', category: 'storing', severity: 'laag', awareAt: '2025-12-31T23:30:00Z' }).then(created);
    expect(newYear.ref).toBe('I-2026-002');
    const oldYear = await ciso.post(`${A}/incidents`, { title: 'Oudejaarsstoring', category: 'storing', severity: 'laag', awareAt: '2025-12-31T22:30:00Z' }).then(created);
    expect(oldYear.ref).toBe('I-2025-001');

    const audits = rowsOf<{ action: string }>(await t.deps.database.db.execute(sql`select action from audit_events where entity_id = ${incidentId} order by seq`));
    expect(audits.map((a) => a.action)).toEqual(['create']);
  });

  it('rejects bad input with a Dutch problem+json naming the field', async () => {
    const base = { title: 'Test', category: 'phishing', severity: 'midden', awareAt: '2026-03-01T10:00:00+01:00' };
    const unknown = await ciso.post(`${A}/incidents`, { ...base, colour: 'rood' });
    expect(unknown.status).toBe(400);
    expect(String(unknown.headers['content-type'])).toContain('application/problem+json');

    const future = await ciso.post(`${A}/incidents`, { ...base, awareAt: new Date(Date.now() + 10 * 60_000).toISOString() });
    expect(future.status).toBe(400);
    expect(paths(future)).toEqual(['body.awareAt']);
    expect(future.body.detail).toContain('toekomst');

    const later = await ciso.post(`${A}/incidents`, { ...base, startedAt: '2026-03-01T11:00:00+01:00' });
    expect(later.status).toBe(400);
    expect(paths(later)).toEqual(['body.startedAt']);

    const badLink = await ciso.post(`${A}/incidents`, { ...base, links: [{ type: 'asset', id: processId }, { type: 'supplier', id: NOPE }] });
    expect(badLink.status).toBe(400);
    expect(paths(badLink)).toEqual(['body.links.1']);
    expect(badLink.body.errors[0].message).toBe(`leverancier ${NOPE} bestaat niet in deze organisatie`);
    // another organisation's supplier does not exist here either
    const betaSupplier = (await beta.post(`${B}/suppliers`, { name: 'Beta Hosting' }).then(created)).id;
    expect(paths(await ciso.post(`${A}/incidents`, { ...base, links: [{ type: 'supplier', id: betaSupplier }] }))).toEqual(['body.links.0']);

    const stranger = await ciso.post(`${A}/incidents`, { ...base, handlerIds: [world.users.betaAdmin.id] });
    expect(stranger.status).toBe(400);
    expect(paths(stranger)).toEqual(['body.handlerIds.0']);
    expect(stranger.body.errors[0].message).toContain('geen lid');

    expect((await ciso.post(`${A}/incidents`, { ...base, category: 'tsunami' })).status).toBe(400);
    expect((await ciso.post(`${A}/incidents`, { ...base, awareAt: '2026-03-01' })).status).toBe(400);
    // a client clock one minute ahead is tolerated
    expect((await ciso.post(`${A}/incidents`, { ...base, title: 'Klokverschil', awareAt: new Date(Date.now() + 60_000).toISOString() })).status).toBe(201);
  });

  it('computes the Cbw and AVG deadlines from the awareness moment once the legal questions are answered', async () => {
    const cbw = await ciso.put(`${A}/incidents/${incidentId}/legal/cbw`, { significant: true, reason: 'Burgerzaken ligt langer dan een dag stil.' }).then(ok);
    expect(cbw.cbw).toMatchObject({ significant: true, reason: 'Burgerzaken ligt langer dan een dag stil.', answeredBy: 'ciso' });
    // aware 28-03-2026 10:00 CET = 09:00Z; +24 h elapsed (across the DST change of 29 March) = 29-03 09:00Z; +72 h = 31-03 09:00Z
    expect(cbw.deadlines.map((d: any) => [d.id, d.due, d.state])).toEqual([
      ['early-warning', '2026-03-29T09:00:00.000Z', 'te_laat'],
      ['incident-notification', '2026-03-31T09:00:00.000Z', 'te_laat'],
    ]);
    expect(cbw.deadlines[0]).toMatchObject({ regime: 'cbw', name: 'Vroegtijdige waarschuwing', rule: '24 uur na bewustwording', doneAt: null, overdue: true });
    expect(cbw.deadlines[0].basis).toContain('Art. 23 lid 4 onder a NIS2');
    expect(cbw.overdue).toBe(true);

    const avg = await ciso
      .put(`${A}/incidents/${incidentId}/legal/avg`, {
        breach: true,
        reason: 'Kopieën van paspoortaanvragen zijn mogelijk ingezien.',
        categories: ['naw', 'bsn', 'identiteitsbewijs'],
        subjectsApprox: 1200,
        recordsApprox: 3400,
        consequences: 'Risico op identiteitsfraude.',
        notifySubjects: true,
        notifyReason: 'Hoog risico door BSN en kopie identiteitsbewijs.',
      })
      .then(ok);
    expect(avg.avg).toMatchObject({
      breach: true,
      categories: ['naw', 'bsn', 'identiteitsbewijs'],
      subjectsApprox: 1200,
      recordsApprox: 3400,
      notifySubjects: true,
      answeredBy: 'ciso',
    });
    expect(deadline(avg, 'data-breach-notification')).toMatchObject({ regime: 'avg', due: '2026-03-31T09:00:00.000Z', state: 'te_laat', recipient: 'de Autoriteit Persoonsgegevens' });
    expect(avg.timeline.filter((e: any) => e.kind === 'juridisch')).toHaveLength(2);

    // changing an answer is allowed and leaves a trace
    const no = await ciso.put(`${A}/incidents/${incidentId}/legal/avg`, { breach: false, reason: 'Toch geen persoonsgegevens.' }).then(ok);
    expect(deadline(no, 'data-breach-notification')).toBeUndefined();
    expect(no.avg.categories).toEqual(['naw', 'bsn', 'identiteitsbewijs']);
    const yes = await ciso.put(`${A}/incidents/${incidentId}/legal/avg`, { breach: true, reason: 'Toch wel: logbestanden tonen inzage.' }).then(ok);
    expect(yes.timeline.filter((e: any) => e.kind === 'juridisch').map((e: any) => e.text)).toEqual([
      'Cbw: significant incident? ja. Afweging: Burgerzaken ligt langer dan een dag stil.',
      'AVG: inbreuk in verband met persoonsgegevens? ja. Afweging: Kopieën van paspoortaanvragen zijn mogelijk ingezien. Betrokkenen inlichten (art. 34): ja.',
      'AVG: inbreuk in verband met persoonsgegevens? nee (was: ja). Afweging: Toch geen persoonsgegevens.',
      'AVG: inbreuk in verband met persoonsgegevens? ja (was: nee). Afweging: Toch wel: logbestanden tonen inzage.',
    ]);
    const audits = rowsOf<{ action: string }>(await t.deps.database.db.execute(sql`select action from audit_events where entity_id = ${incidentId} order by seq`));
    expect(audits.map((a) => a.action)).toEqual(['create', 'legal_cbw', 'legal_avg', 'legal_avg', 'legal_avg']);
    expect((await ciso.put(`${A}/incidents/${incidentId}/legal/cbw`, { significant: true })).status).toBe(400);
    expect((await ciso.put(`${A}/incidents/${incidentId}/legal/avg`, { breach: true, reason: 'x', categories: ['schoenmaat'] })).status).toBe(400);
  });

  it('generates the reports from the record, sends each once with the hash of its canonical JSON, and marks the deadlines', async () => {
    const ew = await ciso.get(`${A}/incidents/${incidentId}/reports/early-warning`).then(ok);
    expect(ew).toMatchObject({ kind: 'early-warning', regime: 'cbw', name: 'Vroegtijdige waarschuwing', draft: true, edited: false, sentAt: null, contentHash: null });
    expect(ew.content).toEqual({
      organisation: 'Gemeente Alpha',
      incidentRef: 'I-2026-001',
      incidentTitle: 'Ransomware bij de hostingpartij',
      awareAt: '2026-03-28T09:00:00.000Z',
      suspectedUnlawfulOrMalicious: true,
      crossBorderImpact: null,
      contact: { name: 'ciso', email: 'ciso@alpha.test' },
    });
    // progress and final report only after the incident notification
    expect((await ciso.get(`${A}/incidents/${incidentId}/reports/final-report`)).status).toBe(404);
    expect((await ciso.get(`${A}/incidents/${incidentId}/reports/progress-report`)).status).toBe(404);
    expect((await ciso.get(`${A}/incidents/${incidentId}/reports/onzin`)).status).toBe(400);

    // bad sending moments
    const send = (kind: string, body: unknown) => ciso.post(`${A}/incidents/${incidentId}/reports/${kind}/send`, body);
    expect(paths(await send('early-warning', { channel: 'extern', sentAt: '2026-03-28T09:59:00+01:00' }))).toEqual(['body.sentAt']);
    expect(paths(await send('early-warning', { channel: 'extern', sentAt: new Date(Date.now() + 3_600_000).toISOString() }))).toEqual(['body.sentAt']);
    expect(paths(await send('early-warning', { channel: 'csirt', sentAt: '2026-03-28T20:00:00+01:00' }))).toEqual(['body.sentAt']);
    expect((await send('early-warning', { channel: 'fax' })).status).toBe(400);

    // the early warning, sent in time
    const sent = await send('early-warning', { channel: 'extern', sentAt: '2026-03-28T20:00:00+01:00' }).then(ok);
    expect(sent).toMatchObject({ draft: false, edited: false, sentAt: '2026-03-28T19:00:00.000Z', sentBy: 'ciso', channel: 'extern' });
    expect(sent.content).toEqual(ew.content);
    expect(sent.contentHash).toBe(sha256(canonicalJson(sent.content)));
    expect(sent.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const twice = await send('early-warning', { channel: 'csirt' });
    expect(twice.status).toBe(409);
    expect(twice.body.detail).toContain('al verzonden');
    expect((await ciso.put(`${A}/incidents/${incidentId}/reports/early-warning`, { content: { x: 1 } })).status).toBe(409);
    expect(await ciso.get(`${A}/incidents/${incidentId}/reports/early-warning`).then(ok)).toEqual(sent);

    // the incident notification: generated with the links' names, then edited, then sent an hour late
    const gen = (await ciso.get(`${A}/incidents/${incidentId}/reports/incident-notification`).then(ok)).content;
    expect(gen).toMatchObject({
      severity: 'kritiek',
      impact: 'Burgerzaken ligt stil.',
      category: 'Ransomware',
      indicatorsOfCompromise: '',
      affectedProcesses: ['Burgerzaken: paspoorten'],
      affectedAssets: [],
      affectedSuppliers: ['Hosting B.V.'],
      affectedJointArrangements: ['ICT Samenwerking'],
    });
    const edited = { ...gen, impact: 'Burgerzaken ligt twee dagen stil; noodloket ingericht.', indicatorsOfCompromise: 'IP 192.0.2.10' };
    const draft = await ciso.put(`${A}/incidents/${incidentId}/reports/incident-notification`, { content: edited }).then(ok);
    expect(draft).toMatchObject({ draft: true, edited: true, content: edited });
    const notification = await send('incident-notification', { channel: 'extern', sentAt: '2026-03-31T12:00:00+02:00' }).then(ok);
    expect(notification.content).toEqual(edited);
    expect(notification.contentHash).toBe(sha256(canonicalJson(edited)));

    const inc = await ciso.get(`${A}/incidents/${incidentId}`).then(ok);
    // sent 31-03 12:00 CEST: one month later is 31 April, which does not exist: 30-04 12:00 CEST = 10:00Z.
    // Still ongoing (no handled moment): a progress report instead of the final report.
    expect(inc.deadlines.map((d: any) => [d.id, d.due, d.state, d.doneAt])).toEqual([
      ['early-warning', '2026-03-29T09:00:00.000Z', 'gedaan', '2026-03-28T19:00:00.000Z'],
      ['incident-notification', '2026-03-31T09:00:00.000Z', 'te_laat_gedaan', '2026-03-31T10:00:00.000Z'],
      ['data-breach-notification', '2026-03-31T09:00:00.000Z', 'te_laat', null],
      ['progress-report', '2026-04-30T10:00:00.000Z', 'te_laat', null],
    ]);
    expect(inc.reports.map((r: any) => [r.kind, r.sentAt, r.channel])).toEqual([
      ['early-warning', '2026-03-28T19:00:00.000Z', 'extern'],
      ['incident-notification', '2026-03-31T10:00:00.000Z', 'extern'],
      ['data-breach-notification', null, null],
      ['progress-report', null, null],
    ]);
    expect(inc.timeline.filter((e: any) => e.kind === 'rapport').map((e: any) => e.occurredAt)).toEqual(['2026-03-28T19:00:00.000Z', '2026-03-31T10:00:00.000Z']);

    // handled before the progress report was due: the final report replaces it
    const handled = await ciso.patch(`${A}/incidents/${incidentId}`, { handledAt: '2026-04-20T09:00:00+02:00' }).then(ok);
    expect(deadline(handled, 'progress-report')).toBeUndefined();
    expect(deadline(handled, 'final-report')).toMatchObject({ due: '2026-04-30T10:00:00.000Z', state: 'te_laat' });
    expect(handled.timeline.at(-1)).toMatchObject({ kind: 'moment', text: 'Moment van afhandeling vastgelegd: 20-04-2026 09:00' });
    const final = await ciso.get(`${A}/incidents/${incidentId}/reports/final-report`).then(ok);
    expect(final.content).toMatchObject({ threatType: 'Ransomware', detailedDescription: 'Servers van de hostingpartij versleuteld.', handledAt: '2026-04-20T07:00:00.000Z', crossBorderImpact: null });

    // the AP notification carries the art. 33(3) fields
    const ap = await ciso.get(`${A}/incidents/${incidentId}/reports/data-breach-notification`).then(ok);
    expect(ap).toMatchObject({ regime: 'avg', name: 'Melding datalek aan de Autoriteit Persoonsgegevens' });
    expect(ap.content).toMatchObject({
      natureOfBreach: 'Servers van de hostingpartij versleuteld.',
      dataCategories: ['naw', 'bsn', 'identiteitsbewijs'],
      subjectsApprox: 1200,
      recordsApprox: 3400,
      likelyConsequences: 'Risico op identiteitsfraude.',
      subjectsInformed: true,
      contact: { name: 'ciso', email: 'ciso@alpha.test' },
    });

    // the audit trail keeps the sending with the hash
    const audit = rowsOf<{ changes: any }>(
      await t.deps.database.db.execute(sql`select changes from audit_events where entity_type = 'incident_report' and action = 'send' order by seq`),
    );
    expect(audit.map((a) => (typeof a.changes === 'string' ? JSON.parse(a.changes) : a.changes).sha256.after)).toEqual([sent.contentHash, notification.contentHash]);
  });

  it('prints a report as PDF: as sent (with its legal basis and hash) or as a draft marked CONCEPT', async () => {
    const pdf = async (c: Client, url: string) => {
      const res = await t.app.inject({ method: 'GET', url, headers: c.cookie ? { cookie: c.cookie } : {} });
      if (res.statusCode !== 200) return { status: res.statusCode, text: '', type: res.headers['content-type'] };
      const parser = new PDFParse({ data: new Uint8Array(res.rawPayload) });
      try {
        return { status: 200, text: (await parser.getText()).text.replace(/\s+/g, ' '), type: res.headers['content-type'], disposition: res.headers['content-disposition'] };
      } finally {
        await parser.destroy();
      }
    };
    const sent = await ciso.get(`${A}/incidents/${incidentId}/reports/early-warning`).then(ok);
    const ew = await pdf(ciso, `${A}/incidents/${incidentId}/reports/early-warning/pdf`);
    expect(ew.status).toBe(200);
    expect(ew.type).toBe('application/pdf');
    expect(ew.disposition).toBe('attachment; filename="I-2026-001-early-warning.pdf"');
    for (const piece of [
      'Vroegtijdige waarschuwing',
      'Gemeente Alpha · incident I-2026-001 Ransomware bij de hostingpartij',
      'Art. 23 lid 4 onder a NIS2',
      'Verzonden op 28-03-2026 20:00 door ciso buiten Weerbaar',
      'Moment van bewustwording 28-03-2026 10:00 (Europe/Amsterdam)',
      'Vermoeden van onrechtmatig of kwaadwillig handelen Ja',
      'Mogelijke grensoverschrijdende gevolgen —',
      'Contactpersoon ciso, ciso@alpha.test',
      sent.contentHash,
    ])
      expect(ew.text).toContain(piece);
    expect(ew.text).not.toContain('CONCEPT');
    // a report not sent yet is a draft
    const draft = await ciso.get(`${A}/incidents/${incidentId}`).then(ok);
    const open = draft.reports.find((r: any) => r.sentAt === null);
    expect(open, 'an unsent report kind').toBeDefined();
    const d = await pdf(ciso, `${A}/incidents/${incidentId}/reports/${open.kind}/pdf`);
    expect(d.status).toBe(200);
    expect(d.text).toContain('CONCEPT —');
    expect(d.text).toContain('Concept — nog niet verzonden');
    // who may read the incident may print it; nobody else; a kind that does not apply is 404
    expect((await pdf(auditor, `${A}/incidents/${incidentId}/reports/early-warning/pdf`)).status).toBe(200);
    expect((await pdf(staff, `${A}/incidents/${incidentId}/reports/early-warning/pdf`)).status).toBe(403);
    expect((await pdf(beta, `${A}/incidents/${incidentId}/reports/early-warning/pdf`)).status).toBe(404);
    expect((await pdf(beta, `${B}/incidents/${incidentId}/reports/early-warning/pdf`)).status).toBe(404);
    expect((await pdf(ciso, `${A}/incidents/${incidentId}/reports/onzin/pdf`)).status).toBe(400);
  });

  it('corrects a recorded moment only with a reason, moves the deadlines and keeps the correction on the timeline and in the audit trail', async () => {
    const inc = await ciso.post(`${A}/incidents`, { title: 'DDoS op de website', category: 'ddos', severity: 'hoog', awareAt: '2026-10-24T10:00:00+02:00' }).then(created);
    await ciso.put(`${A}/incidents/${inc.id}/legal/cbw`, { significant: true, reason: 'Dienstverlening langdurig onbereikbaar.' }).then(ok);
    const noReason = await ciso.patch(`${A}/incidents/${inc.id}`, { awareAt: '2026-10-24T08:30:00+02:00' });
    expect(noReason.status).toBe(400);
    expect(paths(noReason)).toEqual(['body.awareAt']);
    expect(noReason.body.detail).toContain('correctionReason');

    const fixed = await ciso.patch(`${A}/incidents/${inc.id}`, { awareAt: '2026-10-24T08:30:00+02:00', correctionReason: 'Melding servicedesk was eerder binnen.' }).then(ok);
    // 08:30 CEST = 06:30Z; +24 h elapsed = 25-10 06:30Z (the clock went back that night: 07:30 CET); +72 h = 27-10 06:30Z
    expect(fixed.deadlines.map((d: any) => [d.id, d.due])).toEqual([
      ['early-warning', '2026-10-25T06:30:00.000Z'],
      ['incident-notification', '2026-10-27T06:30:00.000Z'],
    ]);
    expect(fixed.timeline.at(-1)).toMatchObject({
      kind: 'moment',
      actor: 'ciso',
      text: 'Moment van bewustwording gecorrigeerd: 24-10-2026 10:00 → 24-10-2026 08:30. Reden: Melding servicedesk was eerder binnen.',
    });
    const [audit] = rowsOf<{ changes: any }>(
      await t.deps.database.db.execute(sql`select changes from audit_events where entity_id = ${inc.id} and action = 'update' order by seq`),
    );
    const changes = typeof audit.changes === 'string' ? JSON.parse(audit.changes) : audit.changes;
    expect(changes.awareAt).toEqual({ before: '2026-10-24T08:00:00.000Z', after: '2026-10-24T06:30:00.000Z' });
    expect(changes.correctionReason.after).toBe('Melding servicedesk was eerder binnen.');

    // a moment that was not set yet needs no reason; correcting it later does; a future moment never
    expect((await ciso.patch(`${A}/incidents/${inc.id}`, { startedAt: '2026-10-24T07:00:00+02:00' })).status).toBe(200);
    expect(paths(await ciso.patch(`${A}/incidents/${inc.id}`, { startedAt: null }))).toEqual(['body.startedAt']);
    expect(paths(await ciso.patch(`${A}/incidents/${inc.id}`, { startedAt: '2026-10-24T09:00:00+02:00', correctionReason: 'x' }))).toEqual(['body.startedAt']);
    expect(paths(await ciso.patch(`${A}/incidents/${inc.id}`, { awareAt: new Date(Date.now() + HOUR).toISOString(), correctionReason: 'x' }))).toEqual(['body.awareAt']);
    expect(paths(await ciso.patch(`${A}/incidents/${inc.id}`, { handledAt: '2026-10-01T09:00:00+02:00' }))).toEqual(['body.handledAt']);
    expect((await ciso.patch(`${A}/incidents/${inc.id}`, { severity: 'extreem' })).status).toBe(400);
    expect((await ciso.patch(`${A}/incidents/${inc.id}`, { ref: 'I-1' })).status).toBe(400);

    // after a report was sent, awareness cannot move past it
    await ciso.post(`${A}/incidents/${inc.id}/reports/early-warning/send`, { channel: 'extern', sentAt: '2026-10-24T12:00:00+02:00' }).then(ok);
    const past = await ciso.patch(`${A}/incidents/${inc.id}`, { awareAt: '2026-10-24T13:00:00+02:00', correctionReason: 'toch later' });
    expect(paths(past)).toEqual(['body.awareAt']);
  });

  it('judges each deadline against the clock: open before the due moment, te_laat after it', async () => {
    const aware = new Date('2026-03-28T09:00:00Z');
    const rec = { awareAt: aware, handledAt: null, cbwSignificant: true, avgBreach: null };
    const at = (ms: number) => incidentDeadlines(rec, [], new Date(aware.getTime() + ms))[0];
    expect(at(24 * HOUR)).toMatchObject({ id: 'early-warning', state: 'open', overdue: false });
    expect(at(24 * HOUR + 1)).toMatchObject({ id: 'early-warning', state: 'te_laat', overdue: true });
    // sent exactly at the due moment is in time; a millisecond later is not
    const due = new Date(aware.getTime() + 24 * HOUR);
    expect(incidentDeadlines(rec, [{ kind: 'early-warning', sentAt: due }], new Date())[0].state).toBe('gedaan');
    expect(incidentDeadlines(rec, [{ kind: 'early-warning', sentAt: new Date(due.getTime() + 1) }], new Date())[0].state).toBe('te_laat_gedaan');

    // the use case with an injected clock, through the real database
    const inc = await ciso.post(`${A}/incidents`, { title: 'Phishing-golf', category: 'phishing', severity: 'midden', awareAt: '2026-06-01T10:00:00+02:00' }).then(created);
    await ciso.put(`${A}/incidents/${inc.id}/legal/cbw`, { significant: true, reason: 'Meerdere accounts overgenomen.' }).then(ok);
    const view = (now: string) =>
      tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: world.users.ciso.id }, (tx) =>
        getIncident(seedCtx(tx, world.orgs.alpha, world.users.ciso.id, 'test'), inc.id, new Date(now)),
      );
    const before = await view('2026-06-02T09:59:59+02:00');
    expect(before.deadlines.map((d) => d.state)).toEqual(['open', 'open']);
    expect(before.overdue).toBe(false);
    const after = await view('2026-06-02T10:00:01+02:00');
    expect(after.deadlines.map((d) => d.state)).toEqual(['te_laat', 'open']);
    expect(after.overdue).toBe(true);

    // a fresh incident through the API: open, with its next deadline
    const fresh = await ciso.post(`${A}/incidents`, { title: 'Verdachte login', category: 'ongeautoriseerde_toegang', severity: 'midden', awareAt: new Date(Date.now() - HOUR).toISOString() }).then(created);
    const answered = await ciso.put(`${A}/incidents/${fresh.id}/legal/cbw`, { significant: true, reason: 'Beheeraccount gebruikt.' }).then(ok);
    expect(answered.deadlines.map((d: any) => d.state)).toEqual(['open', 'open']);
    expect(answered.overdue).toBe(false);
  });

  it('appends events, decisions and notes to a timeline the database will not let anyone change', async () => {
    const early = await ciso.post(`${A}/incidents/${incidentId}/events`, { kind: 'gebeurtenis', text: 'Eerste versleutelde bestanden (achteraf vastgesteld).', occurredAt: '2026-03-27T23:15:00+01:00' }).then(created);
    expect(early).toMatchObject({ kind: 'gebeurtenis', occurredAt: '2026-03-27T22:15:00.000Z', actor: 'ciso' });
    const decision = await ciso.post(`${A}/incidents/${incidentId}/events`, { kind: 'besluit', text: 'Geen losgeld betalen.', occurredAt: '2026-03-28T14:00:00+01:00' }).then(created);
    expect((await ciso.post(`${A}/incidents/${incidentId}/events`, { kind: 'notitie', text: 'x', occurredAt: new Date(Date.now() + HOUR).toISOString() })).status).toBe(400);
    expect((await ciso.post(`${A}/incidents/${incidentId}/events`, { kind: 'status', text: 'x' })).status).toBe(400);
    expect((await ciso.post(`${A}/incidents/${incidentId}/events`, { kind: 'notitie', text: 'x', actor: 'iemand' })).status).toBe(400);
    expect((await ciso.post(`${A}/incidents/${NOPE}/events`, { kind: 'notitie', text: 'x' })).status).toBe(404);

    const inc = await ciso.get(`${A}/incidents/${incidentId}`).then(ok);
    expect(inc.timeline[0].id).toBe(early.id);
    const times = inc.timeline.map((e: any) => e.occurredAt);
    expect([...times].sort()).toEqual(times);
    // decisions are the measures taken in the final report
    const final = await ciso.get(`${A}/incidents/${incidentId}/reports/final-report`).then(ok);
    expect(final.content.measuresTaken).toEqual(['28-03-2026 14:00: Geen losgeld betalen.']);

    // as the application role: the database itself refuses (drizzle wraps the driver's error as its cause)
    const refusal = (q: ReturnType<typeof sql>) =>
      tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: world.users.ciso.id }, (tx) => tx.execute(q)).then(
        () => 'allowed',
        (e: any) => String(e.cause?.message ?? e.message),
      );
    expect(await refusal(sql`update incident_events set text = 'gewist' where id = ${decision.id}`)).toMatch(/permission denied for table incident_events/);
    expect(await refusal(sql`delete from incident_events where id = ${decision.id}`)).toMatch(/permission denied for table incident_events/);
    const [kept] = rowsOf<{ text: string }>(await t.deps.database.db.execute(sql`select text from incident_events where id = ${decision.id}`));
    expect(kept.text).toBe('Geen losgeld betalen.');
  });

  it('keeps tasks with members as assignees and puts creating and finishing them on the timeline', async () => {
    const task = await ciso.post(`${A}/incidents/${incidentId}/tasks`, { title: 'Back-ups controleren', assigneeId: world.users.admin.id, dueDate: '2026-03-29' }).then(created);
    expect(task).toMatchObject({ title: 'Back-ups controleren', assignee: { id: world.users.admin.id, name: 'admin' }, dueDate: '2026-03-29', doneAt: null, overdue: true });
    const stranger = await ciso.post(`${A}/incidents/${incidentId}/tasks`, { title: 'x', assigneeId: world.users.betaAdmin.id });
    expect(stranger.status).toBe(400);
    expect(paths(stranger)).toEqual(['body.assigneeId']);
    expect((await ciso.post(`${A}/incidents/${incidentId}/tasks`, { title: 'x', dueDate: '29-03-2026' })).status).toBe(400);

    const done = await ciso.patch(`${A}/incidents/${incidentId}/tasks/${task.id}`, { done: true }).then(ok);
    expect(done.doneAt).not.toBeNull();
    expect(done.overdue).toBe(false);
    const other = await ciso.post(`${A}/incidents/${incidentId}/tasks`, { title: 'Pers informeren' }).then(created);
    expect(await ciso.patch(`${A}/incidents/${incidentId}/tasks/${other.id}`, { assigneeId: world.users.ciso.id, title: 'Pers en raad informeren' }).then(ok)).toMatchObject({
      title: 'Pers en raad informeren',
      assignee: { id: world.users.ciso.id, name: 'ciso' },
    });
    expect((await ciso.delete(`${A}/incidents/${incidentId}/tasks/${other.id}`)).status).toBe(204);
    expect((await ciso.patch(`${A}/incidents/${incidentId}/tasks/${other.id}`, { done: true })).status).toBe(404);

    const inc = await ciso.get(`${A}/incidents/${incidentId}`).then(ok);
    expect(inc.tasks.map((x: any) => x.title)).toEqual(['Back-ups controleren']);
    expect(inc.timeline.filter((e: any) => e.kind === 'taak').map((e: any) => e.text)).toEqual([
      'Taak aangemaakt: Back-ups controleren',
      'Taak afgerond: Back-ups controleren',
      'Taak aangemaakt: Pers informeren',
    ]);
  });

  it('turns a lesson learned into a tracked action (with owner, due date and measure) and puts it on the timeline', async () => {
    const measure = await ciso.post(`${A}/measures`, { title: 'Offline back-ups van de zaaksystemen' }).then(created);
    const lesson = await ciso
      .post(`${A}/incidents/${incidentId}/lessons`, {
        lesson: 'De back-ups stonden op hetzelfde netwerk als de zaaksystemen.',
        action: { title: 'Back-ups offline bewaren', ownerId: world.users.admin.id, dueDate: '2026-06-01', measureId: measure.id },
      })
      .then(created);
    expect(lesson).toMatchObject({
      title: 'Back-ups offline bewaren',
      owner: { id: world.users.admin.id, name: 'admin' },
      dueDate: '2026-06-01',
      status: 'open',
      measure: { id: measure.id, title: 'Offline back-ups van de zaaksystemen' },
    });
    expect(lesson.description).toContain('De back-ups stonden op hetzelfde netwerk als de zaaksystemen.');
    // followed up with all actions of the organisation, with the incident as its source
    const actions = (await ciso.get(`${A}/actions?source=incident`).then(ok)).items;
    expect(actions.map((a: any) => [a.id, a.source.type, a.source.id, a.source.label])).toEqual([[lesson.id, 'incident', incidentId, expect.stringMatching(/^I-2026-\d{3} Ransomware bij de hostingpartij$/)]]);
    const inc = await ciso.get(`${A}/incidents/${incidentId}`).then(ok);
    expect(inc.lessons.map((l: any) => l.id)).toEqual([lesson.id]);
    expect(inc.timeline.filter((e: any) => e.kind === 'les').map((e: any) => e.text)).toEqual([
      'Geleerde les: De back-ups stonden op hetzelfde netwerk als de zaaksystemen. — actie "Back-ups offline bewaren" (admin, uiterlijk 2026-06-01)',
    ]);
    // bad input: the owner must be a member, the measure must exist here, unknown fields are refused
    const stranger = await ciso.post(`${A}/incidents/${incidentId}/lessons`, { lesson: 'Les', action: { title: 'Actie', ownerId: world.users.betaAdmin.id } });
    expect(stranger.status).toBe(400);
    expect(paths(stranger)).toEqual(['body.ownerId']);
    expect((await ciso.post(`${A}/incidents/${incidentId}/lessons`, { lesson: 'Les', action: { title: 'Actie', measureId: NOPE } })).status).toBe(400);
    expect((await ciso.post(`${A}/incidents/${incidentId}/lessons`, { lesson: 'Les', action: { title: 'Actie' }, extra: 1 })).status).toBe(400);
    expect((await auditor.post(`${A}/incidents/${incidentId}/lessons`, { lesson: 'Les', action: { title: 'Actie' } })).status).toBe(403);
    expect((await beta.post(`${B}/incidents/${incidentId}/lessons`, { lesson: 'Les', action: { title: 'Actie' } })).status).toBe(404);
    expect((await ciso.get(`${A}/incidents/${incidentId}`).then(ok)).lessons).toHaveLength(1);
  });

  it("puts deadlines that passed or fall due within a day on the CISO's attention list, until the report is sent", async () => {
    const urgent = async () => (await ciso.get(`${A}/compliance/attention`).then(ok)).incidentDeadlines.filter((x: any) => x.incident.title === 'Phishing bij Burgerzaken');
    const aware = new Date(Date.now() - 30 * HOUR);
    const inc = await ciso
      .post(`${A}/incidents`, { title: 'Phishing bij Burgerzaken', category: 'phishing', severity: 'midden', awareAt: aware.toISOString() })
      .then(created);
    expect(await urgent()).toEqual([]); // no legal question answered yet: no deadlines
    await ciso.put(`${A}/incidents/${inc.id}/legal/cbw`, { significant: true, reason: 'Verstoring van de dienstverlening' }).then(ok);
    // early warning (24 h) passed; the notification (72 h) is 42 hours away: not yet urgent
    expect(await urgent()).toEqual([
      { incident: { id: inc.id, ref: inc.ref, title: 'Phishing bij Burgerzaken' }, deadline: { id: 'early-warning', name: 'Vroegtijdige waarschuwing', due: new Date(aware.getTime() + 24 * HOUR).toISOString(), overdue: true } },
    ]);
    await ciso.post(`${A}/incidents/${inc.id}/reports/early-warning/send`, { channel: 'extern' }).then(ok);
    expect(await urgent()).toEqual([]);
    // beta's attention list never shows alpha's incidents
    expect(JSON.stringify((await beta.get(`${B}/compliance/attention`).then(ok)).incidentDeadlines)).not.toContain(inc.id);
  });

  it('changes the status with timeline entries and sets the closing moment', async () => {
    const a = await ciso.patch(`${A}/incidents/${incidentId}`, { status: 'afgehandeld' }).then(ok);
    // the handled moment was recorded already and stays
    expect(a).toMatchObject({ status: 'afgehandeld', handledAt: '2026-04-20T07:00:00.000Z', closedAt: null });
    const c = await ciso.patch(`${A}/incidents/${incidentId}`, { status: 'gesloten' }).then(ok);
    expect(c.status).toBe('gesloten');
    expect(Date.now() - new Date(c.closedAt).getTime()).toBeLessThan(60_000);
    expect(c.timeline.filter((e: any) => e.kind === 'status').map((e: any) => e.text)).toEqual([
      'Incident geregistreerd',
      'Status gewijzigd: open → afgehandeld',
      'Status gewijzigd: afgehandeld → gesloten',
    ]);
    // status afgehandeld without a handled moment sets it to now
    const other = await ciso.post(`${A}/incidents`, { title: 'Storing mailserver', category: 'storing', severity: 'laag', awareAt: '2026-11-01T09:00:00+01:00' }).then(created);
    const h = await ciso.patch(`${A}/incidents/${other.id}`, { status: 'afgehandeld' }).then(ok);
    expect(Date.now() - new Date(h.handledAt).getTime()).toBeLessThan(60_000);
  });

  it('lists the register newest awareness first with keyset paging, filters and the computed overdue flag', async () => {
    const all = await auditor.get(`${A}/incidents?status=alle&limit=200`).then(ok);
    const aware = all.items.map((i: any) => i.awareAt);
    expect([...aware].sort().reverse()).toEqual(aware);
    expect(all.total).toBe(all.items.length);
    expect(all.nextCursor).toBeNull();

    // the default leaves closed incidents out
    const active = await auditor.get(`${A}/incidents`).then(ok);
    expect(active.items.map((i: any) => i.id)).not.toContain(incidentId);
    expect(active.total).toBe(all.total - 1);
    expect((await auditor.get(`${A}/incidents?status=gesloten`).then(ok)).items.map((i: any) => i.id)).toEqual([incidentId]);

    // paging one at a time walks the same order
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await auditor.get(`${A}/incidents?status=alle&limit=2${cursor ? `&cursor=${cursor}` : ''}`).then(ok);
      expect(page.total).toBe(all.total);
      seen.push(...page.items.map((i: any) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i: any) => i.id));

    // overdue: exactly the incidents with a passed deadline and no report
    const closed = all.items.find((i: any) => i.id === incidentId);
    expect(closed).toMatchObject({ ref: 'I-2026-001', overdue: true, cbwSignificant: true, avgBreach: true, status: 'gesloten' });
    expect(closed.nextDeadline).toMatchObject({ id: 'data-breach-notification', state: 'te_laat' });
    const overdue = await auditor.get(`${A}/incidents?status=alle&overdue=true`).then(ok);
    const expected = all.items.filter((i: any) => i.overdue).map((i: any) => i.id);
    expect(expected.length).toBeGreaterThanOrEqual(3);
    expect(overdue.items.map((i: any) => i.id)).toEqual(expected);
    expect(overdue.total).toBe(expected.length);
    const p1 = await auditor.get(`${A}/incidents?status=alle&overdue=true&limit=1`).then(ok);
    const p2 = await auditor.get(`${A}/incidents?status=alle&overdue=true&limit=1&cursor=${p1.nextCursor}`).then(ok);
    expect([...p1.items, ...p2.items].map((i: any) => i.id)).toEqual(expected.slice(0, 2));
    const notOverdue = await auditor.get(`${A}/incidents?status=alle&overdue=false&limit=200`).then(ok);
    expect(notOverdue.items.map((i: any) => i.id)).toEqual(all.items.filter((i: any) => !i.overdue).map((i: any) => i.id));

    expect((await auditor.get(`${A}/incidents?status=alle&q=hostingpartij`).then(ok)).items.map((i: any) => i.ref)).toEqual(['I-2026-001']);
    expect((await auditor.get(`${A}/incidents?status=alle&q=I-2025`).then(ok)).items.map((i: any) => i.title)).toEqual(['Oudejaarsstoring']);
    expect((await auditor.get(`${A}/incidents?status=alle&category=ddos`).then(ok)).items.map((i: any) => i.title)).toEqual(['DDoS op de website']);
    expect((await auditor.get(`${A}/incidents?status=alle&severity=kritiek`).then(ok)).total).toBe(1);
    expect((await auditor.get(`${A}/incidents?cursor=bm9wZQ`)).status).toBe(400);
    expect((await auditor.get(`${A}/incidents?limit=500`)).status).toBe(400);
    expect((await auditor.get(`${A}/incidents?kleur=rood`)).status).toBe(400);
  });

  it('removes the links of a deleted supplier, asset or joint arrangement', async () => {
    const supplier = (await ciso.post(`${A}/suppliers`, { name: 'Tijdelijke leverancier' }).then(created)).id;
    const asset = (await ciso.post(`${A}/assets`, { kind: 'applicatie', name: 'Tijdelijke applicatie' }).then(created)).id;
    const regeling = (await ciso.post(`${A}/joint-arrangements`, { name: 'Tijdelijke regeling', kind: 'gemeenschappelijke_regeling' }).then(created)).id;
    const inc = await ciso
      .post(`${A}/incidents`, {
        title: 'Storing bij leverancier',
        category: 'storing',
        severity: 'laag',
        awareAt: '2026-11-02T09:00:00+01:00',
        links: [
          { type: 'supplier', id: supplier },
          { type: 'asset', id: processId },
          { type: 'asset', id: asset },
          { type: 'joint_arrangement', id: regeling },
        ],
      })
      .then(created);
    expect(inc.links.map((l: any) => l.name)).toEqual(['Burgerzaken: paspoorten', 'Tijdelijke applicatie', 'Tijdelijke leverancier', 'Tijdelijke regeling']);
    expect((await ciso.delete(`${A}/suppliers/${supplier}`)).status).toBe(204);
    expect((await ciso.delete(`${A}/assets/${asset}`)).status).toBe(204);
    expect((await ciso.delete(`${A}/joint-arrangements/${regeling}`)).status).toBe(204);
    expect((await ciso.get(`${A}/incidents/${inc.id}`).then(ok)).links.map((l: any) => l.id)).toEqual([processId]);
    const left = rowsOf<{ n: number }>(await t.deps.database.db.execute(sql`select count(*)::int as n from incident_links where incident_id = ${inc.id}`));
    expect(Number(left[0].n)).toBe(1);
  });

  it('lets the auditor read but not write, and a medewerker not even read', async () => {
    expect((await auditor.get(`${A}/incidents/${incidentId}`)).status).toBe(200);
    expect((await auditor.get(`${A}/incidents/${incidentId}/reports/early-warning`)).status).toBe(200);
    const writes = [
      auditor.post(`${A}/incidents`, { title: 'x', category: 'anders', severity: 'laag', awareAt: '2026-11-01T09:00:00Z' }),
      auditor.patch(`${A}/incidents/${incidentId}`, { title: 'x' }),
      auditor.put(`${A}/incidents/${incidentId}/legal/cbw`, { significant: false, reason: 'x' }),
      auditor.put(`${A}/incidents/${incidentId}/legal/avg`, { breach: false, reason: 'x' }),
      auditor.post(`${A}/incidents/${incidentId}/events`, { kind: 'notitie', text: 'x' }),
      auditor.post(`${A}/incidents/${incidentId}/tasks`, { title: 'x' }),
      auditor.put(`${A}/incidents/${incidentId}/reports/final-report`, { content: {} }),
      auditor.post(`${A}/incidents/${incidentId}/reports/final-report/send`, { channel: 'csirt' }),
    ];
    for (const r of await Promise.all(writes)) expect(r.status).toBe(403);
    expect((await staff.get(`${A}/incidents`)).status).toBe(403);
    expect((await staff.get(`${A}/incidents/${incidentId}`)).status).toBe(403);
  });

  it('isolates organisations: another gets 404 on every endpoint and sees nothing in its register', async () => {
    const task = await ciso.post(`${A}/incidents/${incidentId}/tasks`, { title: 'Evaluatie plannen' }).then(created);
    expect((await beta.get(`${B}/incidents?status=alle`).then(ok))).toEqual({ items: [], total: 0, nextCursor: null });
    for (const base of [B, A]) {
      const i = `${base}/incidents/${incidentId}`;
      const responses = [
        await beta.get(i),
        await beta.patch(i, { title: 'overgenomen' }),
        await beta.put(`${i}/legal/cbw`, { significant: false, reason: 'x' }),
        await beta.put(`${i}/legal/avg`, { breach: false, reason: 'x' }),
        await beta.post(`${i}/events`, { kind: 'notitie', text: 'x' }),
        await beta.post(`${i}/tasks`, { title: 'x' }),
        await beta.patch(`${i}/tasks/${task.id}`, { done: true }),
        await beta.delete(`${i}/tasks/${task.id}`),
        await beta.get(`${i}/reports/early-warning`),
        await beta.put(`${i}/reports/final-report`, { content: {} }),
        await beta.post(`${i}/reports/final-report/send`, { channel: 'csirt' }),
      ];
      for (const r of responses) expect(r.status, `${base} ${r.text}`).toBe(404);
    }
    expect((await beta.get(`${A}/incidents`)).status).toBe(404);
    // and beta's own incident stays out of alpha's register
    const own = await beta.post(`${B}/incidents`, { title: 'Beta-incident', category: 'anders', severity: 'laag', awareAt: '2026-11-01T09:00:00Z' }).then(created);
    expect(own.ref).toBe('I-2026-001');
    expect((await ciso.get(`${A}/incidents?status=alle&limit=200`).then(ok)).items.map((i: any) => i.id)).not.toContain(own.id);
    expect((await ciso.get(`${A}/incidents/${own.id}`)).status).toBe(404);
    const still = await ciso.get(`${A}/incidents/${incidentId}`).then(ok);
    expect(still.title).toBe('Ransomware bij de hostingpartij');
    expect(still.tasks.map((x: any) => x.title)).toContain('Evaluatie plannen');
  });
});

describe(`demo incidents on ${ENGINE}`, () => {
  let d: TestApp;
  let seededAt: number;
  beforeAll(async () => {
    d = await createTestApp();
    await loadCatalogs(d.deps.database);
    seededAt = Date.now();
    expect(await loadDemo(d.deps.database)).toBe('loaded');
  }, 300_000);
  afterAll(() => d?.close());

  it('gives every demo gemeente an open ransomware incident near its 72-hour deadline and a closed data breach', async () => {
    for (const slug of ['zuidhaven', 'noorderveld', 'oostbroek']) {
      const c = await loginAs(d.app, `ciso@${slug}.example`, 'weerbaar-demo');
      const url = `/api/v1/organisations/${slug}/incidents`;
      const list = await c.get(`${url}?status=alle`).then(ok);
      const open = list.items.find((i: any) => i.category === 'ransomware' && i.status !== 'gesloten');
      expect(open, slug).toBeDefined();
      const inc = await c.get(`${url}/${open.id}`).then(ok);
      expect(inc.cbw.significant).toBe(true);
      expect(inc.cbw.reason.length).toBeGreaterThan(20);
      expect(inc.links.some((l: any) => l.type === 'supplier' && l.name)).toBe(true);
      const ew = deadline(inc, 'early-warning');
      expect(ew.state, slug).toBe('gedaan');
      expect(inc.reports.find((r: any) => r.kind === 'early-warning').channel).toBe('csirt');
      const notification = deadline(inc, 'incident-notification');
      expect(notification.state).toBe('open');
      const due = new Date(notification.due).getTime();
      expect(due).toBeGreaterThan(seededAt);
      expect(due - seededAt).toBeLessThanOrEqual(24 * HOUR);
      expect(open.nextDeadline.id).toBe('incident-notification');
      expect(inc.timeline.length).toBeGreaterThanOrEqual(4);

      const closed = list.items.find((i: any) => i.status === 'gesloten' && i.avgBreach === true);
      expect(closed, slug).toBeDefined();
      const breach = await c.get(`${url}/${closed.id}`).then(ok);
      expect(breach.handledAt).not.toBeNull();
      expect(breach.closedAt).not.toBeNull();
      expect(deadline(breach, 'data-breach-notification').state).toBe('gedaan');
      expect(breach.avg.categories.length).toBeGreaterThan(0);
      expect(breach.tasks.length).toBeGreaterThanOrEqual(2);
      expect(breach.tasks.every((x: any) => x.doneAt !== null)).toBe(true);
      expect(breach.timeline.filter((e: any) => e.kind === 'besluit').length).toBeGreaterThanOrEqual(1);
      expect(breach.timeline.filter((e: any) => e.kind === 'gebeurtenis').length).toBeGreaterThanOrEqual(2);
      expect(breach.overdue).toBe(false);
      // lessons learned became tracked actions with owners and due dates, and stand on the timeline
      expect(breach.lessons.length).toBe(2);
      expect(breach.lessons.every((l: any) => l.owner !== null && l.dueDate !== null && l.status === 'open')).toBe(true);
      expect(breach.timeline.filter((e: any) => e.kind === 'les')).toHaveLength(2);
      const ap = await c.get(`${url}/${closed.id}/reports/data-breach-notification`).then(ok);
      expect(ap.contentHash).toBe(sha256(canonicalJson(ap.content)));
    }
  });
});
