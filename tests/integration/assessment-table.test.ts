/**
 * The two reads the assessment table in the browser needs besides the list: one requirement's
 * assessment (the detail page) and the applicability filter. Cross-organisation: beta sees nothing.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogs } from '../../src/server/modules/compliance/load-catalogs.js';
import { Client, createTestApp, loginAs, seedWorld, type TestApp } from '../helpers/app.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/catalogs');
let t: TestApp;
let ciso: Client;
let beta: Client;
const Y = '/api/v1/organisations/alpha/assessment-years';

beforeAll(async () => {
  t = await createTestApp();
  await seedWorld(t.deps);
  await loadCatalogs(t.deps.database, FIXTURES);
  ciso = await loginAs(t.app, 'ciso@alpha.test');
  beta = await loginAs(t.app, 'admin@beta.test');
  expect((await ciso.post(Y, { year: 2025, frameworks: ['test:alpha', 'test:nis'] })).status).toBe(201);
});
afterAll(() => t?.close());

const items = async (query = '') => (await ciso.get(`${Y}/2025/assessments?limit=500${query}`)).body.items as Array<{ requirementId: string; ref: string; applicable: boolean }>;

describe('assessment table reads', () => {
  it('returns one requirement of the year with every field', async () => {
    const [first] = await items();
    await ciso.patch(`${Y}/2025/assessments/${first.requirementId}`, { result: 'voldoet_deels', explanation: 'Half af', dueDate: '2025-09-01' });
    const one = await ciso.get(`${Y}/2025/assessments/${first.requirementId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({
      requirementId: first.requirementId,
      ref: first.ref,
      applicable: true,
      result: 'voldoet_deels',
      explanation: 'Half af',
      dueDate: '2025-09-01',
      auditorRemarks: '',
      owner: null,
    });
    expect(typeof one.body.title).toBe('string');
  });

  it('answers 404 for a requirement outside the year, a year that does not exist, and 400 for a malformed id', async () => {
    const [first] = await items();
    expect((await ciso.get(`${Y}/2025/assessments/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await ciso.get(`${Y}/2031/assessments/${first.requirementId}`)).status).toBe(404);
    expect((await ciso.get(`${Y}/2025/assessments/not-a-uuid`)).status).toBe(400);
  });

  it('filters on applicability', async () => {
    const all = await items();
    const target = all[1];
    expect((await ciso.patch(`${Y}/2025/assessments/${target.requirementId}`, { applicable: false, notApplicableReason: 'Geen eigen rekencentrum' })).status).toBe(200);
    const not = await items('&applicable=false');
    expect(not.map((item) => item.requirementId)).toEqual([target.requirementId]);
    const yes = await items('&applicable=true');
    expect(yes).toHaveLength(all.length - 1);
    expect(yes.every((item) => item.applicable)).toBe(true);
    expect((await ciso.get(`${Y}/2025/assessments?applicable=misschien`)).status).toBe(400);
  });

  it('beta cannot read alpha’s assessment', async () => {
    const [first] = await items();
    const r = await beta.get(`${Y}/2025/assessments/${first.requirementId}`);
    expect(r.status).toBe(404);
    expect(JSON.stringify(r.body)).not.toContain('Half af');
  });
});
