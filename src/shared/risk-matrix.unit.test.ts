import { describe, expect, it } from 'vitest';
import { DEFAULT_MATRIX, matrixProblems, mitigatedResidual, rescale, riskLevel, riskScore, RISK_LEVELS, type RiskMatrix } from './risk-matrix';

const m = (patch: Partial<RiskMatrix> = {}): RiskMatrix => ({ ...structuredClone(DEFAULT_MATRIX), ...patch });

describe('risk matrix', () => {
  it('scores likelihood × impact and maps the score to a level by inclusive upper bounds', () => {
    expect(riskScore(4, 5)).toBe(20);
    const levels = (pairs: [number, number][]) => pairs.map(([l, i]) => riskLevel(DEFAULT_MATRIX, l, i));
    // default bounds 4 / 9 / 16
    expect(levels([[1, 1], [2, 2], [1, 5], [3, 3], [2, 5], [4, 4], [3, 6], [5, 4], [5, 5]])).toEqual([
      'laag', 'laag', 'midden', 'midden', 'hoog', 'hoog', 'kritiek', 'kritiek', 'kritiek',
    ]);
    expect(riskLevel({ levelBounds: [3, 6, 9] }, 3, 3)).toBe('hoog');
    expect(riskLevel({ levelBounds: [3, 6, 9] }, 2, 5)).toBe('kritiek');
  });

  it('accepts the default matrix and rectangular matrices from 3 to 6 steps', () => {
    expect(matrixProblems(DEFAULT_MATRIX)).toEqual([]);
    expect(matrixProblems(m({ likelihoodLabels: ['a', 'b', 'c'], impactLabels: ['1', '2', '3', '4', '5', '6'], levelBounds: [3, 8, 12] }))).toEqual([]);
  });

  it('names every problem of a matrix configuration', () => {
    const fields = (x: RiskMatrix) => matrixProblems(x).map((p) => p.field);
    expect(fields(m({ likelihoodLabels: ['a', 'b'] }))).toContain('likelihoodLabels');
    expect(fields(m({ impactLabels: ['1', '2', '3', '4', '5', '6', '7'] }))).toContain('impactLabels');
    expect(fields(m({ impactLabels: ['a', ' ', 'c'] }))).toContain('impactLabels');
    expect(fields(m({ likelihoodLabels: ['Klein', 'klein ', 'Groot'] }))).toContain('likelihoodLabels');
    expect(fields(m({ levelBounds: [4, 4, 16] }))).toEqual(['levelBounds']);
    expect(fields(m({ levelBounds: [0, 9, 16] }))).toEqual(['levelBounds']);
    expect(fields(m({ levelBounds: [4, 9, 25] }))).toEqual(['levelBounds']); // nothing would be kritiek
    expect(fields(m({ levelBounds: [4, 9.5, 16] }))).toEqual(['levelBounds']);
    expect(fields(m({ acceptanceRoles: { laag: ['ciso'], midden: [], hoog: ['bestuurder'], kritiek: ['bestuurder'] } }))).toEqual(['acceptanceRoles.midden']);
    // a 3×3 matrix with the default bounds: 16 is not below 9
    expect(fields(m({ likelihoodLabels: ['a', 'b', 'c'], impactLabels: ['a', 'b', 'c'] }))).toEqual(['levelBounds']);
  });

  it('rescales a position proportionally: first stays first, last stays last', () => {
    expect([1, 2, 3, 4, 5].map((v) => rescale(v, 5, 4))).toEqual([1, 2, 3, 3, 4]);
    expect([1, 2, 3, 4, 5].map((v) => rescale(v, 5, 3))).toEqual([1, 2, 2, 3, 3]);
    expect([1, 2, 3].map((v) => rescale(v, 3, 6))).toEqual([1, 4, 6]);
    expect([1, 2, 3, 4, 5, 6].map((v) => rescale(v, 6, 5))).toEqual([1, 2, 3, 3, 4, 5]);
    expect(rescale(4, 5, 5)).toBe(4);
    for (const from of [3, 4, 5, 6])
      for (const to of [3, 4, 5, 6]) {
        const out = Array.from({ length: from }, (_, i) => rescale(i + 1, from, to));
        expect(out[0]).toBe(1);
        expect(out[from - 1]).toBe(to);
        expect(out.every((v, i) => i === 0 || v >= out[i - 1])).toBe(true); // monotone, so residual ≤ inherent survives
      }
  });

  it('moves the mitigated residual from inherent to target with the implemented share, rounded toward the inherent', () => {
    const inherent = { likelihood: 5, impact: 4 };
    const target = { likelihood: 2, impact: 2 };
    expect(mitigatedResidual(inherent, target, { implemented: 0, total: 0 })).toEqual(inherent);
    expect(mitigatedResidual(inherent, target, { implemented: 0, total: 3 })).toEqual(inherent);
    expect(mitigatedResidual(inherent, target, { implemented: 1, total: 3 })).toEqual({ likelihood: 4, impact: 4 });
    expect(mitigatedResidual(inherent, target, { implemented: 2, total: 3 })).toEqual({ likelihood: 3, impact: 3 });
    expect(mitigatedResidual(inherent, target, { implemented: 1, total: 2 })).toEqual({ likelihood: 4, impact: 3 });
    expect(mitigatedResidual(inherent, target, { implemented: 3, total: 3 })).toEqual(target);
    // a target that is not lower on an axis leaves that axis alone
    expect(mitigatedResidual(inherent, { likelihood: 5, impact: 1 }, { implemented: 1, total: 1 })).toEqual({ likelihood: 5, impact: 1 });
    expect(mitigatedResidual(inherent, { likelihood: 6, impact: 1 }, { implemented: 1, total: 1 })).toEqual({ likelihood: 5, impact: 1 });
    // never past the target, never above the inherent
    for (let total = 1; total <= 7; total++)
      for (let implemented = 0; implemented <= total; implemented++) {
        const r = mitigatedResidual(inherent, target, { implemented, total });
        expect(r.likelihood).toBeLessThanOrEqual(inherent.likelihood);
        expect(r.likelihood).toBeGreaterThanOrEqual(target.likelihood);
        expect(r.impact).toBeLessThanOrEqual(inherent.impact);
        expect(r.impact).toBeGreaterThanOrEqual(target.impact);
      }
  });

  it('the default lets CISO and privacy officer accept laag and midden, the bestuurder hoog and kritiek', () => {
    expect(RISK_LEVELS.map((l) => DEFAULT_MATRIX.acceptanceRoles[l].join('+'))).toEqual(['ciso+privacy', 'ciso+privacy', 'bestuurder', 'bestuurder']);
  });
});
