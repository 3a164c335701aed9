import { Heading2, Heading3, Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { AppLink } from '../../../shared/AppLink';
import { Loading } from '../../../shared/Loading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { formatDateTime } from '../../../shared/format';
import { can, useCurrentOrganisation } from '../../../shared/organisation';
import { measurePath } from '../labels';
import { useFrameworkNames } from '../queries';
import { actionsPath, attentionKey, EVIDENCE_PERMISSIONS, EvidenceStatusBadge, evidencePath, formatDay, StateIcon, requirementAssessmentPath } from '../evidence/shared';
import { fetchAttention } from './api';
import type { Attention } from './api';

/**
 * "Aandacht nodig" on the compliance home page: expired and soon-expiring evidence, measures with a
 * red signal, overdue assessments and overdue actions, each linking to where it can be dealt with.
 */
export function AttentionPanel() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const allowed = can(organisation, EVIDENCE_PERMISSIONS.attention);
  const attention = useQuery({
    queryKey: attentionKey(slug),
    queryFn: ({ signal }) => fetchAttention(slug, signal),
    enabled: allowed,
    retry: (count, cause) => !(isApiError(cause) && cause.status === 403) && count < 2,
  });
  if (!allowed || (isApiError(attention.error) && attention.error.status === 403)) return null;
  const data = attention.data;
  const empty =
    data && data.evidence.length + data.failingMeasures.length + data.overdueAssessments.length + data.overdueActions.length + data.incidentDeadlines.length === 0;
  return (
    <section aria-labelledby="attention-heading" className={`wb-section wb-attention${empty ? ' wb-attention--ok' : ''}`}>
      <Heading2 id="attention-heading">{t('evidence.attention.title')}</Heading2>
      {attention.isPending ? <Loading /> : null}
      <ProblemAlert error={attention.error} />
      {empty ? (
        <Paragraph className="wb-badge-with-icon">
          <StateIcon name="ok" />
          {t('evidence.attention.allFine')}
        </Paragraph>
      ) : null}
      {data && !empty ? <AttentionGroups slug={slug} data={data} /> : null}
    </section>
  );
}

function AttentionGroups({ slug, data }: { slug: string; data: Attention }) {
  const { t } = useTranslation();
  const frameworkName = useFrameworkNames();
  return (
    <>
      <Paragraph>{t('evidence.attention.intro')}</Paragraph>
      {data.evidence.length > 0 ? (
        <div className="wb-attention__group">
          <Heading3 id="attention-evidence">{t('evidence.attention.evidence', { count: data.evidence.length })}</Heading3>
          <ul className="wb-attention__list" aria-labelledby="attention-evidence">
            {data.evidence.map((evidence) => (
              <li key={evidence.id}>
                <EvidenceStatusBadge status={evidence.status} /> <strong>{evidence.title}</strong>
                {evidence.validUntil ? ` — ${t('evidence.attention.validUntil', { date: formatDay(evidence.validUntil) })}` : ''}
                {evidence.measures.length + evidence.assessments.length > 0 ? (
                  <>
                    {'. '}
                    {t('evidence.attention.usedFor')}{' '}
                    {evidence.measures.map((measure, index) => (
                      <span key={measure.id}>
                        {index > 0 ? ', ' : ''}
                        <AppLink to={measurePath(slug, measure.id)}>{measure.title}</AppLink>
                      </span>
                    ))}
                    {evidence.assessments.map((assessment, index) => (
                      <span key={`${assessment.year}|${assessment.requirementId}`}>
                        {index > 0 || evidence.measures.length > 0 ? ', ' : ''}
                        <AppLink to={requirementAssessmentPath(slug, assessment.year, assessment.requirementId)}>
                          {t('evidence.overview.assessment', { year: assessment.year, framework: frameworkName(assessment.frameworkId), ref: assessment.ref })}
                        </AppLink>
                      </span>
                    ))}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <Paragraph>
            <AppLink to={`${evidencePath(slug)}?status=verlopen`}>{t('evidence.attention.allExpired')}</AppLink>
            {' · '}
            <AppLink to={`${evidencePath(slug)}?status=verloopt_binnenkort`}>{t('evidence.attention.allExpiring')}</AppLink>
          </Paragraph>
        </div>
      ) : null}
      {data.failingMeasures.length > 0 ? (
        <div className="wb-attention__group">
          <Heading3 id="attention-signals">{t('evidence.attention.failingMeasures', { count: data.failingMeasures.length })}</Heading3>
          <ul className="wb-attention__list" aria-labelledby="attention-signals">
            {data.failingMeasures.map((measure) => (
              <li key={measure.id}>
                <AppLink to={measurePath(slug, measure.id)}>{measure.title}</AppLink>
                <ul className="wb-changes">
                  {measure.failing.map((failure) => (
                    <li key={`${failure.source}|${failure.check}`} className="wb-badge-with-icon">
                      <StateIcon name="error" />
                      {t('evidence.attention.failing', { source: failure.source, check: failure.check, when: formatDateTime(failure.observedAt) })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.overdueAssessments.length > 0 ? (
        <div className="wb-attention__group">
          <Heading3 id="attention-assessments">{t('evidence.attention.overdueAssessments', { count: data.overdueAssessments.length })}</Heading3>
          <ul className="wb-attention__list" aria-labelledby="attention-assessments">
            {data.overdueAssessments.map((assessment) => (
              <li key={`${assessment.year}|${assessment.requirementId}`}>
                <AppLink to={requirementAssessmentPath(slug, assessment.year, assessment.requirementId)}>
                  {frameworkName(assessment.frameworkId)} {assessment.ref} {assessment.title}
                </AppLink>{' '}
                — {t('evidence.attention.due', { year: assessment.year, date: formatDay(assessment.dueDate) })}
                {assessment.owner ? `; ${t('evidence.attention.owner', { name: assessment.owner.name })}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.incidentDeadlines.length > 0 ? (
        <div className="wb-attention__group">
          <Heading3 id="attention-incidents">{t('evidence.attention.incidentDeadlines', { count: data.incidentDeadlines.length })}</Heading3>
          <ul className="wb-attention__list" aria-labelledby="attention-incidents">
            {data.incidentDeadlines.map(({ incident, deadline }) => (
              <li key={`${incident.id}-${deadline.id}`}>
                <AppLink to={`/o/${slug}/incidenten/${incident.id}`}>
                  {incident.ref} {incident.title}
                </AppLink>{' '}
                — {deadline.name}:{' '}
                {deadline.overdue ? (
                  <StatusBadge status="danger" className="wb-badge-with-icon">
                    <StateIcon name="warning" />
                    {t('evidence.attention.deadlinePassed', { when: formatDateTime(deadline.due) })}
                  </StatusBadge>
                ) : (
                  t('evidence.attention.deadlineDue', { when: formatDateTime(deadline.due) })
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {data.overdueActions.length > 0 ? (
        <div className="wb-attention__group">
          <Heading3 id="attention-actions">{t('evidence.attention.overdueActions', { count: data.overdueActions.length })}</Heading3>
          <ul className="wb-attention__list" aria-labelledby="attention-actions">
            {data.overdueActions.map((action) => (
              <li key={action.id}>
                <AppLink to={`${actionsPath(slug)}?overdue=true#action-${action.id}`}>{action.title}</AppLink> —{' '}
                {t('evidence.attention.dueDate', { date: formatDay(action.dueDate) })}
                {action.owner ? `; ${t('evidence.attention.owner', { name: action.owner.name })}` : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
