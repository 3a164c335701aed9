import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/format';
import type { AuditEvent } from './api';
import { ChangeList } from './ChangeList';
import { TableScroll } from '../../shared/TableScroll';

function Actor({ actor }: { actor: AuditEvent['actor'] }) {
  const { t } = useTranslation();
  if (actor.type === 'system') return <>{t('audit.actors.system')}</>;
  const who = actor.email ?? actor.id ?? t('common.unknown');
  return <>{actor.type === 'token' ? t('audit.actors.token', { who }) : who}</>;
}

export function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation();
  return (
    <TableScroll label={t('audit.events')}>
      <Table>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('audit.seq')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.occurredAt')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.actor')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.entity')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.action')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('audit.changes')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
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
        </TableBody>
      </Table>
    </TableScroll>
  );
}
