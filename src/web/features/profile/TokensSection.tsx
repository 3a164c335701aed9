import { Alert, Button, Heading2, Heading3, Paragraph, TableCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../shared/CopyField';
import { DataTable } from '../../shared/DataTable';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextField } from '../../shared/TextField';
import { formatDate, formatDateTime } from '../../shared/format';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { createToken, fetchTokens, revokeToken, tokensKey } from './api';
import type { CreatedToken } from './api';

const MAX_TOKEN_DAYS = 366;

export function TokensSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: ({ signal }) => fetchTokens(signal) });
  const revoke = useMutation({
    mutationFn: revokeToken,
    onSettled: () => queryClient.invalidateQueries({ queryKey: tokensKey }),
  });

  return (
    <section aria-labelledby="profile-tokens-heading" className="wb-section">
      <Heading2 id="profile-tokens-heading">{t('profile.tokens.title')}</Heading2>
      <Paragraph>{t('profile.tokens.intro')}</Paragraph>
      {tokens.isPending ? <Loading /> : null}
      <ProblemAlert error={tokens.error ?? revoke.error} />
      {tokens.data && tokens.data.length === 0 ? <Paragraph>{t('profile.tokens.none')}</Paragraph> : null}
      {tokens.data && tokens.data.length > 0 ? (
        <DataTable label={t('profile.tokens.title')} columns={[t('fields.name'), t('profile.tokens.createdAt'), t('profile.tokens.lastUsedAt'), t('profile.tokens.expiresAt'), <span className="wb-visually-hidden">{t('common.actions')}</span>]}>
          {tokens.data.map((token) => (
            <TableRow key={token.id}>
              <TableCell>{token.name}</TableCell>
              <TableCell>{formatDateTime(token.createdAt)}</TableCell>
              <TableCell>{token.lastUsedAt ? formatDateTime(token.lastUsedAt) : t('profile.tokens.neverUsed')}</TableCell>
              <TableCell>{token.expiresAt ? formatDate(token.expiresAt) : t('profile.tokens.noExpiry')}</TableCell>
              <TableCell>
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  hint="danger"
                  busy={revoke.isPending && revoke.variables === token.id}
                  disabled={revoke.isPending && revoke.variables === token.id}
                  onClick={() => {
                    if (window.confirm(t('profile.tokens.confirmRevoke', { name: token.name }))) revoke.mutate(token.id);
                  }}
                >
                  {t('common.revoke')}
                  <span className="wb-visually-hidden"> {token.name}</span>
                </Button>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
      <CreateTokenForm />
    </section>
  );
}

function CreateTokenForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const { errors, check } = useFormErrors('token');
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const create = useMutation({
    mutationFn: createToken,
    onSuccess: async (token) => {
      setCreated(token);
      setName('');
      await queryClient.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const serverErrors = fieldErrors(create.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmedDays = days.trim();
    const daysNumber = Number(trimmedDays);
    const valid = check({
      name: requiredError(name, t),
      expiresInDays:
        trimmedDays && (!Number.isInteger(daysNumber) || daysNumber < 1 || daysNumber > MAX_TOKEN_DAYS)
          ? t('profile.tokens.daysInvalid', { max: MAX_TOKEN_DAYS })
          : null,
    });
    if (!valid) return;
    setCreated(null);
    create.mutate({ name: name.trim(), ...(trimmedDays ? { expiresInDays: daysNumber } : {}) });
  };

  return (
    <div className="wb-subsection">
      <Heading3>{t('profile.tokens.createTitle')}</Heading3>
      {created ? (
        <Alert type="warning" role="status">
          <Paragraph>{t('profile.tokens.createdNotice', { name: created.name })}</Paragraph>
          <CopyField id="token-created" label={t('profile.tokens.token')} value={created.token} />
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={create.error} />
        <TextField id="token-name" label={t('fields.name')} description={t('profile.tokens.nameDescription')} value={name} onChange={setName} error={errors.name ?? serverErrors.name} autoComplete="off" required />
        <TextField
          id="token-expiresInDays"
          label={t('profile.tokens.expiresInDays')}
          description={t('profile.tokens.expiresInDaysDescription')}
          value={days}
          onChange={setDays}
          error={errors.expiresInDays ?? serverErrors.expiresInDays}
          inputMode="numeric"
          type="number"
          min={1}
          max={MAX_TOKEN_DAYS}
        />
        <SubmitButtons label={t('profile.tokens.create')} pending={create.isPending} />
      </form>
    </div>
  );
}
