import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../src/server/demo/seed.js';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { sendRiskReminders } from '../../src/server/modules/risks/reminders.js';
import { RISK_DOMAINS } from '../../src/shared/risk-matrix.js';
import { addDays, localDate } from '../../src/shared/dates.js';
import { ENGINE } from '../helpers/db.js';
import { createTestApp, loginAs, type TestApp } from '../helpers/app.js';

const today = localDate();
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await loadCatalogs(t.deps.database);
  expect(await loadDemo(t.deps.database)).toBe('loaded');
}, 240_000);
afterAll(() => t?.close());

const GEMEENTEN = ['zuidhaven', 'noorderveld', 'oostbroek'] as const;
const url = (slug: string) => `/api/v1/organisations/${slug}`;

describe(`demo risk register on ${ENGINE}`, () => {
  it('gives every demo gemeente a realistic register over all six domains, linked to its assets, Kustnet, threats and measures', async () => {
    for (const slug of GEMEENTEN) {
      const c = await loginAs(t.app, `ciso@${slug}.example`, 'weerbaar-demo');
      const all = (await c.get(`${url(slug)}/risks?status=all&limit=100`)).body;
      expect(all.total, slug).toBeGreaterThanOrEqual(12);
      expect(all.total, slug).toBeLessThanOrEqual(18);
      expect(new Set(all.items.map((r: any) => r.domain))).toEqual(new Set(RISK_DOMAINS));
      expect(all.items.every((r: any) => r.owner !== null)).toBe(true);

      const kustnet = (await c.get(`${url(slug)}/suppliers?q=Kustnet`)).body.items.find((s: any) => s.name === 'Kustnet Datacenters B.V.');
      const onKustnet = (await c.get(`${url(slug)}/risks?target=${kustnet.id}`)).body;
      expect(onKustnet.total, slug).toBeGreaterThanOrEqual(3);
      const ot = (await c.get(`${url(slug)}/assets?kind=ot&limit=100`)).body.items;
      for (const kind of ['brug', 'gemaal']) {
        const asset = ot.find((a: any) => a.otType === kind);
        expect((await c.get(`${url(slug)}/risks?target=${asset.id}`)).body.total, `${slug} ${kind}`).toBeGreaterThanOrEqual(1);
      }
      const process = (await c.get(`${url(slug)}/assets?kind=proces&q=Uitkeringen`)).body.items[0];
      expect((await c.get(`${url(slug)}/risks?target=${process.id}`)).body.total).toBeGreaterThanOrEqual(3);

      // mitigated risks: measures linked; somewhere the residual sits strictly between inherent and target
      const mitigated = (await c.get(`${url(slug)}/risks?treatment=mitigate&limit=100`)).body.items;
      expect(mitigated.length).toBeGreaterThanOrEqual(5);
      let between = 0;
      for (const r of mitigated) {
        const d = (await c.get(`${url(slug)}/risks/${r.id}`)).body;
        expect(d.measures.length, d.title).toBeGreaterThan(0);
        expect(d.threats.length, d.title).toBeGreaterThan(0);
        if (d.residual.score < d.inherent.score && d.residual.score > d.target.likelihood * d.target.impact) between++;
      }
      expect(between, slug).toBeGreaterThanOrEqual(slug === 'oostbroek' ? 1 : 2);

      // the history goes back most of a year
      const lowered = mitigated.find((r: any) => r.residual.score < r.inherent.score);
      const h = (await c.get(`${url(slug)}/risks/${lowered.id}/history`)).body.items;
      expect(h.length).toBeGreaterThanOrEqual(2);
      expect(h[0].cause).toBe('measures');
      expect(h[h.length - 1]).toMatchObject({ cause: 'create', residual: lowered.inherent });
      expect(new Date(h[h.length - 1].at).getTime()).toBeLessThan(Date.now() - 60 * 86_400_000);
    }
  });

  it('Zuidhaven: accepted by the burgemeester, an acceptance ending soon, an overdue review and two DPIAs', async () => {
    const c = await loginAs(t.app, 'ciso@zuidhaven.example', 'weerbaar-demo');
    const accepted = (await c.get(`${url('zuidhaven')}/risks?treatment=accept`)).body.items;
    expect(accepted).toHaveLength(2);
    const details = await Promise.all(accepted.map((r: any) => c.get(`${url('zuidhaven')}/risks/${r.id}`).then((x) => x.body)));
    const byMayor = details.find((d: any) => d.acceptances[0].authorityRole === 'bestuurder');
    expect(byMayor.acceptances[0]).toMatchObject({ deciderName: 'Burgemeester Zuidhaven', level: 'hoog', revokedAt: null });
    expect(byMayor.acceptances[0].reason.length).toBeGreaterThan(20);
    expect(byMayor.acceptances[0].validUntil > addDays(today, 30)).toBe(true);
    const soon = details.find((d: any) => d.acceptances[0].authorityRole === 'ciso');
    expect(soon.acceptance.validUntil <= addDays(today, 30)).toBe(true);
    expect(soon.acceptance.expired).toBe(false);

    const overdue = (await c.get(`${url('zuidhaven')}/risks?reviewDue=true`)).body.items.filter((r: any) => r.reviewOverdue);
    expect(overdue).toHaveLength(1);
    const o = (await c.get(`${url('zuidhaven')}/risk-overview`)).body;
    expect(o.acceptancesExpiring).toBe(1);
    expect(o.reviewDue).toBeGreaterThanOrEqual(1);
    expect(o.byDomain.every((d: any) => d.total > 0)).toBe(true);
    expect(o.top.find((x: any) => x.domain === 'digitaal').risks.length).toBeGreaterThanOrEqual(3);

    const dpias = (await c.get(`${url('zuidhaven')}/dpias`)).body.items;
    expect(dpias).toHaveLength(2);
    const withRisk = dpias.filter((d: any) => d.risks > 0);
    expect(withRisk).toHaveLength(1);
    expect(withRisk[0].asset.name).toBe('Uitkeringen verstrekken (Participatiewet)');
    const privacyRisk = (await c.get(`${url('zuidhaven')}/risks?dpiaId=${withRisk[0].id}`)).body.items[0];
    expect(privacyRisk.domain).toBe('privacy');

    // the burgemeester and the council read the register
    const mayor = await loginAs(t.app, 'burgemeester@zuidhaven.example', 'weerbaar-demo');
    expect((await mayor.get(`${url('zuidhaven')}/risks`)).status).toBe(200);
    const raad = await loginAs(t.app, 'raad@zuidhaven.example', 'weerbaar-demo');
    expect((await raad.get(`${url('zuidhaven')}/risk-overview`)).status).toBe(200);
  });

  it('Oostbroek works on its own 4×4 matrix', async () => {
    const c = await loginAs(t.app, 'ciso@oostbroek.example', 'weerbaar-demo');
    const m = (await c.get(`${url('oostbroek')}/risk-matrix`)).body;
    expect(m).toMatchObject({ custom: true, likelihoodLabels: ['Onwaarschijnlijk', 'Mogelijk', 'Waarschijnlijk', 'Vrijwel zeker'], impactLabels: ['Beperkt', 'Merkbaar', 'Ernstig', 'Ontwrichtend'] });
    const all = (await c.get(`${url('oostbroek')}/risks?status=all&limit=100`)).body.items;
    expect(all.every((r: any) => r.inherent.likelihood <= 4 && r.inherent.impact <= 4)).toBe(true);
    const o = (await c.get(`${url('oostbroek')}/risk-overview`)).body;
    expect(o.inherent).toHaveLength(4);
    expect(o.inherent.flat().reduce((a: number, b: number) => a + b, 0)).toBe(all.length);
    expect((await c.get(`${url('zuidhaven')}/risk-matrix`)).status).toBe(404);
  });

  it('the trend shows the register growing and the residual risk coming down', async () => {
    for (const slug of GEMEENTEN) {
      const c = await loginAs(t.app, `ciso@${slug}.example`, 'weerbaar-demo');
      const months = (await c.get(`${url(slug)}/risk-trend?months=12`)).body.months;
      expect(months).toHaveLength(12);
      const known = months.filter((m: any) => m.open > 0);
      const first = known[0];
      const last = months[11];
      expect(last.open).toBeGreaterThan(first.open);
      const severe = (m: any) => (m.residual.hoog + m.residual.kritiek) / m.open;
      expect(severe(last), slug).toBeLessThan(severe(first));
      const inherentSevere = (m: any) => (m.inherent.hoog + m.inherent.kritiek) / m.open;
      expect(severe(last)).toBeLessThan(inherentSevere(last));
    }
  });

  it('the reminders job finds the overdue review and the acceptance ending', async () => {
    const run = await sendRiskReminders(t.deps.database);
    expect(run.notices).toBeGreaterThanOrEqual(2);
    const oov = await loginAs(t.app, 'oov@zuidhaven.example', 'weerbaar-demo');
    const kinds = ((await oov.get('/api/v1/inbox')).body.items as any[]).map((i) => i.kind);
    expect(kinds).toContain('risk_review_overdue');
    const ciso = await loginAs(t.app, 'ciso@zuidhaven.example', 'weerbaar-demo');
    expect(((await ciso.get('/api/v1/inbox')).body.items as any[]).map((i) => i.kind)).toContain('risk_acceptance_ending');
    expect((await sendRiskReminders(t.deps.database)).notices).toBe(0);
    const admin = await loginAs(t.app, 'admin@weerbaar.example', 'weerbaar-demo');
    expect((await admin.post('/api/v1/organisations/zuidhaven/audit-events/verify')).body.valid).toBe(true);
  });
});
