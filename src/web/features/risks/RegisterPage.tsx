import { Button, ButtonGroup, Heading2, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { CheckboxField } from '../../shared/CheckboxField';
import { DataTable } from '../../shared/DataTable';
import { PagedResults } from '../../shared/PagedResults';
import { SelectField } from '../../shared/SelectField';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { searchParamsOf } from '../../shared/searchParams';
import { usePagedList } from '../../shared/usePagedList';
import { RISK_DOMAINS, RISK_LEVELS, RISK_TREATMENTS } from '../../../shared/risk-matrix';
import { filtersFromParams } from './filters';
import { useMemberOptions } from '../members/memberOptions';
import { fetchRisks, PERMISSIONS, riskExportUrl, riskListKey } from './api';
import type { RiskFilters, RiskSummary } from './api';
import { newRiskPath, riskPath, risksPath, useRiskLabels } from './labels';
import { ButtonRouterLink, formatDay, RisksPage, ScoreChange } from './parts';

/** Router state a risk page leaves for the register (after deleting). */
export interface RegisterNotice {
  deleted?: string;
}

/** /o/:org/risicos[?domain=…&level=…&treatment=…&status=…&ownerId=…&reviewDue=true&q=…&target=…&dpiaId=…] — the risk register. */
export function RegisterPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const deleted = (location.state as RegisterNotice | null)?.deleted;
  return (
    <RisksPage title={t('risks.register.title')} intro={t('risks.register.intro')} crumbs={[]}>
      {deleted ? <SuccessAlert>{t('risks.register.deleted', { title: deleted })}</SuccessAlert> : null}
      <ButtonGroup>
        {can(organisation, PERMISSIONS.manage) ? <ButtonRouterLink to={newRiskPath(organisation.slug)}>{t('risks.register.new')}</ButtonRouterLink> : null}
        <a className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action" href={riskExportUrl(organisation.slug)} download>
          {t('risks.register.export')}
        </a>
      </ButtonGroup>
      <Register key={organisation.slug} slug={organisation.slug} />
    </RisksPage>
  );
}

function Register({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);
  const risks = usePagedList(riskListKey(slug, filters), (cursor, signal) => fetchRisks(slug, filters, cursor, signal));
  const total = risks.query.data?.pages[0]?.total ?? 0;
  const filtered = Boolean(filters.domain || filters.level || filters.treatment || filters.status || filters.ownerId || filters.reviewDue || filters.q);

  const apply = (next: RiskFilters) => {
    const { target, dpiaId } = filters;
    setParams(
      searchParamsOf({
        domain: next.domain,
        level: next.level,
        treatment: next.treatment,
        status: next.status,
        ownerId: next.ownerId,
        reviewDue: next.reviewDue,
        q: next.q.trim(),
        target,
        dpiaId,
      }),
      { replace: true },
    );
  };

  return (
    <section aria-labelledby="risks-list-heading" className="wb-section">
      <Heading2 id="risks-list-heading">{t('risks.register.listTitle')}</Heading2>
      <FilterForm key={params.toString()} filters={filters} onApply={apply} />
      {filters.target || filters.dpiaId ? (
        <Paragraph>
          {filters.target ? t('risks.register.narrowedTarget') : t('risks.register.narrowedDpia')}{' '}
          <AppLink to={risksPath(slug)}>{t('risks.register.showAll')}</AppLink>
        </Paragraph>
      ) : null}
      <PagedResults
        list={risks}
        empty={filtered || filters.target || filters.dpiaId ? t('risks.register.noneFound') : t('risks.register.none')}
        shown={t('risks.register.shown', { count: risks.items.length, total })}
        loadMore={t('risks.register.loadMore')}
      >
        <RiskTable slug={slug} risks={risks.items} caption={t('risks.register.listTitle')} />
      </PagedResults>
    </section>
  );
}

function FilterForm({ filters, onApply }: { filters: RiskFilters; onApply: (filters: RiskFilters) => void }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const [values, setValues] = useState(filters);
  const members = useMemberOptions(t('risks.register.allOwners'));
  const set = <K extends keyof RiskFilters>(key: K) => (value: RiskFilters[K]) => setValues((current) => ({ ...current, [key]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  const reset = () => onApply({ ...values, domain: '', level: '', treatment: '', status: '', ownerId: '', reviewDue: false, q: '' });
  return (
    <form role="search" aria-label={t('risks.register.filterLabel')} onSubmit={submit} className="wb-inline-form wb-risk-filters">
      <TextField id="risks-q" label={t('risks.register.search')} type="search" value={values.q} onChange={set('q')} autoComplete="off" maxLength={100} />
      <SelectField
        id="risks-domain"
        label={t('risks.fields.domain')}
        value={values.domain}
        options={[{ value: '', label: t('risks.register.allDomains') }, ...RISK_DOMAINS.map((value) => ({ value, label: labels.domain(value) }))]}
        onChange={(value) => set('domain')(value as RiskFilters['domain'])}
      />
      <SelectField
        id="risks-level"
        label={t('risks.register.residualLevel')}
        value={values.level}
        options={[{ value: '', label: t('risks.register.allLevels') }, ...RISK_LEVELS.map((value) => ({ value, label: labels.level(value) }))]}
        onChange={(value) => set('level')(value as RiskFilters['level'])}
      />
      <SelectField
        id="risks-treatment"
        label={t('risks.fields.treatment')}
        value={values.treatment}
        options={[{ value: '', label: t('risks.register.allTreatments') }, ...RISK_TREATMENTS.map((value) => ({ value, label: labels.treatment(value) }))]}
        onChange={(value) => set('treatment')(value as RiskFilters['treatment'])}
      />
      <SelectField
        id="risks-status"
        label={t('risks.fields.status')}
        value={values.status}
        options={[
          { value: '', label: t('risks.statuses.open') },
          { value: 'closed', label: t('risks.statuses.closed') },
          { value: 'all', label: t('risks.statuses.all') },
        ]}
        onChange={(value) => set('status')(value as RiskFilters['status'])}
      />
      {members.available ? (
        <SelectField id="risks-owner" label={t('risks.fields.owner')} value={values.ownerId} options={members.options} onChange={set('ownerId')} disabled={members.isPending} />
      ) : null}
      <CheckboxField id="risks-review-due" label={t('risks.register.reviewDue')} checked={values.reviewDue} onChange={set('reviewDue')} />
      <ButtonGroup>
        <Button type="submit" appearance="secondary-action-button">
          {t('risks.register.apply')}
        </Button>
        <Button type="button" appearance="subtle-button" onClick={reset}>
          {t('risks.register.reset')}
        </Button>
      </ButtonGroup>
    </form>
  );
}

/** Risks as a table: ref, title, domain, inherent → residual, treatment, owner, review date, acceptance. */
export function RiskTable({ slug, risks, caption, compact = false }: { slug: string; risks: RiskSummary[]; caption: string; compact?: boolean }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  return (
    <DataTable
      label={caption}
      caption={caption}
      className="wb-risk-table"
      columns={[
        t('risks.fields.ref'),
        t('risks.fields.title'),
        !compact && t('risks.fields.domain'),
        t('risks.register.scores'),
        t('risks.fields.treatment'),
        !compact && t('risks.fields.owner'),
        !compact && t('risks.fields.reviewDate'),
        !compact && t('risks.register.acceptance'),
      ]}
    >
      {risks.map((risk) => (
        <TableRow key={risk.id}>
          <TableCell className="wb-nowrap">{risk.ref}</TableCell>
          <TableHeaderCell scope="row">
            <AppLink to={riskPath(slug, risk.id)}>{risk.title}</AppLink>
            {risk.status === 'closed' ? <span className="wb-muted"> ({t('risks.statuses.closed').toLocaleLowerCase()})</span> : null}
          </TableHeaderCell>
          {compact ? null : <TableCell>{labels.domain(risk.domain)}</TableCell>}
          <TableCell>
            <ScoreChange inherent={risk.inherent} residual={risk.residual} />
          </TableCell>
          <TableCell>{labels.treatment(risk.treatment)}</TableCell>
          {compact ? null : <TableCell>{risk.owner ? risk.owner.name : <span className="wb-muted">{t('risks.noOwner')}</span>}</TableCell>}
          {compact ? null : (
            <TableCell>
              {risk.reviewDate ? (
                <>
                  <time dateTime={risk.reviewDate} className="wb-nowrap">
                    {formatDay(risk.reviewDate)}
                  </time>
                  {risk.reviewOverdue ? (
                    <>
                      {' '}
                      <StatusBadge status="danger">{t('risks.register.overdue')}</StatusBadge>
                    </>
                  ) : null}
                </>
              ) : (
                <span className="wb-muted">{t('risks.register.noReviewDate')}</span>
              )}
            </TableCell>
          )}
          {compact ? null : (
            <TableCell>
              {risk.acceptance ? (
                risk.acceptance.expired ? (
                  <StatusBadge status="danger">{t('risks.register.acceptanceExpired', { date: formatDay(risk.acceptance.validUntil) })}</StatusBadge>
                ) : (
                  <span>{t('risks.register.acceptedUntil', { date: formatDay(risk.acceptance.validUntil) })}</span>
                )
              ) : (
                <span className="wb-muted">{t('common.none')}</span>
              )}
            </TableCell>
          )}
        </TableRow>
      ))}
    </DataTable>
  );
}
