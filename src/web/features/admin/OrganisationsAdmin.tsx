import { Heading2, Heading3, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/session';
import type { OrganisationKind } from '../../../shared/roles';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { ORGANISATION_KINDS, organisationsKey, useOrganisations } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { createOrganisation } from './api';

export function OrganisationsAdmin() {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  return (
    <section aria-labelledby="admin-orgs-heading" className="wb-section">
      <Heading2 id="admin-orgs-heading">{t('admin.organisations.title')}</Heading2>
      {organisations.isPending ? <Loading /> : null}
      <ProblemAlert error={organisations.error} />
      {organisations.data ? (
        <DataTable label={t('admin.organisations.title')} columns={[t('fields.organisationName'), t('fields.slug'), t('organisation.kind')]}>
          {organisations.data.map((organisation) => (
            <TableRow key={organisation.slug}>
              <TableHeaderCell scope="row">
                <AppLink to={`/o/${encodeURIComponent(organisation.slug)}`}>{organisation.name}</AppLink>
              </TableHeaderCell>
              <TableCell>{organisation.slug}</TableCell>
              <TableCell>{t(`kinds.${organisation.kind}`)}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
      <CreateOrganisationForm />
    </section>
  );
}

function CreateOrganisationForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ name: '', slug: '', kind: 'gemeente' as OrganisationKind });
  const { errors, check } = useFormErrors('new-org');
  const [created, setCreated] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: createOrganisation,
    onSuccess: async (_result, body) => {
      setCreated(body.name);
      setValues({ name: '', slug: '', kind: 'gemeente' });
      await queryClient.invalidateQueries({ queryKey: organisationsKey });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const serverErrors = fieldErrors(mutation.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      name: requiredError(values.name, t),
      slug: !values.slug.trim() ? t('errors.required') : /^[a-z0-9]+(-[a-z0-9]+)*$/.test(values.slug.trim()) ? null : t('admin.organisations.slugInvalid'),
    });
    if (!valid) return;
    setCreated(null);
    mutation.mutate({ name: values.name.trim(), slug: values.slug.trim(), kind: values.kind });
  };

  return (
    <div className="wb-subsection">
      <Heading3>{t('admin.organisations.createTitle')}</Heading3>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        {created ? <SuccessAlert>{t('admin.organisations.created', { name: created })}</SuccessAlert> : null}
        <TextField id="new-org-name" label={t('fields.organisationName')} value={values.name} onChange={(name) => setValues((v) => ({ ...v, name }))} error={errors.name ?? serverErrors.name} autoComplete="off" required />
        <TextField
          id="new-org-slug"
          label={t('fields.slug')}
          description={t('admin.organisations.slugDescription')}
          value={values.slug}
          onChange={(slug) => setValues((v) => ({ ...v, slug }))}
          error={errors.slug ?? serverErrors.slug}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <SelectField
          id="new-org-kind"
          label={t('organisation.kind')}
          value={values.kind}
          onChange={(kind) => setValues((v) => ({ ...v, kind: kind as OrganisationKind }))}
          options={ORGANISATION_KINDS.map((kind) => ({ value: kind, label: t(`kinds.${kind}`) }))}
          error={serverErrors.kind}
          required
        />
        <SubmitButtons label={t('admin.organisations.submit')} pending={mutation.isPending} />
      </form>
    </div>
  );
}
