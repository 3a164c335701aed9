import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { loadThreats } from '../../src/server/modules/risks/load-threats.js';
import { addYears } from '../../src/server/modules/risks/acceptance.js';
import { removeRiskLinksOf } from '../../src/server/modules/risks/links.js';
import { tenantTx } from '../../src/server/core/db/client.js';
import { addDays, localDate } from '../../src/shared/dates.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const NOPE = '00000000-0000-4000-8000-000000000000';
const today = localDate();

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let admin: Client;
let ciso: Client;
let auditor: Client;
let privacy: Client;
let mayor: Client;
let council: Client;
let beta: Client;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadThreats(t.deps.database);
  const hash = await hashPassword(PASSWORD);
  for (const [email, roles] of [
    ['fg@alpha.test', ['privacy']],
    ['burgemeester@alpha.test', ['bestuurder']],
    ['raad@alpha.test', ['raad']],
  ] as const) {
    const [u] = await t.deps.database.db.insert(users).values({ email, name: email.split('@')[0], passwordHash: hash }).returning();
    await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: u.id, roles: [...roles] });
  }
  admin = await loginAs(t.app, 'admin@alpha.test');
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  privacy = await loginAs(t.app, 'fg@alpha.test');
  mayor = await loginAs(t.app, 'burgemeester@alpha.test');
  council = await loginAs(t.app, 'raad@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
});
afterAll(() => t?.close());

async function created(r: { status: number; text: string; body: any }) {
  expect(r.status, r.text).toBe(201);
  return r.body;
}
const newRisk = (c: Client, body: Record<string, unknown>, base = A) => c.post(`${base}/risks`, body).then(created);
const history = async (c: Client, id: string, base = A) => (await c.get(`${base}/risks/${id}/history`)).body.items as any[];
const problemPaths = (r: { body: any }) => (r.body.errors ?? []).map((e: any) => e.path);

describe(`risk register on ${ENGINE}`, () => {
  let processId: string;
  let appId: string;
  let supplierId: string;
  let arrangementId: string;
  let riskId: string;

  beforeAll(async () => {
    processId = (await ciso.post(`${A}/assets`, { kind: 'proces', name: 'Paspoorten en rijbewijzen' }).then(created)).id;
    appId = (await ciso.post(`${A}/assets`, { kind: 'applicatie', name: 'Burgerzakensysteem' }).then(created)).id;
    supplierId = (await ciso.post(`${A}/suppliers`, { name: 'Hosting B.V.' }).then(created)).id;
    arrangementId = (await ciso.post(`${A}/joint-arrangements`, { name: 'ICT Samenwerking', kind: 'gemeenschappelijke_regeling' }).then(created)).id;
  });

  it('shows the default 5×5 matrix and the threat catalog to every reader', async () => {
    const m = await council.get(`${A}/risk-matrix`);
    expect(m.status).toBe(200);
    expect(m.body).toEqual({
      likelihoodLabels: ['Zeer klein', 'Klein', 'Gemiddeld', 'Groot', 'Zeer groot'],
      impactLabels: ['Zeer gering', 'Gering', 'Aanzienlijk', 'Ernstig', 'Zeer ernstig'],
      levelBounds: [4, 9, 16],
      acceptanceRoles: { laag: ['ciso', 'privacy'], midden: ['ciso', 'privacy'], hoog: ['bestuurder'], kritiek: ['bestuurder'] },
      custom: false,
    });
    const threats = (await auditor.get(`${A}/threats`)).body.items;
    expect(threats.length).toBeGreaterThanOrEqual(25);
    expect(threats.find((x: any) => x.id === 'ransomware')).toMatchObject({ name: 'Ransomware en digitale afpersing', category: 'opzettelijk menselijk' });
    expect(new Set(threats.map((x: any) => x.category))).toEqual(new Set(['opzettelijk menselijk', 'onopzettelijk', 'technisch falen', 'leverancier', 'natuur en omgeving']));
    // loading the catalog again changes nothing
    await loadThreats(t.deps.database);
    expect((await auditor.get(`${A}/threats`)).body.items).toEqual(threats);
  });

  it('creates a risk with links, threats and an owner, and records history and audit', async () => {
    const r = await newRisk(ciso, {
      title: 'Ransomware legt burgerzaken stil',
      description: 'Versleuteling van de servers van burgerzaken.',
      domain: 'digitaal',
      ownerId: world.users.ciso.id,
      inherentLikelihood: 4,
      inherentImpact: 5,
      residualLikelihood: 3,
      residualImpact: 4,
      reviewDate: addDays(today, 90),
      links: [
        { type: 'asset', id: processId },
        { type: 'asset', id: appId },
        { type: 'supplier', id: supplierId },
        { type: 'joint_arrangement', id: arrangementId },
        { type: 'asset', id: appId },
      ],
      threatIds: ['ransomware', 'phishing'],
    });
    riskId = r.id;
    expect(r).toMatchObject({
      ref: 'R-001',
      title: 'Ransomware legt burgerzaken stil',
      domain: 'digitaal',
      owner: { id: world.users.ciso.id, name: 'ciso' },
      inherent: { likelihood: 4, impact: 5, score: 20, level: 'kritiek' },
      residual: { likelihood: 3, impact: 4, score: 12, level: 'hoog' },
      target: null,
      treatment: 'open',
      status: 'open',
      reviewDate: addDays(today, 90),
      reviewOverdue: false,
      acceptance: null,
      dpia: null,
      mitigation: null,
      measures: [],
      acceptances: [],
    });
    expect(r.links).toEqual([
      { type: 'asset', id: appId, name: 'Burgerzakensysteem', kind: 'applicatie' },
      { type: 'asset', id: processId, name: 'Paspoorten en rijbewijzen', kind: 'proces' },
      { type: 'supplier', id: supplierId, name: 'Hosting B.V.', kind: null },
      { type: 'joint_arrangement', id: arrangementId, name: 'ICT Samenwerking', kind: null },
    ]);
    expect(r.threats).toEqual([
      { id: 'ransomware', name: 'Ransomware en digitale afpersing' },
      { id: 'phishing', name: 'Phishing en overname van accounts' },
    ]);
    expect((await council.get(`${A}/risks/${riskId}`)).body.title).toBe(r.title);
    const h = await history(auditor, riskId);
    expect(h).toHaveLength(1);
    expect(h[0]).toMatchObject({ cause: 'create', by: { name: 'ciso' }, inherent: { score: 20, level: 'kritiek' }, residual: { score: 12, level: 'hoog' } });
    const events = rowsOf<{ action: string; entityType: string }>(
      await t.deps.database.db.execute(sql`select action, entity_type as "entityType" from audit_events where entity_id = ${riskId} order by seq`),
    );
    expect(events).toEqual([{ action: 'create', entityType: 'risk' }]);
    // the second risk gets the next reference
    const second = await newRisk(privacy, { title: 'Datalek cliëntdossiers', domain: 'privacy', inherentLikelihood: 2, inherentImpact: 3 });
    expect(second).toMatchObject({ ref: 'R-002', residual: { likelihood: 2, impact: 3, score: 6, level: 'midden' }, treatment: 'open' });
  });

  it('lists risks by residual score with filters, total and cursor', async () => {
    await newRisk(ciso, { title: 'Overstroming gemeentewerf', domain: 'fysiek', inherentLikelihood: 2, inherentImpact: 5, reviewDate: addDays(today, -1), links: [{ type: 'asset', id: processId }] });
    const all = (await auditor.get(`${A}/risks`)).body;
    expect(all.items.map((r: any) => [r.ref, r.residual.score])).toEqual([
      ['R-001', 12],
      ['R-003', 10],
      ['R-002', 6],
    ]);
    expect(all.total).toBe(3);
    const p1 = (await auditor.get(`${A}/risks?limit=2`)).body;
    expect(p1.items.map((r: any) => r.ref)).toEqual(['R-001', 'R-003']);
    expect(p1.total).toBe(3);
    const p2 = (await auditor.get(`${A}/risks?limit=2&cursor=${p1.nextCursor}`)).body;
    expect(p2.items.map((r: any) => r.ref)).toEqual(['R-002']);
    expect(p2.nextCursor).toBeNull();
    const refs = async (q: string) => (await auditor.get(`${A}/risks?${q}`)).body.items.map((r: any) => r.ref);
    expect(await refs('domain=privacy')).toEqual(['R-002']);
    expect(await refs('level=hoog')).toEqual(['R-001', 'R-003']); // 12 and 10 (> 9)
    expect(await refs('level=midden')).toEqual(['R-002']);
    expect(await refs(`target=${processId}`)).toEqual(['R-001', 'R-003']);
    expect(await refs(`target=${supplierId}`)).toEqual(['R-001']);
    expect(await refs(`ownerId=${world.users.ciso.id}`)).toEqual(['R-001']);
    expect(await refs('q=overstroming')).toEqual(['R-003']);
    expect(await refs('q=R-002')).toEqual(['R-002']);
    expect(await refs('reviewDue=true')).toEqual(['R-003']);
    expect(await refs('treatment=mitigate')).toEqual([]);
    const overdue = (await auditor.get(`${A}/risks?reviewDue=true`)).body.items[0];
    expect(overdue.reviewOverdue).toBe(true);
    expect((await auditor.get(`${A}/risks?cursor=bm9wZQ`)).status).toBe(400);
    expect((await auditor.get(`${A}/risks?limit=101`)).status).toBe(400);
    expect((await auditor.get(`${A}/risks?colour=red`)).status).toBe(400);
  });

  it('edits a risk: partial changes, set replacement, clearing fields, history per score change', async () => {
    let r = (await ciso.patch(`${A}/risks/${riskId}`, { title: 'Ransomware bij burgerzaken', threatIds: ['ransomware'], links: [{ type: 'asset', id: processId }] })).body;
    expect(r.title).toBe('Ransomware bij burgerzaken');
    expect(r.threats.map((x: any) => x.id)).toEqual(['ransomware']);
    expect(r.links.map((x: any) => x.id)).toEqual([processId]);
    expect(await history(ciso, riskId)).toHaveLength(1); // no score change: no history row
    r = (await ciso.patch(`${A}/risks/${riskId}`, { inherentImpact: 3, reviewDate: null, ownerId: null })).body;
    // the residual (3×4) may not exceed the inherent (4×3): it is brought down to it
    expect(r).toMatchObject({ inherent: { likelihood: 4, impact: 3, score: 12, level: 'hoog' }, residual: { likelihood: 3, impact: 3, score: 9, level: 'midden' }, reviewDate: null, owner: null });
    const h = await history(ciso, riskId);
    expect(h.map((x) => x.cause)).toEqual(['edit', 'create']);
    expect(h[0].residual).toEqual({ likelihood: 3, impact: 3, score: 9, level: 'midden' });
    r = (await ciso.patch(`${A}/risks/${riskId}`, { treatment: 'transfer', transferredTo: 'Cyberverzekeraar', residualLikelihood: 2 })).body;
    expect(r).toMatchObject({ treatment: 'transfer', transferredTo: 'Cyberverzekeraar', residual: { likelihood: 2, impact: 3, level: 'midden' } });
    // null: back to the inherent on that axis
    expect((await ciso.patch(`${A}/risks/${riskId}`, { residualImpact: null })).body.residual).toMatchObject({ likelihood: 2, impact: 3 });
    expect((await ciso.patch(`${A}/risks/${riskId}`, { residualLikelihood: null })).body.residual).toMatchObject({ likelihood: 4, impact: 3 });
    r = (await ciso.patch(`${A}/risks/${riskId}`, { residualLikelihood: 2 })).body;
    r = (await ciso.patch(`${A}/risks/${riskId}`, { status: 'closed' })).body;
    expect(r.status).toBe('closed');
    expect((await auditor.get(`${A}/risks`)).body.items.map((x: any) => x.id)).not.toContain(riskId);
    expect((await auditor.get(`${A}/risks?status=closed`)).body.items.map((x: any) => x.id)).toEqual([riskId]);
    r = (await ciso.patch(`${A}/risks/${riskId}`, { status: 'open' })).body;
    expect((await history(ciso, riskId)).map((x) => x.cause)).toEqual(['reopen', 'close', 'edit', 'edit', 'treatment', 'edit', 'create']);
    // an unchanged edit writes nothing
    await ciso.patch(`${A}/risks/${riskId}`, { title: r.title });
    expect(await history(ciso, riskId)).toHaveLength(7);
  });

  it('refuses bad input with problem details that name the field', async () => {
    const bad = async (body: Record<string, unknown>, path: string, c = ciso, url = `${A}/risks`) => {
      const r = await c.request(url.endsWith('/risks') ? 'POST' : 'PATCH', url, body);
      expect(r.status, r.text).toBe(400);
      expect(r.headers['content-type']).toContain('application/problem+json');
      expect(problemPaths(r)).toContain(path);
      return r;
    };
    const base = { title: 'Test', domain: 'digitaal', inherentLikelihood: 3, inherentImpact: 3 };
    await bad({ ...base, inherentLikelihood: 7 }, 'body.inherentLikelihood');
    await bad({ ...base, inherentImpact: 0 }, 'body.inherentImpact');
    await bad({ ...base, inherentLikelihood: 2.5 }, 'body.inherentLikelihood');
    const over = await bad({ ...base, residualLikelihood: 4, residualImpact: 2 }, 'body.residualLikelihood');
    expect(over.body.detail).toContain('nooit hoger dan het bruto risico');
    await bad({ ...base, targetLikelihood: 2 }, 'body.targetImpact');
    await bad({ ...base, targetLikelihood: 4, targetImpact: 1 }, 'body.targetLikelihood');
    await bad({ ...base, treatment: 'mitigate' }, 'body.targetLikelihood');
    const accept = await bad({ ...base, treatment: 'accept' }, 'body.treatment');
    expect(accept.body.detail).toContain('acceptance');
    await bad({ ...base, colour: 'rood' }, 'body');
    await bad({ ...base, domain: 'ruimtevaart' }, 'body.domain');
    await bad({ ...base, title: '' }, 'body.title');
    await bad({ ...base, reviewDate: '31-12-2030' }, 'body.reviewDate');
    await bad({ ...base, links: [{ type: 'asset', id: NOPE }] }, 'body.links.0');
    await bad({ ...base, links: [{ type: 'supplier', id: processId }] }, 'body.links.0'); // an asset is not a supplier
    await bad({ ...base, threatIds: ['ransomware', 'draken'] }, 'body.threatIds.1');
    await bad({ ...base, measureIds: [NOPE] }, 'body.measureIds.0');
    await bad({ ...base, ownerId: world.users.betaAdmin.id }, 'body.ownerId');
    await bad({ ...base, dpiaId: NOPE }, 'body.dpiaId');
    // on an edit, too
    const url = `${A}/risks/${riskId}`;
    await bad({ treatment: 'accept' }, 'body.treatment', ciso, url);
    await bad({ inherentLikelihood: 6 }, 'body.inherentLikelihood', ciso, url);
    await bad({ residualImpact: 5 }, 'body.residualImpact', ciso, url);
    await bad({ status: 'archived' }, 'body.status', ciso, url);
    await bad({ ref: 'R-999' }, 'body', ciso, url);
    expect((await ciso.post(`${A}/risks`, 'geen json')).status).toBe(400);
    expect((await ciso.get(`${A}/risks/not-a-uuid`)).status).toBe(400);
    expect((await ciso.get(`${A}/risks/${NOPE}`)).status).toBe(404);
    // who may do what
    expect((await auditor.post(`${A}/risks`, base)).status).toBe(403);
    expect((await mayor.patch(url, { title: 'x' })).status).toBe(403);
    expect((await council.delete(url)).status).toBe(403);
    expect((await privacy.put(`${A}/risk-matrix`, { likelihoodLabels: ['a', 'b', 'c'], impactLabels: ['a', 'b', 'c'], levelBounds: [2, 4, 6], acceptanceRoles: { laag: ['ciso'], midden: ['ciso'], hoog: ['bestuurder'], kritiek: ['bestuurder'] } })).status).toBe(403);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await new Client(t.app).get('/api/v1/openapi.json')).body;
    for (const p of ['/organisations/{org}/risks', '/organisations/{org}/risks/{riskId}', '/organisations/{org}/risks/{riskId}/acceptance', '/organisations/{org}/risk-matrix', '/organisations/{org}/risk-overview', '/organisations/{org}/risk-trend', '/organisations/{org}/dpias/{dpiaId}/risks', '/organisations/{org}/threats']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    expect(doc.paths['/organisations/{org}/risk-matrix'].put.responses['409']).toBeDefined();
    expect(Object.keys(doc.paths['/organisations/{org}/risks/{riskId}/acceptance']).sort()).toEqual(['delete', 'post']);
    expect(doc.paths['/organisations/{org}/risks/{riskId}'].patch.requestBody).toBeDefined();
  });

  it('drops the links to a deleted object (removeRiskLinksOf, for the modules that own them)', async () => {
    const extra = (await ciso.post(`${A}/assets`, { kind: 'locatie', name: 'Archiefruimte' }).then(created)).id;
    const r = await newRisk(ciso, { title: 'Waterschade archief', domain: 'fysiek', inherentLikelihood: 2, inherentImpact: 2, links: [{ type: 'asset', id: extra }, { type: 'supplier', id: supplierId }] });
    expect(r.links).toHaveLength(2);
    const removed = await tenantTx(t.deps.database, { organisationId: world.orgs.beta.id, userId: null }, (tx) => removeRiskLinksOf(tx, world.orgs.beta.id, extra));
    expect(removed).toBe(0); // another organisation cannot touch them
    expect(await tenantTx(t.deps.database, { organisationId: world.orgs.alpha.id, userId: null }, (tx) => removeRiskLinksOf(tx, world.orgs.alpha.id, extra))).toBe(1);
    expect((await ciso.get(`${A}/risks/${r.id}`)).body.links.map((l: any) => l.id)).toEqual([supplierId]);
    expect((await ciso.get(`${A}/risks?target=${extra}`)).body.total).toBe(0);
    expect((await ciso.delete(`${A}/risks/${r.id}`)).status).toBe(204);
  });

  it('deletes a risk with its history', async () => {
    const r = await newRisk(ciso, { title: 'Weg ermee', domain: 'juridisch', inherentLikelihood: 1, inherentImpact: 1 });
    expect((await ciso.delete(`${A}/risks/${r.id}`)).status).toBe(204);
    expect((await ciso.get(`${A}/risks/${r.id}`)).status).toBe(404);
    expect((await ciso.get(`${A}/risks/${r.id}/history`)).status).toBe(404);
    expect((await ciso.delete(`${A}/risks/${r.id}`)).status).toBe(404);
    const [{ n }] = rowsOf<{ n: number }>(await t.deps.database.db.execute(sql`select count(*)::int as n from risk_score_history where risk_id = ${r.id}`));
    expect(Number(n)).toBe(0);
  });
});

describe(`mitigation follows the measures on ${ENGINE}`, () => {
  let m1: string;
  let m2: string;
  let m3: string;
  let riskId: string;
  let otherId: string;
  const measure = async (title: string, status: string) => (await ciso.post(`${A}/measures`, { title, status }).then(created)).id as string;
  const setStatus = async (id: string, status: string) => expect((await ciso.patch(`${A}/measures/${id}`, { status })).status).toBe(200);
  const residual = async (id = riskId) => (await auditor.get(`${A}/risks/${id}`)).body;

  beforeAll(async () => {
    m1 = await measure('Offline back-ups', 'gepland');
    m2 = await measure('Segmentatie netwerk', 'in_uitvoering');
    m3 = await measure('Herstelplan getest', 'gepland');
  });

  it('starts at the inherent score with no measure implemented and needs a target', async () => {
    const r = await newRisk(ciso, {
      title: 'Uitval door ransomware',
      domain: 'digitaal',
      inherentLikelihood: 5,
      inherentImpact: 4,
      targetLikelihood: 2,
      targetImpact: 2,
      residualLikelihood: 1,
      residualImpact: 1, // ignored: with mitigate the residual follows the measures
      treatment: 'mitigate',
      measureIds: [m1, m2, m3],
    });
    riskId = r.id;
    expect(r).toMatchObject({
      treatment: 'mitigate',
      target: { likelihood: 2, impact: 2 },
      residual: { likelihood: 5, impact: 4, score: 20, level: 'kritiek' },
      mitigation: { implemented: 0, total: 3 },
    });
    expect(r.measures.map((m: any) => [m.title, m.status])).toEqual([
      ['Herstelplan getest', 'gepland'],
      ['Offline back-ups', 'gepland'],
      ['Segmentatie netwerk', 'in_uitvoering'],
    ]);
    // a risk that is not mitigated does not move with the measures
    otherId = (await newRisk(ciso, { title: 'Niet gemitigeerd', domain: 'digitaal', inherentLikelihood: 4, inherentImpact: 4, measureIds: [m1] })).id;
  });

  it('moves the residual when a measure is implemented, cancelled or deleted, with history', async () => {
    await setStatus(m1, 'geimplementeerd'); // 1 of 3: 5 − ⌊3·⅓⌋ = 4, 4 − ⌊2·⅓⌋ = 4
    let r = await residual();
    expect(r.residual).toEqual({ likelihood: 4, impact: 4, score: 16, level: 'hoog' });
    expect(r.mitigation).toEqual({ implemented: 1, total: 3 });
    let h = await history(auditor, riskId);
    expect(h[0]).toMatchObject({ cause: 'measures', by: { name: 'ciso' }, residual: { likelihood: 4, impact: 4 } });

    await setStatus(m2, 'vervallen'); // cancelled does not count: 1 of 2 → 5 − ⌊1.5⌋ = 4, 4 − ⌊1⌋ = 3
    r = await residual();
    expect(r.residual).toMatchObject({ likelihood: 4, impact: 3, score: 12 });
    expect(r.mitigation).toEqual({ implemented: 1, total: 2 });

    await setStatus(m3, 'geimplementeerd'); // 2 of 2: the target
    expect((await residual()).residual).toEqual({ likelihood: 2, impact: 2, score: 4, level: 'laag' });

    await setStatus(m2, 'gepland'); // 2 of 3: 5 − ⌊3·⅔⌋ = 3, 4 − ⌊2·⅔⌋ = 3
    expect((await residual()).residual).toMatchObject({ likelihood: 3, impact: 3 });

    expect((await ciso.delete(`${A}/measures/${m3}`)).status).toBe(204); // 1 of 2 → 4×3
    r = await residual();
    expect(r.residual).toMatchObject({ likelihood: 4, impact: 3 });
    expect(r.measures.map((m: any) => m.id)).not.toContain(m3);
    h = await history(auditor, riskId);
    expect(h.map((x) => x.cause)).toEqual(['measures', 'measures', 'measures', 'measures', 'measures', 'create']);
    expect(h.map((x) => `${x.residual.likelihood}×${x.residual.impact}`)).toEqual(['4×3', '3×3', '2×2', '4×3', '4×4', '5×4']);

    // a title change of a measure moves nothing
    await ciso.patch(`${A}/measures/${m1}`, { title: 'Offline back-ups (dagelijks)' });
    expect(await history(auditor, riskId)).toHaveLength(6);
    // the other risk never moved
    expect((await residual(otherId)).residual).toMatchObject({ likelihood: 4, impact: 4 });
    expect(await history(auditor, otherId)).toHaveLength(1);
    // the residual change is in the audit trail too
    const events = rowsOf<{ after: any }>(
      await t.deps.database.db.execute(sql`select changes as after from audit_events where entity_id = ${riskId} and action = 'update' order by seq`),
    );
    expect(events.length).toBe(5);
  });

  it('recomputes when the measure set or the target of a risk is edited', async () => {
    let r = (await ciso.patch(`${A}/risks/${riskId}`, { measureIds: [m1] })).body; // 1 of 1: the target
    expect(r.residual).toMatchObject({ likelihood: 2, impact: 2 });
    expect((await history(ciso, riskId))[0].cause).toBe('measures');
    r = (await ciso.patch(`${A}/risks/${riskId}`, { targetLikelihood: 1, targetImpact: 1 })).body;
    expect(r.residual).toMatchObject({ likelihood: 1, impact: 1 });
    expect((await history(ciso, riskId))[0].cause).toBe('edit');
    // leaving mitigate keeps the residual it had
    r = (await ciso.patch(`${A}/risks/${riskId}`, { treatment: 'open' })).body;
    expect(r).toMatchObject({ treatment: 'open', residual: { likelihood: 1, impact: 1 }, mitigation: null });
    expect((await ciso.patch(`${A}/risks/${riskId}`, { treatment: 'mitigate', targetLikelihood: null, targetImpact: null })).status).toBe(400);
  });
});

describe(`acceptance on ${ENGINE}`, () => {
  let midden: string;
  let hoog: string;
  const accept = (c: Client, id: string, validUntil = addDays(today, 365), reason = 'Maatregelen kosten meer dan de schade die we verwachten.') =>
    c.post(`${A}/risks/${id}/acceptance`, { deciderFunction: 'CISO', reason, validUntil });

  beforeAll(async () => {
    midden = (await newRisk(ciso, { title: 'Storing zaaksysteem', domain: 'digitaal', inherentLikelihood: 3, inherentImpact: 3 })).id;
    hoog = (await newRisk(ciso, { title: 'Boete AP', domain: 'juridisch', inherentLikelihood: 4, inherentImpact: 4 })).id;
  });

  it('lets the CISO accept a midden risk with reason and end date', async () => {
    const r = await accept(ciso, midden).then(created);
    expect(r).toMatchObject({
      treatment: 'accept',
      acceptance: { validUntil: addDays(today, 365), expired: false, deciderName: 'ciso' },
    });
    expect(r.acceptances).toHaveLength(1);
    expect(r.acceptances[0]).toMatchObject({
      deciderName: 'ciso',
      deciderFunction: 'CISO',
      authorityRole: 'ciso',
      level: 'midden',
      likelihood: 3,
      impact: 3,
      reason: 'Maatregelen kosten meer dan de schade die we verwachten.',
      revokedAt: null,
      revokedReason: null,
    });
    expect((await history(ciso, midden))[0].cause).toBe('accept');
    expect((await auditor.get(`${A}/risks?treatment=accept`)).body.items.map((x: any) => x.id)).toEqual([midden]);
  });

  it('refuses a hoog risk to the CISO and lets the bestuurder accept it', async () => {
    const refused = await accept(ciso, hoog);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('bestuurder');
    expect((await accept(auditor, hoog)).status).toBe(403);
    expect((await accept(privacy, hoog)).status).toBe(403);
    const r = await mayor.post(`${A}/risks/${hoog}/acceptance`, { deciderFunction: 'Burgemeester, namens het college', reason: 'Het college aanvaardt dit risico tot de nieuwe wet.', validUntil: addYears(today, 3) }).then(created);
    expect(r.acceptances[0]).toMatchObject({ authorityRole: 'bestuurder', level: 'hoog', deciderName: 'burgemeester', validUntil: addYears(today, 3) });
    // a title change leaves the decision alone
    expect((await ciso.patch(`${A}/risks/${hoog}`, { title: 'Boete van de AP' })).body.treatment).toBe('accept');
  });

  it('checks the end date and the reason', async () => {
    for (const [validUntil, status] of [
      [today, 400],
      [addDays(today, -1), 400],
      [addDays(addYears(today, 3), 1), 400],
      ['2030-02-30', 400],
    ] as const) {
      const r = await accept(ciso, midden, validUntil);
      expect(r.status, `${validUntil}: ${r.text}`).toBe(status);
      expect(problemPaths(r)).toContain('body.validUntil');
    }
    expect(problemPaths(await accept(ciso, midden, addDays(today, 10), 'te kort'))).toContain('body.reason');
    expect(problemPaths(await ciso.post(`${A}/risks/${midden}/acceptance`, { deciderFunction: 'CISO', reason: 'Lang genoeg als reden.', validUntil: addDays(today, 10), level: 'laag' }))).toContain('body');
  });

  it('revokes the acceptance when the score or treatment changes', async () => {
    let r = (await ciso.patch(`${A}/risks/${midden}`, { inherentImpact: 4 })).body;
    expect(r.treatment).toBe('open');
    expect(r.acceptance).toBeNull();
    expect(r.acceptances[0]).toMatchObject({ revokedReason: 'gewijzigd' });
    expect(r.acceptances[0].revokedAt).not.toBeNull();
    // accepted again, then a treatment change revokes it as well
    await accept(ciso, midden).then(created);
    r = (await ciso.patch(`${A}/risks/${midden}`, { treatment: 'avoid', treatmentNote: 'We stoppen met dit proces.' })).body;
    expect(r).toMatchObject({ treatment: 'avoid', acceptance: null });
    expect(r.acceptances.map((a: any) => a.revokedReason)).toEqual(['gewijzigd', 'gewijzigd']);
  });

  it('withdraws an acceptance with a reason, and refuses a closed risk', async () => {
    const noBody = await mayor.request('DELETE', `${A}/risks/${hoog}/acceptance`, {});
    expect(noBody.status).toBe(400);
    expect((await council.request('DELETE', `${A}/risks/${hoog}/acceptance`, { reason: 'Niet meer nodig' })).status).toBe(403);
    const r = await mayor.request('DELETE', `${A}/risks/${hoog}/acceptance`, { reason: 'Het college wil nu maatregelen.' });
    expect(r.status, r.text).toBe(200);
    expect(r.body).toMatchObject({ treatment: 'open', acceptance: null });
    expect(r.body.acceptances[0].revokedReason).toBe('Het college wil nu maatregelen.');
    expect((await history(ciso, hoog))[0].cause).toBe('treatment');
    expect((await mayor.request('DELETE', `${A}/risks/${hoog}/acceptance`, { reason: 'nog eens' })).status).toBe(409);
    await ciso.patch(`${A}/risks/${hoog}`, { status: 'closed' });
    const closed = await mayor.post(`${A}/risks/${hoog}/acceptance`, { deciderFunction: 'Burgemeester', reason: 'Toch maar accepteren nu.', validUntil: addDays(today, 30) });
    expect(closed.status).toBe(409);
  });

  it('follows the acceptance roles of the matrix', async () => {
    expect(
      (
        await admin.put(`${A}/risk-matrix`, {
          likelihoodLabels: ['Zeer klein', 'Klein', 'Gemiddeld', 'Groot', 'Zeer groot'],
          impactLabels: ['Zeer gering', 'Gering', 'Aanzienlijk', 'Ernstig', 'Zeer ernstig'],
          levelBounds: [4, 9, 16],
          acceptanceRoles: { laag: ['ciso'], midden: ['privacy'], hoog: ['bestuurder', 'ciso'], kritiek: ['bestuurder'] },
        })
      ).status,
    ).toBe(200);
    const r = await newRisk(ciso, { title: 'Matig risico', domain: 'reputatie', inherentLikelihood: 2, inherentImpact: 4 });
    const refused = await accept(ciso, r.id);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('privacy');
    expect((await accept(privacy, r.id).then(created)).acceptances[0].authorityRole).toBe('privacy');
  });
});

describe(`matrix changes on ${ENGINE}`, () => {
  let x: string;
  let y: string;
  const matrix4 = (extra: Record<string, unknown> = {}) => ({
    likelihoodLabels: ['Zelden', 'Soms', 'Vaak', 'Bijna zeker'],
    impactLabels: ['Beperkt', 'Merkbaar', 'Ernstig', 'Ontwrichtend'],
    levelBounds: [3, 6, 11],
    acceptanceRoles: { laag: ['admin'], midden: ['admin'], hoog: ['admin'], kritiek: ['admin'] },
    ...extra,
  });

  beforeAll(async () => {
    x = (await newRisk(beta, { title: 'X', domain: 'digitaal', inherentLikelihood: 5, inherentImpact: 5, residualLikelihood: 3, residualImpact: 2 }, B)).id;
    y = (await newRisk(beta, { title: 'Y', domain: 'fysiek', inherentLikelihood: 4, inherentImpact: 3, targetLikelihood: 2, targetImpact: 1, treatment: 'mitigate' }, B)).id;
  });

  it('refuses a bad matrix', async () => {
    const bad = async (body: Record<string, unknown>, path: string) => {
      const r = await beta.put(`${B}/risk-matrix`, body);
      expect(r.status, r.text).toBe(400);
      expect(problemPaths(r).some((p: string) => p.startsWith(path)), JSON.stringify(r.body.errors)).toBe(true);
    };
    await bad(matrix4({ levelBounds: [6, 3, 11] }), 'body.levelBounds');
    await bad(matrix4({ levelBounds: [3, 6, 16] }), 'body.levelBounds');
    await bad(matrix4({ likelihoodLabels: ['a', 'b'] }), 'body.likelihoodLabels');
    await bad(matrix4({ impactLabels: ['a', 'b', 'c', 'd', 'e', 'f', 'g'] }), 'body.impactLabels');
    await bad(matrix4({ impactLabels: ['a', 'b', 'A', 'd'] }), 'body.impactLabels');
    await bad(matrix4({ acceptanceRoles: { laag: ['koning'], midden: ['admin'], hoog: ['admin'], kritiek: ['admin'] } }), 'body.acceptanceRoles.laag');
    await bad(matrix4({ acceptanceRoles: { laag: [], midden: ['admin'], hoog: ['admin'], kritiek: ['admin'] } }), 'body.acceptanceRoles.laag');
    await bad(matrix4({ colour: 'blauw' }), 'body');
  });

  it('refuses a resize while there are risks, unless asked to rescale', async () => {
    const r = await beta.put(`${B}/risk-matrix`, matrix4());
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ status: 409, risks: 2 });
    expect(r.body.detail).toContain('rescale');
    expect((await beta.get(`${B}/risk-matrix`)).body.custom).toBe(false);
  });

  it('rescales every score proportionally and writes it to the history', async () => {
    const r = await beta.put(`${B}/risk-matrix`, matrix4({ rescale: true }));
    expect(r.status, r.text).toBe(200);
    expect(r.body).toEqual({ ...matrix4(), custom: true });
    // 5→4: 1+(v−1)·3/4 rounded: 5→4, 3→2.5→3, 2→1.75→2, 4→3.25→3, 1→1
    const rx = (await beta.get(`${B}/risks/${x}`)).body;
    expect(rx.inherent).toEqual({ likelihood: 4, impact: 4, score: 16, level: 'kritiek' });
    expect(rx.residual).toEqual({ likelihood: 3, impact: 2, score: 6, level: 'midden' });
    const ry = (await beta.get(`${B}/risks/${y}`)).body;
    expect(ry.inherent).toEqual({ likelihood: 3, impact: 3, score: 9, level: 'hoog' });
    expect(ry.target).toEqual({ likelihood: 2, impact: 1 });
    expect(ry.residual).toEqual({ likelihood: 3, impact: 3, score: 9, level: 'hoog' });
    expect((await history(beta, x, B)).map((h) => h.cause)).toEqual(['matrix', 'create']);
    expect((await history(beta, y, B)).map((h) => h.cause)).toEqual(['matrix', 'create']);
    // scores now live on the 4×4 matrix
    expect(problemPaths(await beta.post(`${B}/risks`, { title: 'Z', domain: 'digitaal', inherentLikelihood: 5, inherentImpact: 1 }))).toContain('body.inherentLikelihood');
    expect((await beta.post(`${B}/risks`, { title: 'Z', domain: 'digitaal', inherentLikelihood: 4, inherentImpact: 4 })).status).toBe(201);
    // new level bounds on the same size: levels recomputed, history where they changed
    const again = await beta.put(`${B}/risk-matrix`, matrix4({ levelBounds: [2, 6, 9] }));
    expect(again.status).toBe(200);
    expect((await beta.get(`${B}/risks/${x}`)).body.inherent.level).toBe('kritiek'); // 16 > 9
    expect((await beta.get(`${B}/risks/${y}`)).body.residual.level).toBe('hoog'); // 9 ≤ 9
    expect((await history(beta, y, B)).map((h) => h.cause)).toEqual(['matrix', 'create']);
    const third = await beta.put(`${B}/risk-matrix`, matrix4({ levelBounds: [2, 9, 12] }));
    expect(third.status).toBe(200);
    const hy = await history(beta, y, B);
    expect(hy.map((h) => h.cause)).toEqual(['matrix', 'matrix', 'create']);
    expect(hy[0].residual.level).toBe('midden');
    // the audit trail has the matrix changes
    const [{ n }] = rowsOf<{ n: number }>(
      await t.deps.database.db.execute(sql`select count(*)::int as n from audit_events where entity_type = 'risk_matrix' and organisation_id = ${world.orgs.beta.id}`),
    );
    expect(Number(n)).toBe(3);
  });
});

describe(`DPIAs on ${ENGINE}`, () => {
  let processId: string;
  let dpiaId: string;

  beforeAll(async () => {
    processId = (await ciso.post(`${A}/assets`, { kind: 'proces', name: 'Jeugdhulp' }).then(created)).id;
  });

  it('records a DPIA and validates it', async () => {
    const d = await privacy.post(`${A}/dpias`, { name: 'DPIA jeugdhulp', processing: 'Toegang tot jeugdhulp en berichtenverkeer met zorgaanbieders', assetId: processId, outcome: 'aanvaardbaar_met_maatregelen', conductedOn: addDays(today, -30) }).then(created);
    dpiaId = d.id;
    expect(d).toMatchObject({ name: 'DPIA jeugdhulp', asset: { id: processId, name: 'Jeugdhulp' }, outcome: 'aanvaardbaar_met_maatregelen', notes: '', risks: 0 });
    const app = (await ciso.post(`${A}/assets`, { kind: 'applicatie', name: 'Jeugdapp' }).then(created)).id;
    const bad = async (body: Record<string, unknown>, path: string) => {
      const r = await privacy.post(`${A}/dpias`, { name: 'X', processing: 'Y', outcome: 'aanvaardbaar', conductedOn: today, ...body });
      expect(r.status, r.text).toBe(400);
      expect(problemPaths(r)).toContain(path);
    };
    await bad({ assetId: app }, 'body.assetId');
    await bad({ assetId: NOPE }, 'body.assetId');
    await bad({ conductedOn: addDays(today, 1) }, 'body.conductedOn');
    await bad({ outcome: 'prima' }, 'body.outcome');
    await bad({ extra: true }, 'body');
    expect((await auditor.post(`${A}/dpias`, { name: 'X', processing: 'Y', outcome: 'aanvaardbaar', conductedOn: today })).status).toBe(403);
    const p = await privacy.patch(`${A}/dpias/${dpiaId}`, { notes: 'Herhalen na de aanbesteding.' });
    expect(p.body.notes).toBe('Herhalen na de aanbesteding.');
    expect((await auditor.get(`${A}/dpias`)).body.items.map((x: any) => x.id)).toEqual([dpiaId]);
  });

  it('creates a privacy risk from the DPIA, linked to it and to its process', async () => {
    const r = await privacy.post(`${A}/dpias/${dpiaId}/risks`, { title: 'Te ruime toegang tot jeugddossiers', inherentLikelihood: 3, inherentImpact: 4, threatIds: ['misbruik-bevoegdheden'] }).then(created);
    expect(r).toMatchObject({ domain: 'privacy', dpia: { id: dpiaId, name: 'DPIA jeugdhulp' }, links: [{ type: 'asset', id: processId, name: 'Jeugdhulp', kind: 'proces' }] });
    expect((await privacy.post(`${A}/dpias/${dpiaId}/risks`, { title: 'x', domain: 'digitaal', inherentLikelihood: 1, inherentImpact: 1 })).status).toBe(400);
    expect((await auditor.get(`${A}/dpias/${dpiaId}`)).body.risks).toBe(1);
    expect((await auditor.get(`${A}/risks?dpiaId=${dpiaId}`)).body.items.map((x: any) => x.id)).toEqual([r.id]);
    expect((await privacy.delete(`${A}/dpias/${dpiaId}`)).status).toBe(204);
    expect((await auditor.get(`${A}/risks/${r.id}`)).body.dpia).toBeNull();
    expect((await auditor.get(`${A}/dpias/${dpiaId}`)).status).toBe(404);
  });
});

describe(`export on ${ENGINE}`, () => {
  it('exports the register as XLSX with Dutch headers, one row per risk', async () => {
    const r = await t.app.inject({ method: 'GET', url: `${A}/risks/export.xlsx`, headers: { cookie: council.cookie } });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toContain('spreadsheetml');
    expect(r.headers['content-disposition']).toMatch(/risicoregister-alpha-\d{4}-\d{2}-\d{2}\.xlsx/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as any);
    const ws = wb.getWorksheet('Risicoregister')!;
    const header = (ws.getRow(1).values as any[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Kenmerk', 'Titel', 'Domein']);
    expect(header).toEqual(expect.arrayContaining(['Bruto score', 'Netto niveau', 'Behandeling', 'Maatregelen', 'Gekoppeld aan', 'Dreigingen']));
    const all = (await auditor.get(`${A}/risks?status=all&limit=100`)).body;
    expect(ws.rowCount - 1).toBe(all.total);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = (ref: string) => {
      for (let i = 2; i <= ws.rowCount; i++) if (ws.getRow(i).getCell(1).value === ref) return ws.getRow(i);
      throw new Error(`${ref} not exported`);
    };
    const first = row('R-001');
    expect(first.getCell(col('Titel')).value).toBe('Ransomware bij burgerzaken');
    expect(first.getCell(col('Bruto kans')).value).toBe(4);
    expect(first.getCell(col('Bruto impact')).value).toBe(3);
    expect(first.getCell(col('Behandeling')).value).toBe('Overdragen');
    expect(first.getCell(col('Overgedragen aan')).value).toBe('Cyberverzekeraar');
    expect(first.getCell(col('Gekoppeld aan')).value).toBe('Paspoorten en rijbewijzen');
    expect(first.getCell(col('Dreigingen')).value).toBe('Ransomware en digitale afpersing');
    const mitigated = all.items.find((x: any) => x.title === 'Uitval door ransomware');
    expect(String(row(mitigated.ref).getCell(col('Maatregelen')).value)).toContain('Offline back-ups');
    const [{ n }] = rowsOf<{ n: number }>(await t.deps.database.db.execute(sql`select count(*)::int as n from audit_events where entity_type = 'risk_export'`));
    expect(Number(n)).toBe(1);
  });
});

describe(`isolation between organisations on ${ENGINE}`, () => {
  it('never shows or changes another organisation’s risks, history, DPIAs, matrix or overview', async () => {
    const mine = (await auditor.get(`${A}/risks?status=all&limit=100`)).body.items;
    const id = mine[0].id;
    expect((await beta.get(`${A}/risks`)).status).toBe(404);
    expect((await beta.get(`${B}/risks/${id}`)).status).toBe(404);
    expect((await beta.patch(`${B}/risks/${id}`, { title: 'overgenomen' })).status).toBe(404);
    expect((await beta.delete(`${B}/risks/${id}`)).status).toBe(404);
    expect((await beta.get(`${B}/risks/${id}/history`)).status).toBe(404);
    expect((await beta.post(`${B}/risks/${id}/acceptance`, { deciderFunction: 'x', reason: 'Een reden van tien tekens.', validUntil: addDays(today, 10) })).status).toBe(404);
    expect((await beta.request('DELETE', `${B}/risks/${id}/acceptance`, { reason: 'x' })).status).toBe(404);
    const theirs = (await beta.get(`${B}/risks?status=all&limit=100`)).body;
    expect(theirs.items.some((r: any) => mine.some((m: any) => m.id === r.id))).toBe(false);
    expect(theirs.total).toBe(3);
    // links to another organisation's objects, measures, owner or DPIA are refused
    const alphaAsset = (await ciso.get(`${A}/assets`)).body.items[0].id;
    const alphaMeasure = (await ciso.get(`${A}/measures`)).body.items[0].id;
    const alphaDpia = (await privacy.post(`${A}/dpias`, { name: 'Geheim', processing: 'x', outcome: 'aanvaardbaar', conductedOn: today }).then(created)).id;
    const base = { title: 'Lek', domain: 'digitaal', inherentLikelihood: 1, inherentImpact: 1 };
    expect(problemPaths(await beta.post(`${B}/risks`, { ...base, links: [{ type: 'asset', id: alphaAsset }] }))).toContain('body.links.0');
    expect(problemPaths(await beta.post(`${B}/risks`, { ...base, measureIds: [alphaMeasure] }))).toContain('body.measureIds.0');
    expect(problemPaths(await beta.post(`${B}/risks`, { ...base, ownerId: world.users.ciso.id }))).toContain('body.ownerId');
    expect(problemPaths(await beta.post(`${B}/risks`, { ...base, dpiaId: alphaDpia }))).toContain('body.dpiaId');
    expect((await beta.get(`${B}/risks?target=${alphaAsset}`)).body.total).toBe(0);
    // DPIAs
    expect((await beta.get(`${B}/dpias/${alphaDpia}`)).status).toBe(404);
    expect((await beta.patch(`${B}/dpias/${alphaDpia}`, { name: 'x' })).status).toBe(404);
    expect((await beta.delete(`${B}/dpias/${alphaDpia}`)).status).toBe(404);
    expect((await beta.post(`${B}/dpias/${alphaDpia}/risks`, { title: 'x', inherentLikelihood: 1, inherentImpact: 1 })).status).toBe(404);
    expect((await beta.get(`${B}/dpias`)).body.items).toEqual([]);
    // matrix: beta's 4×4 is not alpha's
    expect((await auditor.get(`${A}/risk-matrix`)).body.likelihoodLabels).toHaveLength(5);
    expect((await beta.get(`${B}/risk-matrix`)).body.likelihoodLabels).toHaveLength(4);
    // overview and trend count only one's own risks
    const ov = (await beta.get(`${B}/risk-overview`)).body;
    expect(ov.byDomain.reduce((a: number, d: any) => a + d.total, 0)).toBe(3);
    expect(ov.inherent).toHaveLength(4);
    const tr = (await beta.get(`${B}/risk-trend?months=1`)).body.months;
    expect(tr[0].open).toBe(3);
    // export
    const x = await t.app.inject({ method: 'GET', url: `${B}/risks/export.xlsx`, headers: { cookie: beta.cookie } });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as any);
    expect(wb.getWorksheet('Risicoregister')!.rowCount).toBe(4);
    // the database itself: RLS hides alpha's rows in beta's transaction
    const rows = rowsOf<{ n: number }>(
      await t.deps.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('role', 'weerbaar_app', true), set_config('app.org_id', ${world.orgs.beta.id}, true)`);
        return tx.execute(sql`select (select count(*) from risks where organisation_id = ${world.orgs.alpha.id})::int + (select count(*) from risk_score_history where organisation_id = ${world.orgs.alpha.id})::int + (select count(*) from dpia_records where organisation_id = ${world.orgs.alpha.id})::int as n`);
      }),
    );
    expect(Number(rows[0].n)).toBe(0);
  });
});
