import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { RoleCheckboxes } from '../../shared/RoleCheckboxes';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { collectErrors, focusFirstError, requiredError } from '../../shared/validation';
import { addMember, membersKey } from './api';
import type { OrganisationKind } from '../../../shared/roles';

/** Adds a user who already has an account to this organisation. */
export function AddMemberForm({ slug, kind }: { slug: string; kind: OrganisationKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>(['medewerker']);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [added, setAdded] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { email: string; roles: string[] }) => addMember(slug, body),
    onSuccess: async (_result, body) => {
      setAdded(body.email);
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: membersKey(slug) });
    },
  });
  const serverErrors = fieldErrors(mutation.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = collectErrors({
      email: requiredError(email, t),
      roles: roles.length === 0 ? t('members.rolesRequired') : null,
    });
    setErrors(invalid ?? {});
    if (invalid) {
      focusFirstError('add-member', invalid);
      return;
    }
    setAdded(null);
    mutation.mutate({ email: email.trim(), roles });
  };

  return (
    <section aria-labelledby="add-member-heading" className="wb-section">
      <Heading2 id="add-member-heading">{t('members.add.title')}</Heading2>
      <Paragraph>{t('members.add.intro')}</Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        {added ? <SuccessAlert>{t('members.add.done', { email: added })}</SuccessAlert> : null}
        <TextField id="add-member-email" label={t('fields.email')} type="email" autoComplete="off" value={email} onChange={setEmail} error={errors.email ?? serverErrors.email} required />
        <RoleCheckboxes idPrefix="add-member-roles" kind={kind} legend={t('members.roles')} value={roles} onChange={setRoles} error={errors.roles ?? serverErrors.roles} />
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
            {t('members.add.submit')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
