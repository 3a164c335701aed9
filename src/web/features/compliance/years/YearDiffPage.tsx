import { Button, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { DataTable } from '../../../shared/DataTable';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { usePageTitle } from '../../../shared/usePageTitle';
import { useComplianceLabels } from '../labels';
import { useFrameworkNames } from '../queries';
import { diffKey, fetchDiff } from './api';
import type { DiffChange, YearDiff, YearSummary } from './api';
import { parseYear, yearRights } from './access';
import { useYears } from './queries';
import { InvalidYearAlert, YearBreadcrumbs } from './YearPageParts';
import './years.css';

type DiffItem = YearDiff['items'][number];

/** /o/:org/compliance/years/:year/diff?against=… — what improved, what slipped and what changed otherwise. */
export function YearDiffPage() {
  const { year: param } = useParams();
  const organisation = useCurrentOrganisation();
  return <DiffView key={`${organisation.slug}|${param}`} year={parseYear(param)} />;
}

/** The year to compare with when the URL names none: the latest before this one, else any other. */
function defaultAgainst(years: YearSummary[], year: number): number | null {
  const others = years.filter((candidate) => candidate.year !== year);
  const earlier = others.filter((candidate) => candidate.year < year).sort((a, b) => b.year - a.year);
  return earlier[0]?.year ?? others[0]?.year ?? null;
}

function DiffView({ year }: { year: number | null }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const rights = yearRights(organisation);
  const [params, setParams] = useSearchParams();
  const years = useYears(slug, rights.read);
  const fromUrl = parseYear(params.get('against'));
  const against = fromUrl ?? (year !== null && years.data ? defaultAgainst(years.data, year) : null);
  const diff = useQuery({
    queryKey: diffKey(slug, year ?? 0, against ?? 0),
    queryFn: ({ signal }) => fetchDiff(slug, year ?? 0, against ?? 0, signal),
    enabled: rights.read && year !== null && against !== null,
  });
  const title = t('years.diff.title', { year: year ?? '' });
  usePageTitle(title, against ? t('years.diff.against', { year: against }) : null, organisation.name);
  if (!rights.read) return <NoAccess title={title} />;
  const others = (years.data ?? []).filter((candidate) => candidate.year !== year).sort((a, b) => b.year - a.year);

  return (
    <>
      <YearBreadcrumbs slug={slug} year={year} />
      <PageHeading title={title} context={organisation.name} />
      <InvalidYearAlert year={year} />
      <Paragraph>{t('years.diff.intro')}</Paragraph>
      {years.isPending ? <Loading /> : null}
      <ProblemAlert error={years.error} />
      {years.data && others.length === 0 ? <Paragraph>{t('years.diff.noOther')}</Paragraph> : null}
      {others.length > 0 && year !== null ? (
        <AgainstForm
          key={String(against)}
          value={against}
          others={others}
          onChange={(value) => {
            const next = new URLSearchParams(params);
            next.set('against', String(value));
            setParams(next);
          }}
        />
      ) : null}
      {diff.isPending && against !== null ? <Loading /> : null}
      <ProblemAlert error={diff.error} />
      {diff.data ? <DiffResult diff={diff.data} /> : null}
    </>
  );
}

function AgainstForm({ value, others, onChange }: { value: number | null; others: YearSummary[]; onChange: (year: number) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ? String(value) : String(others[0].year));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(Number(draft));
  };
  return (
    <form onSubmit={submit} className="wb-inline-form" aria-label={t('years.diff.formLabel')}>
      <SelectField
        id="diff-against"
        label={t('years.diff.compareWith')}
        value={draft}
        onChange={setDraft}
        options={others.map((other) => ({ value: String(other.year), label: t('years.yearName', { year: other.year }) }))}
      />
      <Button type="submit" appearance="secondary-action-button">
        {t('years.diff.submit')}
      </Button>
    </form>
  );
}

const OTHER_CHANGES: DiffChange[] = ['open', 'added', 'removed'];

function DiffResult({ diff }: { diff: YearDiff }) {
  const { t } = useTranslation();
  const improved = diff.items.filter((item) => item.change === 'improved');
  const slipped = diff.items.filter((item) => item.change === 'slipped');
  const other = diff.items.filter((item) => OTHER_CHANGES.includes(item.change));
  return (
    <>
      <Paragraph role="status">
        {t('years.diff.summary', {
          from: diff.from,
          improved: diff.summary.improved,
          slipped: diff.summary.slipped,
          other: diff.summary.open + diff.summary.added + diff.summary.removed,
          unchanged: diff.summary.unchanged,
        })}
      </Paragraph>
      <DiffGroup id="improved" title={t('years.diff.improved', { count: improved.length })} empty={t('years.diff.noneImproved')} items={improved} diff={diff} />
      <DiffGroup id="slipped" title={t('years.diff.slipped', { count: slipped.length })} empty={t('years.diff.noneSlipped')} items={slipped} diff={diff} />
      <DiffGroup id="other" title={t('years.diff.other', { count: other.length })} empty={t('years.diff.noneOther')} items={other} diff={diff} showKind />
    </>
  );
}

function DiffGroup({ id, title, empty, items, diff, showKind }: { id: string; title: string; empty: string; items: DiffItem[]; diff: YearDiff; showKind?: boolean }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  const value = (item: DiffItem, side: 'before' | 'after') => {
    const result = item[side];
    if (result) return labels.result(result);
    if (side === 'before' && item.change === 'added') return t('years.diff.absent', { year: diff.from });
    if (side === 'after' && item.change === 'removed') return t('years.diff.absent', { year: diff.to });
    return t('years.notApplicable');
  };
  return (
    <section aria-labelledby={`diff-${id}-heading`} className="wb-section">
      <Heading2 id={`diff-${id}-heading`}>{title}</Heading2>
      {items.length === 0 ? (
        <Paragraph>{empty}</Paragraph>
      ) : (
        <DataTable
          label={title}
          className="wb-diff"
          labelledBy={`diff-${id}-heading`}
          columns={[
            t('years.fields.ref'),
            t('years.fields.requirement'),
            showKind && t('years.diff.kind'),
            t('years.diff.change', { from: diff.from, to: diff.to }),
          ]}
        >
          {items.map((item) => (
            <TableRow key={`${item.framework}|${item.ref}`}>
              <TableHeaderCell scope="row" className="wb-nowrap">
                {frameworkName(item.framework)} {item.ref}
              </TableHeaderCell>
              <TableCell>{item.title}</TableCell>
              {showKind ? <TableCell>{t(`years.diff.kinds.${item.change}`, { from: diff.from, to: diff.to })}</TableCell> : null}
              <TableCell>
                <span className="wb-diff__before">{value(item, 'before')}</span> <span aria-hidden="true">→</span>
                <span className="wb-visually-hidden"> {t('years.diff.to')} </span> <span className="wb-diff__after">{value(item, 'after')}</span>
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
    </section>
  );
}
