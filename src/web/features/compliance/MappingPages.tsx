import { Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { MoreButton } from '../../shared/MoreButton';
import { PageHeading } from '../../shared/PageHeading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { TextField } from '../../shared/TextField';
import { useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { ComplianceSubpage } from './ComplianceSubpage';
import { fetchMappingSet, mappingSetKey } from './api';
import type { MappingSetDetail, MappingSetSummary } from './api';
import { Breadcrumbs } from './Breadcrumbs';
import { compliancePath, frameworkPath, mappingSetPath, mappingSetsPath, useComplianceLabels } from './labels';
import { useFrameworkNames, useMappingSets } from './queries';

/** Rows shown at once on a mapping set page; the rest on request. */
const ROWS_STEP = 200;

/** /o/:org/compliance/mappings — the mapping sets that carry a measure from one framework to another. */
export function MappingSetsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const sets = useMappingSets();
  return (
    <ComplianceSubpage title={t('compliance.mappings.title')} intro={t('compliance.mappings.intro')}>
      {sets.isPending ? <Loading /> : null}
      <ProblemAlert error={sets.error} />
      {sets.data && sets.data.length === 0 ? <Paragraph>{t('compliance.mappings.none')}</Paragraph> : null}
      {sets.data && sets.data.length > 0 ? <MappingSetsTable slug={organisation.slug} sets={sets.data} /> : null}
    </ComplianceSubpage>
  );
}

function MappingSetsTable({ slug, sets }: { slug: string; sets: MappingSetSummary[] }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  return (
    <DataTable
      label={t('compliance.mappings.title')}
      columns={[
        t('compliance.mappings.set'),
        t('compliance.mappings.source'),
        t('compliance.mappings.target'),
        t('compliance.mappings.rowCount'),
        t('compliance.mappings.kind'),
        t('compliance.framework.provider'),
      ]}
    >
      {sets.map((set) => (
        <TableRow key={set.id}>
          <TableHeaderCell scope="row">
            <AppLink to={mappingSetPath(slug, set.id)}>{labels.title(set.title)}</AppLink>
          </TableHeaderCell>
          <TableCell>{frameworkName(set.source)}</TableCell>
          <TableCell>{frameworkName(set.target)}</TableCell>
          <TableCell>{set.rowCount}</TableCell>
          <TableCell>{set.generated ? t('compliance.mappings.generated') : t('compliance.mappings.authored')}</TableCell>
          <TableCell>{set.provider}</TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}

/** /o/:org/compliance/mappings/:mappingSetId — every row of one mapping set with its rationale. */
export function MappingSetPage() {
  const { t } = useTranslation();
  const { mappingSetId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  const labels = useComplianceLabels();
  const set = useQuery({
    queryKey: mappingSetKey(mappingSetId),
    queryFn: ({ signal }) => fetchMappingSet(mappingSetId, signal),
    staleTime: 5 * 60_000,
  });
  const title = set.data ? labels.title(set.data.title) : t('compliance.mappings.set');
  usePageTitle(title, organisation.name);
  return (
    <>
      <Breadcrumbs
        items={[
          { to: compliancePath(organisation.slug), label: t('capabilities.compliance.title') },
          { to: mappingSetsPath(organisation.slug), label: t('compliance.mappings.title') },
        ]}
      />
      <PageHeading title={title} context={organisation.name} />
      {set.isPending ? <Loading /> : null}
      <ProblemAlert error={set.error} />
      {set.data ? <MappingSetDetails key={set.data.id} slug={organisation.slug} set={set.data} /> : null}
    </>
  );
}

function MappingSetDetails({ slug, set }: { slug: string; set: MappingSetDetail }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  const [text, setText] = useState('');
  const [limit, setLimit] = useState(ROWS_STEP);
  const needle = text.trim().toLocaleLowerCase();
  const rows = needle
    ? set.rows.filter((row) => [row.source, row.target, row.rationale].some((value) => value.toLocaleLowerCase().includes(needle)))
    : set.rows;
  const visible = rows.slice(0, limit);
  return (
    <>
      {set.description ? <Paragraph>{set.description}</Paragraph> : null}
      <FactList
        facts={[
          { label: t('compliance.mappings.source'), value: <AppLink to={frameworkPath(slug, set.source)}>{frameworkName(set.source)}</AppLink> },
          { label: t('compliance.mappings.target'), value: <AppLink to={frameworkPath(slug, set.target)}>{frameworkName(set.target)}</AppLink> },
          { label: t('compliance.mappings.kind'), value: set.generated ? t('compliance.mappings.generated') : t('compliance.mappings.authored') },
          { label: t('compliance.framework.provider'), value: set.provider },
          { label: t('compliance.framework.version'), value: set.version },
          { label: t('compliance.framework.licence'), value: set.licence },
        ]}
      />
      <section aria-labelledby="mapping-rows-heading" className="wb-section">
        <Heading2 id="mapping-rows-heading">{t('compliance.mappings.rows')}</Heading2>
        <Paragraph>{t('compliance.mappings.rowsIntro')}</Paragraph>
        <form role="search" aria-label={t('compliance.mappings.filterLabel')} className="wb-inline-form" onSubmit={(event) => event.preventDefault()}>
          <TextField id="mapping-filter" type="search" label={t('compliance.mappings.filter')} value={text} onChange={setText} autoComplete="off" />
        </form>
        <Paragraph role="status">{t('compliance.mappings.shown', { shown: visible.length, total: set.rows.length })}</Paragraph>
        {visible.length > 0 ? (
          <DataTable
            label={t('compliance.mappings.rows')}
            columns={[
              t('compliance.mappings.sourceRef', { framework: frameworkName(set.source) }),
              t('compliance.mappings.relationship'),
              t('compliance.mappings.targetRef', { framework: frameworkName(set.target) }),
              t('compliance.mappings.strength'),
              t('compliance.mappings.rationale'),
            ]}
          >
            {visible.map((row, index) => (
              <TableRow key={`${row.source}|${row.target}|${index}`}>
                <TableHeaderCell scope="row" className="wb-nowrap">
                  {row.source}
                </TableHeaderCell>
                <TableCell className="wb-nowrap">{labels.relationship(row.relationship)}</TableCell>
                <TableCell className="wb-nowrap">{row.target}</TableCell>
                <TableCell className="wb-nowrap">{t('compliance.mappings.strengthValue', { strength: row.strength })}</TableCell>
                <TableCell>{row.rationale}</TableCell>
              </TableRow>
            ))}
          </DataTable>
        ) : null}
        {rows.length > visible.length ? (
          <MoreButton onClick={() => setLimit((current) => current + ROWS_STEP)}>{t('compliance.mappings.showMore')}</MoreButton>
        ) : null}
      </section>
    </>
  );
}
