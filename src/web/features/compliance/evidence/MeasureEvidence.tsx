import { Heading2, Paragraph, StatusBadge, TableCell, TableRow } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../../shared/DataTable';
import { formatDateTime } from '../../../shared/format';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../../shared/organisation';
import { isApiError } from '../../../app/api';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { fetchMeasureSignals, measureSignalsKey } from './api';
import { EvidenceSection } from './EvidenceSection';
import { EVIDENCE_PERMISSIONS, StateIcon } from './shared';

/** On a measure's page: its automatic signals (when it has any) and its evidence. */
export function MeasureEvidence({ measureId }: { measureId: string }) {
  const organisation = useCurrentOrganisation();
  return (
    <>
      <MeasureSignals measureId={measureId} />
      <EvidenceSection target={{ measureId }} readOnly={!can(organisation, EVIDENCE_PERMISSIONS.manage)} />
    </>
  );
}

/** The latest observation per source and check; a failing one makes the measure red. */
function MeasureSignals({ measureId }: { measureId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const signals = useQuery({
    queryKey: measureSignalsKey(organisation.slug, measureId),
    queryFn: ({ signal }) => fetchMeasureSignals(organisation.slug, measureId, signal),
    enabled: can(organisation, PERMISSIONS.readMeasures),
    retry: (count, cause) => !(isApiError(cause) && (cause.status === 403 || cause.status === 404)) && count < 2,
  });
  if (isApiError(signals.error) && (signals.error.status === 403 || signals.error.status === 404)) return null;
  const state = signals.data?.state ?? [];
  if (!signals.error && state.length === 0) return null;
  const failing = state.filter((item) => !item.passed).length;
  return (
    <section aria-labelledby="measure-signals-heading" className="wb-section">
      <Heading2 id="measure-signals-heading">{t('evidence.signals.title')}</Heading2>
      <ProblemAlert error={signals.error} />
      {state.length > 0 ? (
        <>
          <Paragraph>
            {failing > 0 ? t('evidence.signals.summaryRed', { count: failing, total: state.length }) : t('evidence.signals.summaryGreen', { count: state.length })}
          </Paragraph>
          <DataTable
            label={t('evidence.signals.title')}
            columns={[t('evidence.signals.source'), t('evidence.signals.check'), t('evidence.signals.result'), t('evidence.signals.observedAt')]}
          >
            {state.map((item) => (
              <TableRow key={`${item.source}|${item.check}`}>
                <TableCell>{item.source}</TableCell>
                <TableCell>{item.check}</TableCell>
                <TableCell>
                  <StatusBadge status={item.passed ? 'safe' : 'danger'} className="wb-badge-with-icon">
                    <StateIcon name={item.passed ? 'ok' : 'error'} />
                    {item.passed ? t('evidence.signals.passed') : t('evidence.signals.failed')}
                  </StatusBadge>
                </TableCell>
                <TableCell>
                  <time dateTime={item.observedAt}>{formatDateTime(item.observedAt)}</time>
                </TableCell>
              </TableRow>
            ))}
          </DataTable>
        </>
      ) : null}
    </section>
  );
}
