import { Button, Heading2, Paragraph, StatusBadge, TableCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDateTime } from '../../shared/format';
import { fetchSessions, revokeSession, sessionsKey } from './api';
import type { SessionInfo } from './api';
import { DataTable } from '../../shared/DataTable';

export function SessionsSection() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: ({ signal }) => fetchSessions(signal) });
  const revoke = useMutation({
    mutationFn: revokeSession,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });

  return (
    <section aria-labelledby="profile-sessions-heading" className="wb-section">
      <Heading2 id="profile-sessions-heading">{t('profile.sessions.title')}</Heading2>
      <Paragraph>{t('profile.sessions.intro')}</Paragraph>
      {sessions.isPending ? <Loading /> : null}
      <ProblemAlert error={sessions.error ?? revoke.error} />
      {sessions.data ? (
        <DataTable label={t('profile.sessions.title')} columns={[t('profile.sessions.device'), t('profile.sessions.ip'), t('profile.sessions.createdAt'), t('profile.sessions.lastSeenAt'), t('profile.sessions.expiresAt'), <span className="wb-visually-hidden">{t('common.actions')}</span>]}>
          {sessions.data.map((session) => (
            <SessionRow key={session.id} session={session} busy={revoke.isPending && revoke.variables === session.id} onRevoke={() => revoke.mutate(session.id)} />
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function SessionRow({ session, busy, onRevoke }: { session: SessionInfo; busy: boolean; onRevoke: () => void }) {
  const { t } = useTranslation();
  const started = formatDateTime(session.createdAt);
  return (
    <TableRow>
      <TableCell>{session.userAgent || t('common.unknown')}</TableCell>
      <TableCell>{session.ip || t('common.unknown')}</TableCell>
      <TableCell>{started}</TableCell>
      <TableCell>{formatDateTime(session.lastSeenAt)}</TableCell>
      <TableCell>{formatDateTime(session.expiresAt)}</TableCell>
      <TableCell>
        {session.current ? (
          <StatusBadge status="active">{t('profile.sessions.current')}</StatusBadge>
        ) : (
          <Button type="button" appearance="secondary-action-button" hint="danger" busy={busy} disabled={busy} onClick={onRevoke}>
            {t('profile.sessions.revoke')}
            <span className="wb-visually-hidden"> {t('profile.sessions.revokeWhich', { date: started })}</span>
          </Button>
        )}
      </TableCell>
    </TableRow>
  );
}
