import { describe, expect, it } from 'vitest';
import type { RiskDetail } from './api';
import { filtersFromParams } from './filters';
import { changedInput, emptyRisk, riskInput, riskValues } from './formValues';

const score = (likelihood: number, impact: number, level: 'laag' | 'midden' | 'hoog' | 'kritiek') => ({ likelihood, impact, score: likelihood * impact, level });

const accepted: RiskDetail = {
  id: '00000000-0000-4000-8000-000000000001',
  ref: 'R-001',
  title: 'Uitval gemaal',
  domain: 'fysiek',
  owner: { id: '00000000-0000-4000-8000-000000000002', name: 'CISO Zuidhaven' },
  inherent: score(4, 4, 'hoog'),
  residual: score(4, 4, 'hoog'),
  target: null,
  treatment: 'accept',
  status: 'open',
  reviewDate: '2030-01-31',
  reviewOverdue: false,
  acceptance: { validUntil: '2030-06-30', expired: false, deciderName: 'Burgemeester Zuidhaven' },
  updatedAt: '2026-01-01T10:00:00.000Z',
  description: '',
  treatmentNote: '',
  transferredTo: null,
  dpia: null,
  links: [{ type: 'asset', id: '00000000-0000-4000-8000-000000000003', name: 'Gemaal De Punt', kind: 'ot' }],
  threats: [{ id: 'ransomware', name: 'Ransomware' }],
  measures: [],
  mitigation: null,
  acceptances: [],
};

describe('risk form values', () => {
  it('a new open risk sends no residual when it equals the inherent score, and no target', () => {
    const values = { ...emptyRisk(), title: '  Datalek  ', inherentLikelihood: '3', inherentImpact: '5' };
    const input = riskInput(values);
    expect(input).toMatchObject({ title: 'Datalek', domain: 'digitaal', inherentLikelihood: 3, inherentImpact: 5, treatment: 'open', ownerId: null, reviewDate: null });
    expect(input).not.toHaveProperty('residualLikelihood');
    expect(input).not.toHaveProperty('targetLikelihood');
  });

  it('mitigate sends the target and the measures, never a residual', () => {
    const values = {
      ...emptyRisk(),
      title: 'Phishing',
      inherentLikelihood: '4',
      inherentImpact: '4',
      treatment: 'mitigate' as const,
      targetLikelihood: '2',
      targetImpact: '4',
      residualLikelihood: '3',
      residualImpact: '3',
      measures: [{ id: 'm1', title: 'Bewustwording', status: 'gepland' }],
    };
    const input = riskInput(values);
    expect(input).toMatchObject({ treatment: 'mitigate', targetLikelihood: 2, targetImpact: 4, measureIds: ['m1'] });
    expect(input).not.toHaveProperty('residualLikelihood');
  });

  it('a DPIA risk leaves the domain out', () => {
    expect(riskInput({ ...emptyRisk('privacy'), title: 'x', inherentLikelihood: '1', inherentImpact: '1' }, { withDomain: false })).not.toHaveProperty('domain');
  });

  it('editing only the title of an accepted risk sends only the title (the acceptance stays)', () => {
    const initial = riskValues(accepted);
    expect(changedInput(initial, { ...initial, title: 'Uitval gemaal De Punt' })).toEqual({ title: 'Uitval gemaal De Punt' });
  });

  it('changing one axis sends the pair; changing the treatment leaves accept', () => {
    const initial = riskValues(accepted);
    expect(changedInput(initial, { ...initial, inherentImpact: '5' })).toEqual({ inherentLikelihood: 4, inherentImpact: 5 });
    const patch = changedInput(initial, { ...initial, treatment: 'transfer', transferredTo: 'Verzekeraar' });
    expect(patch).toMatchObject({ treatment: 'transfer', transferredTo: 'Verzekeraar', residualLikelihood: 4, residualImpact: 4 });
  });

  it('links and threats are sent as sets when they change', () => {
    const initial = riskValues(accepted);
    expect(changedInput(initial, { ...initial, links: [], threats: [] })).toEqual({ links: [], threatIds: [] });
  });
});

describe('register filters from the URL', () => {
  it('keeps known values and drops the rest', () => {
    const filters = filtersFromParams(new URLSearchParams('domain=privacy&level=hoog&treatment=accept&status=all&reviewDue=true&q=gemaal&target=00000000-0000-4000-8000-000000000003'));
    expect(filters).toEqual({
      domain: 'privacy',
      level: 'hoog',
      treatment: 'accept',
      status: 'all',
      ownerId: '',
      reviewDue: true,
      q: 'gemaal',
      target: '00000000-0000-4000-8000-000000000003',
      dpiaId: '',
    });
    expect(filtersFromParams(new URLSearchParams('domain=weer&level=x&status=open&ownerId=1&target=abc'))).toMatchObject({ domain: '', level: '', status: '', ownerId: '', target: '' });
  });
});
