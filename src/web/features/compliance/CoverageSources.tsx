import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';
import type { CoverageItem, CoverageSource, MappingSetSummary } from './api';
import { MEASURE_STATUS_BADGE, mappingSetPath, measurePath, useComplianceLabels } from './labels';

export interface CoverageSourcesProps {
  slug: string;
  /** The framework the requirement belongs to. */
  frameworkId: string;
  item: CoverageItem;
  mappingSets: MappingSetSummary[];
  frameworkName: (id: string) => string;
}

/** "Waar komt dit vandaan?": every measure that answers a requirement, directly or through a mapping, and whether it counts. */
export function CoverageSources({ slug, frameworkId, item, mappingSets, frameworkName }: CoverageSourcesProps) {
  const { t } = useTranslation();
  return (
    <details className="wb-details">
      <summary className="wb-details__summary">
        {t('compliance.sources.summary')}
        <span className="wb-visually-hidden"> {item.ref}</span> ({t('compliance.sources.count', { count: item.sources.length })})
      </summary>
      <div className="wb-details__body">
        {item.sources.length === 0 ? (
          <Paragraph>{t('compliance.sources.none')}</Paragraph>
        ) : (
          <ul className="wb-sources">
            {item.sources.map((source, index) => (
              <Source
                key={`${source.measure.id}-${source.mapping?.mappingSet ?? 'direct'}-${source.mapping?.ref ?? ''}-${index}`}
                slug={slug}
                frameworkId={frameworkId}
                requirementRef={item.ref}
                source={source}
                mappingSets={mappingSets}
                frameworkName={frameworkName}
              />
            ))}
          </ul>
        )}
      </div>
    </details>
  );
}

interface SourceProps {
  slug: string;
  frameworkId: string;
  requirementRef: string;
  source: CoverageSource;
  mappingSets: MappingSetSummary[];
  frameworkName: (id: string) => string;
}

function Source({ slug, frameworkId, requirementRef, source, mappingSets, frameworkName }: SourceProps) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const mapping = source.mapping;
  const set = mapping ? mappingSets.find((candidate) => candidate.id === mapping.mappingSet) : undefined;
  // A mapping row reads "source relationship target"; the coverage only names the other side, so the
  // mapping set tells which side this requirement is on.
  const here = `${frameworkName(frameworkId)} ${requirementRef}`;
  const there = mapping ? `${frameworkName(mapping.framework)} ${mapping.ref}` : '';
  const forward = set ? set.target === frameworkId && set.source !== frameworkId : true;
  const [from, to] = forward ? [there, here] : [here, there];

  return (
    <li className="wb-source">
      <div className="wb-source__measure">
        <AppLink to={measurePath(slug, source.measure.id)}>{source.measure.title}</AppLink>{' '}
        <StatusBadge status={MEASURE_STATUS_BADGE[source.measure.status]}>{labels.status(source.measure.status)}</StatusBadge>
      </div>
      <dl className="wb-facts wb-facts--compact">
        <div className="wb-facts__item">
          <dt>{t('compliance.sources.via')}</dt>
          <dd>
            {mapping ? (
              <>
                {t('compliance.sources.viaMapping')}{' '}
                <AppLink to={mappingSetPath(slug, mapping.mappingSet)}>{set ? labels.title(set.title) : mapping.mappingSet}</AppLink>
              </>
            ) : (
              t('compliance.sources.direct')
            )}
          </dd>
        </div>
        {mapping ? (
          <>
            <div className="wb-facts__item">
              <dt>{t('compliance.sources.mappingRow')}</dt>
              <dd>
                {from} <span aria-hidden="true">→</span>
                <span className="wb-visually-hidden"> {t('compliance.sources.to')} </span> {to}
              </dd>
            </div>
            <div className="wb-facts__item">
              <dt>{t('compliance.mappings.relationship')}</dt>
              <dd>{labels.relationship(mapping.relationship)}</dd>
            </div>
            <div className="wb-facts__item">
              <dt>{t('compliance.mappings.strength')}</dt>
              <dd>{t('compliance.mappings.strengthValue', { strength: mapping.strength })}</dd>
            </div>
            <div className="wb-facts__item">
              <dt>{t('compliance.mappings.rationale')}</dt>
              <dd>{mapping.rationale}</dd>
            </div>
          </>
        ) : null}
        <div className="wb-facts__item">
          <dt>{t('compliance.sources.coverage')}</dt>
          <dd>{labels.coverage(source.coverage)}</dd>
        </div>
        <div className="wb-facts__item">
          <dt>{t('compliance.sources.counts')}</dt>
          <dd>{source.counts ? t('compliance.sources.countsYes') : t('compliance.sources.countsNo')}</dd>
        </div>
      </dl>
    </li>
  );
}
