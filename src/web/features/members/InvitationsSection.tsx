import { Alert, Button, Heading2, Heading3, Paragraph, StatusBadge, TableCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyField } from '../../shared/CopyField';
import { DataTable } from '../../shared/DataTable';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { formatDateTime } from '../../shared/format';
import { createInvitation, fetchInvitations, invitationsKey, revokeInvitation } from './api';
import type { CreatedInvitation, Invitation } from './api';
import { EmailRolesFields, useEmailRolesForm } from './EmailRolesFields';
import { useRoleLabels } from './useRoleLabels';
import type { OrganisationKind } from '../../../shared/roles';

function invitationStatus(invitation: Invitation): 'accepted' | 'expired' | 'open' {
  if (invitation.acceptedAt) return 'accepted';
  return new Date(invitation.expiresAt).getTime() < Date.now() ? 'expired' : 'open';
}

const STATUS_BADGE = { accepted: 'safe', expired: 'inactive', open: 'neutral' } as const;

export function InvitationsSection({ slug, kind }: { slug: string; kind: OrganisationKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const roleLabels = useRoleLabels();
  const invitations = useQuery({ queryKey: invitationsKey(slug), queryFn: ({ signal }) => fetchInvitations(slug, signal) });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeInvitation(slug, id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: invitationsKey(slug) }),
  });

  return (
    <section aria-labelledby="invitations-heading" className="wb-section">
      <Heading2 id="invitations-heading">{t('invitations.title')}</Heading2>
      <Paragraph>{t('invitations.intro')}</Paragraph>
      <InvitationForm slug={slug} kind={kind} />
      <Heading3>{t('invitations.listTitle')}</Heading3>
      {invitations.isPending ? <Loading /> : null}
      <ProblemAlert error={invitations.error ?? revoke.error} />
      {invitations.data && invitations.data.length === 0 ? <Paragraph>{t('invitations.none')}</Paragraph> : null}
      {invitations.data && invitations.data.length > 0 ? (
        <DataTable label={t('invitations.listTitle')} columns={[t('fields.email'), t('members.roles'), t('invitations.createdAt'), t('invitations.expiresAt'), t('invitations.status'), <span className="wb-visually-hidden">{t('common.actions')}</span>]}>
          {invitations.data.map((invitation) => {
            const status = invitationStatus(invitation);
            return (
              <TableRow key={invitation.id}>
                <TableCell className="wb-break">{invitation.email}</TableCell>
                <TableCell>{roleLabels(invitation.roles)}</TableCell>
                <TableCell>{formatDateTime(invitation.createdAt)}</TableCell>
                <TableCell>{formatDateTime(invitation.expiresAt)}</TableCell>
                <TableCell>
                  <StatusBadge status={STATUS_BADGE[status]}>{t(`invitations.statuses.${status}`)}</StatusBadge>
                </TableCell>
                <TableCell>
                  {status === 'accepted' ? null : (
                    <Button
                      type="button"
                      appearance="secondary-action-button"
                      hint="danger"
                      busy={revoke.isPending && revoke.variables === invitation.id}
                      disabled={revoke.isPending && revoke.variables === invitation.id}
                      onClick={() => revoke.mutate(invitation.id)}
                    >
                      {t('common.revoke')}
                      <span className="wb-visually-hidden"> {t('invitations.revokeFor', { email: invitation.email })}</span>
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </DataTable>
      ) : null}
    </section>
  );
}

function InvitationForm({ slug, kind }: { slug: string; kind: OrganisationKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useEmailRolesForm('invite');
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { email: string; roles: string[] }) => createInvitation(slug, body),
    onSuccess: async (invitation) => {
      setCreated(invitation);
      form.setEmail('');
      await queryClient.invalidateQueries({ queryKey: invitationsKey(slug) });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check();
    if (!body) return;
    setCreated(null);
    mutation.mutate(body);
  };

  return (
    <div className="wb-subsection">
      <Heading3>{t('invitations.createTitle')}</Heading3>
      {created ? (
        <Alert type="ok" role="status">
          <Paragraph>{t('invitations.created', { email: created.email, expiresAt: formatDateTime(created.expiresAt) })}</Paragraph>
          <CopyField id="invitation-url" label={t('invitations.acceptUrl')} description={t('invitations.acceptUrlDescription')} value={created.acceptUrl} />
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        <EmailRolesFields form={form} kind={kind} error={mutation.error} />
        <SubmitButtons label={t('invitations.submit')} pending={mutation.isPending} />
      </form>
    </div>
  );
}
