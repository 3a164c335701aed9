import { Button, ButtonGroup, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { createDpia, createDpiaRisk, deleteDpia, DPIA_OUTCOMES, dpiaKey, dpiasKey, fetchDpia, fetchDpias, PERMISSIONS, riskKey, searchProcesses, updateDpia } from './api';
import type { Dpia, DpiaInput, DpiaOutcome } from './api';
import { invalidateRisks } from './invalidate';
import { dpiaPath, dpiasPath, newDpiaPath, registerPath, riskPath, useRiskLabels } from './labels';
import { ButtonRouterLink, FALLBACK_MATRIX, formatDay, RisksPage, todayLocal, useMatrix } from './parts';
import { emptyRisk, riskInput } from './formValues';
import { RiskForm } from './RiskForm';

/** Router state a DPIA page leaves for the list or for itself. */
interface DpiaNotice {
  deleted?: string;
  created?: boolean;
}

/** /o/:org/risicos/dpia — the DPIA records (gegevensbeschermingseffectbeoordelingen). */
export function DpiasPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const deleted = (location.state as DpiaNotice | null)?.deleted;
  return (
    <RisksPage title={t('risks.dpia.title')} intro={t('risks.dpia.intro')}>
      {deleted ? <SuccessAlert>{t('risks.dpia.deleted', { name: deleted })}</SuccessAlert> : null}
      {can(organisation, PERMISSIONS.manage) ? (
        <ButtonGroup>
          <ButtonRouterLink to={newDpiaPath(organisation.slug)}>{t('risks.dpia.new')}</ButtonRouterLink>
        </ButtonGroup>
      ) : null}
      <DpiaList key={organisation.slug} slug={organisation.slug} />
    </RisksPage>
  );
}

function DpiaList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const dpias = useQuery({ queryKey: dpiasKey(slug), queryFn: ({ signal }) => fetchDpias(slug, signal) });
  return (
    <section aria-labelledby="dpia-list-heading" className="wb-section">
      <Heading2 id="dpia-list-heading">{t('risks.dpia.listTitle')}</Heading2>
      {dpias.isPending ? <Loading /> : null}
      <ProblemAlert error={dpias.error} />
      {dpias.data && dpias.data.length === 0 ? <Paragraph>{t('risks.dpia.none')}</Paragraph> : null}
      {dpias.data && dpias.data.length > 0 ? (
        <DataTable
          label={t('risks.dpia.listTitle')}
          labelledBy="dpia-list-heading"
          columns={[t('risks.dpia.fields.name'), t('risks.dpia.fields.process'), t('risks.dpia.fields.outcome'), t('risks.dpia.fields.conductedOn'), { label: t('risks.dpia.fields.risks'), className: 'wb-numeric' }]}
        >
          {dpias.data.map((dpia) => (
            <TableRow key={dpia.id}>
              <TableHeaderCell scope="row">
                <AppLink to={dpiaPath(slug, dpia.id)}>{dpia.name}</AppLink>
              </TableHeaderCell>
              <TableCell>{dpia.asset ? dpia.asset.name : <span className="wb-muted">{t('common.none')}</span>}</TableCell>
              <TableCell>{labels.outcome(dpia.outcome)}</TableCell>
              <TableCell>
                <time dateTime={dpia.conductedOn} className="wb-nowrap">
                  {formatDay(dpia.conductedOn)}
                </time>
              </TableCell>
              <TableCell className="wb-numeric">
                {dpia.risks > 0 ? (
                  <AppLink to={registerPath(slug, { dpiaId: dpia.id, status: 'all' })}>
                    {dpia.risks}
                    <span className="wb-visually-hidden"> {t('risks.dpia.risksOf', { name: dpia.name })}</span>
                  </AppLink>
                ) : (
                  0
                )}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

interface DpiaValues {
  name: string;
  processing: string;
  assetId: string;
  outcome: DpiaOutcome | '';
  conductedOn: string;
  notes: string;
}

const emptyDpia = (): DpiaValues => ({ name: '', processing: '', assetId: '', outcome: '', conductedOn: todayLocal(), notes: '' });
const dpiaValues = (dpia: Dpia): DpiaValues => ({
  name: dpia.name,
  processing: dpia.processing,
  assetId: dpia.asset?.id ?? '',
  outcome: dpia.outcome,
  conductedOn: dpia.conductedOn,
  notes: dpia.notes,
});

function DpiaForm({
  initial,
  current,
  submitLabel,
  pending,
  error,
  onSubmit,
  cancel,
}: {
  initial: DpiaValues;
  current?: Dpia['asset'];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: DpiaInput) => void;
  cancel?: ReactNode;
}) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const organisation = useCurrentOrganisation();
  const [values, setValues] = useState(initial);
  const { errors, check } = useFormErrors('dpia');
  const serverErrors = fieldErrors(error);
  const processes = useQuery({ queryKey: ['organisation', organisation.slug, 'risks', 'processes'], queryFn: ({ signal }) => searchProcesses(organisation.slug, '', signal) });
  const processOptions = [{ value: '', label: t('risks.dpia.noProcess') }, ...(processes.data ?? []).map((process) => ({ value: process.id, label: process.name }))];
  if (current && !processOptions.some((option) => option.value === current.id)) processOptions.push({ value: current.id, label: current.name });
  const set = <K extends keyof DpiaValues>(key: K) => (value: DpiaValues[K]) => setValues((state) => ({ ...state, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      name: requiredError(values.name, t),
      processing: requiredError(values.processing, t),
      outcome: values.outcome ? null : t('errors.required'),
      conductedOn: /^\d{4}-\d{2}-\d{2}$/.test(values.conductedOn) ? null : t('errors.required'),
    });
    if (!valid || !values.outcome) return;
    onSubmit({
      name: values.name.trim(),
      processing: values.processing.trim(),
      assetId: values.assetId || null,
      outcome: values.outcome,
      conductedOn: values.conductedOn,
      notes: values.notes,
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <ProblemAlert error={error} />
      <TextField id="dpia-name" label={t('risks.dpia.fields.name')} value={values.name} onChange={set('name')} error={errors.name ?? serverErrors.name} required maxLength={200} autoComplete="off" />
      <TextareaField id="dpia-processing" label={t('risks.dpia.fields.processing')} description={t('risks.dpia.processingHelp')} value={values.processing} onChange={set('processing')} error={errors.processing ?? serverErrors.processing} required rows={3} />
      <SelectField id="dpia-assetId" label={t('risks.dpia.fields.process')} description={t('risks.dpia.processHelp')} value={values.assetId} options={processOptions} onChange={set('assetId')} error={serverErrors.assetId} disabled={processes.isPending && !processes.isError} />
      <SelectField
        id="dpia-outcome"
        label={t('risks.dpia.fields.outcome')}
        value={values.outcome}
        options={[{ value: '', label: t('common.choose') }, ...DPIA_OUTCOMES.map((value) => ({ value, label: labels.outcome(value) }))]}
        onChange={(value) => set('outcome')(value as DpiaOutcome | '')}
        error={errors.outcome ?? serverErrors.outcome}
        required
      />
      <TextField id="dpia-conductedOn" type="date" label={t('risks.dpia.fields.conductedOn')} value={values.conductedOn} onChange={set('conductedOn')} error={errors.conductedOn ?? serverErrors.conductedOn} required />
      <TextareaField id="dpia-notes" label={t('risks.dpia.fields.notes')} value={values.notes} onChange={set('notes')} error={serverErrors.notes} rows={4} />
      <SubmitButtons label={submitLabel} pending={pending}>
        {cancel}
      </SubmitButtons>
    </form>
  );
}

function useDpiaCrumbs() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return [
    { to: registerPath(organisation.slug), label: t('risks.register.title') },
    { to: dpiasPath(organisation.slug), label: t('risks.dpia.title') },
  ];
}

/** /o/:org/risicos/dpia/new — record a DPIA. */
export function NewDpiaPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const crumbs = useDpiaCrumbs();
  const slug = organisation.slug;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: DpiaInput) => createDpia(slug, input),
    onSuccess: async (dpia) => {
      queryClient.setQueryData(dpiaKey(slug, dpia.id), dpia);
      await queryClient.invalidateQueries({ queryKey: dpiasKey(slug) });
      navigate(dpiaPath(slug, dpia.id), { state: { created: true } satisfies DpiaNotice });
    },
  });
  return (
    <RisksPage title={t('risks.dpia.newTitle')} crumbs={crumbs} permission={PERMISSIONS.manage}>
      <DpiaForm
        key={slug}
        initial={emptyDpia()}
        submitLabel={t('risks.dpia.create')}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(input) => mutation.mutate(input)}
        cancel={
          <AppLink to={dpiasPath(slug)} className="wb-form-cancel">
            {t('common.cancel')}
          </AppLink>
        }
      />
    </RisksPage>
  );
}

/** /o/:org/risicos/dpia/:dpiaId — one DPIA: facts, its risks, "Privacyrisico aanmaken", edit and delete. */
export function DpiaPage() {
  const { dpiaId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <DpiaView key={`${organisation.slug}|${dpiaId}`} dpiaId={dpiaId} />;
}

function DpiaView({ dpiaId }: { dpiaId: string }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const crumbs = useDpiaCrumbs();
  const location = useLocation();
  const canRead = can(organisation, PERMISSIONS.read);
  const canManage = can(organisation, PERMISSIONS.manage);
  const dpia = useQuery({ queryKey: dpiaKey(slug, dpiaId), queryFn: ({ signal }) => fetchDpia(slug, dpiaId, signal), enabled: canRead });
  const [saved, setSaved] = useState(false);
  const created = Boolean((location.state as DpiaNotice | null)?.created);
  return (
    <RisksPage title={dpia.data?.name ?? t('risks.dpia.one')} crumbs={crumbs}>
      {dpia.isPending ? <Loading /> : null}
      <ProblemAlert error={dpia.error} />
      {saved ? <SuccessAlert>{t('risks.dpia.saved')}</SuccessAlert> : null}
      {created && !saved ? <SuccessAlert>{t('risks.dpia.created')}</SuccessAlert> : null}
      {dpia.data ? (
        <>
          <FactList
            facts={[
              { label: t('risks.dpia.fields.processing'), value: dpia.data.processing, multiline: true },
              { label: t('risks.dpia.fields.process'), value: dpia.data.asset ? dpia.data.asset.name : t('common.none') },
              { label: t('risks.dpia.fields.outcome'), value: labels.outcome(dpia.data.outcome) },
              { label: t('risks.dpia.fields.conductedOn'), value: <time dateTime={dpia.data.conductedOn}>{formatDay(dpia.data.conductedOn)}</time> },
              { label: t('risks.dpia.fields.notes'), value: dpia.data.notes || t('common.none'), multiline: true },
              {
                label: t('risks.dpia.fields.risks'),
                value:
                  dpia.data.risks > 0 ? <AppLink to={registerPath(slug, { dpiaId: dpia.data.id, status: 'all' })}>{t('risks.dpia.risksCount', { count: dpia.data.risks })}</AppLink> : t('risks.dpia.noRisks'),
              },
            ]}
          />
          {canManage ? (
            <>
              <CreatePrivacyRisk slug={slug} dpia={dpia.data} />
              <section aria-labelledby="edit-dpia-heading" className="wb-section">
                <Heading2 id="edit-dpia-heading">{t('risks.dpia.editTitle')}</Heading2>
                <EditDpia key={JSON.stringify(dpia.data)} slug={slug} dpia={dpia.data} onSaved={() => setSaved(true)} onChange={() => setSaved(false)} />
              </section>
              <DeleteDpia slug={slug} dpia={dpia.data} />
            </>
          ) : null}
        </>
      ) : null}
    </RisksPage>
  );
}

function CreatePrivacyRisk({ slug, dpia }: { slug: string; dpia: Dpia }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const matrix = useMatrix(slug);
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: ReturnType<typeof riskInput>) => {
      const { status: _status, dpiaId: _dpia, domain: _domain, ...body } = input;
      return createDpiaRisk(slug, dpia.id, body);
    },
    onSuccess: async (risk) => {
      queryClient.setQueryData(riskKey(slug, risk.id), risk);
      await Promise.all([invalidateRisks(queryClient, slug), queryClient.invalidateQueries({ queryKey: dpiasKey(slug) })]);
      navigate(riskPath(slug, risk.id), { state: { created: true } });
    },
  });
  const initial = emptyRisk('privacy');
  if (dpia.asset) initial.links = [{ type: 'asset', id: dpia.asset.id, name: dpia.asset.name, kind: 'proces' }];
  return (
    <section aria-labelledby="dpia-risk-heading" className="wb-section">
      <Heading2 id="dpia-risk-heading">{t('risks.dpia.createRisk')}</Heading2>
      <Paragraph>{t('risks.dpia.createRiskIntro')}</Paragraph>
      {open ? (
        <RiskForm
          idPrefix="dpia-risk"
          mode="dpia"
          initial={initial}
          matrix={matrix.data ?? FALLBACK_MATRIX}
          submitLabel={t('risks.dpia.createRiskSubmit')}
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(values) => mutation.mutate(riskInput(values, { withDomain: false }))}
          cancel={
            <Button type="button" appearance="subtle-button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          }
        />
      ) : (
        <ButtonGroup>
          <Button type="button" appearance="primary-action-button" onClick={() => setOpen(true)}>
            {t('risks.dpia.createRisk')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}

function EditDpia({ slug, dpia, onSaved, onChange }: { slug: string; dpia: Dpia; onSaved: () => void; onChange: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (input: DpiaInput) => updateDpia(slug, dpia.id, input),
    onMutate: onChange,
    onSuccess: async (updated) => {
      queryClient.setQueryData(dpiaKey(slug, dpia.id), updated);
      await queryClient.invalidateQueries({ queryKey: dpiasKey(slug), predicate: (query) => JSON.stringify(query.queryKey) !== JSON.stringify(dpiaKey(slug, dpia.id)) });
      onSaved();
    },
  });
  return <DpiaForm initial={dpiaValues(dpia)} current={dpia.asset} submitLabel={t('common.save')} pending={mutation.isPending} error={mutation.error} onSubmit={(input) => mutation.mutate(input)} />;
}

function DeleteDpia({ slug, dpia }: { slug: string; dpia: Dpia }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteDpia(slug, dpia.id),
    onSuccess: async () => {
      await navigate(dpiasPath(slug), { state: { deleted: dpia.name } satisfies DpiaNotice });
      queryClient.removeQueries({ queryKey: dpiaKey(slug, dpia.id), exact: true });
      await Promise.all([queryClient.invalidateQueries({ queryKey: dpiasKey(slug) }), invalidateRisks(queryClient, slug)]);
    },
  });
  const onDelete = () => {
    if (!window.confirm(t('risks.dpia.confirmDelete', { name: dpia.name }))) return;
    mutation.mutate();
  };
  return (
    <section aria-labelledby="delete-dpia-heading" className="wb-section">
      <Heading2 id="delete-dpia-heading">{t('risks.dpia.deleteTitle')}</Heading2>
      <Paragraph>{t('risks.dpia.deleteIntro')}</Paragraph>
      <ProblemAlert error={mutation.error} />
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" hint="danger" busy={mutation.isPending} disabled={mutation.isPending} onClick={onDelete}>
          {t('risks.dpia.delete')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
