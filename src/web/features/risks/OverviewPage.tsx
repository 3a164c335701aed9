import { Button, Heading2, Heading3, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { useCurrentOrganisation } from '../../shared/organisation';
import { oneOf, searchParamsOf } from '../../shared/searchParams';
import { RISK_DOMAINS, RISK_LEVELS } from '../../../shared/risk-matrix';
import type { RiskDomain, RiskLevel } from '../../../shared/risk-matrix';
import { fetchOverview, fetchTrend, overviewKey, trendKey } from './api';
import type { Overview, TrendMonth } from './api';
import { HeatMap } from './HeatMap';
import { registerPath, riskPath, useRiskLabels } from './labels';
import { LevelBadge, RisksPage, ScoreBadge } from './parts';

const TrendChart = lazy(() => import('./TrendChart'));

/** /o/:org/risicos/overzicht[?domain=…] — heat maps inherent and residual, top risks per domain, the trend and what needs attention. */
export function OverviewPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <RisksPage title={t('risks.overview.title')} intro={t('risks.overview.intro')}>
      <OverviewContent key={organisation.slug} slug={organisation.slug} />
    </RisksPage>
  );
}

function OverviewContent({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const [params, setParams] = useSearchParams();
  const domain = oneOf(RISK_DOMAINS, params.get('domain'));
  const [choice, setChoice] = useState<RiskDomain | ''>(domain);
  const overview = useQuery({ queryKey: overviewKey(slug, domain), queryFn: ({ signal }) => fetchOverview(slug, domain, signal) });

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchParamsOf({ domain: choice }), { replace: true });
  };

  return (
    <>
      <form role="search" aria-label={t('risks.overview.filterLabel')} onSubmit={onFilter} className="wb-inline-form">
        <SelectField
          id="overview-domain"
          label={t('risks.fields.domain')}
          value={choice}
          options={[{ value: '', label: t('risks.register.allDomains') }, ...RISK_DOMAINS.map((value) => ({ value, label: labels.domain(value) }))]}
          onChange={(value) => setChoice(value as RiskDomain | '')}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('risks.overview.apply')}
        </Button>
      </form>
      {overview.isPending ? <Loading /> : null}
      <ProblemAlert error={overview.error} />
      {overview.data ? (
        <>
          <Attention slug={slug} overview={overview.data} />
          <HeatMaps slug={slug} overview={overview.data} domain={domain} />
          <ByDomain slug={slug} overview={overview.data} />
          <TopRisks slug={slug} overview={overview.data} />
        </>
      ) : null}
      <Trend slug={slug} />
    </>
  );
}

function Attention({ slug, overview }: { slug: string; overview: Overview }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="overview-attention-heading" className="wb-section">
      <Heading2 id="overview-attention-heading">{t('risks.overview.attention')}</Heading2>
      <ul className="wb-risk-stats">
        <li className="wb-risk-stat">
          <span className="wb-risk-stat__number">{overview.reviewDue}</span>{' '}
          <AppLink to={registerPath(slug, { reviewDue: 'true' })}>{t('risks.overview.reviewDue', { count: overview.reviewDue })}</AppLink>
        </li>
        <li className="wb-risk-stat">
          <span className="wb-risk-stat__number">{overview.acceptancesExpiring}</span>{' '}
          <AppLink to={registerPath(slug, { treatment: 'accept' })}>{t('risks.overview.acceptancesExpiring', { count: overview.acceptancesExpiring })}</AppLink>
        </li>
      </ul>
    </section>
  );
}

function HeatMaps({ slug, overview, domain }: { slug: string; overview: Overview; domain: RiskDomain | '' }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const scope = domain ? t('risks.overview.scopeDomain', { domain: labels.domain(domain) }) : t('risks.overview.scopeAll');
  const linkFor = (level: RiskLevel) => registerPath(slug, domain ? { domain, level } : { level });
  return (
    <section aria-labelledby="overview-heatmaps-heading" className="wb-section">
      <Heading2 id="overview-heatmaps-heading">{t('risks.overview.heatmaps')}</Heading2>
      <Paragraph>{t('risks.overview.heatmapsIntro')}</Paragraph>
      <div className="wb-heatmaps">
        <div className="wb-heatmaps__item">
          <Heading3 id="heatmap-inherent-heading">{t('risks.overview.inherent')}</Heading3>
          <HeatMap id="heatmap-inherent" caption={t('risks.overview.inherentCaption', { scope })} matrix={overview.matrix} counts={overview.inherent} />
        </div>
        <div className="wb-heatmaps__item">
          <Heading3 id="heatmap-residual-heading">{t('risks.overview.residual')}</Heading3>
          <HeatMap id="heatmap-residual" caption={t('risks.overview.residualCaption', { scope })} matrix={overview.matrix} counts={overview.residual} linkFor={linkFor} />
        </div>
      </div>
    </section>
  );
}

function ByDomain({ slug, overview }: { slug: string; overview: Overview }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  if (overview.byDomain.length === 0) return null;
  return (
    <section aria-labelledby="overview-domains-heading" className="wb-section">
      <Heading2 id="overview-domains-heading">{t('risks.overview.byDomain')}</Heading2>
      <DataTable
        label={t('risks.overview.byDomain')}
        caption={t('risks.overview.byDomainCaption')}
        columns={[t('risks.fields.domain'), { label: t('risks.overview.total'), className: 'wb-numeric' }, ...RISK_LEVELS.map((level) => ({ label: labels.level(level), className: 'wb-numeric' }))]}
      >
        {overview.byDomain.map((row) => (
          <TableRow key={row.domain}>
            <TableHeaderCell scope="row">
              <AppLink to={registerPath(slug, { domain: row.domain })}>{labels.domain(row.domain)}</AppLink>
            </TableHeaderCell>
            <TableCell className="wb-numeric">{row.total}</TableCell>
            {RISK_LEVELS.map((level) => (
              <TableCell key={level} className="wb-numeric">
                {row.residual[level] > 0 ? (
                  <AppLink to={registerPath(slug, { domain: row.domain, level })}>
                    {row.residual[level]}
                    <span className="wb-visually-hidden"> {t('risks.overview.domainLevelHint', { domain: labels.domain(row.domain), level: labels.level(level) })}</span>
                  </AppLink>
                ) : (
                  0
                )}
              </TableCell>
            ))}
          </TableRow>
        ))}
      </DataTable>
    </section>
  );
}

function TopRisks({ slug, overview }: { slug: string; overview: Overview }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const groups = overview.top.filter((group) => group.risks.length > 0);
  return (
    <section aria-labelledby="overview-top-heading" className="wb-section">
      <Heading2 id="overview-top-heading">{t('risks.overview.top')}</Heading2>
      {groups.length === 0 ? (
        <Paragraph>{t('risks.overview.noRisks')}</Paragraph>
      ) : (
        <ul className="wb-cards">
          {groups.map((group) => (
            <li key={group.domain} className="wb-card">
              <Heading3>{labels.domain(group.domain)}</Heading3>
              <ol className="wb-plain-list wb-risk-top">
                {group.risks.map((risk) => (
                  <li key={risk.id} className="wb-risk-top__item">
                    <span>
                      <span className="wb-nowrap">{risk.ref}</span> <AppLink to={riskPath(slug, risk.id)}>{risk.title}</AppLink>
                    </span>
                    <span className="wb-risk-top__score">
                      <span className="wb-visually-hidden">{t('risks.overview.residualScore')}: </span>
                      <ScoreBadge score={risk.residual} />
                    </span>
                  </li>
                ))}
              </ol>
              <Paragraph>
                <AppLink to={registerPath(slug, { domain: group.domain })}>{t('risks.overview.allOfDomain', { domain: labels.domain(group.domain) })}</AppLink>
              </Paragraph>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function monthLabel(month: string, language: string): string {
  const [y, m] = month.split('-').map(Number);
  if (!y || !m) return month;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { month: 'short', year: 'numeric' }).format(new Date(y, m - 1, 1));
}

function Trend({ slug }: { slug: string }) {
  const { t, i18n } = useTranslation();
  const labels = useRiskLabels();
  const trend = useQuery({ queryKey: trendKey(slug), queryFn: ({ signal }) => fetchTrend(slug, 12, signal) });
  const months: TrendMonth[] = trend.data ?? [];
  const rows = months.map((month) => ({ label: monthLabel(month.month, i18n.language), ...month.residual }));
  return (
    <section aria-labelledby="overview-trend-heading" className="wb-section">
      <Heading2 id="overview-trend-heading">{t('risks.overview.trend')}</Heading2>
      <Paragraph>{t('risks.overview.trendIntro')}</Paragraph>
      {trend.isPending ? <Loading /> : null}
      <ProblemAlert error={trend.error} />
      {months.length > 0 ? (
        <>
          <figure className="wb-risk-chart" aria-labelledby="overview-trend-chart-caption">
            <div role="img" aria-label={t('risks.overview.trendChartLabel')} className="wb-risk-chart__plot">
              <Suspense fallback={<Loading />}>
                <TrendChart rows={rows} levelLabel={labels.level} />
              </Suspense>
            </div>
            <figcaption id="overview-trend-chart-caption" className="wb-muted">
              {t('risks.overview.trendChartCaption')}
            </figcaption>
          </figure>
          <DataTable
            label={t('risks.overview.trendTable')}
            caption={t('risks.overview.trendTable')}
            className="wb-risk-trend-table"
            columns={[
              t('risks.overview.month'),
              { label: t('risks.overview.open'), className: 'wb-numeric' },
              ...RISK_LEVELS.map((level) => ({ label: <LevelBadge level={level} />, className: 'wb-numeric' })),
            ]}
          >
            {months.map((month, index) => (
              <TableRow key={month.month}>
                <TableHeaderCell scope="row">{rows[index].label}</TableHeaderCell>
                <TableCell className="wb-numeric">{month.open}</TableCell>
                {RISK_LEVELS.map((level) => (
                  <TableCell key={level} className="wb-numeric">
                    {month.residual[level]}
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}
