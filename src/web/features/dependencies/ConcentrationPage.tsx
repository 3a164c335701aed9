import { Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { Loading } from '../../shared/Loading';
import { MoreButton } from '../../shared/MoreButton';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { concentrationKey, DEPENDENCY_PERMISSIONS, fetchConcentration, nodePath } from './api';
import { DependenciesSubpage } from './DependenciesSubpage';
import { useDependencyLabels } from './labels';
import { cascadePath, DEFAULT_OUTAGE_HOURS } from './paths';

const FIRST = 20;
const ALL = 200;

/**
 * /o/:org/assets/concentration — the suppliers on which most critical (hoog, vitaal) processes depend,
 * directly or through applications, systems and other suppliers; each with a link to its cascade.
 */
export function ConcentrationPage() {
  const { t } = useDependencyLabels();
  const organisation = useCurrentOrganisation();
  const allowed = can(organisation, DEPENDENCY_PERMISSIONS.read);
  const [limit, setLimit] = useState(FIRST);
  const list = useQuery({
    queryKey: concentrationKey(organisation.slug, limit),
    queryFn: ({ signal }) => fetchConcentration(organisation.slug, limit, signal),
    enabled: allowed,
    placeholderData: (previous) => previous,
  });
  const items = list.data?.items ?? [];
  const max = Math.max(1, ...items.map((item) => item.criticalProcesses));
  const caption = t('dependencies.concentration.caption');

  return (
    <DependenciesSubpage title={t('dependencies.concentration.title')} intro={t('dependencies.concentration.intro')} allowed={allowed}>
      {list.isPending ? <Loading /> : null}
      <ProblemAlert error={list.error} />
      {list.data && items.length === 0 ? <Paragraph>{t('dependencies.concentration.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <>
          <Paragraph role="status">{t('dependencies.concentration.shown', { count: items.length })}</Paragraph>
          <DataTable
            label={caption}
            caption={caption}
            columns={[
              t('dependencies.columns.supplier'),
              t('dependencies.columns.registration'),
              t('dependencies.columns.criticalProcesses'),
              { label: t('dependencies.columns.processes'), className: 'wb-numeric' },
              { label: t('dependencies.columns.dependants'), className: 'wb-numeric' },
              t('dependencies.columns.highRisk'),
              t('dependencies.columns.cascade'),
            ]}
          >
            {items.map(({ supplier, criticalProcesses, processes, dependants }) => {
              const name = supplier.name ?? t('dependencies.deletedNode');
              return (
                <TableRow key={supplier.id}>
                  <TableHeaderCell scope="row">
                    <AppLink to={nodePath(organisation.slug, { type: 'supplier', id: supplier.id })}>{name}</AppLink>
                  </TableHeaderCell>
                  <TableCell>{supplier.registrationNumber ?? t('dependencies.noValue')}</TableCell>
                  <TableCell>
                    <span className="wb-bar">
                      <span className="wb-bar__track" aria-hidden="true">
                        <span className="wb-bar__fill" style={{ display: 'block', inlineSize: `${(criticalProcesses / max) * 100}%` }} />
                      </span>
                      <span className="wb-bar__value">{criticalProcesses}</span>
                    </span>
                  </TableCell>
                  <TableCell className="wb-numeric">{processes}</TableCell>
                  <TableCell className="wb-numeric">{dependants}</TableCell>
                  <TableCell>{supplier.highRisk ? <strong>{t('dependencies.concentration.highRisk')}</strong> : t('dependencies.concentration.notHighRisk')}</TableCell>
                  <TableCell>
                    <AppLink to={cascadePath(organisation.slug, { type: 'supplier', id: supplier.id }, DEFAULT_OUTAGE_HOURS)}>
                      {t('dependencies.concentration.cascade')}
                      <span className="wb-visually-hidden"> {name}</span>
                    </AppLink>
                  </TableCell>
                </TableRow>
              );
            })}
          </DataTable>
          {items.length === limit && limit < ALL ? (
            <MoreButton busy={list.isFetching} onClick={() => setLimit(ALL)}>
              {t('dependencies.concentration.more')}
            </MoreButton>
          ) : null}
        </>
      ) : null}
    </DependenciesSubpage>
  );
}
