import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RoleCheckboxes } from '../../shared/RoleCheckboxes';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import type { OrganisationKind } from '../../../shared/roles';

/**
 * An e-mail address and roles (a new member or an invitation): the values, and `check()`, which
 * shows the errors, focuses the first, and returns the body to send when there are none. The
 * fields' ids start with `idPrefix`.
 */
export function useEmailRolesForm(idPrefix: string) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<string[]>(['medewerker']);
  const { errors, check: checkErrors } = useFormErrors(idPrefix);
  const check = (): { email: string; roles: string[] } | null =>
    checkErrors({ email: requiredError(email, t), roles: roles.length === 0 ? t('members.rolesRequired') : null }) ? { email: email.trim(), roles } : null;
  return { idPrefix, email, setEmail, roles, setRoles, errors, check };
}

/** The e-mail field and the role checkboxes of `useEmailRolesForm`, with the server's field errors. */
export function EmailRolesFields({ form, kind, error }: { form: ReturnType<typeof useEmailRolesForm>; kind: OrganisationKind; error: unknown }) {
  const { t } = useTranslation();
  const serverErrors = fieldErrors(error);
  return (
    <>
      <TextField
        id={`${form.idPrefix}-email`}
        label={t('fields.email')}
        type="email"
        autoComplete="off"
        value={form.email}
        onChange={form.setEmail}
        error={form.errors.email ?? serverErrors.email}
        required
      />
      <RoleCheckboxes
        idPrefix={`${form.idPrefix}-roles`}
        kind={kind}
        legend={t('members.roles')}
        value={form.roles}
        onChange={form.setRoles}
        error={form.errors.roles ?? serverErrors.roles}
      />
    </>
  );
}
