import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../app/api';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../../shared/organisation';
import { fetchMembers, membersKey } from '../../members/api';
import type { SelectFieldOption } from '../../../shared/SelectField';

/**
 * The organisation's members as options for an owner field (needs members.read). `available` is
 * false when they cannot be listed; the caller then shows the saved owner read-only.
 */
export function useMemberOptions(emptyLabel: string, current?: { id: string; name: string } | null) {
  const organisation = useCurrentOrganisation();
  const mayList = can(organisation, PERMISSIONS.readMembers);
  const members = useQuery({
    queryKey: membersKey(organisation.slug),
    queryFn: ({ signal }) => fetchMembers(organisation.slug, signal),
    enabled: mayList,
    retry: (count, cause) => !(isApiError(cause) && cause.status === 403) && count < 2,
  });
  const options: SelectFieldOption[] = [
    { value: '', label: emptyLabel },
    ...(members.data ?? [])
      .map((member) => ({ value: member.userId, label: member.name ? `${member.name} (${member.email})` : member.email }))
      .sort((a, b) => a.label.localeCompare(b.label)),
  ];
  if (current && !options.some((option) => option.value === current.id)) options.push({ value: current.id, label: current.name });
  return { options, available: mayList && !(isApiError(members.error) && members.error.status === 403), isPending: mayList && members.isPending };
}

/** Labels for action statuses and sources. */
export function useActionLabels() {
  const { t } = useTranslation();
  return {
    status: (status: string) => t(`evidence.actions.statuses.${status}`, { defaultValue: status }),
    source: (type: string) => t(`evidence.actions.sources.${type}`, { defaultValue: type }),
  };
}
