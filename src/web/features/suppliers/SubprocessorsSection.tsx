import { Button, ButtonGroup, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { TextField } from '../../shared/TextField';
import { useFormErrors } from '../../shared/useFormErrors';
import { addSubprocessor, fetchSupplierOptions, removeSubprocessor, supplierOptionsKey } from './api';
import type { Supplier, SupplierRef } from './api';
import { HighRiskBadge, supplierPath } from './labels';
import { useSupplierChanged } from './queries';

/** The supplier's sub-processors (other suppliers of the organisation) and the suppliers that use it as one. */
export function SubprocessorsSection({ slug, supplier, canManage }: { slug: string; supplier: Supplier; canManage: boolean }) {
  const { t } = useTranslation();
  const changed = useSupplierChanged(slug, supplier.id);
  const [notice, setNotice] = useState('');
  const removal = useMutation({
    mutationFn: (ref: SupplierRef) => removeSubprocessor(slug, supplier.id, ref.id),
    onMutate: () => setNotice(''),
    onSuccess: async (_r, ref) => {
      await changed();
      setNotice(t('suppliers.subprocessors.removed', { name: ref.name }));
      requestAnimationFrame(() => document.getElementById('subprocessors-heading')?.focus());
    },
  });
  return (
    <section aria-labelledby="subprocessors-heading" className="wb-section">
      <Heading2 id="subprocessors-heading" tabIndex={-1}>
        {t('suppliers.subprocessors.title')}
      </Heading2>
      <p role="status" className="wb-visually-hidden">
        {notice}
      </p>
      {supplier.subprocessors.length === 0 ? (
        <Paragraph>{t('suppliers.subprocessors.none')}</Paragraph>
      ) : (
        <ul className="wb-plain-list" aria-label={t('suppliers.subprocessors.title')}>
          {supplier.subprocessors.map((ref) => (
            <li key={ref.id}>
              <AppLink to={supplierPath(slug, ref.id)}>{ref.name}</AppLink> {ref.highRisk ? <HighRiskBadge /> : null}{' '}
              {canManage ? (
                <Button
                  type="button"
                  appearance="subtle-button"
                  hint="danger"
                  busy={removal.isPending && removal.variables?.id === ref.id}
                  disabled={removal.isPending}
                  onClick={() => {
                    if (window.confirm(t('suppliers.subprocessors.confirmRemove', { name: ref.name }))) removal.mutate(ref);
                  }}
                >
                  {t('suppliers.subprocessors.remove')}
                  <span className="wb-visually-hidden"> {ref.name}</span>
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={removal.error} />
      {supplier.subprocessorOf.length ? (
        <Paragraph>
          {t('suppliers.subprocessors.usedBy')}{' '}
          {supplier.subprocessorOf.map((ref, index) => (
            <span key={ref.id}>
              {index ? ', ' : ''}
              <AppLink to={supplierPath(slug, ref.id)}>{ref.name}</AppLink>
            </span>
          ))}
        </Paragraph>
      ) : null}
      {canManage ? <AddSubprocessor slug={slug} supplier={supplier} onAdded={(name) => setNotice(t('suppliers.subprocessors.added', { name }))} /> : null}
    </section>
  );
}

function AddSubprocessor({ slug, supplier, onAdded }: { slug: string; supplier: Supplier; onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const changed = useSupplierChanged(slug, supplier.id);
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const [choice, setChoice] = useState('');
  const { errors, check } = useFormErrors('subprocessor');
  const options = useQuery({
    queryKey: supplierOptionsKey(slug, q),
    queryFn: ({ signal }) => fetchSupplierOptions(slug, q, signal),
    enabled: open,
  });
  const taken = new Set([supplier.id, ...supplier.subprocessors.map((s) => s.id)]);
  const candidates = (options.data?.items ?? []).filter((s) => !taken.has(s.id));
  const mutation = useMutation({
    mutationFn: (id: string) => addSubprocessor(slug, supplier.id, id),
    onSuccess: async (updated, id) => {
      await changed(updated);
      onAdded(candidates.find((s) => s.id === id)?.name ?? '');
      setChoice('');
      setOpen(false);
      requestAnimationFrame(() => document.getElementById('subprocessor-open')?.focus());
    },
  });
  if (!open) {
    return (
      <ButtonGroup>
        <Button id="subprocessor-open" type="button" appearance="secondary-action-button" onClick={() => setOpen(true)}>
          {t('suppliers.subprocessors.add')}
        </Button>
      </ButtonGroup>
    );
  }
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQ(search.trim());
    setChoice('');
  };
  const onAdd = (event: FormEvent) => {
    event.preventDefault();
    if (check({ choice: choice ? null : t('suppliers.subprocessors.chooseRequired') })) mutation.mutate(choice);
  };
  return (
    <div className="wb-subsection">
      <Heading3>{t('suppliers.subprocessors.add')}</Heading3>
      <form role="search" aria-label={t('suppliers.subprocessors.searchLabel')} onSubmit={onSearch} className="wb-inline-form">
        <TextField id="subprocessor-search" label={t('suppliers.subprocessors.search')} type="search" value={search} onChange={setSearch} maxLength={100} autoComplete="off" autoFocus />
        <Button type="submit" appearance="secondary-action-button">
          {t('suppliers.subprocessors.searchSubmit')}
        </Button>
      </form>
      {options.isPending ? <Loading /> : null}
      <ProblemAlert error={options.error} />
      {options.data ? (
        candidates.length === 0 ? (
          <Paragraph>{t('suppliers.subprocessors.noCandidates')}</Paragraph>
        ) : (
          <form onSubmit={onAdd} noValidate>
            <SelectField
              id="subprocessor-choice"
              label={t('suppliers.subprocessors.choose')}
              value={choice}
              options={[{ value: '', label: t('common.choose') }, ...candidates.map((s) => ({ value: s.id, label: s.highRisk ? `${s.name} (${t('suppliers.highRisk.badge')})` : s.name }))]}
              onChange={setChoice}
              error={errors.choice}
            />
            <ProblemAlert error={mutation.error} />
            <SubmitButtons label={t('suppliers.subprocessors.link')} pending={mutation.isPending}>
              <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </SubmitButtons>
          </form>
        )
      ) : null}
    </div>
  );
}
