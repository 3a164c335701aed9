import { Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Heading2, Paragraph, RadioButton, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../shared/CheckboxField';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { formatDateTime } from '../../shared/format';
import { fieldErrors } from '../../shared/problem';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { useFormErrors } from '../../shared/useFormErrors';
import { fetchSharedStatus, isNotFound, saveSharedStatus, SHARED_STATUSES, sharedStatusKey, SUPPLIER_PERMISSIONS } from './api';
import type { SharedStatus, SharedStatusValue } from './api';
import { SharedStatusBadge, useSupplierLabels } from './labels';
import { Subpage } from './Subpage';

/**
 * /o/:org/assets/shared-status — for an organisation that is itself a joint arrangement: the status it
 * publishes to its participating gemeenten (normaal / verstoord / uitval, a message, optionally its
 * compliance figures) and who those participants are.
 */
export function SharedStatusPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const joint = organisation.kind === 'samenwerkingsverband';
  const status = useQuery({
    queryKey: sharedStatusKey(slug),
    queryFn: ({ signal }) => fetchSharedStatus(slug, signal),
    retry: (count, error) => !isNotFound(error) && count < 2,
    enabled: joint,
  });
  const canManage = can(organisation, SUPPLIER_PERMISSIONS.sharing);
  return (
    <Subpage title={t('suppliers.sharedStatus.title')} intro={t('suppliers.sharedStatus.intro')}>
      {!joint ? <Paragraph>{t('suppliers.sharedStatus.onlyJoint')}</Paragraph> : null}
      {joint && status.isPending ? <Loading /> : null}
      {status.error && isNotFound(status.error) ? <Paragraph>{t('suppliers.sharedStatus.unavailable')}</Paragraph> : <ProblemAlert error={status.error} />}
      {status.data ? (
        <>
          <Current status={status.data} />
          {canManage ? <PublishForm key={slug} slug={slug} current={status.data} /> : null}
          <Participants status={status.data} />
        </>
      ) : null}
    </Subpage>
  );
}

function Current({ status }: { status: SharedStatus }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="shared-current-heading" className="wb-section">
      <Heading2 id="shared-current-heading">{t('suppliers.sharedStatus.current')}</Heading2>
      {status.status ? (
        <FactList
          facts={[
            { label: t('suppliers.sharedStatus.fields.status'), value: <SharedStatusBadge status={status.status} /> },
            { label: t('suppliers.sharedStatus.fields.message'), value: status.message || t('common.none'), multiline: true },
            { label: t('suppliers.sharedStatus.fields.shareCompliance'), value: status.shareCompliance ? t('common.yes') : t('common.no') },
            { label: t('suppliers.sharedStatus.updatedAt'), value: status.updatedAt ? <time dateTime={status.updatedAt}>{formatDateTime(status.updatedAt)}</time> : t('common.unknown') },
          ]}
        />
      ) : (
        <Paragraph>{t('suppliers.sharedStatus.notPublished')}</Paragraph>
      )}
    </section>
  );
}

function PublishForm({ slug, current }: { slug: string; current: SharedStatus }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<SharedStatusValue | ''>(current.status ?? '');
  const [message, setMessage] = useState(current.message);
  const [shareCompliance, setShareCompliance] = useState(current.shareCompliance);
  const [saved, setSaved] = useState(false);
  const { errors, check } = useFormErrors('shared');
  const mutation = useMutation({
    mutationFn: () => saveSharedStatus(slug, { status: value as SharedStatusValue, message, shareCompliance }),
    onMutate: () => setSaved(false),
    onSuccess: (updated) => {
      queryClient.setQueryData(sharedStatusKey(slug), updated);
      setSaved(true);
    },
  });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ status: value ? null : t('suppliers.sharedStatus.statusRequired') })) return;
    mutation.mutate();
  };
  const error = errors.status ?? server.status;
  return (
    <section aria-labelledby="shared-publish-heading" className="wb-section">
      <Heading2 id="shared-publish-heading">{t('suppliers.sharedStatus.publish')}</Heading2>
      {saved ? <SuccessAlert>{t('suppliers.sharedStatus.saved')}</SuccessAlert> : null}
      <form onSubmit={submit} noValidate>
        <Fieldset invalid={Boolean(error)} aria-describedby={error ? 'shared-status-error' : undefined}>
          <FieldsetLegend>{t('suppliers.sharedStatus.fields.status')}</FieldsetLegend>
          {error ? <FormFieldErrorMessage id="shared-status-error">{error}</FormFieldErrorMessage> : null}
          {SHARED_STATUSES.map((option, index) => {
            // The first option carries the id the error focus looks for (shared-status).
            const id = index === 0 ? 'shared-status' : `shared-status-${option}`;
            return (
              <FormField
                key={option}
                type="radio"
                label={
                  <FormLabel htmlFor={id} type="radio" checked={value === option}>
                    {labels.sharedStatus(option)}
                  </FormLabel>
                }
                input={<RadioButton id={id} name="shared-status" value={option} checked={value === option} onChange={() => setValue(option)} />}
              />
            );
          })}
        </Fieldset>
        <TextareaField
          id="shared-message"
          label={t('suppliers.sharedStatus.fields.message')}
          description={t('suppliers.sharedStatus.messageHint')}
          value={message}
          onChange={setMessage}
          rows={4}
          maxLength={2000}
          error={server.message}
        />
        <CheckboxField
          id="shared-shareCompliance"
          label={t('suppliers.sharedStatus.fields.shareComplianceInput')}
          description={t('suppliers.sharedStatus.shareComplianceHint')}
          checked={shareCompliance}
          onChange={setShareCompliance}
        />
        <ProblemAlert error={mutation.error} />
        <SubmitButtons label={t('suppliers.sharedStatus.submit')} pending={mutation.isPending} />
      </form>
    </section>
  );
}

function Participants({ status }: { status: SharedStatus }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="shared-participants-heading" className="wb-section">
      <Heading2 id="shared-participants-heading">{t('suppliers.sharedStatus.participants')}</Heading2>
      {status.participants.length ? (
        <UnorderedList>
          {status.participants.map((p) => (
            <UnorderedListItem key={p.slug}>{p.name}</UnorderedListItem>
          ))}
        </UnorderedList>
      ) : (
        <Paragraph>{t('suppliers.sharedStatus.noParticipants')}</Paragraph>
      )}
    </section>
  );
}
