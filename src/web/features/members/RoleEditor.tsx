import { Button, Heading3 } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ME_KEY } from '../../app/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { RoleCheckboxes } from '../../shared/RoleCheckboxes';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { membersKey, updateMemberRoles } from './api';
import type { Member } from './api';
import type { OrganisationKind } from '../../../shared/roles';

export interface RoleEditorProps {
  slug: string;
  kind: OrganisationKind;
  member: Member;
  onClose: (saved: boolean) => void;
}

/** Edits one member's roles; takes focus when opened so keyboard users land in the form. */
export function RoleEditor({ slug, kind, member, onClose }: RoleEditorProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [roles, setRoles] = useState(member.roles);
  const [error, setError] = useState<string | null>(null);
  const who = member.name || member.email;
  const mutation = useMutation({
    mutationFn: () => updateMemberRoles(slug, member.userId, roles),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: membersKey(slug) });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      onClose(true);
    },
  });

  useEffect(() => headingRef.current?.focus(), [member.userId]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const invalid = roles.length === 0 ? t('members.rolesRequired') : null;
    setError(invalid);
    if (!invalid) mutation.mutate();
  };

  return (
    <section aria-labelledby="role-editor-heading" className="wb-section wb-panel">
      <Heading3 id="role-editor-heading" ref={headingRef} tabIndex={-1}>
        {t('members.editRolesFor', { name: who })}
      </Heading3>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        <RoleCheckboxes idPrefix="edit-roles" kind={kind} legend={t('members.roles')} value={roles} onChange={setRoles} error={error} />
        <SubmitButtons label={t('common.save')} pending={mutation.isPending}>
          <Button type="button" appearance="subtle-button" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
        </SubmitButtons>
      </form>
    </section>
  );
}
