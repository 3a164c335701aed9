import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { can, useOrganisation } from '../../shared/organisation';
import { fetchRisks, PERMISSIONS, riskListKey } from './api';
import { registerPath, riskPath } from './labels';
import { ScoreBadge } from './parts';

const SHOWN = 20;

/**
 * The open risks linked to an asset, supplier or joint arrangement, for that object's detail page,
 * with a link to the register filtered on it. Renders nothing without the risks.read permission.
 */
export function LinkedRisks({ org, targetId }: { org: string; targetId: string }) {
  const { t } = useTranslation();
  const organisation = useOrganisation(org);
  const allowed = can(organisation.data, PERMISSIONS.read);
  const filters = { target: targetId, status: 'open' as const };
  const risks = useQuery({
    queryKey: [...riskListKey(org, filters), 'linked'],
    queryFn: ({ signal }) => fetchRisks(org, filters, null, signal, SHOWN),
    enabled: allowed && Boolean(targetId),
  });
  if (!allowed) return null;
  const headingId = `linked-risks-${targetId}`;
  const items = risks.data?.items ?? [];
  const total = risks.data?.total ?? 0;
  return (
    <section aria-labelledby={headingId} className="wb-section">
      <Heading2 id={headingId}>{t('risks.linked.title')}</Heading2>
      {risks.isPending ? <Loading /> : null}
      <ProblemAlert error={risks.error} />
      {risks.data && items.length === 0 ? <Paragraph>{t('risks.linked.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <ul className="wb-plain-list wb-risk-top">
          {items.map((risk) => (
            <li key={risk.id} className="wb-risk-top__item">
              <span>
                <span className="wb-nowrap">{risk.ref}</span> <AppLink to={riskPath(org, risk.id)}>{risk.title}</AppLink>
              </span>
              <span className="wb-risk-top__score">
                <span className="wb-visually-hidden">{t('risks.overview.residualScore')}: </span>
                <ScoreBadge score={risk.residual} />
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {risks.data ? (
        <Paragraph>
          <AppLink to={registerPath(org, { target: targetId, status: 'all' })}>{t('risks.linked.all', { count: total })}</AppLink>
        </Paragraph>
      ) : null}
    </section>
  );
}
