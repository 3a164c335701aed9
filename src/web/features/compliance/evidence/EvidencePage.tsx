import { Button, Heading2, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { AppLink } from '../../../shared/AppLink';
import { DataTable } from '../../../shared/DataTable';
import { PagedResults } from '../../../shared/PagedResults';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { TextField } from '../../../shared/TextField';
import { formatDateTime } from '../../../shared/format';
import { can, useCurrentOrganisation } from '../../../shared/organisation';
import { oneOf, searchParamsOf } from '../../../shared/searchParams';
import { usePagedList } from '../../../shared/usePagedList';
import { ComplianceSubpage } from '../ComplianceSubpage';
import { measurePath } from '../labels';
import { useFrameworkNames } from '../queries';
import { deleteEvidence, EVIDENCE_STATUSES, evidenceContentUrl, evidenceListKey, fetchEvidence } from './api';
import type { Evidence, EvidenceFilters, EvidenceStatus } from './api';
import { EVIDENCE_PERMISSIONS, EvidenceStatusBadge, formatDay, useInvalidateEvidence, useValidityText, requirementAssessmentPath } from './shared';
import { formatBytes } from './transfer';

/** /o/:org/compliance/evidence[?status=…&q=…] — all evidence with its validity and where it is used. */
export function EvidencePage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <ComplianceSubpage title={t('evidence.overview.title')} intro={t('evidence.overview.intro')} allowed={can(organisation, EVIDENCE_PERMISSIONS.read)}>
      <EvidenceList key={organisation.slug} slug={organisation.slug} />
    </ComplianceSubpage>
  );
}

function EvidenceList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters: EvidenceFilters = { q: params.get('q') ?? '', status: oneOf(EVIDENCE_STATUSES, params.get('status')) };
  const [search, setSearch] = useState(filters.q);
  const [status, setStatus] = useState<EvidenceStatus | ''>(filters.status);
  const evidence = usePagedList(evidenceListKey(slug, filters), (cursor, signal) => fetchEvidence(slug, filters, cursor, undefined, signal));
  const filtered = Boolean(filters.q || filters.status);

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchParamsOf({ q: search.trim(), status }), { replace: true });
  };

  return (
    <section aria-labelledby="evidence-list-heading" className="wb-section">
      <Heading2 id="evidence-list-heading">{t('evidence.overview.listTitle')}</Heading2>
      <form role="search" aria-label={t('evidence.overview.searchLabel')} onSubmit={onSearch} className="wb-inline-form">
        <TextField id="evidence-search" label={t('evidence.overview.search')} type="search" value={search} onChange={setSearch} autoComplete="off" maxLength={100} />
        <SelectField
          id="evidence-status"
          label={t('evidence.fields.status')}
          value={status}
          options={[{ value: '', label: t('evidence.overview.allStatuses') }, ...EVIDENCE_STATUSES.map((value) => ({ value, label: t(`evidence.statuses.${value}`) }))]}
          onChange={(value) => setStatus(value as EvidenceStatus | '')}
        />
        <Button type="submit" appearance="secondary-action-button">
          {t('evidence.overview.searchSubmit')}
        </Button>
      </form>
      <PagedResults
        list={evidence}
        empty={filtered ? t('evidence.overview.noneFound') : t('evidence.overview.none')}
        shown={t('evidence.overview.shown', { count: evidence.items.length })}
        loadMore={t('evidence.overview.loadMore')}
      >
        <EvidenceTable slug={slug} items={evidence.items} />
      </PagedResults>
    </section>
  );
}

function EvidenceTable({ slug, items }: { slug: string; items: Evidence[] }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const canManage = can(organisation, EVIDENCE_PERMISSIONS.manage);
  return (
    <DataTable
      label={t('evidence.overview.listTitle')}
      columns={[
        t('evidence.fields.title'),
        t('evidence.fields.kind'),
        t('evidence.fields.validity'),
        t('evidence.fields.usages'),
        t('evidence.fields.created'),
        canManage && t('common.actions'),
      ]}
    >
      {items.map((item) => (
        <EvidenceRow key={item.id} slug={slug} evidence={item} canManage={canManage} />
      ))}
    </DataTable>
  );
}

function EvidenceRow({ slug, evidence, canManage }: { slug: string; evidence: Evidence; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const frameworkName = useFrameworkNames();
  const validity = useValidityText();
  const invalidate = useInvalidateEvidence(slug);
  const remove = useMutation({ mutationFn: () => deleteEvidence(slug, evidence.id), onSuccess: () => invalidate() });
  const onDelete = () => {
    if (!window.confirm(t('evidence.overview.confirmDelete', { title: evidence.title }))) return;
    remove.mutate();
  };
  const usages = evidence.measures.length + evidence.assessments.length;
  return (
    <TableRow>
      <TableHeaderCell scope="row">
        {evidence.title}
        {evidence.kind === 'file' && evidence.fileName ? (
          <div>
            <a className="utrecht-link utrecht-link--html-a wb-break" href={evidenceContentUrl(slug, evidence.id)} download={evidence.fileName}>
              {evidence.fileName}
              <span className="wb-visually-hidden"> ({t('evidence.fields.download')})</span>
            </a>{' '}
            <span className="wb-nowrap">({formatBytes(evidence.sizeBytes, i18n.language)})</span>
          </div>
        ) : null}
        {evidence.url ? (
          <div>
            <a className="utrecht-link utrecht-link--html-a wb-break" href={evidence.url} rel="noopener noreferrer">
              {evidence.url}
            </a>
          </div>
        ) : null}
      </TableHeaderCell>
      <TableCell>{t(`evidence.kinds.${evidence.kind}`)}</TableCell>
      <TableCell>
        <EvidenceStatusBadge status={evidence.status} />
        <div>{validity(evidence.validFrom, evidence.validUntil, formatDay)}</div>
      </TableCell>
      <TableCell>
        {usages === 0 ? (
          <span className="wb-muted">{t('evidence.overview.unused')}</span>
        ) : (
          <ul className="wb-changes">
            {evidence.measures.map((measure) => (
              <li key={measure.id}>
                {t('evidence.overview.measure')}: <AppLink to={measurePath(slug, measure.id)}>{measure.title}</AppLink>
              </li>
            ))}
            {evidence.assessments.map((assessment) => (
              <li key={`${assessment.year}|${assessment.requirementId}`}>
                <AppLink to={requirementAssessmentPath(slug, assessment.year, assessment.requirementId)}>
                  {t('evidence.overview.assessment', { year: assessment.year, framework: frameworkName(assessment.frameworkId), ref: assessment.ref })}
                </AppLink>
              </li>
            ))}
          </ul>
        )}
      </TableCell>
      <TableCell>
        <time dateTime={evidence.createdAt}>{formatDateTime(evidence.createdAt)}</time>
        {evidence.createdBy ? <div>{evidence.createdBy.name}</div> : null}
      </TableCell>
      {canManage ? (
        <TableCell>
          <ProblemAlert error={remove.error} />
          <Button type="button" appearance="secondary-action-button" hint="danger" busy={remove.isPending} disabled={remove.isPending} onClick={onDelete}>
            {t('common.remove')}
            <span className="wb-visually-hidden"> {evidence.title}</span>
          </Button>
        </TableCell>
      ) : null}
    </TableRow>
  );
}
