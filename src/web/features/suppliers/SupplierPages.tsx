import { Alert, Button, ButtonGroup, Heading2, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { NodeDependencies } from '../dependencies/NodeDependencies';
import { LinkedRisks } from '../risks/LinkedRisks';
import { createSupplier, deleteSupplier, fetchSupplier, SUPPLIER_PERMISSIONS, supplierKey, suppliersKey, updateSupplier } from './api';
import type { Supplier, SupplierInput, WarningCode } from './api';
import { endsSoon, today } from './model';
import { CertificationStatusBadge, formatDay, highRiskCountriesPath, supplierPath, suppliersPath, useSupplierLabels, WarningBadge } from './labels';
import { ProcurementSection } from './ProcurementSection';
import { Subpage } from './Subpage';
import { DeleteSection, useCreateAndOpen } from './RecordPageParts';
import type { CreatedNotice } from './RecordPageParts';
import { SubprocessorsSection } from './SubprocessorsSection';
import { AgreementsSection, CertificationsSection, ContractsSection } from './SupplierParts';
import { emptySupplier, SupplierForm, supplierValues } from './SupplierForm';

function useCrumbs() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return [{ to: suppliersPath(organisation.slug), label: t('suppliers.list.title') }];
}

/** /o/:org/assets/suppliers/new — record a supplier, then continue on its page. */
export function NewSupplierPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const mutation = useCreateAndOpen({ create: (input: SupplierInput) => createSupplier(slug, input), detailKey: (id) => supplierKey(slug, id), listKey: suppliersKey(slug), path: (id) => supplierPath(slug, id) });
  return (
    <Subpage title={t('suppliers.new.title')} intro={t('suppliers.new.intro')} crumbs={useCrumbs()} allowed={can(organisation, SUPPLIER_PERMISSIONS.manage)}>
      <SupplierForm
        key={slug}
        idPrefix="supplier"
        initial={emptySupplier}
        submitLabel={t('suppliers.new.submit')}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(input) => mutation.mutate(input)}
        cancel={
          <AppLink to={suppliersPath(slug)} className="wb-form-cancel">
            {t('common.cancel')}
          </AppLink>
        }
      />
    </Subpage>
  );
}

/** /o/:org/assets/suppliers/:supplierId — the supplier's facts and every part of it. */
export function SupplierPage() {
  const { supplierId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <SupplierView key={`${organisation.slug}|${supplierId}`} supplierId={supplierId} />;
}

function SupplierView({ supplierId }: { supplierId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const slug = organisation.slug;
  const canRead = can(organisation, SUPPLIER_PERMISSIONS.read);
  const canManage = can(organisation, SUPPLIER_PERMISSIONS.manage);
  const supplier = useQuery({ queryKey: supplierKey(slug, supplierId), queryFn: ({ signal }) => fetchSupplier(slug, supplierId, signal), enabled: canRead });
  const [saved, setSaved] = useState(false);
  const created = Boolean((location.state as CreatedNotice | null)?.created);
  const data = supplier.data;
  return (
    <Subpage title={data?.name ?? t('suppliers.detail.title')} crumbs={useCrumbs()} allowed={canRead}>
      {supplier.isPending ? <Loading /> : null}
      <ProblemAlert error={supplier.error} />
      {saved ? <SuccessAlert>{t('suppliers.detail.saved')}</SuccessAlert> : created ? <SuccessAlert>{t('suppliers.detail.created')}</SuccessAlert> : null}
      {data ? (
        <>
          <SupplierFacts slug={slug} supplier={data} />
          <ContractsSection slug={slug} supplier={data} canManage={canManage} />
          <AgreementsSection slug={slug} supplier={data} canManage={canManage} />
          <CertificationsSection slug={slug} supplier={data} canManage={canManage} />
          <SubprocessorsSection slug={slug} supplier={data} canManage={canManage} />
          <ProcurementSection slug={slug} supplier={data} canManage={canManage} />
          <NodeDependencies org={slug} node={{ type: 'supplier', id: data.id, name: data.name }} canManage={can(organisation, SUPPLIER_PERMISSIONS.dependencies)} />
          <LinkedRisks org={slug} targetId={data.id} />
          {canManage ? (
            <>
              <EditSupplier slug={slug} supplier={data} onSaved={() => setSaved(true)} onChange={() => setSaved(false)} />
              <DeleteSupplier slug={slug} supplier={data} />
            </>
          ) : null}
        </>
      ) : null}
    </Subpage>
  );
}

function SupplierFacts({ slug, supplier }: { slug: string; supplier: Supplier }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const signed = supplier.processingAgreements.filter((a) => a.signed);
  const dpaMissing = supplier.warnings.some((w) => w.code === 'verwerkersovereenkomst_ontbreekt');
  const certificationName = (c: Supplier['certifications'][number]) => (c.name ? `${labels.certificationKind(c.kind)} (${c.name})` : labels.certificationKind(c.kind));
  /** The warning in the interface language, naming the certificates and contracts concerned (the server's text is Dutch). */
  const warningDetail = (code: WarningCode): string | null => {
    if (code === 'verwerkersovereenkomst_ontbreekt') return t('suppliers.warningDetails.dpa');
    if (code === 'certificering_verlopen') {
      const expired = supplier.certifications.filter((c) => c.status === 'verlopen');
      return expired.length ? expired.map((c) => t('suppliers.warningDetails.certificate', { name: certificationName(c), date: formatDay(c.validUntil) })).join('; ') : null;
    }
    const on = today();
    const ending = supplier.contracts.filter((c) => endsSoon(c.endDate, on));
    return ending.length ? ending.map((c) => t('suppliers.warningDetails.contract', { title: c.title, date: formatDay(c.endDate) })).join('; ') : null;
  };
  return (
    <section aria-labelledby="facts-heading" className="wb-section">
      <Heading2 id="facts-heading">{t('suppliers.detail.facts')}</Heading2>
      {supplier.warnings.length ? (
        <Alert type="warning">
          <Paragraph>{t('suppliers.detail.warningsIntro')}</Paragraph>
          <UnorderedList>
            {supplier.warnings.map((warning) => (
              <UnorderedListItem key={warning.code}>
                <strong>{labels.warning(warning.code)}</strong>: {warningDetail(warning.code) ?? <span lang="nl">{warning.message}</span>}
              </UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : null}
      <FactList
        facts={[
          { label: t('suppliers.fields.registrationNumber'), value: supplier.registrationNumber ?? t('common.unknown') },
          supplier.website ? { label: t('suppliers.fields.website'), value: <a className="utrecht-link" href={supplier.website} rel="noopener noreferrer">{supplier.website}</a> } : null,
          supplier.description ? { label: t('suppliers.fields.description'), value: supplier.description, multiline: true } : null,
          { label: t('suppliers.fields.countryOfOrigin'), value: supplier.countryOfOrigin ? labels.country(supplier.countryOfOrigin) : t('common.unknown') },
          {
            label: t('suppliers.fields.processingCountries'),
            value: supplier.processingCountries.length ? supplier.processingCountries.map((c) => labels.country(c)).join(', ') : t('common.unknown'),
          },
          {
            label: t('suppliers.highRisk.label'),
            value: supplier.highRisk ? (
              <>
                <WarningBadge tone="danger">{t('suppliers.highRisk.yes')}</WarningBadge>
                <UnorderedList className="wb-cell-note">
                  {supplier.highRiskReasons.map((reason) => (
                    <UnorderedListItem key={`${reason.role}-${reason.country.code}`}>
                      {t(`suppliers.highRisk.role.${reason.role}`, { country: labels.country(reason.country) })}: {reason.reason}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
                <AppLink to={highRiskCountriesPath(slug)}>{t('suppliers.highRisk.listLink')}</AppLink>
              </>
            ) : (
              t('suppliers.highRisk.no')
            ),
          },
          { label: t('suppliers.fields.processesPersonalData'), value: supplier.processesPersonalData ? t('common.yes') : t('common.no') },
          {
            label: t('suppliers.agreements.title'),
            value: signed.length ? (
              t('suppliers.detail.dpaSigned', { date: signed[0].signedOn ? formatDay(signed[0].signedOn) : t('common.unknown') })
            ) : dpaMissing ? (
              <WarningBadge>{t('suppliers.warnings.verwerkersovereenkomst_ontbreekt')}</WarningBadge>
            ) : supplier.processingAgreements.length ? (
              t('suppliers.agreements.signedNo')
            ) : (
              t('suppliers.detail.dpaNotNeeded')
            ),
          },
          {
            label: t('suppliers.certifications.title'),
            value: supplier.certifications.length ? (
              <ul className="wb-plain-list">
                {supplier.certifications.map((c) => (
                  <li key={c.id}>
                    {labels.certificationKind(c.kind)}
                    {c.name ? ` (${c.name})` : ''} <CertificationStatusBadge status={c.status} />
                  </li>
                ))}
              </ul>
            ) : (
              t('suppliers.certifications.none')
            ),
          },
        ]}
      />
    </section>
  );
}

function EditSupplier({ slug, supplier, onSaved, onChange }: { slug: string; supplier: Supplier; onSaved: () => void; onChange: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: (input: SupplierInput) => updateSupplier(slug, supplier.id, input),
    onMutate: onChange,
    onSuccess: async (updated) => {
      queryClient.setQueryData(supplierKey(slug, supplier.id), updated);
      await queryClient.invalidateQueries({ queryKey: suppliersKey(slug), predicate: (q) => JSON.stringify(q.queryKey) !== JSON.stringify(supplierKey(slug, supplier.id)) });
      setOpen(false);
      onSaved();
      window.scrollTo({ top: 0 });
    },
  });
  return (
    <section aria-labelledby="edit-supplier-heading" className="wb-section">
      <Heading2 id="edit-supplier-heading">{t('suppliers.detail.editTitle')}</Heading2>
      {open ? (
        <SupplierForm
          idPrefix="supplier"
          initial={supplierValues(supplier)}
          submitLabel={t('common.save')}
          pending={mutation.isPending}
          error={mutation.error}
          onSubmit={(input) => mutation.mutate(input)}
          cancel={
            <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </Button>
          }
        />
      ) : (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" onClick={() => setOpen(true)}>
            {t('suppliers.detail.edit')}
          </Button>
        </ButtonGroup>
      )}
    </section>
  );
}

function DeleteSupplier({ slug, supplier }: { slug: string; supplier: Supplier }) {
  const { t } = useTranslation();
  return (
    <DeleteSection
      id="delete-supplier"
      name={supplier.name}
      texts={{ title: t('suppliers.detail.deleteTitle'), intro: t('suppliers.detail.deleteIntro'), button: t('suppliers.detail.delete'), confirm: t('suppliers.detail.confirmDelete', { name: supplier.name }) }}
      remove={(force) => deleteSupplier(slug, supplier.id, force)}
      detailKey={supplierKey(slug, supplier.id)}
      listKey={suppliersKey(slug)}
      listPath={suppliersPath(slug)}
    />
  );
}
