import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shared/Loading';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { auditKey, fetchAuditEvents } from './api';
import { AuditTable } from './AuditTable';
import { VerifyChain } from './VerifyChain';

/** /o/:org/audit — the tamper-evident audit log; requires audit.read. */
export function AuditPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const title = t('audit.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, PERMISSIONS.readAudit)) return <NoAccess title={title} />;
  return (
    <>
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('audit.intro')}</Paragraph>
      <VerifyChain key={`verify-${organisation.slug}`} slug={organisation.slug} />
      <AuditEvents key={organisation.slug} slug={organisation.slug} />
    </>
  );
}

function AuditEvents({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const events = useInfiniteQuery({
    queryKey: auditKey(slug),
    queryFn: ({ pageParam, signal }) => fetchAuditEvents(slug, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby="events-heading" className="wb-section">
      <Heading2 id="events-heading">{t('audit.events')}</Heading2>
      {events.isPending ? <Loading /> : null}
      <ProblemAlert error={events.error} />
      {events.data && items.length === 0 ? <Paragraph>{t('audit.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <>
          <Paragraph role="status">{t('audit.shown', { count: items.length })}</Paragraph>
          <AuditTable events={items} />
        </>
      ) : null}
      {events.hasNextPage ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={events.isFetchingNextPage}
            disabled={events.isFetchingNextPage}
            onClick={() => void events.fetchNextPage()}
          >
            {t('audit.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
      {events.data && !events.hasNextPage && items.length > 0 ? <Paragraph>{t('audit.allLoaded')}</Paragraph> : null}
    </section>
  );
}
