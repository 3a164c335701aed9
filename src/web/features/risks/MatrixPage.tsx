import { Alert, Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldErrorMessage, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../app/api';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { NoAccess } from '../../shared/NoAccess';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { RoleCheckboxes } from '../../shared/RoleCheckboxes';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { DEFAULT_MATRIX, MATRIX_MAX, MATRIX_MIN, matrixProblems, RISK_LEVELS } from '../../../shared/risk-matrix';
import type { RiskLevel } from '../../../shared/risk-matrix';
import { matrixKey, PERMISSIONS, risksKey, saveMatrix } from './api';
import type { MatrixInput, MatrixSettings } from './api';
import { HeatMap } from './HeatMap';
import { useRiskLabels } from './labels';
import { RisksPage, useMatrix } from './parts';

interface MatrixDraft {
  likelihoodLabels: string[];
  impactLabels: string[];
  levelBounds: [string, string, string];
  acceptanceRoles: Record<RiskLevel, string[]>;
}

const draftOf = (matrix: Omit<MatrixSettings, 'custom'>): MatrixDraft => ({
  likelihoodLabels: [...matrix.likelihoodLabels],
  impactLabels: [...matrix.impactLabels],
  levelBounds: matrix.levelBounds.map(String) as [string, string, string],
  acceptanceRoles: { ...matrix.acceptanceRoles },
});

const inputOf = (draft: MatrixDraft): MatrixInput => ({
  likelihoodLabels: draft.likelihoodLabels.map((label) => label.trim()),
  impactLabels: draft.impactLabels.map((label) => label.trim()),
  levelBounds: draft.levelBounds.map((bound) => Number(bound)) as [number, number, number],
  acceptanceRoles: draft.acceptanceRoles,
});

/** /o/:org/risicos/matrix — the organisation's risk matrix: size and labels per axis, level bounds, who may accept which level, with a preview. */
export function MatrixPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const canConfigure = can(organisation, PERMISSIONS.configure);
  const matrix = useMatrix(organisation.slug, can(organisation, PERMISSIONS.read));
  if (!can(organisation, PERMISSIONS.read)) return <NoAccess title={t('risks.matrix.title')} />;
  return (
    <RisksPage title={t('risks.matrix.title')} intro={t('risks.matrix.intro')}>
      {matrix.isPending ? <Loading /> : null}
      <ProblemAlert error={matrix.error} />
      {matrix.data ? (
        canConfigure ? (
          <MatrixEditor key={organisation.slug} slug={organisation.slug} matrix={matrix.data} />
        ) : (
          <MatrixReadOnly matrix={matrix.data} />
        )
      ) : null}
    </RisksPage>
  );
}

function MatrixReadOnly({ matrix }: { matrix: MatrixSettings }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  return (
    <section aria-labelledby="matrix-preview-heading" className="wb-section">
      <Heading2 id="matrix-preview-heading">{t('risks.matrix.current')}</Heading2>
      <HeatMap id="matrix-preview" caption={t('risks.matrix.previewCaption')} matrix={matrix} />
      <FactList facts={RISK_LEVELS.map((level) => ({ label: t('risks.matrix.acceptedBy', { level: labels.level(level) }), value: matrix.acceptanceRoles[level].map(labels.role).join(', ') }))} />
    </section>
  );
}

function MatrixEditor({ slug, matrix }: { slug: string; matrix: MatrixSettings }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const organisation = useCurrentOrganisation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<MatrixDraft>(() => draftOf(matrix));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: MatrixInput) => saveMatrix(slug, body),
    onMutate: () => setSaved(false),
    onSuccess: async (updated) => {
      queryClient.setQueryData(matrixKey(slug), updated);
      setDraft(draftOf(updated));
      await queryClient.invalidateQueries({ queryKey: risksKey(slug) });
      setSaved(true);
    },
  });
  const conflict = isApiError(mutation.error) && mutation.error.status === 409 ? mutation.error : null;
  const conflictCount = conflict ? Number((conflict.problem as { risks?: unknown }).risks ?? 0) : 0;
  const serverErrors = fieldErrors(mutation.error);

  const input = inputOf(draft);
  const valid = matrixProblems(input).length === 0;
  const max = draft.likelihoodLabels.length * draft.impactLabels.length;

  const setLabels = (axis: 'likelihoodLabels' | 'impactLabels', labelsNext: string[]) => setDraft((current) => ({ ...current, [axis]: labelsNext }));
  const setBound = (index: number, value: string) =>
    setDraft((current) => {
      const bounds = [...current.levelBounds] as [string, string, string];
      bounds[index] = value;
      return { ...current, levelBounds: bounds };
    });

  const submit = (event: FormEvent, rescale = false) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const problem of matrixProblems(input)) {
      const key = problem.field.replace('.', '-');
      if (found[key]) continue;
      if (key === 'levelBounds') found[key] = t('risks.matrix.boundsProblem', { max });
      else if (key.startsWith('acceptanceRoles')) found[key] = t('risks.matrix.rolesProblem');
      else found[key] = t('risks.matrix.labelsProblem', { min: MATRIX_MIN, max: MATRIX_MAX });
    }
    setProblems(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      const target = document.getElementById(`matrix-${first}`) ?? document.querySelector<HTMLElement>(`[id^="matrix-${first}-"]`);
      target?.focus();
      return;
    }
    mutation.mutate(rescale ? { ...input, rescale: true } : input);
  };

  return (
    <form onSubmit={(event) => submit(event)} noValidate className="wb-risk-matrix">
      {saved ? <SuccessAlert>{t('risks.matrix.saved')}</SuccessAlert> : null}
      {conflict ? (
        <Alert type="warning" role="alert">
          <Paragraph>{conflict.problem.detail ?? t('risks.matrix.conflict', { count: conflictCount })}</Paragraph>
          <Paragraph>{t('risks.matrix.rescaleExplain', { count: conflictCount })}</Paragraph>
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending} onClick={(event) => submit(event, true)}>
              {t('risks.matrix.rescale')}
            </Button>
          </ButtonGroup>
        </Alert>
      ) : (
        <ProblemAlert error={mutation.error} />
      )}
      <Paragraph>{matrix.custom ? t('risks.matrix.custom') : t('risks.matrix.default')}</Paragraph>

      <div className="wb-risk-matrix__axes">
        <AxisLabels
          id="matrix-likelihoodLabels"
          legend={t('risks.matrix.likelihoodLabels')}
          labels={draft.likelihoodLabels}
          onChange={(next) => setLabels('likelihoodLabels', next)}
          error={problems.likelihoodLabels ?? serverErrors.likelihoodLabels}
        />
        <AxisLabels
          id="matrix-impactLabels"
          legend={t('risks.matrix.impactLabels')}
          labels={draft.impactLabels}
          onChange={(next) => setLabels('impactLabels', next)}
          error={problems.impactLabels ?? serverErrors.impactLabels}
        />
      </div>

      <Fieldset invalid={Boolean(problems.levelBounds ?? serverErrors.levelBounds)} aria-describedby={problems.levelBounds ? 'matrix-levelBounds-error' : undefined}>
        <FieldsetLegend>{t('risks.matrix.bounds')}</FieldsetLegend>
        <Paragraph className="wb-muted">{t('risks.matrix.boundsHelp', { max })}</Paragraph>
        {problems.levelBounds || serverErrors.levelBounds ? <FormFieldErrorMessage id="matrix-levelBounds-error">{problems.levelBounds ?? serverErrors.levelBounds}</FormFieldErrorMessage> : null}
        <div className="wb-inline-form">
          {(['laag', 'midden', 'hoog'] as const).map((level, index) => (
            <TextField
              key={level}
              id={index === 0 ? 'matrix-levelBounds' : `matrix-levelBounds-${level}`}
              label={t('risks.matrix.boundUpTo', { level: labels.level(level) })}
              type="number"
              inputMode="numeric"
              min={1}
              max={max - 1}
              value={draft.levelBounds[index]}
              onChange={(value) => setBound(index, value)}
            />
          ))}
        </div>
        <Paragraph>{t('risks.matrix.kritiekAbove', { bound: draft.levelBounds[2] || '?' })}</Paragraph>
      </Fieldset>

      <Fieldset>
        <FieldsetLegend>{t('risks.matrix.acceptance')}</FieldsetLegend>
        <Paragraph className="wb-muted">{t('risks.matrix.acceptanceHelp')}</Paragraph>
        {RISK_LEVELS.map((level) => (
          <RoleCheckboxes
            key={level}
            idPrefix={`matrix-acceptanceRoles-${level}`}
            legend={t('risks.matrix.acceptedBy', { level: labels.level(level) })}
            value={draft.acceptanceRoles[level] ?? []}
            onChange={(roles) => setDraft((current) => ({ ...current, acceptanceRoles: { ...current.acceptanceRoles, [level]: roles } }))}
            error={problems[`acceptanceRoles-${level}`] ?? null}
            kind={organisation.kind}
          />
        ))}
      </Fieldset>

      <section aria-labelledby="matrix-preview-heading" className="wb-section">
        <Heading2 id="matrix-preview-heading">{t('risks.matrix.preview')}</Heading2>
        {valid ? (
          <HeatMap id="matrix-preview" caption={t('risks.matrix.previewCaption')} matrix={input} />
        ) : (
          <Paragraph>{t('risks.matrix.previewInvalid')}</Paragraph>
        )}
      </section>

      <SubmitButtons label={t('risks.matrix.save')} pending={mutation.isPending && !conflict}>
        <Button type="button" appearance="subtle-button" onClick={() => setDraft(draftOf(DEFAULT_MATRIX))}>
          {t('risks.matrix.useDefault')}
        </Button>
      </SubmitButtons>
    </form>
  );
}

/** The labels of one axis, from low to high, with buttons to add a level or remove the highest. */
function AxisLabels({ id, legend, labels, onChange, error }: { id: string; legend: string; labels: string[]; onChange: (labels: string[]) => void; error?: string | null }) {
  const { t } = useTranslation();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <Fieldset invalid={Boolean(error)} aria-describedby={errorId} className="wb-risk-matrix__axis">
      <FieldsetLegend>{legend}</FieldsetLegend>
      <Paragraph className="wb-muted">{t('risks.matrix.labelsHelp', { min: MATRIX_MIN, max: MATRIX_MAX, count: labels.length })}</Paragraph>
      {error ? <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage> : null}
      {labels.map((label, index) => (
        <TextField
          key={index}
          id={index === 0 ? id : `${id}-${index}`}
          label={t('risks.matrix.level', { n: index + 1 })}
          value={label}
          onChange={(value) => onChange(labels.map((current, at) => (at === index ? value : current)))}
          maxLength={60}
          autoComplete="off"
          required
        />
      ))}
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" disabled={labels.length >= MATRIX_MAX} onClick={() => onChange([...labels, ''])}>
          {t('risks.matrix.addLevel')}
          <span className="wb-visually-hidden"> ({legend})</span>
        </Button>
        <Button type="button" appearance="subtle-button" disabled={labels.length <= MATRIX_MIN} onClick={() => onChange(labels.slice(0, -1))}>
          {t('risks.matrix.removeLevel')}
          <span className="wb-visually-hidden"> ({legend})</span>
        </Button>
      </ButtonGroup>
    </Fieldset>
  );
}
