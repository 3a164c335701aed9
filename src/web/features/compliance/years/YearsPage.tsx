import {
  Paragraph,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Heading2,
} from '@utrecht/component-library-react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from '../../../shared/AppLink';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TableScroll } from '../../../shared/TableScroll';
import { formatDateTime } from '../../../shared/format';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { usePageTitle } from '../../../shared/usePageTitle';
import { Breadcrumbs } from '../Breadcrumbs';
import { compliancePath } from '../labels';
import { useFrameworkNames } from '../queries';
import { fetchYear, yearDetailKey } from './api';
import type { YearDetail, YearSummary } from './api';
import { newYearPath, PHASE_BADGE, useYearLabels, yearPath, yearRights } from './access';
import { assessedOf, percentOf, ResultBar } from './Progress';
import { useYears } from './queries';
import './years.css';

/** Router state a page leaves for the list. */
export interface YearsNotice {
  created?: number;
}

/** /o/:org/compliance/years — the verantwoordingsjaren with phase, signature and progress per framework. */
export function YearsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const rights = yearRights(organisation);
  const title = t('years.title');
  usePageTitle(title, organisation.name);
  if (!rights.read) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={[{ to: compliancePath(organisation.slug), label: t('capabilities.compliance.title') }]} />
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('years.intro')}</Paragraph>
      {rights.manage ? (
        <Paragraph>
          <AppLink to={newYearPath(organisation.slug)}>{t('years.new.link')}</AppLink>
        </Paragraph>
      ) : null}
      <YearList key={organisation.slug} slug={organisation.slug} />
    </>
  );
}

function YearList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const location = useLocation();
  const years = useYears(slug);
  const items = [...(years.data ?? [])].sort((a, b) => b.year - a.year);
  const details = useQueries({
    queries: items.map((item) => ({ queryKey: yearDetailKey(slug, item.year), queryFn: ({ signal }: { signal: AbortSignal }) => fetchYear(slug, item.year, signal) })),
  });
  const notice = (location.state as YearsNotice | null)?.created;
  return (
    <section aria-labelledby="years-heading" className="wb-section">
      <Heading2 id="years-heading">{t('years.listTitle')}</Heading2>
      {notice ? <SuccessAlert>{t('years.new.created', { year: notice })}</SuccessAlert> : null}
      {years.isPending ? <Loading /> : null}
      <ProblemAlert error={years.error} />
      {years.data && items.length === 0 ? <Paragraph>{t('years.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <TableScroll label={t('years.listTitle')}>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHeaderCell scope="col">{t('years.fields.year')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('years.fields.phase')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('years.fields.signed')}</TableHeaderCell>
                <TableHeaderCell scope="col">{t('years.fields.progress')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((item, index) => (
                <YearRow key={item.year} slug={slug} year={item} detail={details[index]?.data} error={details[index]?.error} />
              ))}
            </TableBody>
          </Table>
        </TableScroll>
      ) : null}
    </section>
  );
}

function YearRow({ slug, year, detail, error }: { slug: string; year: YearSummary; detail: YearDetail | undefined; error: unknown }) {
  const { t } = useTranslation();
  const labels = useYearLabels();
  const frameworkName = useFrameworkNames();
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        <AppLink to={yearPath(slug, year.year)}>{t('years.yearName', { year: year.year })}</AppLink>
      </TableHeaderCell>
      <TableCell>
        <StatusBadge status={PHASE_BADGE[year.phase]}>{labels.phase(year.phase)}</StatusBadge>
      </TableCell>
      <TableCell>
        {year.signed ? (
          <>
            {t('years.signedShort', { by: year.signed.by })}
            <br />
            <time dateTime={year.signed.at}>{formatDateTime(year.signed.at)}</time>
          </>
        ) : (
          t('years.notSigned')
        )}
      </TableCell>
      <TableCell>
        {detail ? (
          <ul className="wb-year-progress">
            {detail.progress.map((framework) => {
              const assessed = assessedOf(framework);
              return (
                <li key={framework.framework} className="wb-year-progress__item">
                  <span className="wb-year-progress__name">{frameworkName(framework.framework)}</span>
                  <ResultBar counts={framework} className="wb-year-progress__bar" />
                  <span className="wb-year-progress__text">
                    {t('years.progress.short', {
                      assessed,
                      count: framework.applicable,
                      voldoet: framework.voldoet,
                      percent: percentOf(framework.voldoet, framework.applicable),
                    })}
                  </span>
                </li>
              );
            })}
          </ul>
        ) : error ? (
          <ProblemAlert error={error} />
        ) : (
          <span className="wb-muted">{year.frameworks.map(frameworkName).join(', ')}</span>
        )}
      </TableCell>
    </TableRow>
  );
}
