import { Button, Heading2, Paragraph, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInMe } from '../../app/session';
import { DataTable } from '../../shared/DataTable';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { formatDateTime } from '../../shared/format';
import { fieldErrors } from '../../shared/problem';
import { useCurrentOrganisation } from '../../shared/organisation';
import { useFormErrors } from '../../shared/useFormErrors';
import { deleteHighRiskCountry, fetchHighRiskCountries, highRiskCountriesKey, putHighRiskCountry, suppliersKey } from './api';
import type { HighRiskCountry } from './api';
import { countryOptions } from './countries';
import { suppliersPath, useSupplierLabels } from './labels';
import { Subpage } from './Subpage';

/**
 * /o/:org/assets/high-risk-countries — the installation's list of countries with offensive cyber
 * programmes, which sets a supplier's high-risk flag. Everyone reads it; installation administrators
 * add countries (with a reason) and remove them.
 */
export function HighRiskCountriesPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const me = useSignedInMe();
  const isAdmin = me.user.isInstallationAdmin;
  const list = useQuery({ queryKey: highRiskCountriesKey, queryFn: ({ signal }) => fetchHighRiskCountries(signal) });
  const [notice, setNotice] = useState('');
  return (
    <Subpage
      title={t('suppliers.highRisk.title')}
      intro={isAdmin ? t('suppliers.highRisk.introAdmin') : t('suppliers.highRisk.intro')}
      crumbs={[{ to: suppliersPath(organisation.slug), label: t('suppliers.list.title') }]}
    >
      <p role="status" className="wb-visually-hidden">
        {notice}
      </p>
      <section aria-labelledby="high-risk-list-heading" className="wb-section">
        <Heading2 id="high-risk-list-heading" tabIndex={-1}>
          {t('suppliers.highRisk.listTitle')}
        </Heading2>
        {list.isPending ? <Loading /> : null}
        <ProblemAlert error={list.error} />
        {list.data ? (
          list.data.items.length === 0 ? (
            <Paragraph>{t('suppliers.highRisk.none')}</Paragraph>
          ) : (
            <CountryTable items={list.data.items} isAdmin={isAdmin} onNotice={setNotice} />
          )
        ) : null}
      </section>
      {isAdmin && list.data ? <AddCountry listed={list.data.items} onNotice={setNotice} /> : null}
    </Subpage>
  );
}

function useInvalidate() {
  const queryClient = useQueryClient();
  const organisation = useCurrentOrganisation();
  // A change of the list changes every supplier's flag.
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: highRiskCountriesKey }), queryClient.invalidateQueries({ queryKey: suppliersKey(organisation.slug) })]);
}

function CountryTable({ items, isAdmin, onNotice }: { items: HighRiskCountry[]; isAdmin: boolean; onNotice: (text: string) => void }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const invalidate = useInvalidate();
  const removal = useMutation({
    mutationFn: (country: HighRiskCountry) => deleteHighRiskCountry(country.code),
    onMutate: () => onNotice(''),
    onSuccess: async (_r, country) => {
      await invalidate();
      onNotice(t('suppliers.highRisk.removed', { name: labels.country(country.code) }));
      requestAnimationFrame(() => document.getElementById('high-risk-list-heading')?.focus());
    },
  });
  return (
    <>
      <DataTable
        label={t('suppliers.highRisk.listTitle')}
        caption={t('suppliers.highRisk.listTitle')}
        columns={[t('suppliers.highRisk.country'), t('suppliers.highRisk.reason'), t('suppliers.highRisk.addedAt'), isAdmin && t('common.actions')]}
      >
        {items.map((country) => (
          <TableRow key={country.code}>
            <TableHeaderCell scope="row">
              {labels.country(country.code)} <span className="wb-muted">({country.code})</span>
            </TableHeaderCell>
            <TableCell>
              <span className="wb-break">{country.reason}</span>
            </TableCell>
            <TableCell>
              <time dateTime={country.addedAt}>{formatDateTime(country.addedAt)}</time>
            </TableCell>
            {isAdmin ? (
              <TableCell>
                <Button
                  type="button"
                  appearance="secondary-action-button"
                  hint="danger"
                  busy={removal.isPending && removal.variables?.code === country.code}
                  disabled={removal.isPending}
                  onClick={() => {
                    if (window.confirm(t('suppliers.highRisk.confirmRemove', { name: labels.country(country.code) }))) removal.mutate(country);
                  }}
                >
                  {t('suppliers.highRisk.remove')}
                  <span className="wb-visually-hidden"> {labels.country(country.code)}</span>
                </Button>
              </TableCell>
            ) : null}
          </TableRow>
        ))}
      </DataTable>
      <ProblemAlert error={removal.error} />
    </>
  );
}

function AddCountry({ listed, onNotice }: { listed: HighRiskCountry[]; onNotice: (text: string) => void }) {
  const { t, i18n } = useTranslation();
  const labels = useSupplierLabels();
  const invalidate = useInvalidate();
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [added, setAdded] = useState<string | null>(null);
  const { errors, check } = useFormErrors('high-risk');
  const taken = new Set(listed.map((c) => c.code));
  const mutation = useMutation({
    mutationFn: () => putHighRiskCountry(code, reason.trim()),
    onMutate: () => {
      setAdded(null);
      onNotice('');
    },
    onSuccess: async (country) => {
      await invalidate();
      setAdded(labels.country(country.code));
      setCode('');
      setReason('');
    },
  });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (
      !check({
        code: code ? null : t('suppliers.highRisk.countryRequired'),
        reason: reason.trim().length >= 3 ? null : t('suppliers.highRisk.reasonTooShort'),
      })
    )
      return;
    mutation.mutate();
  };
  return (
    <section aria-labelledby="high-risk-add-heading" className="wb-section">
      <Heading2 id="high-risk-add-heading">{t('suppliers.highRisk.addTitle')}</Heading2>
      {added ? <SuccessAlert>{t('suppliers.highRisk.added', { name: added })}</SuccessAlert> : null}
      <form onSubmit={submit} noValidate>
        <SelectField
          id="high-risk-code"
          label={t('suppliers.highRisk.country')}
          value={code}
          options={[{ value: '', label: t('common.choose') }, ...countryOptions(i18n.language).filter((o) => !taken.has(o.value))]}
          onChange={setCode}
          error={errors.code ?? server.code}
          required
        />
        <TextareaField
          id="high-risk-reason"
          label={t('suppliers.highRisk.reason')}
          description={t('suppliers.highRisk.reasonHint')}
          value={reason}
          onChange={setReason}
          rows={3}
          maxLength={2000}
          error={errors.reason ?? server.reason}
        />
        <ProblemAlert error={mutation.error} />
        <SubmitButtons label={t('suppliers.highRisk.add')} pending={mutation.isPending} />
      </form>
    </section>
  );
}

