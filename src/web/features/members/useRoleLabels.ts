import { useTranslation } from 'react-i18next';

/** "Beheerder, CISO" for ['admin', 'ciso']; unknown roles are shown as they are. */
export function useRoleLabels() {
  const { t } = useTranslation();
  return (roles: string[]) =>
    roles.length > 0 ? roles.map((role) => t(`roles.${role}`, { defaultValue: role })).join(', ') : t('members.noRoles');
}
