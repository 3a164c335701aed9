import { Paragraph, TableCell } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { DataTableColumnSpec } from '../../../shared/DataTable';
import { RESULTS } from '../api';
import { useComplianceLabels } from '../labels';
import type { ProgressCounts } from './api';

export const assessedOf = (counts: ProgressCounts) => counts.applicable - counts.niet_beoordeeld;
export const percentOf = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/**
 * The results of the applicable requirements as a stacked bar. Decorative: every number it shows is
 * in the text beside it (WCAG 1.4.1). SVG with width attributes, because the CSP forbids inline styles.
 */
export function ResultBar({ counts, className }: { counts: ProgressCounts; className?: string }) {
  if (counts.applicable === 0) return null;
  let offset = 0;
  const segments = RESULTS.map((result) => {
    const width = (counts[result] / counts.applicable) * 100;
    const segment = { result, x: offset, width };
    offset += width;
    return segment;
  }).filter((segment) => segment.width > 0);
  return (
    <svg
      className={className ? `wb-coverage__bar ${className}` : 'wb-coverage__bar'}
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      {segments.map((segment) => (
        <rect key={segment.result} className={`wb-coverage__segment wb-coverage__segment--${segment.result}`} x={segment.x} y={0} width={segment.width} height={10} />
      ))}
    </svg>
  );
}

/** One framework's progress: a sentence, the bar, and the count per result (with a colour key). */
export function ProgressSummary({ counts }: { counts: ProgressCounts }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const assessed = assessedOf(counts);
  const notApplicable = counts.total - counts.applicable;
  return (
    <div className="wb-coverage">
      <Paragraph className="wb-coverage__headline">
        {t('years.progress.headline', {
          assessed,
          count: counts.applicable,
          percentAssessed: percentOf(assessed, counts.applicable),
          voldoet: counts.voldoet,
          percent: percentOf(counts.voldoet, counts.applicable),
        })}
      </Paragraph>
      <ResultBar counts={counts} />
      <ul className="wb-coverage__counts">
        {RESULTS.map((result) => (
          <li key={result} className="wb-coverage__count">
            <span className={`wb-coverage__swatch wb-coverage__segment--${result}`} aria-hidden="true" />
            {labels.result(result)}: <strong>{counts[result]}</strong>
          </li>
        ))}
        <li className="wb-coverage__count">
          {t('years.notApplicable')}: <strong>{notApplicable}</strong>
        </li>
      </ul>
    </div>
  );
}

/** Column headings for the count per result and of the requirements that do not apply (see ResultCountCells). */
export function useResultCountColumns(): DataTableColumnSpec[] {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  return [...RESULTS.map((result) => ({ label: labels.result(result), className: 'wb-numeric' })), { label: t('years.notApplicable'), className: 'wb-numeric' }];
}

/** A table row's count per result and of the requirements that do not apply. */
export function ResultCountCells({ counts }: { counts: ProgressCounts }) {
  return (
    <>
      {RESULTS.map((result) => (
        <TableCell key={result} className="wb-numeric">
          {counts[result]}
        </TableCell>
      ))}
      <TableCell className="wb-numeric">{counts.total - counts.applicable}</TableCell>
    </>
  );
}
