import { Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { RESULTS } from './api';
import type { CoverageSummary as Summary } from './api';
import { useComplianceLabels } from './labels';

/**
 * The derived results of one framework as text (the counts, the share that complies) with a stacked bar
 * as a visual summary. The bar is decorative: everything it shows is in the text beside it.
 * The bar is SVG with width attributes, so it needs no inline style (the CSP forbids those).
 */
export function CoverageSummary({ summary, idPrefix }: { summary: Summary; idPrefix: string }) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const total = summary.total;
  const percent = total > 0 ? Math.round((summary.voldoet / total) * 100) : 0;
  let offset = 0;
  const segments = RESULTS.map((result) => {
    const width = total > 0 ? (summary[result] / total) * 100 : 0;
    const segment = { result, x: offset, width };
    offset += width;
    return segment;
  }).filter((segment) => segment.width > 0);

  return (
    <div className="wb-coverage" id={`${idPrefix}-coverage`}>
      <Paragraph className="wb-coverage__headline">
        {total > 0 ? t('compliance.coverage.headline', { count: total, voldoet: summary.voldoet, percent }) : t('compliance.coverage.noRequirements')}
      </Paragraph>
      {total > 0 ? (
        <svg className="wb-coverage__bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          {segments.map((segment) => (
            <rect
              key={segment.result}
              className={`wb-coverage__segment wb-coverage__segment--${segment.result}`}
              x={segment.x}
              y={0}
              width={segment.width}
              height={10}
            />
          ))}
        </svg>
      ) : null}
      <ul className="wb-coverage__counts">
        {RESULTS.map((result) => (
          <li key={result} className="wb-coverage__count">
            <span className={`wb-coverage__swatch wb-coverage__segment--${result}`} aria-hidden="true" />
            {labels.result(result)}: <strong>{summary[result]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
