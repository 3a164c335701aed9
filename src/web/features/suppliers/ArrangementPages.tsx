import { Button, ButtonGroup, Heading2, Heading3, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { TextareaField } from '../../shared/TextareaField';
import { formatDateTime } from '../../shared/format';
import { fieldErrors } from '../../shared/problem';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { useFormErrors } from '../../shared/useFormErrors';
import { NodeDependencies } from '../dependencies/NodeDependencies';
import { LinkedRisks } from '../risks/LinkedRisks';
import {
  ARRANGEMENT_KINDS,
  arrangementKey,
  arrangementsKey,
  createArrangement,
  deleteArrangement,
  fetchArrangement,
  SUPPLIER_PERMISSIONS,
  updateArrangement,
} from './api';
import type { ArrangementInput, ArrangementKind, ArrangementSharedStatus, JointArrangement } from './api';
import { CouncilReport } from './ArrangementsPage';
import { arrangementPath, arrangementsPath, SharedStatusBadge, useSupplierLabels } from './labels';
import { formatPercentage } from './model';
import { Subpage } from './Subpage';
import { DeleteSection, useCreateAndOpen } from './RecordPageParts';
import type { CreatedNotice } from './RecordPageParts';

function useCrumbs() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return [{ to: arrangementsPath(organisation.slug), label: t('suppliers.arrangements.title') }];
}

/** /o/:org/assets/joint-arrangements/new */
export function NewArrangementPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const mutation = useCreateAndOpen({
    create: (input: ArrangementInput) => createArrangement(slug, input),
    detailKey: (id) => arrangementKey(slug, id),
    listKey: arrangementsKey(slug),
    path: (id) => arrangementPath(slug, id),
  });
  return (
    <Subpage title={t('suppliers.arrangement.newTitle')} intro={t('suppliers.arrangement.newIntro')} crumbs={useCrumbs()} allowed={can(organisation, SUPPLIER_PERMISSIONS.manage)}>
      <ArrangementForm
        key={slug}
        idPrefix="arrangement"
        initial={null}
        submitLabel={t('suppliers.arrangement.create')}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(input) => mutation.mutate(input)}
        cancel={
          <AppLink to={arrangementsPath(slug)} className="wb-form-cancel">
            {t('common.cancel')}
          </AppLink>
        }
      />
    </Subpage>
  );
}

/** /o/:org/assets/joint-arrangements/:arrangementId */
export function ArrangementPage() {
  const { arrangementId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <ArrangementView key={`${organisation.slug}|${arrangementId}`} arrangementId={arrangementId} />;
}

function ArrangementView({ arrangementId }: { arrangementId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const slug = organisation.slug;
  const canRead = can(organisation, SUPPLIER_PERMISSIONS.read);
  const canManage = can(organisation, SUPPLIER_PERMISSIONS.manage);
  const arrangement = useQuery({ queryKey: arrangementKey(slug, arrangementId), queryFn: ({ signal }) => fetchArrangement(slug, arrangementId, signal), enabled: canRead });
  const [saved, setSaved] = useState(false);
  const created = Boolean((location.state as CreatedNotice | null)?.created);
  const data = arrangement.data;
  return (
    <Subpage title={data?.name ?? t('suppliers.arrangement.title')} crumbs={useCrumbs()} allowed={canRead}>
      {arrangement.isPending ? <Loading /> : null}
      <ProblemAlert error={arrangement.error} />
      {saved ? <SuccessAlert>{t('suppliers.arrangement.saved')}</SuccessAlert> : created ? <SuccessAlert>{t('suppliers.arrangement.created')}</SuccessAlert> : null}
      {data ? (
        <>
          <ArrangementFacts arrangement={data} />
          <SharedStatusSection arrangement={data} />
          <NodeDependencies org={slug} node={{ type: 'joint_arrangement', id: data.id, name: data.name }} canManage={can(organisation, SUPPLIER_PERMISSIONS.dependencies)} />
          <LinkedRisks org={slug} targetId={data.id} />
          {canManage ? (
            <>
              <EditArrangement slug={slug} arrangement={data} onSaved={() => setSaved(true)} onChange={() => setSaved(false)} />
              <DeleteArrangement slug={slug} arrangement={data} />
            </>
          ) : null}
        </>
      ) : null}
    </Subpage>
  );
}

function ArrangementFacts({ arrangement }: { arrangement: JointArrangement }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  return (
    <section aria-labelledby="arrangement-facts-heading" className="wb-section">
      <Heading2 id="arrangement-facts-heading">{t('suppliers.arrangement.facts')}</Heading2>
      <FactList
        facts={[
          { label: t('suppliers.arrangement.fields.kind'), value: labels.arrangementKind(arrangement.kind) },
          { label: t('suppliers.arrangement.fields.description'), value: arrangement.description || t('common.none'), multiline: true },
          { label: t('suppliers.arrangement.fields.accountable'), value: arrangement.accountable || t('common.unknown') },
          { label: t('suppliers.arrangement.fields.lastCouncilReport'), value: <CouncilReport date={arrangement.lastCouncilReport} /> },
          {
            label: t('suppliers.arrangement.fields.linkedOrganisation'),
            value: arrangement.linkedOrganisation ? `${arrangement.linkedOrganisation.name} (${arrangement.linkedOrganisation.slug})` : t('suppliers.arrangement.notLinked'),
          },
        ]}
      />
    </section>
  );
}

function SharedStatusSection({ arrangement }: { arrangement: JointArrangement }) {
  const { t, i18n } = useTranslation();
  const shared: ArrangementSharedStatus | null | undefined = arrangement.sharedStatus;
  let body: ReactNode;
  if (!arrangement.linkedOrganisation) body = <Paragraph>{t('suppliers.arrangement.sharedNotLinked')}</Paragraph>;
  else if (!shared || !shared.status) body = <Paragraph>{t('suppliers.arrangement.sharedNotPublished', { name: arrangement.linkedOrganisation.name })}</Paragraph>;
  else {
    body = (
      <>
        <FactList
          facts={[
            { label: t('suppliers.sharedStatus.fields.status'), value: <SharedStatusBadge status={shared.status} /> },
            { label: t('suppliers.sharedStatus.fields.message'), value: shared.message || t('common.none'), multiline: true },
            { label: t('suppliers.sharedStatus.updatedAt'), value: shared.updatedAt ? <time dateTime={shared.updatedAt}>{formatDateTime(shared.updatedAt)}</time> : t('common.unknown') },
          ]}
        />
        <Heading3>{t('suppliers.arrangement.sharedCompliance')}</Heading3>
        {shared.compliance ? (
          shared.compliance.frameworks.length ? (
            <UnorderedList>
              {shared.compliance.frameworks.map((framework) => (
                <UnorderedListItem key={framework.id}>
                  {t('suppliers.arrangement.compliancePercentage', { name: framework.name, percentage: formatPercentage(framework.percentage, i18n.language) })}
                </UnorderedListItem>
              ))}
            </UnorderedList>
          ) : (
            <Paragraph>{t('suppliers.arrangement.noFrameworks')}</Paragraph>
          )
        ) : (
          <Paragraph>{t('suppliers.arrangement.complianceNotShared')}</Paragraph>
        )}
      </>
    );
  }
  return (
    <section aria-labelledby="arrangement-shared-heading" className="wb-section wb-shared-status">
      <Heading2 id="arrangement-shared-heading">{t('suppliers.arrangement.sharedStatus')}</Heading2>
      {body}
    </section>
  );
}

interface ArrangementFormProps {
  idPrefix: string;
  initial: JointArrangement | null;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: ArrangementInput) => void;
  cancel?: ReactNode;
}

function ArrangementForm({ idPrefix, initial, submitLabel, pending, error, onSubmit, cancel }: ArrangementFormProps) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<ArrangementKind>(initial?.kind ?? 'gemeenschappelijke_regeling');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [accountable, setAccountable] = useState(initial?.accountable ?? '');
  const [lastCouncilReport, setLastCouncilReport] = useState(initial?.lastCouncilReport ?? '');
  const [linked, setLinked] = useState(initial?.linkedOrganisation?.slug ?? '');
  const { errors, check } = useFormErrors(idPrefix);
  const server = fieldErrors(error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ name: name.trim().length >= 2 ? null : t('suppliers.arrangement.nameTooShort') })) return;
    const slug = linked.trim();
    onSubmit({
      name: name.trim(),
      kind,
      description,
      accountable: accountable.trim(),
      lastCouncilReport: lastCouncilReport || null,
      ...(slug || initial?.linkedOrganisation ? { linkedOrganisation: slug || null } : {}),
    });
  };
  return (
    <form onSubmit={submit} noValidate>
      <TextField id={`${idPrefix}-name`} label={t('suppliers.arrangement.fields.name')} value={name} onChange={setName} maxLength={200} required error={errors.name ?? server.name} />
      <SelectField
        id={`${idPrefix}-kind`}
        label={t('suppliers.arrangement.fields.kind')}
        value={kind}
        options={ARRANGEMENT_KINDS.map((value) => ({ value, label: labels.arrangementKind(value) }))}
        onChange={(value) => setKind(value as ArrangementKind)}
        error={server.kind}
      />
      <TextareaField
        id={`${idPrefix}-description`}
        label={t('suppliers.arrangement.fields.description')}
        description={t('suppliers.arrangement.descriptionHint')}
        value={description}
        onChange={setDescription}
        rows={3}
        error={server.description}
      />
      <TextField
        id={`${idPrefix}-accountable`}
        label={t('suppliers.arrangement.fields.accountable')}
        description={t('suppliers.arrangement.accountableHint')}
        value={accountable}
        onChange={setAccountable}
        maxLength={300}
        error={server.accountable}
      />
      <TextField
        id={`${idPrefix}-lastCouncilReport`}
        label={t('suppliers.arrangement.fields.lastCouncilReport')}
        type="date"
        value={lastCouncilReport}
        onChange={setLastCouncilReport}
        error={server.lastCouncilReport}
      />
      <TextField
        id={`${idPrefix}-linkedOrganisation`}
        label={t('suppliers.arrangement.fields.linkedOrganisationSlug')}
        description={t('suppliers.arrangement.linkedHint')}
        value={linked}
        onChange={setLinked}
        maxLength={64}
        autoComplete="off"
        error={server.linkedOrganisation}
      />
      <ProblemAlert error={error} />
      <SubmitButtons label={submitLabel} pending={pending}>
        {cancel}
      </SubmitButtons>
    </form>
  );
}

function EditArrangement({ slug, arrangement, onSaved, onChange }: { slug: string; arrangement: JointArrangement; onSaved: () => void; onChange: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: ArrangementInput) => updateArrangement(slug, arrangement.id, input),
    onMutate: onChange,
    onSuccess: async (updated) => {
      // The answer to a change does not carry the shared status: keep the one shown until the detail is read again.
      queryClient.setQueryData(arrangementKey(slug, arrangement.id), { ...updated, sharedStatus: updated.sharedStatus ?? arrangement.sharedStatus });
      await queryClient.invalidateQueries({ queryKey: arrangementsKey(slug) });
      setOpen(false);
      onSaved();
      window.scrollTo({ top: 0 });
    },
  });
  return (
    <section aria-labelledby="edit-arrangement-heading" className="wb-section">
      <Heading2 id="edit-arrangement-heading">{t('suppliers.arrangement.editTitle')}</Heading2>
      {open ? (
        <ArrangementForm
          idPrefix="arrangement"
          initial={arrangement}
          submitLabel={t('common.save')}
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(input) => mutation.mutate(input)}
          cancel={
            <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          }
        />
      ) : (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(true)}>
            {t('suppliers.arrangement.edit')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}

function DeleteArrangement({ slug, arrangement }: { slug: string; arrangement: JointArrangement }) {
  const { t } = useTranslation();
  return (
    <DeleteSection
      id="delete-arrangement"
      name={arrangement.name}
      texts={{
        title: t('suppliers.arrangement.deleteTitle'),
        intro: t('suppliers.arrangement.deleteIntro'),
        button: t('suppliers.arrangement.delete'),
        confirm: t('suppliers.arrangement.confirmDelete', { name: arrangement.name }),
      }}
      remove={(force) => deleteArrangement(slug, arrangement.id, force)}
      detailKey={arrangementKey(slug, arrangement.id)}
      listKey={arrangementsKey(slug)}
      listPath={arrangementsPath(slug)}
    />
  );
}
