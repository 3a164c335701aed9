import { Button, ButtonGroup, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import type { Member } from './api';
import { useRoleLabels } from './useRoleLabels';
import { DataTable } from '../../shared/DataTable';

export interface MembersTableProps {
  members: Member[];
  onEdit: (member: Member) => void;
  onRemove: (member: Member) => void;
  removing: string | null;
}

export function MembersTable({ members, onEdit, onRemove, removing }: MembersTableProps) {
  const { t } = useTranslation();
  const roleLabels = useRoleLabels();
  return (
    <DataTable label={t('members.listTitle')} columns={[t('fields.name'), t('fields.email'), t('members.roles'), t('members.mfa'), <span className="wb-visually-hidden">{t('common.actions')}</span>]}>
      {members.map((member) => (
        <TableRow key={member.userId}>
          <TableHeaderCell scope="row">{member.name || member.email}</TableHeaderCell>
          <TableCell className="wb-break">{member.email}</TableCell>
          <TableCell>{roleLabels(member.roles)}</TableCell>
          <TableCell>
            <StatusBadge status={member.mfaEnabled ? 'safe' : 'warning'}>
              {member.mfaEnabled ? t('profile.totp.on') : t('profile.totp.off')}
            </StatusBadge>
          </TableCell>
          <TableCell>
            <ButtonGroup direction="column" className="wb-row-actions">
              <Button type="button" appearance="secondary-action-button" onClick={() => onEdit(member)}>
                {t('members.editRoles')}
                <span className="wb-visually-hidden"> {member.name || member.email}</span>
              </Button>
              <Button
                type="button"
                appearance="secondary-action-button"
                hint="danger"
                busy={removing === member.userId}
                disabled={removing === member.userId}
                onClick={() => onRemove(member)}
              >
                {t('common.remove')}
                <span className="wb-visually-hidden"> {member.name || member.email}</span>
              </Button>
            </ButtonGroup>
          </TableCell>
        </TableRow>
      ))}
    </DataTable>
  );
}
