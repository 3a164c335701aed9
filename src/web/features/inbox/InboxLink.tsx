import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppNavLink } from '../../shared/AppLink';
import { StateIcon } from '../compliance/evidence/shared';
import { fetchInbox, inboxCountKey } from './api';

const POLL_MS = 60_000;

/** "Meldingen (2 ongelezen)" in the header: the bell links to /inbox; the count is text, polled every minute. */
export function InboxLink() {
  const { t } = useTranslation();
  const count = useQuery({
    queryKey: inboxCountKey,
    queryFn: ({ signal }) => fetchInbox(true, null, 1, signal).then((page) => page.unread),
    refetchInterval: POLL_MS,
    retry: 1,
  });
  const unread = count.data ?? 0;
  return (
    <AppNavLink to="/inbox" className="wb-inbox-link">
      <StateIcon name="bell" />
      <span>
        {t('inbox.link')}
        {unread > 0 ? ` (${t('inbox.unreadCount', { count: unread })})` : ''}
      </span>
    </AppNavLink>
  );
}
