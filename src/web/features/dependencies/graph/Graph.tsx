import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../shared/Loading';
import { VISUALS } from '../labels';
import type { Visual } from '../labels';
import type { DependencyGraphProps } from './DependencyGraph';
import { TypeIcon } from './TypeIcon';

/** The graph library is loaded only on the pages that draw a graph. */
const LazyGraph = lazy(() => import('./DependencyGraph'));

export function Graph(props: DependencyGraphProps) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loading label={t('dependencies.graph.loading')} />}>
      <LazyGraph {...props} />
    </Suspense>
  );
}

/** What the colours, shapes and marks of the graph mean; only the kinds that occur. */
export function GraphLegend({ visuals, start, danger, arrows }: { visuals: Iterable<Visual>; start?: string; danger?: string; arrows: string }) {
  const { t } = useTranslation();
  const present = new Set(visuals);
  return (
    <ul className="wb-graph-legend" aria-label={t('dependencies.graph.legend')}>
      {VISUALS.filter((visual) => present.has(visual)).map((visual) => (
        <li key={visual} className="wb-graph-legend__item">
          <span className={`wb-graph-legend__swatch wb-graph-node--${visual}`}>
            <TypeIcon visual={visual} />
          </span>
          {t(`dependencies.visuals.${visual}`)}
        </li>
      ))}
      {start ? (
        <li className="wb-graph-legend__item">
          <span className="wb-graph-flag wb-graph-flag--start">{start}</span>
          {t('dependencies.graph.legendStart')}
        </li>
      ) : null}
      {danger ? (
        <li className="wb-graph-legend__item">
          <span className="wb-graph-flag wb-graph-flag--danger">{danger}</span>
          {t('dependencies.graph.legendDanger')}
        </li>
      ) : null}
      <li className="wb-graph-legend__item">
        <span aria-hidden="true">→</span> {arrows}
      </li>
    </ul>
  );
}
