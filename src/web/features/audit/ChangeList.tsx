import { useTranslation } from 'react-i18next';
import type { AuditEvent } from './api';

function Value({ value }: { value: unknown }) {
  const { t } = useTranslation();
  if (value === null || value === undefined || value === '') {
    return <span className="wb-muted">{t('audit.empty')}</span>;
  }
  if (typeof value === 'boolean') return <>{value ? t('common.yes') : t('common.no')}</>;
  if (typeof value === 'string' || typeof value === 'number') return <>{String(value)}</>;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string' || typeof item === 'number')) {
    return <>{value.length > 0 ? value.join(', ') : t('audit.empty')}</>;
  }
  return <code className="wb-code">{JSON.stringify(value)}</code>;
}

/** The fields an event changed, each as "field: before → after". */
export function ChangeList({ changes }: { changes: AuditEvent['changes'] }) {
  const { t } = useTranslation();
  const entries = Object.entries(changes ?? {});
  if (entries.length === 0) return <span className="wb-muted">{t('audit.noChanges')}</span>;
  return (
    <ul className="wb-changes">
      {entries.map(([field, change]) => (
        <li key={field}>
          <span className="wb-changes__field">{field}</span>:{' '}
          {change?.redacted ? (
            <span className="wb-muted">{t('audit.redacted')}</span>
          ) : (
            <>
              <Value value={change?.before} /> <span aria-hidden="true">→</span>
              <span className="wb-visually-hidden"> {t('audit.becomes')} </span> <Value value={change?.after} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
