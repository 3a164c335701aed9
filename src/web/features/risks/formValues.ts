import type { RiskDomain } from '../../../shared/risk-matrix';
import type { FormTreatment, RiskDetail, RiskInput, RiskLink, RiskPatch } from './api';

/** A risk form's values (selects hold strings; '' is "not chosen") and the request bodies made from them. */

export interface MeasureChoice {
  id: string;
  title: string;
  status: string;
}

export interface RiskFormValues {
  title: string;
  description: string;
  domain: RiskDomain;
  /** '' for no owner */
  ownerId: string;
  inherentLikelihood: string;
  inherentImpact: string;
  /** 'accept' only for a risk that is accepted now; the form itself does not offer it */
  treatment: FormTreatment | 'accept';
  targetLikelihood: string;
  targetImpact: string;
  residualLikelihood: string;
  residualImpact: string;
  transferredTo: string;
  treatmentNote: string;
  reviewDate: string;
  dpiaId: string;
  status: 'open' | 'closed';
  links: RiskLink[];
  threats: Array<{ id: string; name: string }>;
  measures: MeasureChoice[];
}

export const emptyRisk = (domain: RiskDomain = 'digitaal'): RiskFormValues => ({
  title: '',
  description: '',
  domain,
  ownerId: '',
  inherentLikelihood: '',
  inherentImpact: '',
  treatment: 'open',
  targetLikelihood: '',
  targetImpact: '',
  residualLikelihood: '',
  residualImpact: '',
  transferredTo: '',
  treatmentNote: '',
  reviewDate: '',
  dpiaId: '',
  status: 'open',
  links: [],
  threats: [],
  measures: [],
});

export const riskValues = (risk: RiskDetail): RiskFormValues => ({
  title: risk.title,
  description: risk.description,
  domain: risk.domain,
  ownerId: risk.owner?.id ?? '',
  inherentLikelihood: String(risk.inherent.likelihood),
  inherentImpact: String(risk.inherent.impact),
  treatment: risk.treatment,
  targetLikelihood: risk.target ? String(risk.target.likelihood) : '',
  targetImpact: risk.target ? String(risk.target.impact) : '',
  residualLikelihood: String(risk.residual.likelihood),
  residualImpact: String(risk.residual.impact),
  transferredTo: risk.transferredTo ?? '',
  treatmentNote: risk.treatmentNote,
  reviewDate: risk.reviewDate ?? '',
  dpiaId: risk.dpia?.id ?? '',
  status: risk.status,
  links: risk.links,
  threats: risk.threats,
  measures: risk.measures,
});

const num = (value: string) => (value ? Number(value) : null);

/** The request body for the values (residual only where the treatment takes one, target only for mitigate). */
export function riskInput(values: RiskFormValues, { withDomain = true }: { withDomain?: boolean } = {}): RiskInput & { status: 'open' | 'closed' } {
  const treatment = values.treatment;
  const input: RiskInput & { status: 'open' | 'closed' } = {
    title: values.title.trim(),
    description: values.description,
    ownerId: values.ownerId || null,
    inherentLikelihood: Number(values.inherentLikelihood),
    inherentImpact: Number(values.inherentImpact),
    treatmentNote: values.treatmentNote,
    reviewDate: values.reviewDate || null,
    dpiaId: values.dpiaId || null,
    links: values.links.map((link) => ({ type: link.type, id: link.id })),
    threatIds: values.threats.map((threat) => threat.id),
    measureIds: values.measures.map((measure) => measure.id),
    status: values.status,
  };
  if (withDomain) input.domain = values.domain;
  if (treatment !== 'accept') input.treatment = treatment;
  if (treatment === 'mitigate') {
    input.targetLikelihood = num(values.targetLikelihood);
    input.targetImpact = num(values.targetImpact);
  } else if (treatment !== 'accept' && values.residualLikelihood && values.residualImpact) {
    input.residualLikelihood = Number(values.residualLikelihood);
    input.residualImpact = Number(values.residualImpact);
  }
  if (treatment === 'transfer') input.transferredTo = values.transferredTo.trim() || null;
  return input;
}

/** Only what changed between two sets of values (PATCH), so an unchanged accepted risk keeps its acceptance. */
export function changedInput(initial: RiskFormValues, values: RiskFormValues): RiskPatch {
  const before = riskInput(initial) as unknown as Record<string, unknown>;
  const after = riskInput(values) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (JSON.stringify(value) !== JSON.stringify(before[key])) out[key] = value;
  }
  // a score sent alone would be incomplete: send both axes of a pair when one changed
  for (const [a, b] of [['inherentLikelihood', 'inherentImpact'], ['targetLikelihood', 'targetImpact'], ['residualLikelihood', 'residualImpact']] as const) {
    if (a in out || b in out) {
      if (after[a] !== undefined) out[a] = after[a];
      if (after[b] !== undefined) out[b] = after[b];
    }
  }
  return out as RiskPatch;
}
