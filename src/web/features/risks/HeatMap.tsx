import { useTranslation } from 'react-i18next';
import { riskLevel } from '../../../shared/risk-matrix';
import type { RiskLevel } from '../../../shared/risk-matrix';
import { AppLink } from '../../shared/AppLink';
import { TableScroll } from '../../shared/TableScroll';
import type { MatrixSettings } from './api';
import { useRiskLabels } from './labels';

export interface HeatMapProps {
  id: string;
  caption: string;
  matrix: Pick<MatrixSettings, 'likelihoodLabels' | 'impactLabels' | 'levelBounds'>;
  /** counts[l-1][i-1]: risks with likelihood l and impact i; without counts the grid shows scores (a preview) */
  counts?: number[][];
  /** the link of a cell's level (e.g. the register filtered on it); none for no link */
  linkFor?: (level: RiskLevel, count: number) => string | null;
}

/**
 * A risk matrix as an accessible table: rows are the likelihood from high to low with the
 * organisation's labels, columns the impact from low to high; each cell shows its count (or its
 * score) and its level as text, coloured by level as a second signal.
 */
export function HeatMap({ id, caption, matrix, counts, linkFor }: HeatMapProps) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const rows = matrix.likelihoodLabels.map((label, index) => ({ label, value: index + 1 })).reverse();
  const columns = matrix.impactLabels.map((label, index) => ({ label, value: index + 1 }));
  return (
    <TableScroll label={caption}>
      <table className="utrecht-table wb-heatmap" id={id}>
        <caption className="wb-heatmap__caption">{caption}</caption>
        <thead className="utrecht-table__header">
          <tr className="utrecht-table__row">
            <td className="utrecht-table__cell wb-heatmap__corner" />
            <th scope="colgroup" colSpan={columns.length} className="utrecht-table__header-cell wb-heatmap__axis">
              {t('risks.heatmap.impact')}
            </th>
          </tr>
          <tr className="utrecht-table__row">
            <th scope="col" className="utrecht-table__header-cell wb-heatmap__axis">
              {t('risks.heatmap.likelihood')}
            </th>
            {columns.map((column) => (
              <th key={column.value} scope="col" className="utrecht-table__header-cell wb-heatmap__label">
                {column.label} <span className="wb-muted">({column.value})</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="utrecht-table__body">
          {rows.map((row) => (
            <tr key={row.value} className="utrecht-table__row">
              <th scope="row" className="utrecht-table__header-cell wb-heatmap__label">
                {row.label} <span className="wb-muted">({row.value})</span>
              </th>
              {columns.map((column) => {
                const level = riskLevel(matrix, row.value, column.value);
                const count = counts?.[row.value - 1]?.[column.value - 1] ?? 0;
                const href = counts && count > 0 && linkFor ? linkFor(level, count) : null;
                return (
                  <td key={column.value} className={`utrecht-table__cell wb-heatmap__cell wb-level--${level}${counts && count === 0 ? ' wb-heatmap__cell--empty' : ''}`}>
                    {counts ? (
                      href ? (
                        <AppLink to={href} className="wb-heatmap__link">
                          <span className="wb-heatmap__count">{count}</span>
                          <span className="wb-heatmap__level">{labels.level(level)}</span>
                          <span className="wb-visually-hidden">{t('risks.heatmap.linkHint', { level: labels.level(level) })}</span>
                        </AppLink>
                      ) : (
                        <>
                          <span className="wb-heatmap__count">{count}</span>
                          <span className="wb-heatmap__level">{labels.level(level)}</span>
                        </>
                      )
                    ) : (
                      <>
                        <span className="wb-heatmap__count">{row.value * column.value}</span>
                        <span className="wb-heatmap__level">{labels.level(level)}</span>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
