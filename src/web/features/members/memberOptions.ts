import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../app/api';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import type { SelectFieldOption } from '../../shared/SelectField';
import { fetchMembers, membersKey } from './api';
import type { Member } from './api';

const refused = (error: unknown) => isApiError(error) && error.status === 403;

/** The organisation's members, to choose an owner from (needs members.read); a refusal is not retried. */
export function useMemberList(slug: string, enabled: boolean) {
  return useQuery({
    queryKey: membersKey(slug),
    queryFn: ({ signal }) => fetchMembers(slug, signal),
    enabled,
    retry: (count, cause) => !refused(cause) && count < 2,
  });
}

/** Members as select options ("name (email)", or the email alone), sorted by that label. */
export function memberOptions(members: Member[] | undefined): SelectFieldOption[] {
  return (members ?? [])
    .map((member) => ({ value: member.userId, label: member.name ? `${member.name} (${member.email})` : member.email }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/**
 * The organisation's members as options for an owner field, after an empty option; the current
 * owner is added when not among them. `available` is false when they cannot be listed (the caller
 * then shows the saved owner read-only); `listed` once they are loaded. `enabled: false` skips the
 * list altogether.
 */
export function useMemberOptions(emptyLabel: string, current?: { id: string; name: string } | null, { enabled = true }: { enabled?: boolean } = {}) {
  const organisation = useCurrentOrganisation();
  const mayList = enabled && can(organisation, PERMISSIONS.readMembers);
  const members = useMemberList(organisation.slug, mayList);
  const options: SelectFieldOption[] = [{ value: '', label: emptyLabel }, ...memberOptions(members.data)];
  if (current && !options.some((option) => option.value === current.id)) options.push({ value: current.id, label: current.name });
  return {
    options,
    available: mayList && !refused(members.error),
    isPending: mayList && members.isPending,
    listed: Boolean(members.data),
  };
}
