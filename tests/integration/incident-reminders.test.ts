import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { JOBS } from '../../src/server/core/jobs/registry.js';
import { mailerOf, SmtpMailer } from '../../src/server/core/mail/mailer.js';
import { sendDeadlineReminders } from '../../src/server/modules/incidents/reminders.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

/*
 * The job incidents.deadline-reminders at controlled moments, with the mail delivered over SMTP to a real
 * server on loopback (smtp-server) and parsed back (mailparser). The incidents lie in the past of the real
 * clock (an awareness cannot lie in the future); the job's `now` is moved along their deadlines.
 */

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const MIN = 60_000;
const HOUR = 3_600_000;

interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

let smtp: SMTPServer;
let smtpPort: number;
const received: Received[] = [];

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let oov: Client;
let fg: Client;
let dual: Client;
let auditor: Client;
let beta: Client;
let betaCiso: Client;
let ids: { oov: string; fg: string; dual: string };

async function startSmtp() {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as net.AddressInfo).port;
}

/** The mails received since `from`, parsed: envelope recipient, subject, text. */
async function mailsSince(from: number) {
  const out = [];
  for (const m of received.slice(from)) {
    const p = await simpleParser(m.raw);
    out.push({ envelopeTo: m.to, envelopeFrom: m.from, to: (p.to as any)?.text as string, subject: p.subject ?? '', text: p.text ?? '' });
  }
  return out.sort((a, b) => a.envelopeTo.join().localeCompare(b.envelopeTo.join()) || a.subject.localeCompare(b.subject));
}

/** A port nothing listens on (for a mail server that is down). */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as net.AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const run = (now: string | number | Date) => sendDeadlineReminders(t.deps.database, mailerOf(t.deps), t.deps.config.publicUrl, new Date(now));

/** The deadline notices in a user's inbox, oldest first. */
async function deadlineNotices(c: Client) {
  const r = await c.get('/api/v1/inbox?limit=100');
  expect(r.status, r.text).toBe(200);
  return (r.body.items as any[]).filter((n) => n.kind.startsWith('incident_deadline_')).reverse();
}

async function ok(r: { status: number; text: string; body: any }, status = 200) {
  expect(r.status, r.text).toBe(status);
  return r.body;
}

beforeAll(async () => {
  await startSmtp();
  t = await createTestApp({ config: { smtpUrl: `smtp://127.0.0.1:${smtpPort}`, mailFrom: 'Weerbaar <weerbaar@alpha.test>' } });
  world = await seedWorld(t.deps);
  const hash = await hashPassword(PASSWORD);
  const mk = async (email: string, name: string) => (await t.deps.database.db.insert(users).values({ email, name, passwordHash: hash }).returning())[0];
  const oovUser = await mk('oov@alpha.test', 'Olga Oov');
  const fgUser = await mk('fg@alpha.test', 'Frits Fg');
  const dualUser = await mk('dubbel@beta.test', 'Dirk Dubbel');
  const betaCisoUser = await mk('ciso@beta.test', 'Bea Ciso');
  await t.deps.database.db.insert(memberships).values([
    { organisationId: world.orgs.alpha.id, userId: oovUser.id, roles: ['oov'] },
    { organisationId: world.orgs.alpha.id, userId: fgUser.id, roles: ['privacy'] },
    // a CISO elsewhere, only a medewerker in alpha: not a recipient of alpha's Cbw deadlines
    { organisationId: world.orgs.alpha.id, userId: dualUser.id, roles: ['medewerker'] },
    { organisationId: world.orgs.beta.id, userId: dualUser.id, roles: ['ciso'] },
    { organisationId: world.orgs.beta.id, userId: betaCisoUser.id, roles: ['ciso', 'privacy'] },
  ]);
  ids = { oov: oovUser.id, fg: fgUser.id, dual: dualUser.id };
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  oov = await loginAs(t.app, 'oov@alpha.test');
  fg = await loginAs(t.app, 'fg@alpha.test');
  dual = await loginAs(t.app, 'dubbel@beta.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
  betaCiso = await loginAs(t.app, 'ciso@beta.test');
});
afterAll(async () => {
  await t?.close();
  await new Promise<void>((r) => (smtp ? smtp.close(() => r()) : r()));
});

describe(`incident settings on ${ENGINE}`, () => {
  it('has the default 12 and 2 hours until changed; reading is incidents.read, changing admin and CISO only', async () => {
    expect(await ok(await auditor.get(`${A}/incident-settings`))).toEqual({ reminderHours: [12, 2], isDefault: true });
    expect((await auditor.put(`${A}/incident-settings`, { reminderHours: [6] })).status).toBe(403);
    expect((await oov.put(`${A}/incident-settings`, { reminderHours: [6] })).status).toBe(403);
    expect((await dual.get(`${A}/incident-settings`)).status).toBe(403); // medewerker may not read incidents
  });

  it('rejects bad reminder hours with a problem in Dutch naming the field', async () => {
    const bad = async (body: unknown) => {
      const r = await ciso.put(`${A}/incident-settings`, body);
      expect(r.status, r.text).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      return r.body;
    };
    const zero = await bad({ reminderHours: [0] });
    expect(zero.errors).toEqual([{ path: 'body.reminderHours.0', message: 'ten minste 1 uur vóór de termijn' }]);
    const week = await bad({ reminderHours: [12, 169] });
    expect(week.errors).toEqual([{ path: 'body.reminderHours.1', message: 'ten hoogste 168 uur (een week) vóór de termijn' }]);
    const twice = await bad({ reminderHours: [12, 2, 12] });
    expect(twice.errors).toEqual([{ path: 'body.reminderHours', message: 'elk aantal uren maar één keer' }]);
    const six = await bad({ reminderHours: [1, 2, 3, 4, 5, 6] });
    expect(six.errors).toEqual([{ path: 'body.reminderHours', message: 'ten hoogste 5 herinneringen' }]);
    const none = await bad({ reminderHours: [] });
    expect(none.errors).toEqual([{ path: 'body.reminderHours', message: 'geef ten minste één herinnering op' }]);
    const half = await bad({ reminderHours: [1.5] });
    expect(half.errors).toEqual([{ path: 'body.reminderHours.0', message: 'een geheel aantal uren' }]);
    expect((await bad({ reminderHours: ['12'] })).errors.map((e: any) => e.path)).toEqual(['body.reminderHours.0']);
    expect((await bad({ reminderHours: [12], extra: true })).errors.map((e: any) => e.path)).toEqual(['body']);
    expect((await bad({})).errors.map((e: any) => e.path)).toEqual(['body.reminderHours']);
    // nothing was stored
    expect(await ok(await ciso.get(`${A}/incident-settings`))).toEqual({ reminderHours: [12, 2], isDefault: true });
  });

  it('stores the hours largest first, audited; another organisation cannot read or change them and keeps its own', async () => {
    expect(await ok(await ciso.put(`${A}/incident-settings`, { reminderHours: [2, 168, 12] }))).toEqual({ reminderHours: [168, 12, 2], isDefault: false });
    expect(await ok(await auditor.get(`${A}/incident-settings`))).toEqual({ reminderHours: [168, 12, 2], isDefault: false });
    const events = (await ok(await auditor.get(`${A}/audit-events?entityType=incident_settings&limit=50`))).items;
    expect(events).toHaveLength(1);
    expect(events[0].changes.reminderHours).toEqual({ before: [12, 2], after: [168, 12, 2] });

    expect((await beta.get(`${A}/incident-settings`)).status).toBe(404);
    expect((await beta.put(`${A}/incident-settings`, { reminderHours: [1] })).status).toBe(404);
    expect(await ok(await beta.get(`${B}/incident-settings`))).toEqual({ reminderHours: [12, 2], isDefault: true });
    expect(await ok(await beta.put(`${B}/incident-settings`, { reminderHours: [48] }))).toEqual({ reminderHours: [48], isDefault: false });
    expect(await ok(await ciso.get(`${A}/incident-settings`))).toEqual({ reminderHours: [168, 12, 2], isDefault: false });
    // back to the default for the clock tests below
    expect(await ok(await ciso.put(`${A}/incident-settings`, { reminderHours: [12, 2] }))).toEqual({ reminderHours: [12, 2], isDefault: false });
  });
});

describe(`deadline reminders on ${ENGINE}`, () => {
  // awareness 20 October 2026 10:00 (CEST, +02:00) = 08:00Z: early warning due 21 Oct 08:00Z (10:00 local),
  // incident notification due 23 Oct 08:00Z (10:00 local)
  const AWARE = '2026-10-20T10:00:00+02:00';
  const EARLY_DUE = Date.parse('2026-10-21T08:00:00Z');
  const NOTIFICATION_DUE = Date.parse('2026-10-23T08:00:00Z');
  let cbwId: string;
  let cbwRef: string;
  let avgId: string;
  let avgRef: string;
  let betaIncidentId: string;

  beforeAll(async () => {
    const inc = await ok(
      await ciso.post(`${A}/incidents`, { title: 'Ransomware bij de hostingpartij', category: 'ransomware', severity: 'kritiek', awareAt: AWARE, handlerIds: [ids.oov] }),
      201,
    );
    cbwId = inc.id;
    cbwRef = inc.ref;
    // not yet answered: no deadlines, so nothing is reminded even inside any window
    expect(await run(EARLY_DUE - HOUR)).toMatchObject({ reminders: 0, notices: 0, mails: 0 });
    const answered = await ok(await ciso.put(`${A}/incidents/${cbwId}/legal/cbw`, { significant: true, reason: 'Burgerzaken ligt langer dan een dag stil.' }));
    expect(answered.deadlines.map((d: any) => [d.id, d.due])).toEqual([
      ['early-warning', '2026-10-21T08:00:00.000Z'],
      ['incident-notification', '2026-10-23T08:00:00.000Z'],
    ]);
    // beta has an incident of its own, with its own settings (48 h): its reminders stay in beta
    const b = await ok(await beta.post(`${B}/incidents`, { title: 'Phishing bij Beta', category: 'phishing', severity: 'hoog', awareAt: AWARE }), 201);
    betaIncidentId = b.id;
    await ok(await beta.put(`${B}/incidents/${b.id}/legal/cbw`, { significant: true, reason: 'Significant.' }));
  });

  it('is registered as a job every 5 minutes', () => {
    expect(JOBS.find((j) => j.name === 'incidents.deadline-reminders')?.cron).toBe('*/5 * * * *');
  });

  it('reminds nothing before the 12-hour window', async () => {
    // beta's 48-hour window (early warning due 21 Oct 08:00Z) is already open at 20 Oct 19:59Z: one beta reminder,
    // to beta's two CISOs (one of them a medewerker in alpha)
    const before = received.length;
    const r = await run(EARLY_DUE - 12 * HOUR - MIN);
    expect(r).toMatchObject({ reminders: 1, notices: 2, mails: 2, mailFailures: 0 });
    expect(await deadlineNotices(ciso)).toEqual([]);
    expect(await deadlineNotices(oov)).toEqual([]);
    const mails = await mailsSince(before);
    const subject = `[Weerbaar] Nog 48 uur: Vroegtijdige waarschuwing voor I-2026-001 Phishing bij Beta`;
    expect(mails.map((m) => [m.envelopeTo, m.subject])).toEqual([
      [['ciso@beta.test'], subject],
      [['dubbel@beta.test'], subject],
    ]);
    expect(mails[0].text).toContain('als behandelaar van dit incident of als CISO of privacyfunctionaris van Gemeente Beta.');
    const [n] = await deadlineNotices(betaCiso);
    expect(n.link).toBe(`/o/beta/incidenten/${betaIncidentId}#termijn=early-warning@2026-10-21T08:00:00.000Z-48h`);
    expect(n.body).toContain('nog 12 uur en 1 minuut.');
    expect((await deadlineNotices(dual)).map((x: any) => x.organisation.slug)).toEqual(['beta']);
    // beta's incident is closed from here on, so the counts below are alpha's
    await ok(await beta.patch(`${B}/incidents/${betaIncidentId}`, { status: 'gesloten' }));
  });

  it('at due − 12 h + 1 min: one notice per recipient (handler + CISO) and one mail each, with the local due time', async () => {
    const before = received.length;
    const now = EARLY_DUE - 12 * HOUR + MIN;
    const r = await run(now);
    // alpha: the early warning 12 h reminder to ciso and oov; beta: nothing new
    expect(r).toMatchObject({ reminders: 1, notices: 2, mails: 2, mailFailures: 0 });
    const title = `Nog 12 uur: Vroegtijdige waarschuwing voor ${cbwRef} Ransomware bij de hostingpartij`;
    const body =
      `De termijn voor de vroegtijdige waarschuwing bij incident ${cbwRef} "Ransomware bij de hostingpartij" verloopt op 21-10-2026 10:00 (Nederlandse tijd): ` +
      `nog 11 uur en 59 minuten. Aan: het CSIRT of, in voorkomend geval, de bevoegde autoriteit. Regel: 24 uur na bewustwording.`;
    for (const c of [ciso, oov]) {
      const notices = await deadlineNotices(c);
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatchObject({ kind: 'incident_deadline_reminder', title, organisation: { slug: 'alpha' } });
      expect(notices[0].body.startsWith(body)).toBe(true);
      expect(notices[0].body).toContain('Grondslag: Art. 23 lid 4 onder a NIS2');
      expect(notices[0].link).toBe(`/o/alpha/incidenten/${cbwId}#termijn=early-warning@2026-10-21T08:00:00.000Z-12h`);
    }
    // not the admin (no handler, no CISO), not the privacy officer (Cbw), not the medewerker who is a CISO elsewhere
    expect(await deadlineNotices(fg)).toEqual([]);
    expect((await deadlineNotices(dual)).map((x: any) => x.organisation.slug)).toEqual(['beta']);

    const mails = await mailsSince(before);
    expect(mails.map((m) => m.envelopeTo)).toEqual([['ciso@alpha.test'], ['oov@alpha.test']]);
    for (const m of mails) {
      expect(m.envelopeFrom).toBe('weerbaar@alpha.test');
      expect(m.subject).toBe(`[Weerbaar] ${title}`);
      expect(m.text).toContain(body);
      expect(m.text).toContain(`http://localhost:3000/o/alpha/incidenten/${cbwId}`);
    }
    expect(mails[0].text.startsWith('Beste ciso,')).toBe(true);
    expect(mails[1].text.startsWith('Beste Olga Oov,')).toBe(true);
  });

  it('never sends the same reminder twice (also when run through the job registry)', async () => {
    const before = received.length;
    expect(await run(EARLY_DUE - 12 * HOUR + MIN)).toMatchObject({ reminders: 0, notices: 0, mails: 0 });
    await JOBS.find((j) => j.name === 'incidents.deadline-reminders')!.run(t.deps, { now: new Date(EARLY_DUE - 3 * HOUR).toISOString() });
    expect(received.length).toBe(before);
    expect(await deadlineNotices(ciso)).toHaveLength(1);
  });

  it('at due − 2 h: the 2-hour reminder with the exact remaining time', async () => {
    const before = received.length;
    expect(await run(EARLY_DUE - 2 * HOUR)).toMatchObject({ reminders: 1, notices: 2, mails: 2 });
    const notices = await deadlineNotices(oov);
    expect(notices.map((n: any) => n.title)).toEqual([
      `Nog 12 uur: Vroegtijdige waarschuwing voor ${cbwRef} Ransomware bij de hostingpartij`,
      `Nog 2 uur: Vroegtijdige waarschuwing voor ${cbwRef} Ransomware bij de hostingpartij`,
    ]);
    expect(notices[1].body).toContain('verloopt op 21-10-2026 10:00 (Nederlandse tijd): nog 2 uur.');
    expect((await mailsSince(before)).map((m) => [m.envelopeTo[0], m.subject])).toEqual([
      ['ciso@alpha.test', `[Weerbaar] Nog 2 uur: Vroegtijdige waarschuwing voor ${cbwRef} Ransomware bij de hostingpartij`],
      ['oov@alpha.test', `[Weerbaar] Nog 2 uur: Vroegtijdige waarschuwing voor ${cbwRef} Ransomware bij de hostingpartij`],
    ]);
  });

  it('after the early warning was sent: no more reminders or overdue notice for it', async () => {
    await ok(await ciso.post(`${A}/incidents/${cbwId}/reports/early-warning/send`, { channel: 'extern', sentAt: '2026-10-21T09:30:00+02:00' }));
    const before = received.length;
    expect(await run(EARLY_DUE - 30 * MIN)).toMatchObject({ reminders: 0, mails: 0 });
    expect(await run(EARLY_DUE + MIN)).toMatchObject({ reminders: 0, mails: 0 });
    expect(received.length).toBe(before);
    expect(await deadlineNotices(ciso)).toHaveLength(2);
  });

  it('a deadline passed without the report: "Termijn verstreken" once', async () => {
    const before = received.length;
    const now = NOTIFICATION_DUE + HOUR + 5 * MIN;
    // the job did not run inside the incident notification's windows: only the overdue notice, no late "Nog 12 uur"
    expect(await run(now)).toMatchObject({ reminders: 1, notices: 2, mails: 2 });
    expect(await run(now + 5 * MIN)).toMatchObject({ reminders: 0, notices: 0, mails: 0 });
    const last = (await deadlineNotices(ciso)).at(-1);
    expect(last).toMatchObject({ kind: 'incident_deadline_overdue', title: `Termijn verstreken: Incidentmelding voor ${cbwRef} Ransomware bij de hostingpartij` });
    expect(last.body).toContain('is verstreken op 23-10-2026 10:00 (Nederlandse tijd), 1 uur en 5 minuten geleden, en de melding is nog niet als verzonden vastgelegd.');
    expect(last.body).toContain('Regel: 72 uur na bewustwording.');
    expect(last.link).toBe(`/o/alpha/incidenten/${cbwId}#termijn=incident-notification@2026-10-23T08:00:00.000Z-verstreken`);
    const mails = await mailsSince(before);
    expect(mails.map((m) => [m.envelopeTo[0], m.subject])).toEqual([
      ['ciso@alpha.test', `[Weerbaar] Termijn verstreken: Incidentmelding voor ${cbwRef} Ransomware bij de hostingpartij`],
      ['oov@alpha.test', `[Weerbaar] Termijn verstreken: Incidentmelding voor ${cbwRef} Ransomware bij de hostingpartij`],
    ]);
  });

  it('a corrected awareness moves the deadline: new reminders for the new due moment', async () => {
    // aware 6 hours later: the incident notification is due 23 Oct 14:00Z (16:00 local)
    const fixed = await ok(await ciso.patch(`${A}/incidents/${cbwId}`, { awareAt: '2026-10-20T16:00:00+02:00', correctionReason: 'De servicedesk meldde het pas later.' }));
    expect(fixed.deadlines.find((d: any) => d.id === 'incident-notification').due).toBe('2026-10-23T14:00:00.000Z');
    const before = received.length;
    const now = NOTIFICATION_DUE + HOUR; // 23 Oct 09:00Z: 5 hours before the new due moment
    expect(await run(now)).toMatchObject({ reminders: 1, notices: 2, mails: 2 });
    const last = (await deadlineNotices(oov)).at(-1);
    expect(last.title).toBe(`Nog 12 uur: Incidentmelding voor ${cbwRef} Ransomware bij de hostingpartij`);
    expect(last.body).toContain('verloopt op 23-10-2026 16:00 (Nederlandse tijd): nog 5 uur.');
    expect(last.link).toBe(`/o/alpha/incidenten/${cbwId}#termijn=incident-notification@2026-10-23T14:00:00.000Z-12h`);
    expect((await mailsSince(before)).map((m) => m.subject)).toEqual([
      `[Weerbaar] Nog 12 uur: Incidentmelding voor ${cbwRef} Ransomware bij de hostingpartij`,
      `[Weerbaar] Nog 12 uur: Incidentmelding voor ${cbwRef} Ransomware bij de hostingpartij`,
    ]);
  });

  it('closed incidents get nothing', async () => {
    await ok(await ciso.patch(`${A}/incidents/${cbwId}`, { status: 'gesloten' }));
    // the incident notification is overdue now (and not sent), and beta's early warning: closed, so no notice
    // both incident notifications are overdue now and not sent: closed, so no notice
    const before = received.length;
    expect(await run('2026-10-24T12:00:00Z')).toMatchObject({ incidents: 0, reminders: 0, mails: 0 });
    expect(received.length).toBe(before);
  });

  it('AVG deadline with settings [24]: reminded 24 h before, to the privacy officer and the handlers, not the CISO', async () => {
    await ok(await ciso.put(`${A}/incident-settings`, { reminderHours: [24] }));
    // aware 2 November 2026 09:00 CET = 08:00Z; the notification to the AP is due 5 November 08:00Z (09:00 local)
    const inc = await ok(await ciso.post(`${A}/incidents`, { title: 'Datalek via phishing', category: 'datalek', severity: 'hoog', awareAt: '2026-11-02T09:00:00+01:00' }), 201);
    avgId = inc.id;
    avgRef = inc.ref;
    await ok(await ciso.put(`${A}/incidents/${avgId}/legal/avg`, { breach: true, reason: 'Persoonsgegevens van inwoners gelekt.' }));
    const due = Date.parse('2026-11-05T08:00:00Z');
    const cisoBefore = (await deadlineNotices(ciso)).length;
    const before = received.length;
    expect(await run(due - 24 * HOUR - MIN)).toMatchObject({ reminders: 0, mails: 0 });
    expect(await run(due - 24 * HOUR + MIN)).toMatchObject({ reminders: 1, notices: 1, mails: 1 });
    const [n] = await deadlineNotices(fg);
    expect(n.title).toBe(`Nog 24 uur: Melding datalek aan de Autoriteit Persoonsgegevens voor ${avgRef} Datalek via phishing`);
    expect(n.body).toContain('verloopt op 05-11-2026 09:00 (Nederlandse tijd): nog 23 uur en 59 minuten. Aan: de Autoriteit Persoonsgegevens.');
    expect(n.body).toContain('Grondslag: Art. 33 lid 1 AVG');
    const mails = await mailsSince(before);
    expect(mails.map((m) => [m.envelopeTo, m.subject])).toEqual([
      [['fg@alpha.test'], `[Weerbaar] Nog 24 uur: Melding datalek aan de Autoriteit Persoonsgegevens voor ${avgRef} Datalek via phishing`],
    ]);
    expect(mails[0].text.startsWith('Beste Frits Fg,')).toBe(true);
    // no 2-hour reminder any more
    expect(await run(due - 2 * HOUR)).toMatchObject({ reminders: 0, mails: 0 });
    expect((await deadlineNotices(ciso)).length).toBe(cisoBefore);
    // a handler added later gets the next notice too
    await ok(await ciso.patch(`${A}/incidents/${avgId}`, { handlerIds: [ids.oov] }));
    const oovBefore = (await deadlineNotices(oov)).length;
    expect(await run(due)).toMatchObject({ reminders: 1, notices: 2, mails: 2 });
    expect((await deadlineNotices(oov)).length).toBe(oovBefore + 1);
    expect((await deadlineNotices(fg)).at(-1).kind).toBe('incident_deadline_overdue');
  });

  it('a mail that fails does not undo the notice; the failure is counted and logged', async () => {
    const inc = await ok(await ciso.post(`${A}/incidents`, { title: 'DDoS op de website', category: 'ddos', severity: 'midden', awareAt: '2026-11-10T12:00:00+01:00', handlerIds: [ids.oov] }), 201);
    await ok(await ciso.put(`${A}/incidents/${inc.id}/legal/cbw`, { significant: true, reason: 'Website dagen onbereikbaar.' }));
    const down = new SmtpMailer(`smtp://127.0.0.1:${await closedPort()}`, 'weerbaar@alpha.test');
    const errors: string[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => void errors.push(a.join(' '));
    let r;
    try {
      // early warning due 11 Nov 11:00Z; settings [24] → in the window at 10 Nov 12:00Z
      r = await sendDeadlineReminders(t.deps.database, down, t.deps.config.publicUrl, new Date('2026-11-10T12:00:00Z'));
    } finally {
      console.error = orig;
    }
    expect(r).toMatchObject({ reminders: 1, notices: 2, mails: 0, mailFailures: 2 });
    expect(errors).toHaveLength(2);
    expect(errors[0]).toContain('[incidents.deadline-reminders] e-mail aan ');
    expect(errors[0]).toContain('niet verzonden');
    const last = (await deadlineNotices(oov)).at(-1);
    expect(last.link).toBe(`/o/alpha/incidenten/${inc.id}#termijn=early-warning@2026-11-11T11:00:00.000Z-24h`);
    // the notice stands, so the next run does not send it again
    expect(await run('2026-11-10T12:05:00Z')).toMatchObject({ reminders: 0, mails: 0 });
  });

  it('beta never saw anything of alpha', async () => {
    for (const c of [beta, betaCiso]) for (const n of await deadlineNotices(c)) expect(n.organisation.slug).toBe('beta');
    expect((await deadlineNotices(betaCiso)).length).toBe(1);
  });
});
