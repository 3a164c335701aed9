import { TableCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { formatDateTime } from '../../shared/format';
import type { AuditEvent } from './api';
import { ChangeList } from './ChangeList';

function Actor({ actor }: { actor: AuditEvent['actor'] }) {
  const { t } = useTranslation();
  if (actor.type === 'system') return <>{t('audit.actors.system')}</>;
  const who = actor.email ?? actor.id ?? t('common.unknown');
  return <>{actor.type === 'token' ? t('audit.actors.token', { who }) : who}</>;
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  return (
    <DataTable
      label={t('audit.events')}
      columns={[t('audit.seq'), t('audit.occurredAt'), t('audit.actor'), t('audit.entity'), t('audit.action'), t('audit.changes')]}
    >
      {events.map((event) => (
        <TableRow key={event.id}>
          <TableCell>{event.seq}</TableCell>
          <TableCell>
            <time dateTime={event.occurredAt}>{formatDateTime(event.occurredAt)}</time>
          </TableCell>
          <TableCell>
            <Actor actor={event.actor} />
          </TableCell>
          <TableCell>
            {event.entityType}
            <br />
            <span className="wb-muted wb-break">{event.entityId}</span>
          </TableCell>
          <TableCell>{event.action}</TableCell>
          <TableCell>
            <ChangeList changes={event.changes} />
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
