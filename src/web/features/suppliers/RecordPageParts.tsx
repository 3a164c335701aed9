import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { dependantsOf } from './api';
import type { Dependant } from './api';
import { DependantsList } from './DependantsList';

/*
 * What the supplier and joint-arrangement pages share: create a record and open its page (with a
 * "created" notice), and the delete section that shows what depends on the record (the API's 409) and
 * lets the user delete anyway or keep it.
 */

/** The navigation state a record page reads to show "created". */
export interface CreatedNotice {
  created?: boolean;
}

/** A mutation that creates a record, caches it, refreshes the list and opens the record's page. */
export function useCreateAndOpen<I, T extends { id: string }>(opts: { create: (input: I) => Promise<T>; detailKey: (id: string) => QueryKey; listKey: QueryKey; path: (id: string) => string }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: opts.create,
    onSuccess: async (record) => {
      queryClient.setQueryData(opts.detailKey(record.id), record);
      await queryClient.invalidateQueries({ queryKey: opts.listKey });
      await navigate(opts.path(record.id), { state: { created: true } satisfies CreatedNotice });
    },
  });
}

interface DeleteSectionProps {
  /** id prefix for the heading */
  id: string;
  name: string;
  texts: { title: string; intro: string; button: string; confirm: string };
  remove: (force: boolean) => Promise<unknown>;
  detailKey: QueryKey;
  listKey: QueryKey;
  /** the list page, which says what was deleted (state `{ deleted: name }`) */
  listPath: string;
}

/** Delete a record; a 409 lists its dependants with "delete anyway" and "keep". */
export function DeleteSection({ id, name, texts, remove, detailKey, listKey, listPath }: DeleteSectionProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [dependants, setDependants] = useState<Dependant[] | null>(null);
  const mutation = useMutation({
    mutationFn: remove,
    onSuccess: async () => {
      const key = JSON.stringify(detailKey);
      await queryClient.invalidateQueries({ queryKey: listKey, predicate: (q) => JSON.stringify(q.queryKey) !== key });
      await navigate(listPath, { state: { deleted: name } });
      queryClient.removeQueries({ queryKey: detailKey, exact: true });
    },
    onError: (error) => {
      const list = dependantsOf(error);
      if (list.length) setDependants(list);
    },
  });
  const onDelete = () => {
    if (!window.confirm(texts.confirm)) return;
    setDependants(null);
    mutation.mutate(false);
  };
  return (
    <section aria-labelledby={`${id}-heading`} className="wb-section">
      <Heading2 id={`${id}-heading`}>{texts.title}</Heading2>
      <Paragraph>{texts.intro}</Paragraph>
      {dependants ? (
        <DependantsList dependants={dependants} busy={mutation.isPending} onForce={() => mutation.mutate(true)} onCancel={() => setDependants(null)} />
      ) : (
        <>
          <ProblemAlert error={mutation.error} />
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" hint="danger" busy={mutation.isPending} disabled={mutation.isPending} onClick={onDelete}>
              {texts.button}
            </Button>
          </ButtonGroup>
        </>
      )}
    </section>
  );
}
