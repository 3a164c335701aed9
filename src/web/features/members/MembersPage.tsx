import { Heading2 } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/session';
import { Loading } from '../../shared/Loading';
import { NoAccess } from '../../shared/NoAccess';
import { PageHeading } from '../../shared/PageHeading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { can, PERMISSIONS, useCurrentOrganisation } from '../../shared/organisation';
import { usePageTitle } from '../../shared/usePageTitle';
import { fetchMembers, membersKey, removeMember } from './api';
import type { Member } from './api';
import type { OrganisationKind } from '../../../shared/roles';
import { AddMemberForm } from './AddMemberForm';
import { InvitationsSection } from './InvitationsSection';
import { MembersTable } from './MembersTable';
import { RoleEditor } from './RoleEditor';

/** /o/:org/members — requires members.manage. */
export function MembersPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const title = t('members.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, PERMISSIONS.manageMembers)) return <NoAccess title={title} />;
  return (
    <>
      <PageHeading title={title} context={organisation.name} />
      <MembersSection key={organisation.slug} slug={organisation.slug} kind={organisation.kind} />
      <AddMemberForm key={`add-${organisation.slug}`} slug={organisation.slug} kind={organisation.kind} />
      <InvitationsSection key={`inv-${organisation.slug}`} slug={organisation.slug} kind={organisation.kind} />
    </>
  );
}

function MembersSection({ slug, kind }: { slug: string; kind: OrganisationKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState<Member | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const members = useQuery({ queryKey: membersKey(slug), queryFn: ({ signal }) => fetchMembers(slug, signal) });
  const remove = useMutation({
    mutationFn: (member: Member) => removeMember(slug, member.userId),
    onSuccess: (_result, member) => setNotice(t('members.removed', { name: member.name || member.email })),
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: membersKey(slug) });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });

  const onRemove = (member: Member) => {
    if (!window.confirm(t('members.confirmRemove', { name: member.name || member.email }))) return;
    setNotice(null);
    if (editing?.userId === member.userId) setEditing(null);
    remove.mutate(member);
  };

  return (
    <section aria-labelledby="members-heading" className="wb-section">
      <Heading2 id="members-heading" ref={headingRef} tabIndex={-1}>{t('members.listTitle')}</Heading2>
      {members.isPending ? <Loading /> : null}
      <ProblemAlert error={members.error ?? remove.error} />
      {notice ? <SuccessAlert>{notice}</SuccessAlert> : null}
      {members.data ? (
        <MembersTable
          members={members.data}
          onEdit={(member) => {
            setNotice(null);
            setEditing(member);
          }}
          onRemove={onRemove}
          removing={remove.isPending ? (remove.variables?.userId ?? null) : null}
        />
      ) : null}
      {editing ? (
        <RoleEditor
          key={editing.userId}
          slug={slug}
          kind={kind}
          member={editing}
          onClose={(saved) => {
            if (saved) setNotice(t('members.rolesSaved', { name: editing.name || editing.email }));
            setEditing(null);
            headingRef.current?.focus();
          }}
        />
      ) : null}
    </section>
  );
}
