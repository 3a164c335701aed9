import { Button } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SubmitButtons } from '../../../shared/SubmitButtons';
import { TextField } from '../../../shared/TextField';
import { fieldErrors } from '../../../shared/problem';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { useFormErrors } from '../../../shared/useFormErrors';
import { evidenceContentUrl, updateEvidence } from './api';
import type { Evidence } from './api';
import { EvidenceStatusBadge, formatDay, useInvalidateEvidence, useValidityText } from './shared';
import { formatBytes } from './transfer';

const HASH_SHOWN = 12;

/** (Kind,) file (download, size) or address, validity with its status, and the content hash. */
export function EvidenceFacts({ evidence, showKind = false }: { evidence: Evidence; showKind?: boolean }) {
  const { t, i18n } = useTranslation();
  const organisation = useCurrentOrganisation();
  const validity = useValidityText();
  return (
    <dl className="wb-facts">
      {showKind ? (
        <div className="wb-facts__item">
          <dt>{t('evidence.fields.kind')}</dt>
          <dd>{t(`evidence.kinds.${evidence.kind}`)}</dd>
        </div>
      ) : null}
      {evidence.kind === 'file' && evidence.fileName ? (
        <div className="wb-facts__item">
          <dt>{t('evidence.fields.file')}</dt>
          <dd>
            <a className="utrecht-link utrecht-link--html-a wb-break" href={evidenceContentUrl(organisation.slug, evidence.id)} download={evidence.fileName}>
              {evidence.fileName}
              <span className="wb-visually-hidden"> ({t('evidence.fields.download')})</span>
            </a>{' '}
            ({formatBytes(evidence.sizeBytes, i18n.language)})
          </dd>
        </div>
      ) : null}
      {evidence.url ? (
        <div className="wb-facts__item">
          <dt>{t('evidence.fields.url')}</dt>
          <dd>
            <a className="utrecht-link utrecht-link--html-a wb-break" href={evidence.url} rel="noopener noreferrer">
              {evidence.url}
            </a>
          </dd>
        </div>
      ) : null}
      {evidence.description ? (
        <div className="wb-facts__item">
          <dt>{t('evidence.fields.description')}</dt>
          <dd>{evidence.description}</dd>
        </div>
      ) : null}
      <div className="wb-facts__item">
        <dt>{t('evidence.fields.validity')}</dt>
        <dd>
          {validity(evidence.validFrom, evidence.validUntil, formatDay)} <EvidenceStatusBadge status={evidence.status} />
        </dd>
      </div>
      {evidence.sha256 ? (
        <div className="wb-facts__item">
          <dt>{t('evidence.fields.sha256')}</dt>
          <dd>
            <details className="wb-evidence__hash">
              <summary>
                <code className="wb-code" title={evidence.sha256}>
                  {evidence.sha256.slice(0, HASH_SHOWN)}…
                </code>
                <span className="wb-visually-hidden"> ({t('evidence.fields.showHash')})</span>
              </summary>
              <code className="wb-code" data-sha256={evidence.sha256}>
                {evidence.sha256}
              </code>
            </details>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Client-side check of a validity period: the end is not before the start. */
export function validityErrors(validFrom: string, validUntil: string, t: TFunction): Record<string, string | null> {
  return {
    validFrom: null,
    validUntil: validFrom && validUntil && validUntil < validFrom ? t('evidence.validity.endBeforeStart') : null,
  };
}

interface ValidityFieldsProps {
  idPrefix: string;
  validFrom: string;
  validUntil: string;
  onValidFrom: (value: string) => void;
  onValidUntil: (value: string) => void;
  errors: { validFrom?: string | null; validUntil?: string | null };
}

/** "Geldig vanaf" and "Geldig tot en met" date fields; ids `${idPrefix}-validFrom` / `-validUntil`. */
export function ValidityFields({ idPrefix, validFrom, validUntil, onValidFrom, onValidUntil, errors }: ValidityFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="wb-date-fields">
      <TextField id={`${idPrefix}-validFrom`} label={t('evidence.fields.validFrom')} type="date" value={validFrom} onChange={onValidFrom} error={errors.validFrom} />
      <TextField
        id={`${idPrefix}-validUntil`}
        label={t('evidence.fields.validUntil')}
        description={t('evidence.validity.untilHint')}
        type="date"
        value={validUntil}
        onChange={onValidUntil}
        error={errors.validUntil}
      />
    </div>
  );
}

/** Changes the validity period of one piece of evidence (PATCH); empty fields clear the date. */
export function ValidityForm({ evidence, idPrefix, onDone }: { evidence: Evidence; idPrefix: string; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const invalidate = useInvalidateEvidence(organisation.slug);
  const [validFrom, setValidFrom] = useState(evidence.validFrom ?? '');
  const [validUntil, setValidUntil] = useState(evidence.validUntil ?? '');
  const { errors, check } = useFormErrors(idPrefix);
  const mutation = useMutation({
    mutationFn: () => updateEvidence(organisation.slug, evidence.id, { validFrom: validFrom || null, validUntil: validUntil || null }),
    onSuccess: async () => {
      await invalidate();
      onDone(true);
    },
  });
  const server = fieldErrors(mutation.error);
  useEffect(() => {
    document.getElementById(`${idPrefix}-validFrom`)?.focus();
  }, [idPrefix]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check(validityErrors(validFrom, validUntil, t))) return;
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('evidence.validity.formLabel', { title: evidence.title })}>
      <ValidityFields
        idPrefix={idPrefix}
        validFrom={validFrom}
        validUntil={validUntil}
        onValidFrom={setValidFrom}
        onValidUntil={setValidUntil}
        errors={{ validFrom: errors.validFrom ?? server.validFrom, validUntil: errors.validUntil ?? server.validUntil }}
      />
      <ProblemAlert error={mutation.error} />
      <SubmitButtons label={t('common.save')} pending={mutation.isPending}>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </SubmitButtons>
    </form>
  );
}
