import { Button, ButtonGroup, Heading1, Heading2, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../shared/CheckboxField';
import { AppLink } from '../../shared/AppLink';
import { PagedResults } from '../../shared/PagedResults';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { formatDateTime } from '../../shared/format';
import { usePageTitle } from '../../shared/usePageTitle';
import { usePagedList } from '../../shared/usePagedList';
import { fetchInbox, inboxKey, inboxListKey, markAllRead, markRead } from './api';
import type { Notice } from './api';
import '../compliance/evidence/evidence.css';

/** /inbox — the signed-in user's notices from all their organisations: read them, mark them read. */
export function InboxPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const title = t('inbox.title');
  usePageTitle(title);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [notice, setNotice] = useState('');
  const inbox = usePagedList(inboxListKey(unreadOnly), (cursor, signal) => fetchInbox(unreadOnly, cursor, undefined, signal));
  const items = inbox.items;
  const unread = inbox.query.data?.pages[0]?.unread ?? 0;
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboxKey });
  const readAll = useMutation({
    mutationFn: markAllRead,
    onSuccess: async () => {
      setNotice(t('inbox.allMarked'));
      await refresh();
    },
  });

  return (
    <>
      <Heading1>{title}</Heading1>
      <Paragraph>{t('inbox.intro')}</Paragraph>
      <section aria-labelledby="inbox-heading" className="wb-section">
        <Heading2 id="inbox-heading">{t('inbox.listTitle')}</Heading2>
        {inbox.query.data && (unread > 0 || items.length > 0) ? <Paragraph>{t('inbox.unreadSummary', { count: unread })}</Paragraph> : null}
        <CheckboxField id="inbox-unread" label={t('inbox.unreadOnly')} checked={unreadOnly} onChange={setUnreadOnly} />
        {unread > 0 ? (
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" busy={readAll.isPending} disabled={readAll.isPending} onClick={() => readAll.mutate()}>
              {t('inbox.markAllRead')}
            </Button>
          </ButtonGroup>
        ) : null}
        <ProblemAlert error={readAll.error} />
        <p role="status" className="wb-visually-hidden">
          {notice}
        </p>
        <PagedResults list={inbox} empty={unreadOnly ? t('inbox.noneUnread') : t('inbox.none')} loadMore={t('inbox.loadMore')}>
          <ul className="wb-inbox__list" aria-label={t('inbox.listLabel', { count: items.length })}>
            {items.map((item) => (
              <NoticeItem key={item.id} notice={item} onRead={(text) => setNotice(text)} refresh={refresh} />
            ))}
          </ul>
        </PagedResults>
      </section>
    </>
  );
}

function NoticeItem({ notice, onRead, refresh }: { notice: Notice; onRead: (text: string) => void; refresh: () => Promise<void> }) {
  const { t } = useTranslation();
  const read = useMutation({
    mutationFn: () => markRead(notice.id),
    onSuccess: async () => {
      onRead(t('inbox.marked', { title: notice.title }));
      await refresh();
    },
  });
  const unread = !notice.readAt;
  const headingId = `notice-${notice.id}`;
  return (
    <li className={`wb-inbox__item${unread ? ' wb-inbox__item--unread' : ''}`}>
      <Paragraph className="wb-inbox__meta">
        <StatusBadge status={unread ? 'active' : 'inactive'}>{unread ? t('inbox.unread') : t('inbox.read')}</StatusBadge>{' '}
        {notice.organisation.name} · <time dateTime={notice.createdAt}>{formatDateTime(notice.createdAt)}</time>
      </Paragraph>
      <Paragraph id={headingId}>
        <strong>{notice.title}</strong>
      </Paragraph>
      {notice.body ? <Paragraph>{notice.body}</Paragraph> : null}
      {notice.link ? (
        <Paragraph>
          {notice.link.startsWith('/') && !notice.link.startsWith('//') ? (
            <AppLink to={notice.link} onClick={() => (unread ? read.mutate() : undefined)}>
              {t('inbox.open')}
              <span className="wb-visually-hidden"> {notice.title}</span>
            </AppLink>
          ) : (
            <a className="utrecht-link utrecht-link--html-a" href={notice.link} rel="noopener noreferrer">
              {t('inbox.open')}
              <span className="wb-visually-hidden"> {notice.title}</span>
            </a>
          )}
        </Paragraph>
      ) : null}
      <ProblemAlert error={read.error} />
      {unread ? (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" busy={read.isPending} disabled={read.isPending} onClick={() => read.mutate()}>
            {t('inbox.markRead')}
            <span className="wb-visually-hidden"> {notice.title}</span>
          </Button>
        </ButtonGroup>
      ) : null}
    </li>
  );
}
