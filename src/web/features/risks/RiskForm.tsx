import { Fieldset, FieldsetLegend, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FactList } from '../../shared/FactList';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { useCurrentOrganisation } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { mitigatedResidual, RISK_DOMAINS } from '../../../shared/risk-matrix';
import type { RiskDomain } from '../../../shared/risk-matrix';
import { useMemberOptions } from '../members/memberOptions';
import { dpiasKey, fetchDpias, FORM_TREATMENTS } from './api';
import type { MatrixSettings, RiskDetail } from './api';
import type { RiskFormValues } from './formValues';
import { useRiskLabels } from './labels';
import { axisText, LevelBadge, scoreOf } from './parts';
import { LinkPicker, MeasurePicker, ThreatPicker } from './Pickers';

export interface RiskFormProps {
  idPrefix: string;
  initial: RiskFormValues;
  matrix: MatrixSettings;
  /** 'dpia': a privacy risk from a DPIA (no domain, no DPIA choice); 'edit' shows the status */
  mode: 'create' | 'edit' | 'dpia';
  owner?: RiskDetail['owner'];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: RiskFormValues) => void;
  cancel?: ReactNode;
}

/** Title, description, domain, owner, scores, treatment, review date, links, threats and DPIA of a risk. */
export function RiskForm({ idPrefix, initial, matrix, mode, owner, submitLabel, pending, error, onSubmit, cancel }: RiskFormProps) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const organisation = useCurrentOrganisation();
  const [values, setValues] = useState(initial);
  const { errors, check } = useFormErrors(idPrefix);
  const serverErrors = fieldErrors(error);
  const members = useMemberOptions(t('risks.noOwner'), owner ?? null);
  const dpias = useQuery({ queryKey: dpiasKey(organisation.slug), queryFn: ({ signal }) => fetchDpias(organisation.slug, signal), enabled: mode !== 'dpia' });
  const set = <K extends keyof RiskFormValues>(key: K) => (value: RiskFormValues[K]) => setValues((current) => ({ ...current, [key]: value }));

  const likelihoodOptions = matrix.likelihoodLabels.map((label, index) => ({ value: String(index + 1), label: `${index + 1} – ${label}` }));
  const impactOptions = matrix.impactLabels.map((label, index) => ({ value: String(index + 1), label: `${index + 1} – ${label}` }));
  const choose = { value: '', label: t('common.choose') };
  const sameAsInherent = { value: '', label: t('risks.form.sameAsInherent') };

  const inherent = values.inherentLikelihood && values.inherentImpact ? scoreOf(matrix, Number(values.inherentLikelihood), Number(values.inherentImpact)) : null;
  const treatment = values.treatment;
  const implemented = values.measures.filter((measure) => measure.status === 'geimplementeerd').length;
  const counted = values.measures.filter((measure) => measure.status !== 'vervallen').length;
  const target = values.targetLikelihood && values.targetImpact ? { likelihood: Number(values.targetLikelihood), impact: Number(values.targetImpact) } : null;
  const residualPoint =
    treatment === 'mitigate'
      ? inherent && target
        ? mitigatedResidual(inherent, target, { implemented, total: counted })
        : null
      : values.residualLikelihood && values.residualImpact
        ? { likelihood: Number(values.residualLikelihood), impact: Number(values.residualImpact) }
        : inherent;
  const residual = residualPoint ? scoreOf(matrix, residualPoint.likelihood, residualPoint.impact) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const title = values.title.trim();
    const above = (l: string, i: string) =>
      inherent && l && i && (Number(l) > inherent.likelihood || Number(i) > inherent.impact) ? t('risks.form.aboveInherent') : null;
    const partial = (l: string, i: string) => (Boolean(l) !== Boolean(i) ? t('risks.form.bothAxes') : null);
    const valid = check({
      title: requiredError(title, t),
      inherentLikelihood: values.inherentLikelihood ? null : t('errors.required'),
      inherentImpact: values.inherentImpact ? null : t('errors.required'),
      targetLikelihood: treatment === 'mitigate' ? (values.targetLikelihood ? above(values.targetLikelihood, values.targetImpact) : t('risks.form.targetRequired')) : null,
      targetImpact: treatment === 'mitigate' && !values.targetImpact ? t('risks.form.targetRequired') : null,
      residualLikelihood:
        treatment !== 'mitigate' && treatment !== 'accept' ? (partial(values.residualLikelihood, values.residualImpact) ?? above(values.residualLikelihood, values.residualImpact)) : null,
      transferredTo: treatment === 'transfer' && !values.transferredTo.trim() ? t('risks.form.transferredToRequired') : null,
    });
    if (!valid) return;
    onSubmit({ ...values, title });
  };

  return (
    <form onSubmit={submit} noValidate className="wb-risk-form">
      <ProblemAlert error={error} />
      <TextField id={`${idPrefix}-title`} label={t('risks.fields.title')} value={values.title} onChange={set('title')} error={errors.title ?? serverErrors.title} required autoComplete="off" maxLength={200} />
      <TextareaField id={`${idPrefix}-description`} label={t('risks.fields.description')} description={t('risks.form.descriptionHelp')} value={values.description} onChange={set('description')} error={serverErrors.description} rows={4} />
      {mode === 'dpia' ? null : (
        <SelectField
          id={`${idPrefix}-domain`}
          label={t('risks.fields.domain')}
          value={values.domain}
          options={RISK_DOMAINS.map((value) => ({ value, label: labels.domain(value) }))}
          onChange={(value) => set('domain')(value as RiskDomain)}
          error={serverErrors.domain}
        />
      )}
      {members.available ? (
        <SelectField id={`${idPrefix}-owner`} label={t('risks.fields.owner')} value={values.ownerId} options={members.options} onChange={set('ownerId')} error={serverErrors.ownerId} disabled={members.isPending} />
      ) : (
        <FactList facts={[{ label: t('risks.fields.owner'), value: owner ? owner.name : t('risks.noOwner') }]} />
      )}
      {mode === 'edit' ? (
        <SelectField
          id={`${idPrefix}-status`}
          label={t('risks.fields.status')}
          description={t('risks.form.statusHelp')}
          value={values.status}
          options={[
            { value: 'open', label: t('risks.statuses.open') },
            { value: 'closed', label: t('risks.statuses.closed') },
          ]}
          onChange={(value) => set('status')(value as 'open' | 'closed')}
        />
      ) : null}

      <Fieldset className="wb-risk-form__group">
        <FieldsetLegend>{t('risks.form.inherent')}</FieldsetLegend>
        <Paragraph className="wb-muted">{t('risks.form.inherentHelp')}</Paragraph>
        <div className="wb-inline-form">
          <SelectField id={`${idPrefix}-inherentLikelihood`} label={t('risks.fields.likelihood')} value={values.inherentLikelihood} options={[choose, ...likelihoodOptions]} onChange={set('inherentLikelihood')} error={errors.inherentLikelihood ?? serverErrors.inherentLikelihood} required />
          <SelectField id={`${idPrefix}-inherentImpact`} label={t('risks.fields.impact')} value={values.inherentImpact} options={[choose, ...impactOptions]} onChange={set('inherentImpact')} error={errors.inherentImpact ?? serverErrors.inherentImpact} required />
        </div>
        <LiveScore id={`${idPrefix}-inherent-score`} label={t('risks.form.inherentScore')} score={inherent} matrix={matrix} />
      </Fieldset>

      <Fieldset className="wb-risk-form__group">
        <FieldsetLegend>{t('risks.form.treatment')}</FieldsetLegend>
        {treatment === 'accept' ? <Paragraph>{t('risks.form.acceptedNote')}</Paragraph> : null}
        <SelectField
          id={`${idPrefix}-treatment`}
          label={t('risks.fields.treatment')}
          description={t('risks.form.treatmentHelp')}
          value={treatment}
          options={[...(treatment === 'accept' || initial.treatment === 'accept' ? [{ value: 'accept', label: t('risks.form.keepAccepted') }] : []), ...FORM_TREATMENTS.map((value) => ({ value, label: labels.treatment(value) }))]}
          onChange={(value) => set('treatment')(value as RiskFormValues['treatment'])}
          error={serverErrors.treatment}
        />
        {treatment === 'mitigate' ? (
          <>
            <Paragraph className="wb-muted">{t('risks.form.targetHelp')}</Paragraph>
            <div className="wb-inline-form">
              <SelectField id={`${idPrefix}-targetLikelihood`} label={t('risks.form.targetLikelihood')} value={values.targetLikelihood} options={[choose, ...likelihoodOptions]} onChange={set('targetLikelihood')} error={errors.targetLikelihood ?? serverErrors.targetLikelihood} required />
              <SelectField id={`${idPrefix}-targetImpact`} label={t('risks.form.targetImpact')} value={values.targetImpact} options={[choose, ...impactOptions]} onChange={set('targetImpact')} error={errors.targetImpact ?? serverErrors.targetImpact} required />
            </div>
            <LiveScore id={`${idPrefix}-target-score`} label={t('risks.form.targetScore')} score={target ? scoreOf(matrix, target.likelihood, target.impact) : null} matrix={matrix} />
            <MeasurePicker idPrefix={idPrefix} measures={values.measures} onChange={set('measures')} error={serverErrors.measureIds} />
          </>
        ) : null}
        {treatment === 'transfer' ? (
          <TextField id={`${idPrefix}-transferredTo`} label={t('risks.fields.transferredTo')} description={t('risks.form.transferredToHelp')} value={values.transferredTo} onChange={set('transferredTo')} error={errors.transferredTo ?? serverErrors.transferredTo} required maxLength={200} />
        ) : null}
        {treatment !== 'mitigate' && treatment !== 'accept' ? (
          <>
            <Paragraph className="wb-muted">{t('risks.form.residualHelp')}</Paragraph>
            <div className="wb-inline-form">
              <SelectField id={`${idPrefix}-residualLikelihood`} label={t('risks.form.residualLikelihood')} value={values.residualLikelihood} options={[sameAsInherent, ...likelihoodOptions]} onChange={set('residualLikelihood')} error={errors.residualLikelihood ?? serverErrors.residualLikelihood} />
              <SelectField id={`${idPrefix}-residualImpact`} label={t('risks.form.residualImpact')} value={values.residualImpact} options={[sameAsInherent, ...impactOptions]} onChange={set('residualImpact')} error={serverErrors.residualImpact} />
            </div>
          </>
        ) : null}
        <LiveScore
          id={`${idPrefix}-residual-score`}
          label={treatment === 'mitigate' ? t('risks.form.residualNowMitigate', { implemented, total: counted }) : t('risks.form.residualScore')}
          score={residual}
          matrix={matrix}
        />
        <TextareaField id={`${idPrefix}-treatmentNote`} label={t('risks.fields.treatmentNote')} value={values.treatmentNote} onChange={set('treatmentNote')} error={serverErrors.treatmentNote} rows={3} />
      </Fieldset>

      <TextField id={`${idPrefix}-reviewDate`} type="date" label={t('risks.fields.reviewDate')} description={t('risks.form.reviewDateHelp')} value={values.reviewDate} onChange={set('reviewDate')} error={serverErrors.reviewDate} />

      <LinkPicker idPrefix={idPrefix} links={values.links} onChange={set('links')} error={serverErrors.links} />
      <ThreatPicker idPrefix={idPrefix} threats={values.threats} onChange={set('threats')} />
      {mode === 'dpia' ? null : (
        <SelectField
          id={`${idPrefix}-dpia`}
          label={t('risks.fields.dpia')}
          description={t('risks.form.dpiaHelp')}
          value={values.dpiaId}
          options={[{ value: '', label: t('risks.form.noDpia') }, ...(dpias.data ?? []).map((dpia) => ({ value: dpia.id, label: dpia.name }))]}
          onChange={set('dpiaId')}
          error={serverErrors.dpiaId}
          disabled={dpias.isPending && !dpias.isError}
        />
      )}
      <SubmitButtons label={submitLabel} pending={pending}>
        {cancel}
      </SubmitButtons>
    </form>
  );
}

/** The score and level of a pair of choices, announced politely as they change. */
function LiveScore({ id, label, score, matrix }: { id: string; label: string; score: ReturnType<typeof scoreOf> | null; matrix: MatrixSettings }) {
  const { t } = useTranslation();
  return (
    <Paragraph id={id} className="wb-risk-live" aria-live="polite">
      <span className="wb-risk-live__label">{label}:</span>{' '}
      {score ? (
        <>
          {t('risks.form.scoreIs', { score: score.score })} <LevelBadge level={score.level} />{' '}
          <span className="wb-muted">({axisText(matrix, score.likelihood, score.impact, t)})</span>
        </>
      ) : (
        <span className="wb-muted">{t('risks.form.chooseBoth')}</span>
      )}
    </Paragraph>
  );
}
