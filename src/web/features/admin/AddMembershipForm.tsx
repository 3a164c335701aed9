import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { RoleCheckboxes } from '../../shared/RoleCheckboxes';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { useOrganisations } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { addMembership, usersKey } from './api';

/** Adds an existing user (by e-mail address) to an organisation with roles. */
export function AddMembershipForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const [email, setEmail] = useState('');
  const [slug, setSlug] = useState('');
  const [roles, setRoles] = useState<string[]>(['medewerker']);
  const { errors, check } = useFormErrors('membership');
  const [done, setDone] = useState<{ email: string; organisation: string } | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { slug: string; email: string; roles: string[] }) => addMembership(body.slug, { email: body.email, roles: body.roles }),
    onSuccess: async (_result, body) => {
      const organisation = organisations.data?.find((o) => o.slug === body.slug)?.name ?? body.slug;
      setDone({ email: body.email, organisation });
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: usersKey });
      await queryClient.invalidateQueries({ queryKey: ['organisation', body.slug] });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });
  const serverErrors = fieldErrors(mutation.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      email: requiredError(email, t),
      organisation: slug ? null : t('errors.required'),
      roles: roles.length === 0 ? t('members.rolesRequired') : null,
    });
    if (!valid) return;
    setDone(null);
    mutation.mutate({ slug, email: email.trim(), roles });
  };

  return (
    <section aria-labelledby="admin-membership-heading" className="wb-section">
      <Heading2 id="admin-membership-heading">{t('admin.membership.title')}</Heading2>
      <Paragraph>{t('admin.membership.intro')}</Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error ?? organisations.error} />
        {done ? <SuccessAlert>{t('admin.membership.done', done)}</SuccessAlert> : null}
        <TextField
          id="membership-email"
          label={t('admin.membership.user')}
          description={t('admin.membership.userDescription')}
          type="email"
          autoComplete="off"
          value={email}
          onChange={setEmail}
          error={errors.email ?? serverErrors.email}
          required
        />
        <SelectField
          id="membership-organisation"
          label={t('admin.membership.organisation')}
          value={slug}
          onChange={setSlug}
          options={[
            { value: '', label: t('common.choose') },
            ...(organisations.data ?? []).map((organisation) => ({ value: organisation.slug, label: organisation.name })),
          ]}
          error={errors.organisation}
          required
        />
        <RoleCheckboxes idPrefix="membership-roles" kind={organisations.data?.find((o) => o.slug === slug)?.kind} legend={t('members.roles')} value={roles} onChange={setRoles} error={errors.roles ?? serverErrors.roles} />
        <SubmitButtons label={t('admin.membership.submit')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
