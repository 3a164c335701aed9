import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { memberships, users } from '../../src/server/core/db/schema.js';
import { hashPassword } from '../../src/server/core/auth/passwords.js';
import { rowsOf } from '../../src/server/core/db/rows.js';
import { JOBS } from '../../src/server/core/jobs/registry.js';
import { loadThreats } from '../../src/server/modules/risks/load-threats.js';
import { sendRiskReminders } from '../../src/server/modules/risks/reminders.js';
import { monthsUpTo } from '../../src/server/modules/risks/trend.js';
import { addDays, localDate } from '../../src/shared/dates.js';
import { ENGINE } from '../helpers/db.js';
import { Client, createTestApp, loginAs, PASSWORD, seedWorld, type TestApp } from '../helpers/app.js';

const A = '/api/v1/organisations/alpha';
const B = '/api/v1/organisations/beta';
const today = localDate();

let t: TestApp;
let world: Awaited<ReturnType<typeof seedWorld>>;
let ciso: Client;
let mayor: Client;
let auditor: Client;
let beta: Client;
let fgId: string;

beforeAll(async () => {
  t = await createTestApp();
  world = await seedWorld(t.deps);
  await loadThreats(t.deps.database);
  const hash = await hashPassword(PASSWORD);
  for (const [email, roles] of [
    ['fg@alpha.test', ['privacy']],
    ['burgemeester@alpha.test', ['bestuurder']],
  ] as const) {
    const [u] = await t.deps.database.db.insert(users).values({ email, name: email.split('@')[0], passwordHash: hash }).returning();
    await t.deps.database.db.insert(memberships).values({ organisationId: world.orgs.alpha.id, userId: u.id, roles: [...roles] });
    if (email.startsWith('fg')) fgId = u.id;
  }
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  mayor = await loginAs(t.app, 'burgemeester@alpha.test');
  auditor = await loginAs(t.app, 'auditor@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
});
afterAll(() => t?.close());

const newRisk = async (body: Record<string, unknown>, c = ciso, base = A) => {
  const r = await c.post(`${base}/risks`, body);
  expect(r.status, r.text).toBe(201);
  return r.body;
};
const zero = { laag: 0, midden: 0, hoog: 0, kritiek: 0 };

describe(`overview and heat map on ${ENGINE}`, () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const risk = async (key: string, domain: string, il: number, ii: number, rl: number, ri: number, extra: Record<string, unknown> = {}) => {
      ids[key] = (await newRisk({ title: `Risico ${key}`, domain, inherentLikelihood: il, inherentImpact: ii, residualLikelihood: rl, residualImpact: ri, ...extra })).id;
    };
    await risk('d1', 'digitaal', 5, 5, 5, 5); // 25 kritiek / 25 kritiek
    await risk('d2', 'digitaal', 4, 5, 2, 3); // 20 kritiek / 6 midden
    await risk('d3', 'digitaal', 3, 3, 3, 3); // 9 midden / 9 midden
    await risk('p1', 'privacy', 4, 4, 2, 2); // 16 hoog / 4 laag
    await risk('f1', 'fysiek', 2, 2, 2, 2, { reviewDate: addDays(today, -3) }); // 4 laag, review overdue
    await risk('n1', 'financieel', 5, 3, 5, 3); // closed below: not counted
    await risk('d4', 'digitaal', 2, 5, 1, 5, { reviewDate: addDays(today, 10) }); // 10 hoog / 5 midden, review within 14 days
    await risk('p2', 'privacy', 3, 4, 3, 4); // 12 hoog / 12 hoog, accepted below (ending within 30 days)
    await risk('d5', 'digitaal', 1, 1, 1, 1);
    await risk('d6', 'digitaal', 1, 2, 1, 2);
    await risk('d7', 'digitaal', 2, 1, 2, 1);
    await risk('d8', 'digitaal', 1, 2, 1, 2, { reviewDate: addDays(today, 15) }); // review not yet due
    expect((await ciso.patch(`${A}/risks/${ids.n1}`, { status: 'closed' })).status).toBe(200);
    const accepted = await mayor.post(`${A}/risks/${ids.p2}/acceptance`, { deciderFunction: 'Burgemeester', reason: 'Aanvaard tot de nieuwe aanbesteding.', validUntil: addDays(today, 20) });
    expect(accepted.status, accepted.text).toBe(201);
    // another organisation's risks never count
    await newRisk({ title: 'Beta', domain: 'digitaal', inherentLikelihood: 5, inherentImpact: 5 }, beta, B);
  });

  it('counts the open risks per cell of both heat maps', async () => {
    const o = (await auditor.get(`${A}/risk-overview`)).body;
    const cells = (grid: number[][]) =>
      grid
        .flatMap((row, l) => row.map((n, i) => (n ? `${l + 1}×${i + 1}:${n}` : '')))
        .filter(Boolean)
        .sort();
    expect(o.inherent).toHaveLength(5);
    expect(o.inherent.every((row: number[]) => row.length === 5)).toBe(true);
    expect(cells(o.inherent)).toEqual(['1×1:1', '1×2:2', '2×1:1', '2×2:1', '2×5:1', '3×3:1', '3×4:1', '4×4:1', '4×5:1', '5×5:1'].sort());
    expect(cells(o.residual)).toEqual(['1×1:1', '1×2:2', '1×5:1', '2×1:1', '2×2:2', '2×3:1', '3×3:1', '3×4:1', '5×5:1'].sort());
    expect(o.inherent[3][4]).toBe(1); // likelihood 4, impact 5
    expect(o.residual[1][1]).toBe(2); // likelihood 2, impact 2: p1 and f1
    expect(o.inherent.flat().reduce((a: number, b: number) => a + b, 0)).toBe(11);
  });

  it('counts per domain and level, shows the top five per domain and what needs attention', async () => {
    const o = (await auditor.get(`${A}/risk-overview`)).body;
    expect(o.matrix.custom).toBe(false);
    expect(o.byDomain).toEqual([
      { domain: 'digitaal', total: 8, residual: { laag: 4, midden: 3, hoog: 0, kritiek: 1 } },
      { domain: 'privacy', total: 2, residual: { laag: 1, midden: 0, hoog: 1, kritiek: 0 } },
      { domain: 'juridisch', total: 0, residual: zero },
      { domain: 'financieel', total: 0, residual: zero },
      { domain: 'fysiek', total: 1, residual: { laag: 1, midden: 0, hoog: 0, kritiek: 0 } },
      { domain: 'reputatie', total: 0, residual: zero },
    ]);
    const top = Object.fromEntries(o.top.map((x: any) => [x.domain, x.risks.map((r: any) => r.title.replace('Risico ', ''))]));
    // residual scores: d1 25, d3 9, d2 6, d4 5, then d6 and d8 (2) by reference, d7 (2) … d5 (1)
    expect(top.digitaal).toEqual(['d1', 'd3', 'd2', 'd4', 'd6']);
    expect(top.privacy).toEqual(['p2', 'p1']);
    expect(top.financieel).toEqual([]);
    expect(o.top.find((x: any) => x.domain === 'privacy').risks[0]).toMatchObject({ treatment: 'accept', acceptance: { validUntil: addDays(today, 20), expired: false, deciderName: 'burgemeester' } });
    expect(o.reviewDue).toBe(2); // f1 (passed) and d4 (within 14 days); d8 is 15 days away
    expect(o.acceptancesExpiring).toBe(1);
  });

  it('narrows everything to one domain', async () => {
    const o = (await auditor.get(`${A}/risk-overview?domain=privacy`)).body;
    expect(o.byDomain).toEqual([{ domain: 'privacy', total: 2, residual: { laag: 1, midden: 0, hoog: 1, kritiek: 0 } }]);
    expect(o.inherent.flat().reduce((a: number, b: number) => a + b, 0)).toBe(2);
    expect(o.inherent[3][3]).toBe(1);
    expect(o.residual[2][3]).toBe(1);
    expect(o.top.map((x: any) => x.domain)).toEqual(['privacy']);
    expect(o.reviewDue).toBe(0);
    expect(o.acceptancesExpiring).toBe(1);
    expect((await auditor.get(`${A}/risk-overview?domain=ruimte`)).status).toBe(400);
  });

  it('builds the trend from the history at the end of each month', async () => {
    const finalState = { open: 11, inherent: { laag: 5, midden: 1, hoog: 3, kritiek: 2 }, residual: { laag: 6, midden: 3, hoog: 1, kritiek: 1 } };
    let months = (await auditor.get(`${A}/risk-trend`)).body.months;
    expect(months).toHaveLength(12);
    expect(months[11]).toEqual({ month: today.slice(0, 7), ...finalState });
    expect(months[0]).toEqual({ month: monthsUpTo(today, 12)[0].month, open: 0, inherent: zero, residual: zero });

    // backdate: everything happened 180 days earlier, and risk d2 was already known 300 days ago at kritiek/kritiek
    await t.deps.database.db.execute(sql`update risk_score_history set at = at - interval '180 days' where organisation_id = ${world.orgs.alpha.id}`);
    const t300 = new Date(Date.now() - 300 * 86_400_000);
    await t.deps.database.db.execute(sql`
      insert into risk_score_history (organisation_id, risk_id, at, cause, inherent_likelihood, inherent_impact, residual_likelihood, residual_impact, inherent_level, residual_level, domain, status)
      values (${world.orgs.alpha.id}, ${ids.d2}, ${t300}, 'create', 4, 5, 4, 5, 'kritiek', 'kritiek', 'digitaal', 'open')`);
    const [{ first, last }] = rowsOf<{ first: string; last: string }>(
      await t.deps.database.db.execute(sql`select min(at) as first, max(at) as last from risk_score_history where organisation_id = ${world.orgs.alpha.id} and at > ${t300}`),
    );
    months = (await auditor.get(`${A}/risk-trend?months=12`)).body.months;
    const ends = monthsUpTo(today, 12);
    let checked = 0;
    ends.forEach(({ month, end }, k) => {
      expect(months[k].month).toBe(month);
      if (end <= t300) expect(months[k]).toEqual({ month, open: 0, inherent: zero, residual: zero });
      else if (end <= new Date(first)) expect(months[k]).toEqual({ month, open: 1, inherent: { ...zero, kritiek: 1 }, residual: { ...zero, kritiek: 1 } });
      else if (end > new Date(last)) expect(months[k]).toEqual({ month, ...finalState });
      else return;
      checked++;
    });
    expect(checked).toBeGreaterThanOrEqual(11);
    // the improvement shows: more risks known, fewer of them kritiek after treatment
    const known = months.filter((m: any) => m.open > 0);
    expect(known[0].residual.kritiek).toBe(1);
    expect(known[known.length - 1].residual.laag).toBe(6);

    const three = (await auditor.get(`${A}/risk-trend?months=3`)).body.months;
    expect(three.map((m: any) => m.month)).toEqual(ends.slice(9).map((e) => e.month));
    expect((await auditor.get(`${A}/risk-trend?months=37`)).status).toBe(400);
    expect((await auditor.get(`${A}/risk-trend?months=0`)).status).toBe(400);
    expect((await auditor.get(`${A}/risk-trend?months=36`)).body.months).toHaveLength(36);
    // the other organisation's trend only knows its own risk
    expect((await beta.get(`${B}/risk-trend?months=1`)).body.months[0]).toMatchObject({ open: 1, inherent: { kritiek: 1 } });
  });

  it('month boundaries follow Europe/Amsterdam', () => {
    const m = monthsUpTo('2026-03-15', 3);
    expect(m.map((x) => x.month)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(m.map((x) => x.end.toISOString())).toEqual(['2026-01-31T23:00:00.000Z', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z']);
    expect(monthsUpTo('2026-01-10', 2)[0]).toEqual({ month: '2025-12', end: new Date('2025-12-31T23:00:00.000Z') });
  });
});

describe(`reminders job on ${ENGINE}`, () => {
  let owned: string;
  let accepted: string;
  let closed: string;
  const notices = async (subjectIds: string[]) =>
    rowsOf<{ kind: string; subjectId: string; email: string; link: string; title: string }>(
      await t.deps.database.db.execute(sql`
        select n.kind, n.subject_id as "subjectId", u.email, n.link, n.title from notifications n join users u on u.id = n.user_id
        where n.subject_id = any(${`{${subjectIds.join(',')}}`}::uuid[]) order by n.created_at, n.kind, u.email`),
    );
  const mine = () => notices([owned, accepted, closed]);
  const job = JOBS.find((j) => j.name === 'risks.reminders')!;
  const run = (days: number) => job.run(t.deps, { today: addDays(today, days) });

  beforeAll(async () => {
    owned = (await newRisk({ title: 'Review nodig', domain: 'juridisch', ownerId: fgId, inherentLikelihood: 2, inherentImpact: 2, reviewDate: addDays(today, 60) })).id;
    accepted = (await newRisk({ title: 'Geaccepteerd zonder eigenaar', domain: 'reputatie', inherentLikelihood: 2, inherentImpact: 3 })).id;
    const r = await ciso.post(`${A}/risks/${accepted}/acceptance`, { deciderFunction: 'CISO', reason: 'Kleine kans en beperkte schade.', validUntil: addDays(today, 100) });
    expect(r.status, r.text).toBe(201);
    closed = (await newRisk({ title: 'Gesloten', domain: 'juridisch', ownerId: fgId, inherentLikelihood: 2, inherentImpact: 2, reviewDate: addDays(today, 50) })).id;
    await ciso.patch(`${A}/risks/${closed}`, { status: 'closed' });
  });

  it('is registered as a daily job at 06:50', () => {
    expect(job.cron).toBe('50 6 * * *');
  });

  it('reminds the owner 14 days before the review and once it has passed, never twice', async () => {
    await run(45); // review in 15 days, acceptance in 55: nothing yet
    expect(await mine()).toEqual([]);
    await run(46); // review in 14 days
    let n = await mine();
    expect(n.map((x) => `${x.kind}:${x.email}`)).toEqual(['risk_review_due:fg@alpha.test']);
    expect(n[0].link).toBe(`/o/alpha/risicos/${owned}#review=${addDays(today, 60)}`);
    expect(n[0].title).toContain(addDays(today, 60));
    await run(46);
    await run(50);
    expect(await mine()).toHaveLength(1);
    await run(61); // passed
    n = await mine();
    expect(n.map((x) => `${x.kind}:${x.email}`)).toEqual(['risk_review_due:fg@alpha.test', 'risk_review_overdue:fg@alpha.test']);
    await run(62);
    expect((await mine()).filter((x) => x.subjectId === owned)).toHaveLength(2);
    // the acceptance ends in 38 days: nothing for it yet; the closed risk never gets anything
    expect((await mine()).filter((x) => x.subjectId !== owned)).toEqual([]);
  });

  it('reminds the CISOs (the risk has no owner) of an acceptance ending within 30 days and once it has ended', async () => {
    const of = async () => (await mine()).filter((x) => x.subjectId === accepted);
    await run(69); // 31 days left
    expect(await of()).toEqual([]);
    await run(70); // 30 days left
    expect((await of()).map((x) => `${x.kind}:${x.email}`)).toEqual(['risk_acceptance_ending:ciso@alpha.test']);
    await run(71);
    await run(100); // the last valid day
    expect(await of()).toHaveLength(1);
    await run(101);
    await run(120);
    const n = await of();
    expect(n.map((x) => `${x.kind}:${x.email}`)).toEqual(['risk_acceptance_ending:ciso@alpha.test', 'risk_acceptance_expired:ciso@alpha.test']);
    expect(n[1].link).toMatch(new RegExp(`^/o/alpha/risicos/${accepted}#acceptatie=[0-9a-f-]{36}$`));
    expect(n[1].title).toContain('Acceptatie verlopen');
    await expect(sendRiskReminders(t.deps.database, '2030-13-45')).rejects.toThrow();
  });

  it('a new decision is reminded again; the notices are in the recipients’ inbox only', async () => {
    const again = await ciso.post(`${A}/risks/${accepted}/acceptance`, { deciderFunction: 'CISO', reason: 'Opnieuw bekeken: nog steeds aanvaardbaar.', validUntil: addDays(today, 110) });
    expect(again.status).toBe(201);
    const before = (await mine()).length;
    await run(85);
    const n = (await mine()).filter((x) => x.subjectId === accepted);
    expect(n.map((x) => x.kind)).toEqual(['risk_acceptance_ending', 'risk_acceptance_expired', 'risk_acceptance_ending']);
    expect((await mine()).length).toBe(before + 1);
    // a new review date is reminded again
    await ciso.patch(`${A}/risks/${owned}`, { reviewDate: addDays(today, 200) });
    await run(187);
    expect((await mine()).filter((x) => x.subjectId === owned).map((x) => x.kind)).toEqual(['risk_review_due', 'risk_review_overdue', 'risk_review_due']);
    expect((await mine()).filter((x) => x.subjectId === closed)).toEqual([]);
    const fg = await loginAs(t.app, 'fg@alpha.test');
    const kinds = ((await fg.get('/api/v1/inbox')).body.items as any[]).map((i) => i.kind);
    expect(kinds).toContain('risk_review_overdue');
    expect(kinds).not.toContain('risk_acceptance_ending');
    expect(JSON.stringify((await beta.get('/api/v1/inbox')).body)).not.toContain('Review nodig');
  });
});
