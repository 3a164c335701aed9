/**
 * The risk matrix, shared by server and web: one scale for risks of every domain (digitaal, privacy,
 * juridisch, financieel, fysiek, reputatie). Likelihood and impact run from 1 to the matrix size
 * (3..6); the score is likelihood × impact; the level follows from the organisation's bounds.
 */

export const RISK_DOMAINS = ['digitaal', 'privacy', 'juridisch', 'financieel', 'fysiek', 'reputatie'] as const;
export type RiskDomain = (typeof RISK_DOMAINS)[number];

export const RISK_LEVELS = ['laag', 'midden', 'hoog', 'kritiek'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const RISK_TREATMENTS = ['open', 'mitigate', 'accept', 'transfer', 'avoid'] as const;
export type RiskTreatment = (typeof RISK_TREATMENTS)[number];

export const MATRIX_MIN = 3;
export const MATRIX_MAX = 6;

export interface RiskMatrix {
  /** labels from low to high; the length is the matrix size on that axis */
  likelihoodLabels: string[];
  impactLabels: string[];
  /** upper bounds (inclusive) of the score for laag, midden and hoog; a higher score is kritiek */
  levelBounds: [number, number, number];
  /** per level the roles whose holder may accept a risk of that (residual) level */
  acceptanceRoles: Record<RiskLevel, string[]>;
}

export const DEFAULT_MATRIX: RiskMatrix = {
  likelihoodLabels: ['Zeer klein', 'Klein', 'Gemiddeld', 'Groot', 'Zeer groot'],
  impactLabels: ['Zeer gering', 'Gering', 'Aanzienlijk', 'Ernstig', 'Zeer ernstig'],
  levelBounds: [4, 9, 16],
  acceptanceRoles: { laag: ['ciso', 'privacy'], midden: ['ciso', 'privacy'], hoog: ['bestuurder'], kritiek: ['bestuurder'] },
};

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

export function riskLevel(matrix: Pick<RiskMatrix, 'levelBounds'>, likelihood: number, impact: number): RiskLevel {
  const score = riskScore(likelihood, impact);
  const [laag, midden, hoog] = matrix.levelBounds;
  if (score <= laag) return 'laag';
  if (score <= midden) return 'midden';
  if (score <= hoog) return 'hoog';
  return 'kritiek';
}

/** Problems with a matrix configuration (empty when it is valid); `field` names the offending part. */
export function matrixProblems(m: RiskMatrix): { field: string; message: string }[] {
  const out: { field: string; message: string }[] = [];
  for (const axis of ['likelihoodLabels', 'impactLabels'] as const) {
    const labels = m[axis];
    if (labels.length < MATRIX_MIN || labels.length > MATRIX_MAX) out.push({ field: axis, message: `${MATRIX_MIN} tot ${MATRIX_MAX} niveaus` });
    if (labels.some((l) => !l.trim())) out.push({ field: axis, message: 'elk niveau heeft een naam' });
    if (new Set(labels.map((l) => l.trim().toLowerCase())).size !== labels.length) out.push({ field: axis, message: 'de namen van de niveaus zijn verschillend' });
  }
  const max = m.likelihoodLabels.length * m.impactLabels.length;
  const [a, b, c] = m.levelBounds;
  if (!(Number.isInteger(a) && Number.isInteger(b) && Number.isInteger(c) && a >= 1 && a < b && b < c && c < max)) {
    out.push({ field: 'levelBounds', message: `oplopende grenzen tussen 1 en ${max - 1} (laag < midden < hoog < ${max})` });
  }
  for (const level of RISK_LEVELS) {
    if (!m.acceptanceRoles[level]?.length) out.push({ field: `acceptanceRoles.${level}`, message: 'ten minste één rol mag dit niveau accepteren' });
  }
  return out;
}

/**
 * A score on a matrix of another size, proportionally: position p of n becomes the position of
 * the same fraction on m (1 stays 1, n becomes m). Used when an organisation resizes its matrix.
 */
export function rescale(value: number, from: number, to: number): number {
  if (from === to) return value;
  return Math.min(to, Math.max(1, Math.round(1 + ((value - 1) * (to - 1)) / (from - 1))));
}

/**
 * Mitigation: the residual score follows the measures. With none of the (non-cancelled) measures
 * implemented the residual is the inherent score; with all of them it is the target; in between it
 * moves proportionally, per axis, rounded towards the inherent score (no credit for half work).
 */
export function mitigatedResidual(
  inherent: { likelihood: number; impact: number },
  target: { likelihood: number; impact: number },
  measures: { implemented: number; total: number },
): { likelihood: number; impact: number } {
  if (measures.total === 0) return { ...inherent };
  const f = measures.implemented / measures.total;
  const step = (from: number, to: number) => (to >= from ? from : from - Math.floor((from - to) * f + 1e-9));
  return { likelihood: step(inherent.likelihood, target.likelihood), impact: step(inherent.impact, target.impact) };
}
