import { Button, ButtonGroup, Heading2, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate, useParams } from 'react-router';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { FactList } from '../../shared/FactList';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { formatDateTime } from '../../shared/format';
import { can, useCurrentOrganisation } from '../../shared/organisation';
import { measurePath } from '../compliance/labels';
import { AcceptanceSection } from './AcceptanceSection';
import { createRisk, deleteRisk, fetchHistory, fetchRisk, PERMISSIONS, riskHistoryKey, riskKey, updateRisk } from './api';
import { invalidateRisks } from './invalidate';
import type { MatrixSettings, RiskDetail, RiskLink } from './api';
import { dpiaPath, registerPath, riskPath, risksPath, useRiskLabels } from './labels';
import { axisText, FALLBACK_MATRIX, formatDay, RisksPage, ScoreBadge, scoreOf, useMatrix } from './parts';
import type { RegisterNotice } from './RegisterPage';
import { changedInput, emptyRisk, riskInput, riskValues } from './formValues';
import { RiskForm } from './RiskForm';

const ScoreLine = lazy(() => import('./ScoreLine'));

/** Router state the create page leaves for the risk page. */
interface RiskNotice {
  created?: boolean;
}

/** /o/:org/risicos/new — record a risk. */
export function NewRiskPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <RisksPage title={t('risks.form.newTitle')} permission={PERMISSIONS.manage}>
      <NewRisk key={organisation.slug} slug={organisation.slug} />
    </RisksPage>
  );
}

function NewRisk({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const matrix = useMatrix(slug);
  const mutation = useMutation({
    mutationFn: (input: ReturnType<typeof riskInput>) => {
      const { status: _status, ...body } = input;
      return createRisk(slug, body);
    },
    onSuccess: async (risk) => {
      queryClient.setQueryData(riskKey(slug, risk.id), risk);
      await invalidateRisks(queryClient, slug);
      navigate(riskPath(slug, risk.id), { state: { created: true } satisfies RiskNotice });
    },
  });
  if (matrix.isPending) return <Loading />;
  return (
    <>
      <ProblemAlert error={matrix.error} />
      <RiskForm
        idPrefix="risk"
        mode="create"
        initial={emptyRisk()}
        matrix={matrix.data ?? FALLBACK_MATRIX}
        submitLabel={t('risks.form.create')}
        pending={mutation.isPending}
        error={mutation.error}
        onSubmit={(values) => mutation.mutate(riskInput(values))}
        cancel={
          <AppLink to={risksPath(slug)} className="wb-form-cancel">
            {t('common.cancel')}
          </AppLink>
        }
      />
    </>
  );
}

/** /o/:org/risicos/:riskId — one risk: facts, mitigation, acceptance, history; edit and delete with risks.manage. */
export function RiskPage() {
  const { riskId = '' } = useParams();
  const organisation = useCurrentOrganisation();
  return <RiskView key={`${organisation.slug}|${riskId}`} riskId={riskId} />;
}

function RiskView({ riskId }: { riskId: string }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const slug = organisation.slug;
  const location = useLocation();
  const canRead = can(organisation, PERMISSIONS.read);
  const canManage = can(organisation, PERMISSIONS.manage);
  const risk = useQuery({ queryKey: riskKey(slug, riskId), queryFn: ({ signal }) => fetchRisk(slug, riskId, signal), enabled: canRead });
  const matrix = useMatrix(slug, canRead);
  const [saved, setSaved] = useState(false);
  const created = Boolean((location.state as RiskNotice | null)?.created);
  const title = risk.data ? `${risk.data.ref} ${risk.data.title}` : t('risks.risk');

  return (
    <RisksPage title={title}>
      {risk.isPending ? <Loading /> : null}
      <ProblemAlert error={risk.error} />
      {saved ? <SuccessAlert>{t('risks.form.saved')}</SuccessAlert> : null}
      {created && !saved ? <SuccessAlert>{t('risks.form.created')}</SuccessAlert> : null}
      {risk.data ? (
        <>
          <RiskFacts risk={risk.data} matrix={matrix.data ?? FALLBACK_MATRIX} />
          <Mitigation slug={slug} risk={risk.data} matrix={matrix.data ?? FALLBACK_MATRIX} />
          <Context slug={slug} risk={risk.data} />
          <AcceptanceSection slug={slug} risk={risk.data} matrix={matrix.data ?? FALLBACK_MATRIX} />
          <History slug={slug} riskId={risk.data.id} />
          {canManage && matrix.data ? (
            <>
              <section aria-labelledby="edit-risk-heading" className="wb-section">
                <Heading2 id="edit-risk-heading">{t('risks.form.editTitle')}</Heading2>
                <EditRisk key={risk.data.updatedAt} slug={slug} risk={risk.data} matrix={matrix.data} onSaved={() => setSaved(true)} onChange={() => setSaved(false)} />
              </section>
              <DeleteRisk slug={slug} risk={risk.data} />
            </>
          ) : null}
        </>
      ) : null}
    </RisksPage>
  );
}

function RiskFacts({ risk, matrix }: { risk: RiskDetail; matrix: MatrixSettings }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const organisation = useCurrentOrganisation();
  return (
    <section aria-labelledby="risk-facts-heading" className="wb-section">
      <Heading2 id="risk-facts-heading">{t('risks.detail.facts')}</Heading2>
      <FactList
        facts={[
          { label: t('risks.fields.ref'), value: risk.ref },
          { label: t('risks.fields.domain'), value: labels.domain(risk.domain) },
          { label: t('risks.fields.status'), value: t(`risks.statuses.${risk.status}`) },
          { label: t('risks.fields.owner'), value: risk.owner ? risk.owner.name : t('risks.noOwner') },
          {
            label: t('risks.fields.inherent'),
            value: (
              <>
                <ScoreBadge score={risk.inherent} /> <span className="wb-muted">({axisText(matrix, risk.inherent.likelihood, risk.inherent.impact, t)})</span>
              </>
            ),
          },
          {
            label: t('risks.fields.residual'),
            value: (
              <>
                <ScoreBadge score={risk.residual} /> <span className="wb-muted">({axisText(matrix, risk.residual.likelihood, risk.residual.impact, t)})</span>
              </>
            ),
          },
          { label: t('risks.fields.treatment'), value: labels.treatment(risk.treatment) },
          risk.treatment === 'transfer' && { label: t('risks.fields.transferredTo'), value: risk.transferredTo || t('common.none') },
          risk.treatmentNote ? { label: t('risks.fields.treatmentNote'), value: risk.treatmentNote, multiline: true } : false,
          {
            label: t('risks.fields.reviewDate'),
            value: risk.reviewDate ? (
              <>
                <time dateTime={risk.reviewDate}>{formatDay(risk.reviewDate)}</time>
                {risk.reviewOverdue ? (
                  <>
                    {' '}
                    <StatusBadge status="danger">{t('risks.register.overdue')}</StatusBadge>
                  </>
                ) : null}
              </>
            ) : (
              t('risks.register.noReviewDate')
            ),
          },
          risk.dpia && { label: t('risks.fields.dpia'), value: <AppLink to={dpiaPath(organisation.slug, risk.dpia.id)}>{risk.dpia.name}</AppLink> },
          { label: t('risks.fields.description'), value: risk.description || t('common.none'), multiline: true },
          { label: t('risks.detail.updatedAt'), value: formatDateTime(risk.updatedAt) },
        ]}
      />
    </section>
  );
}

function Mitigation({ slug, risk, matrix }: { slug: string; risk: RiskDetail; matrix: MatrixSettings }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  if (risk.treatment !== 'mitigate' && risk.measures.length === 0) return null;
  const target = risk.target ? scoreOf(matrix, risk.target.likelihood, risk.target.impact) : null;
  return (
    <section aria-labelledby="risk-mitigation-heading" className="wb-section">
      <Heading2 id="risk-mitigation-heading">{t('risks.detail.mitigation')}</Heading2>
      {risk.mitigation ? <Paragraph>{t('risks.detail.progress', { implemented: risk.mitigation.implemented, total: risk.mitigation.total, count: risk.mitigation.total })}</Paragraph> : null}
      {target ? (
        <FactList
          facts={[
            { label: t('risks.detail.residualNow'), value: <ScoreBadge score={risk.residual} /> },
            { label: t('risks.detail.target'), value: <ScoreBadge score={target} /> },
            {
              label: t('risks.detail.gap'),
              value: risk.residual.score <= target.score ? t('risks.detail.targetReached') : t('risks.detail.targetGap', { points: risk.residual.score - target.score }),
            },
          ]}
        />
      ) : null}
      {risk.measures.length === 0 ? (
        <Paragraph>{t('risks.measures.none')}</Paragraph>
      ) : (
        <UnorderedList>
          {risk.measures.map((measure) => (
            <UnorderedListItem key={measure.id}>
              <AppLink to={measurePath(slug, measure.id)}>{measure.title}</AppLink> <span className="wb-muted">({labels.measureStatus(measure.status).toLocaleLowerCase()})</span>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </section>
  );
}

function Context({ slug, risk }: { slug: string; risk: RiskDetail }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const linkText = (link: RiskLink) => (
    <>
      {link.name} <span className="wb-muted">({labels.linkType(link.type)}{link.kind ? `, ${link.kind}` : ''})</span>{' '}
      <AppLink to={registerPath(slug, { target: link.id })}>
        {t('risks.detail.risksOfLink')}
        <span className="wb-visually-hidden"> {link.name}</span>
      </AppLink>
    </>
  );
  return (
    <section aria-labelledby="risk-context-heading" className="wb-section">
      <Heading2 id="risk-context-heading">{t('risks.detail.context')}</Heading2>
      <FactList
        facts={[
          {
            label: t('risks.links.legend'),
            value:
              risk.links.length === 0 ? (
                t('risks.links.none')
              ) : (
                <ul className="wb-plain-list">
                  {risk.links.map((link) => (
                    <li key={`${link.type}|${link.id}`}>{linkText(link)}</li>
                  ))}
                </ul>
              ),
          },
          {
            label: t('risks.threats.legend'),
            value:
              risk.threats.length === 0 ? (
                t('risks.threats.none')
              ) : (
                <ul className="wb-plain-list">
                  {risk.threats.map((threat) => (
                    <li key={threat.id}>{threat.name}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </section>
  );
}

function History({ slug, riskId }: { slug: string; riskId: string }) {
  const { t } = useTranslation();
  const labels = useRiskLabels();
  const history = useQuery({ queryKey: riskHistoryKey(slug, riskId), queryFn: ({ signal }) => fetchHistory(slug, riskId, signal) });
  const items = history.data ?? [];
  return (
    <section aria-labelledby="risk-history-heading" className="wb-section">
      <Heading2 id="risk-history-heading">{t('risks.history.title')}</Heading2>
      {history.isPending ? <Loading /> : null}
      <ProblemAlert error={history.error} />
      {history.data && items.length === 0 ? <Paragraph>{t('risks.history.none')}</Paragraph> : null}
      {items.length > 1 ? (
        <figure className="wb-risk-chart wb-risk-chart--small" aria-labelledby="risk-history-chart-caption">
          <div role="img" aria-label={t('risks.history.chartLabel')} className="wb-risk-chart__plot">
            <Suspense fallback={<Loading />}>
              <ScoreLine items={[...items].reverse()} inherentLabel={t('risks.fields.inherent')} residualLabel={t('risks.fields.residual')} />
            </Suspense>
          </div>
          <figcaption id="risk-history-chart-caption" className="wb-muted">
            {t('risks.history.chartCaption')}
          </figcaption>
        </figure>
      ) : null}
      {items.length > 0 ? (
        <DataTable
          label={t('risks.history.title')}
          caption={t('risks.history.caption')}
          columns={[t('risks.history.at'), t('risks.history.cause'), t('risks.fields.inherent'), t('risks.fields.residual'), t('risks.history.by')]}
        >
          {items.map((item, index) => (
            <TableRow key={`${item.at}|${index}`}>
              <TableHeaderCell scope="row">
                <time dateTime={item.at}>{formatDateTime(item.at)}</time>
              </TableHeaderCell>
              <TableCell>{labels.cause(item.cause)}</TableCell>
              <TableCell>
                <ScoreBadge score={item.inherent} />
              </TableCell>
              <TableCell>
                <ScoreBadge score={item.residual} />
              </TableCell>
              <TableCell>{item.by ? item.by.name : <span className="wb-muted">{t('risks.history.system')}</span>}</TableCell>
            </TableRow>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}

function EditRisk({ slug, risk, matrix, onSaved, onChange }: { slug: string; risk: RiskDetail; matrix: MatrixSettings; onSaved: () => void; onChange: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const initial = riskValues(risk);
  const mutation = useMutation({
    mutationFn: (values: ReturnType<typeof riskValues>) => updateRisk(slug, risk.id, changedInput(initial, values)),
    onMutate: onChange,
    onSuccess: async (updated) => {
      queryClient.setQueryData(riskKey(slug, risk.id), updated);
      await invalidateRisks(queryClient, slug);
      onSaved();
    },
  });
  return (
    <RiskForm
      idPrefix="risk"
      mode="edit"
      initial={initial}
      owner={risk.owner}
      matrix={matrix}
      submitLabel={t('common.save')}
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(values) => mutation.mutate(values)}
    />
  );
}

function DeleteRisk({ slug, risk }: { slug: string; risk: RiskDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: () => deleteRisk(slug, risk.id),
    onSuccess: async () => {
      await invalidateRisks(queryClient, slug, risk.id);
      await navigate(risksPath(slug), { state: { deleted: `${risk.ref} ${risk.title}` } satisfies RegisterNotice });
      queryClient.removeQueries({ queryKey: riskKey(slug, risk.id), exact: true });
      queryClient.removeQueries({ queryKey: riskHistoryKey(slug, risk.id), exact: true });
    },
  });
  const onDelete = () => {
    if (!window.confirm(t('risks.detail.confirmDelete', { title: `${risk.ref} ${risk.title}` }))) return;
    mutation.mutate();
  };
  return (
    <section aria-labelledby="delete-risk-heading" className="wb-section">
      <Heading2 id="delete-risk-heading">{t('risks.detail.deleteTitle')}</Heading2>
      <Paragraph>{t('risks.detail.deleteIntro')}</Paragraph>
      <ProblemAlert error={mutation.error} />
      <ButtonGroup>
        <Button type="button" appearance="secondary-action-button" hint="danger" busy={mutation.isPending} disabled={mutation.isPending} onClick={onDelete}>
          {t('risks.detail.delete')}
        </Button>
      </ButtonGroup>
    </section>
  );
}
