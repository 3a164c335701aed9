import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { PagedResults } from '../../shared/PagedResults';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { usePagedList } from '../../shared/usePagedList';
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
  const events = usePagedList(auditKey(slug), (cursor, signal) => fetchAuditEvents(slug, cursor, signal), { keepPrevious: false });
  const items = events.items;

  return (
    <section aria-labelledby="events-heading" className="wb-section">
      <Heading2 id="events-heading">{t('audit.events')}</Heading2>
      <PagedResults list={events} empty={t('audit.none')} shown={t('audit.shown', { count: items.length })} loadMore={t('audit.loadMore')}>
        <AuditTable events={items} />
      </PagedResults>
      {events.query.data && !events.query.hasNextPage && items.length > 0 ? <Paragraph>{t('audit.allLoaded')}</Paragraph> : null}
    </section>
  );
}
