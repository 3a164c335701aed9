import { StatusBadge } from '@utrecht/component-library-react';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import i18n from '../../../i18n/setup';
import { compliancePath } from '../labels';
import { measuresKey } from '../api';
import type { EvidenceKind, EvidenceStatus } from './api';
import { evidenceKey } from './api';
import './evidence.css';

/** Permission names as the server declares them (GET /organisations/:org lists the user's). */
export const EVIDENCE_PERMISSIONS = {
  read: 'evidence.read',
  manage: 'evidence.manage',
  actionsRead: 'actions.read',
  actionsManage: 'actions.manage',
  assessmentsRead: 'assessments.read',
  assessmentsManage: 'assessments.manage',
  audit: 'assessments.audit',
  attention: 'compliance.attention',
} as const;

export const evidencePath = (slug: string) => compliancePath(slug, 'evidence');
export const actionsPath = (slug: string) => compliancePath(slug, 'actions');
export const yearPath = (slug: string, year: number) => compliancePath(slug, 'years', String(year));
export const requirementAssessmentPath = (slug: string, year: number, requirementId: string) =>
  compliancePath(slug, 'years', String(year), 'requirements', requirementId);
export const findingsPath = (slug: string, year: number) => compliancePath(slug, 'years', String(year), 'findings');
export const officialTextsPath = (slug: string) => compliancePath(slug, 'official-texts');
export const attentionKey = (slug: string) => ['organisation', slug, 'attention'] as const;

/** Evidence changed: its lists, the measures (evidence counts) and the attention list. */
export function useInvalidateEvidence(slug: string) {
  const queryClient = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: evidenceKey(slug) }),
        queryClient.invalidateQueries({ queryKey: measuresKey(slug) }),
        queryClient.invalidateQueries({ queryKey: attentionKey(slug) }),
      ]),
    [queryClient, slug],
  );
}

const STATUS_BADGE: Record<EvidenceStatus, string> = {
  geldig: 'safe',
  verloopt_binnenkort: 'warning',
  verlopen: 'danger',
  onbepaald: 'neutral',
};

type IconName = 'ok' | 'warning' | 'error' | 'none' | 'bell';

/** Small decorative icons (the text beside them carries the meaning). SVG paths: no inline styles (CSP). */
export function StateIcon({ name }: { name: IconName }) {
  const paths: Record<IconName, string> = {
    ok: 'M3 8.5l3 3 7-7',
    warning: 'M8 2l6.5 12h-13z M8 6.5v3.5 M8 12v.5',
    error: 'M4 4l8 8 M12 4l-8 8',
    none: 'M3.5 8h9',
    bell: 'M4 11V7a4 4 0 0 1 8 0v4l1.5 1.5h-11z M6.5 14a1.5 1.5 0 0 0 3 0',
  };
  return (
    <svg className="wb-state-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}

const STATUS_ICON: Record<EvidenceStatus, IconName> = {
  geldig: 'ok',
  verloopt_binnenkort: 'warning',
  verlopen: 'error',
  onbepaald: 'none',
};

/** An evidence status as a badge with icon and text, never colour alone. */
export function EvidenceStatusBadge({ status }: { status: EvidenceStatus }) {
  const { t } = useTranslation();
  return (
    <StatusBadge status={STATUS_BADGE[status]} className="wb-badge-with-icon">
      <StateIcon name={STATUS_ICON[status]} />
      {t(`evidence.statuses.${status}`)}
    </StatusBadge>
  );
}

/** A measure's automatic signals as text with a badge: red (failing checks), green, or none. */
export function SignalBadge({ signals }: { signals: { failing: number; passing: number } | undefined }) {
  const { t } = useTranslation();
  if (!signals || signals.failing + signals.passing === 0) return <span className="wb-muted">{t('evidence.signals.none')}</span>;
  if (signals.failing > 0) {
    return (
      <StatusBadge status="danger" className="wb-badge-with-icon">
        <StateIcon name="error" />
        {t('evidence.signals.red', { count: signals.failing })}
      </StatusBadge>
    );
  }
  return (
    <StatusBadge status="safe" className="wb-badge-with-icon">
      <StateIcon name="ok" />
      {t('evidence.signals.green', { count: signals.passing })}
    </StatusBadge>
  );
}

export function useEvidenceLabels() {
  const { t } = useTranslation();
  return {
    kind: (kind: EvidenceKind) => t(`evidence.kinds.${kind}`),
    status: (status: EvidenceStatus) => t(`evidence.statuses.${status}`),
  };
}

/** "1 mrt 2026 – 31 dec 2026", "vanaf …", "tot en met …" or "geen einddatum". */
export function useValidityText() {
  const { t } = useTranslation();
  return (validFrom: string | null, validUntil: string | null, format: (value: string) => string) => {
    if (validFrom && validUntil) return t('evidence.validity.range', { from: format(validFrom), until: format(validUntil) });
    if (validUntil) return t('evidence.validity.until', { until: format(validUntil) });
    if (validFrom) return t('evidence.validity.from', { from: format(validFrom) });
    return t('evidence.validity.none');
  };
}

/** A calendar date (YYYY-MM-DD) in the interface language, read as a local date (no time-zone shift). */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium' }).format(date);
}

/** Today as YYYY-MM-DD in local time. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
