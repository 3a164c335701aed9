import { Button, Heading2, Heading3, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../shared/CheckboxField';
import { DataTable } from '../../shared/DataTable';
import { PagedResults } from '../../shared/PagedResults';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { useOrganisations } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { usePagedList } from '../../shared/usePagedList';
import { MIN_PASSWORD_LENGTH, passwordError, requiredError } from '../../shared/validation';
import { createUser, fetchUsers, usersKey } from './api';
import type { AdminUser } from './api';

export function UsersAdmin() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const users = usePagedList([...usersKey, query], (cursor, signal) => fetchUsers(query, cursor, signal));

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQuery(search.trim());
  };

  return (
    <section aria-labelledby="admin-users-heading" className="wb-section">
      <Heading2 id="admin-users-heading">{t('admin.users.title')}</Heading2>
      <form role="search" onSubmit={onSearch} className="wb-inline-form">
        <TextField id="users-search" label={t('admin.users.search')} type="search" value={search} onChange={setSearch} autoComplete="off" />
        <Button type="submit" appearance="secondary-action-button">
          {t('admin.users.searchSubmit')}
        </Button>
      </form>
      <PagedResults list={users} empty={t('admin.users.none')} loadMore={t('audit.loadMore')}>
        <UsersTable users={users.items} />
      </PagedResults>
      <CreateUserForm />
    </section>
  );
}

function UsersTable({ users }: { users: AdminUser[] }) {
  const { t } = useTranslation();
  const organisations = useOrganisations();
  const orgName = (slug: string) => organisations.data?.find((o) => o.slug === slug)?.name ?? slug;
  const roleList = (roles: string[]) => roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ');
  return (
    <DataTable label={t('admin.users.title')} columns={[t('fields.name'), t('fields.email'), t('admin.users.memberships'), t('members.mfa'), t('admin.users.installationAdmin')]}>
      {users.map((user) => (
        <TableRow key={user.id}>
          <TableHeaderCell scope="row">{user.name || user.email}</TableHeaderCell>
          <TableCell className="wb-break">{user.email}</TableCell>
          <TableCell>
            {user.memberships.length === 0 ? (
              t('common.none')
            ) : (
              <ul className="wb-plain-list">
                {user.memberships.map((membership) => (
                  <li key={membership.organisation}>
                    {orgName(membership.organisation)}: {roleList(membership.roles)}
                  </li>
                ))}
              </ul>
            )}
          </TableCell>
          <TableCell>
            <StatusBadge status={user.mfaEnabled ? 'safe' : 'warning'}>{user.mfaEnabled ? t('profile.totp.on') : t('profile.totp.off')}</StatusBadge>
          </TableCell>
          <TableCell>{user.isInstallationAdmin ? t('common.yes') : t('common.no')}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

const EMPTY = { email: '', name: '', password: '' };

function CreateUserForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(EMPTY);
  const [isInstallationAdmin, setIsInstallationAdmin] = useState(false);
  const { errors, check } = useFormErrors('new-user');
  const [created, setCreated] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: createUser,
    onSuccess: async (_result, body) => {
      setCreated(body.email);
      setValues(EMPTY);
      setIsInstallationAdmin(false);
      await queryClient.invalidateQueries({ queryKey: usersKey });
    },
  });
  const serverErrors = fieldErrors(mutation.error);
  const set = (field: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      email: requiredError(values.email, t),
      name: requiredError(values.name, t),
      password: passwordError(values.password, t),
    });
    if (!valid) return;
    setCreated(null);
    mutation.mutate({ email: values.email.trim(), name: values.name.trim(), password: values.password, isInstallationAdmin });
  };

  return (
    <div className="wb-subsection">
      <Heading3>{t('admin.users.createTitle')}</Heading3>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        {created ? <SuccessAlert>{t('admin.users.created', { email: created })}</SuccessAlert> : null}
        <TextField id="new-user-email" label={t('fields.email')} type="email" autoComplete="off" value={values.email} onChange={set('email')} error={errors.email ?? serverErrors.email} required />
        <TextField id="new-user-name" label={t('fields.name')} autoComplete="off" value={values.name} onChange={set('name')} error={errors.name ?? serverErrors.name} required />
        <TextField
          id="new-user-password"
          label={t('admin.users.initialPassword')}
          description={t('fields.passwordRules', { min: MIN_PASSWORD_LENGTH })}
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.password ?? serverErrors.password}
          required
        />
        <CheckboxField
          id="new-user-installation-admin"
          label={t('admin.users.installationAdmin')}
          description={t('admin.users.installationAdminDescription')}
          checked={isInstallationAdmin}
          onChange={setIsInstallationAdmin}
        />
        <SubmitButtons label={t('admin.users.submit')} pending={mutation.isPending} />
      </form>
    </div>
  );
}
