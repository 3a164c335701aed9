import { Button, ButtonGroup, Heading2, Heading3, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { FactList } from '../../shared/FactList';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { formatDateTime } from '../../shared/format';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { requiredError } from '../../shared/validation';
import { acceptRisk, PERMISSIONS, revokeAcceptance, riskKey } from './api';
import type { Acceptance, MatrixSettings, RiskDetail } from './api';
import { useRiskLabels } from './labels';
import { formatDay, LevelBadge, ScoreBadge, scoreOf, shiftDay, todayLocal, useMyRoles } from './parts';
import { invalidateRisks } from './invalidate';

const MIN_REASON = 10;
const MAX_YEARS = 3;

/**
 * Acceptance of the residual risk: the current decision, "Risico accepteren" for someone whose role
 * may accept the residual level (otherwise who may), revoking, and every earlier decision.
 */
export function AcceptanceSection({ slug, risk, matrix }: { slug: string; risk: RiskDetail; matrix: MatrixSettings }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const organisation = useCurrentOrganisation();
  const roles = useMyRoles(slug);
  const [notice, setNotice] = useState<'accepted' | 'revoked' | null>(null);
  const level = risk.residual.level;
  const allowedRoles = matrix.acceptanceRoles[level] ?? [];
  const mayAccept = roles.some((role) => allowedRoles.includes(role));
  const current = risk.acceptances.find((acceptance) => !acceptance.revokedAt) ?? null;
  const expired = Boolean(current && risk.acceptance?.expired);
  const mayRevoke = Boolean(current) && (mayAccept || can(organisation, PERMISSIONS.manage));
  const roleList = allowedRoles.map(labels.role).join(t('risks.acceptance.or'));

  return (
    <section aria-labelledby="risk-acceptance-heading" className="wb-section">
      <Heading2 id="risk-acceptance-heading">{t('risks.acceptance.title')}</Heading2>
      {notice === 'accepted' ? <SuccessAlert>{t('risks.acceptance.accepted')}</SuccessAlert> : null}
      {notice === 'revoked' ? <SuccessAlert>{t('risks.acceptance.revoked')}</SuccessAlert> : null}
      {current ? (
        <CurrentAcceptance acceptance={current} expired={expired} matrix={matrix} />
      ) : (
        <Paragraph>{t('risks.acceptance.noneCurrent')}</Paragraph>
      )}
      {mayRevoke && current ? <RevokeForm slug={slug} risk={risk} onDone={() => setNotice('revoked')} onStart={() => setNotice(null)} /> : null}
      {risk.status === 'closed' ? (
        <Paragraph>{t('risks.acceptance.closed')}</Paragraph>
      ) : !current || expired ? (
        mayAccept ? (
          <AcceptForm slug={slug} risk={risk} renew={expired} onDone={() => setNotice('accepted')} onStart={() => setNotice(null)} />
        ) : (
          <Paragraph>{t('risks.acceptance.whoMay', { level: labels.level(level), roles: roleList || t('common.none') })}</Paragraph>
        )
      ) : null}
      <PastAcceptances acceptances={risk.acceptances} />
    </section>
  );
}

function CurrentAcceptance({ acceptance, expired, matrix }: { acceptance: Acceptance; expired: boolean; matrix: MatrixSettings }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  return (
    <div className="wb-risk-acceptance">
      <Heading3>{t('risks.acceptance.current')}</Heading3>
      <FactList
        facts={[
          {
            label: t('risks.acceptance.state'),
            value: expired ? <StatusBadge status="danger">{t('risks.acceptance.expired')}</StatusBadge> : <StatusBadge status="safe">{t('risks.acceptance.valid')}</StatusBadge>,
          },
          { label: t('risks.acceptance.decider'), value: `${acceptance.deciderName}, ${acceptance.deciderFunction}` },
          { label: t('risks.acceptance.authority'), value: labels.role(acceptance.authorityRole) },
          { label: t('risks.acceptance.acceptedScore'), value: <ScoreBadge score={scoreOf(matrix, acceptance.likelihood, acceptance.impact)} /> },
          { label: t('risks.acceptance.reason'), value: acceptance.reason, multiline: true },
          { label: t('risks.acceptance.validUntil'), value: <time dateTime={acceptance.validUntil}>{formatDay(acceptance.validUntil)}</time> },
          { label: t('risks.acceptance.decidedAt'), value: formatDateTime(acceptance.decidedAt) },
        ]}
      />
    </div>
  );
}

function AcceptForm({ slug, risk, renew, onDone, onStart }: { slug: string; risk: RiskDetail; renew: boolean; onDone: () => void; onStart: () => void }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const queryClient = useQueryClient();
  const today = todayLocal();
  const latest = shiftDay(today, { months: MAX_YEARS * 12 });
  const [deciderFunction, setDeciderFunction] = useState('');
  const [reason, setReason] = useState('');
  const [validUntil, setValidUntil] = useState(shiftDay(today, { months: 12 }));
  const { errors, check } = useFormErrors('acceptance');
  const mutation = useMutation({
    mutationFn: () => acceptRisk(slug, risk.id, { deciderFunction: deciderFunction.trim(), reason: reason.trim(), validUntil }),
    onMutate: onStart,
    onSuccess: async (updated) => {
      queryClient.setQueryData(riskKey(slug, risk.id), updated);
      await invalidateRisks(queryClient, slug);
      onDone();
    },
  });
  const serverErrors = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const valid = check({
      deciderFunction: requiredError(deciderFunction, t),
      reason: reason.trim().length < MIN_REASON ? t('risks.acceptance.reasonTooShort', { min: MIN_REASON }) : null,
      validUntil: !/^\d{4}-\d{2}-\d{2}$/.test(validUntil)
        ? t('errors.required')
        : validUntil <= today
          ? t('risks.acceptance.untilInPast')
          : validUntil > latest
            ? t('risks.acceptance.untilTooLate', { years: MAX_YEARS })
            : null,
    });
    if (valid) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-labelledby="accept-risk-heading" className="wb-risk-accept">
      <Heading3 id="accept-risk-heading">{renew ? t('risks.acceptance.renew') : t('risks.acceptance.accept')}</Heading3>
      <Paragraph>
        {t('risks.acceptance.intro', { level: labels.level(risk.residual.level), score: risk.residual.score })} <LevelBadge level={risk.residual.level} />
      </Paragraph>
      <ProblemAlert error={mutation.error} />
      <TextField
        id="acceptance-deciderFunction"
        label={t('risks.acceptance.function')}
        description={t('risks.acceptance.functionHelp')}
        value={deciderFunction}
        onChange={setDeciderFunction}
        error={errors.deciderFunction ?? serverErrors.deciderFunction}
        required
        maxLength={200}
        autoComplete="organization-title"
      />
      <TextareaField
        id="acceptance-reason"
        label={t('risks.acceptance.reason')}
        description={t('risks.acceptance.reasonHelp', { min: MIN_REASON })}
        value={reason}
        onChange={setReason}
        error={errors.reason ?? serverErrors.reason}
        required
        rows={4}
        maxLength={4000}
      />
      <TextField
        id="acceptance-validUntil"
        type="date"
        label={t('risks.acceptance.validUntil')}
        description={t('risks.acceptance.validUntilHelp', { years: MAX_YEARS })}
        value={validUntil}
        onChange={setValidUntil}
        error={errors.validUntil ?? serverErrors.validUntil}
        required
        min={shiftDay(today, { days: 1 })}
        max={latest}
      />
      <SubmitButtons label={t('risks.acceptance.submit')} pending={mutation.isPending} />
    </form>
  );
}

function RevokeForm({ slug, risk, onDone, onStart }: { slug: string; risk: RiskDetail; onDone: () => void; onStart: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { errors, check } = useFormErrors('revoke');
  const mutation = useMutation({
    mutationFn: () => revokeAcceptance(slug, risk.id, reason.trim()),
    onMutate: onStart,
    onSuccess: async (updated) => {
      queryClient.setQueryData(riskKey(slug, risk.id), updated);
      await invalidateRisks(queryClient, slug);
      onDone();
    },
  });
  if (!open) {
    return (
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" hint="danger" onClick={() => setOpen(true)}>
          {t('risks.acceptance.revoke')}
        </Button>
      </ButtonGroup>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (check({ reason: requiredError(reason, t) })) mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('risks.acceptance.revoke')}>
      <ProblemAlert error={mutation.error} />
      <TextareaField id="revoke-reason" label={t('risks.acceptance.revokeReason')} value={reason} onChange={setReason} error={errors.reason} required rows={2} maxLength={2000} autoFocus />
      <SubmitButtons label={t('risks.acceptance.revokeSubmit')} pending={mutation.isPending}>
        <Button type="button" appearance="subtle-button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </SubmitButtons>
    </form>
  );
}

function PastAcceptances({ acceptances }: { acceptances: Acceptance[] }) {
  const { t } = useTranslation();
  if (acceptances.length === 0) return null;
  return (
    <>
      <Heading3 id="risk-acceptances-heading">{t('risks.acceptance.all')}</Heading3>
      <DataTable
        label={t('risks.acceptance.all')}
        labelledBy="risk-acceptances-heading"
        columns={[t('risks.acceptance.decidedAt'), t('risks.acceptance.decider'), t('risks.acceptance.level'), t('risks.acceptance.reason'), t('risks.acceptance.validUntil'), t('risks.acceptance.revokedAt')]}
      >
        {acceptances.map((acceptance) => (
          <TableRow key={acceptance.id}>
            <TableHeaderCell scope="row">
              <time dateTime={acceptance.decidedAt}>{formatDateTime(acceptance.decidedAt)}</time>
            </TableHeaderCell>
            <TableCell>
              {acceptance.deciderName}, {acceptance.deciderFunction}
            </TableCell>
            <TableCell>
              <LevelBadge level={acceptance.level} />
            </TableCell>
            <TableCell className="wb-risk-reason">{acceptance.reason}</TableCell>
            <TableCell>
              <time dateTime={acceptance.validUntil}>{formatDay(acceptance.validUntil)}</time>
            </TableCell>
            <TableCell>
              {acceptance.revokedAt ? (
                <>
                  {formatDateTime(acceptance.revokedAt)}
                  {acceptance.revokedReason ? <span className="wb-muted"> — {acceptance.revokedReason}</span> : null}
                </>
              ) : (
                <span className="wb-muted">{t('risks.acceptance.notRevoked')}</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </DataTable>
    </>
  );
}
