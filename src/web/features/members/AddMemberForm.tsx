import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { addMember, membersKey } from './api';
import { EmailRolesFields, useEmailRolesForm } from './EmailRolesFields';
import type { OrganisationKind } from '../../../shared/roles';

/** Adds a user who already has an account to this organisation. */
export function AddMemberForm({ slug, kind }: { slug: string; kind: OrganisationKind }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useEmailRolesForm('add-member');
  const [added, setAdded] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (body: { email: string; roles: string[] }) => addMember(slug, body),
    onSuccess: async (_result, body) => {
      setAdded(body.email);
      form.setEmail('');
      await queryClient.invalidateQueries({ queryKey: membersKey(slug) });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.check();
    if (!body) return;
    setAdded(null);
    mutation.mutate(body);
  };

  return (
    <section aria-labelledby="add-member-heading" className="wb-section">
      <Heading2 id="add-member-heading">{t('members.add.title')}</Heading2>
      <Paragraph>{t('members.add.intro')}</Paragraph>
      <form onSubmit={onSubmit} noValidate>
        <ProblemAlert error={mutation.error} />
        {added ? <SuccessAlert>{t('members.add.done', { email: added })}</SuccessAlert> : null}
        <EmailRolesFields form={form} kind={kind} error={mutation.error} />
        <SubmitButtons label={t('members.add.submit')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
