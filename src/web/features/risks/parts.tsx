import { Paragraph, StatusBadge } from '@utrecht/component-library-react';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useMe } from '../../app/session';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import i18n from '../../i18n/setup';
import { DEFAULT_MATRIX, riskLevel } from '../../../shared/risk-matrix';
import type { RiskLevel } from '../../../shared/risk-matrix';
import { Breadcrumbs } from '../compliance/Breadcrumbs';
import type { Crumb } from '../compliance/Breadcrumbs';
import { fetchMatrix, matrixKey, PERMISSIONS } from './api';
import type { MatrixSettings, Score } from './api';
import { LEVEL_BADGE, risksPath, useRiskLabels } from './labels';
import './risks.css';

/** A level as a status badge: always its name as text, the colour only supports it. */
export function LevelBadge({ level }: { level: RiskLevel }) {
  const labels = useRiskLabels();
  return <StatusBadge status={LEVEL_BADGE[level]}>{labels.level(level)}</StatusBadge>;
}

/** A score as "12" and its level badge, e.g. for the register columns. */
export function ScoreBadge({ score }: { score: Pick<Score, 'score' | 'level'> }) {
  const { t } = useTranslation();
  return (
    <span className="wb-risk-score">
      <span className="wb-risk-score__number">
        <span className="wb-visually-hidden">{t('risks.score')} </span>
        {score.score}
      </span>{' '}
      <LevelBadge level={score.level} />
    </span>
  );
}

/** Inherent → residual, both with score and level. */
export function ScoreChange({ inherent, residual }: { inherent: Score; residual: Score }) {
  const { t } = useTranslation();
  return (
    <span className="wb-risk-change">
      <ScoreBadge score={inherent} />
      <span aria-hidden="true"> → </span>
      <span className="wb-visually-hidden"> {t('risks.toResidual')} </span>
      <ScoreBadge score={residual} />
    </span>
  );
}

/** "Kans: Groot (4) × impact: Ernstig (4)" with the matrix's labels. */
export function axisText(matrix: Pick<MatrixSettings, 'likelihoodLabels' | 'impactLabels'>, likelihood: number, impact: number, t: TFunction): string {
  return t('risks.axes', {
    likelihood: matrix.likelihoodLabels[likelihood - 1] ?? String(likelihood),
    l: likelihood,
    impact: matrix.impactLabels[impact - 1] ?? String(impact),
    i: impact,
  });
}

/** The score object for a likelihood and impact on a matrix. */
export function scoreOf(matrix: Pick<MatrixSettings, 'levelBounds'>, likelihood: number, impact: number): Score {
  return { likelihood, impact, score: likelihood * impact, level: riskLevel(matrix, likelihood, impact) };
}

/** The organisation's risk matrix (the default 5×5 until it is loaded). */
export function useMatrix(slug: string, enabled = true) {
  return useQuery({ queryKey: matrixKey(slug), queryFn: ({ signal }) => fetchMatrix(slug, signal), enabled, staleTime: 60_000 });
}

export const FALLBACK_MATRIX: MatrixSettings = { ...DEFAULT_MATRIX, custom: false };

/** The signed-in user's roles in this organisation (none for an installation administrator who is not a member). */
export function useMyRoles(slug: string): string[] {
  const me = useMe();
  return me.data?.memberships.find((membership) => membership.organisation.slug === slug)?.roles ?? [];
}

/** A date 'YYYY-MM-DD' in the interface language, without a time zone shift. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium' }).format(date);
}

/** Today as 'YYYY-MM-DD' in local time. */
export function todayLocal(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A 'YYYY-MM-DD' date moved by whole days or months. */
export function shiftDay(day: string, { days = 0, months = 0 }: { days?: number; months?: number }): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1 + months, d + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export interface RisksPageProps {
  title: string;
  intro?: ReactNode;
  /** the pages above this one (the register is always first unless `crumbs` is empty) */
  crumbs?: Crumb[];
  /** the permission the page needs (default risks.read) */
  permission?: string;
  children: ReactNode;
}

/** A risk page: document title, breadcrumbs, h1 with the organisation, intro, then the content. */
export function RisksPage({ title, intro, crumbs, permission = PERMISSIONS.read, children }: RisksPageProps) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  usePageTitle(title, organisation.name);
  if (!can(organisation, permission)) return <NoAccess title={title} />;
  const items = crumbs ?? [{ to: risksPath(organisation.slug), label: t('risks.register.title') }];
  return (
    <>
      {items.length > 0 ? <Breadcrumbs items={items} /> : null}
      <PageHeading title={title} context={organisation.name} />
      {intro ? <Paragraph>{intro}</Paragraph> : null}
      {children}
    </>
  );
}

/** A router link that looks like a button (e.g. "Nieuw risico"). */
export function ButtonRouterLink({ to, children, secondary = false }: { to: string; children: ReactNode; secondary?: boolean }) {
  return (
    <RouterLink
      to={to}
      className={`utrecht-button-link utrecht-button-link--html-a ${secondary ? 'utrecht-button-link--secondary-action' : 'utrecht-button-link--primary-action'}`}
    >
      {children}
    </RouterLink>
  );
}
