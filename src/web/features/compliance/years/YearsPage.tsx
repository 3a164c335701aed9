import { Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow, Heading2 } from '@utrecht/component-library-react';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { AppLink } from '../../../shared/AppLink';
import { DataTable } from '../../../shared/DataTable';
import { Loading } from '../../../shared/Loading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { formatDateTime } from '../../../shared/format';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { ComplianceSubpage } from '../ComplianceSubpage';
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
  return (
    <ComplianceSubpage title={t('years.title')} intro={t('years.intro')} allowed={rights.read}>
      {rights.manage ? (
        <Paragraph>
          <AppLink to={newYearPath(organisation.slug)}>{t('years.new.link')}</AppLink>
        </Paragraph>
      ) : null}
      <YearList key={organisation.slug} slug={organisation.slug} />
    </ComplianceSubpage>
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
        <DataTable label={t('years.listTitle')} columns={[t('years.fields.year'), t('years.fields.phase'), t('years.fields.signed'), t('years.fields.progress')]}>
          {items.map((item, index) => (
            <YearRow key={item.year} slug={slug} year={item} detail={details[index]?.data} error={details[index]?.error} />
          ))}
        </DataTable>
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
