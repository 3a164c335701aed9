import {
  Alert,
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  StatusBadge,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation, useParams } from 'react-router';
import { AppLink } from '../../../shared/AppLink';
import { DataTable } from '../../../shared/DataTable';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { formatDateTime } from '../../../shared/format';
import { useCurrentOrganisation } from '../../../shared/organisation';
import { usePageTitle } from '../../../shared/usePageTitle';
import { compliancePath } from '../labels';
import { useFramework, useFrameworkNames } from '../queries';
import { advancePhase, PHASES, yearDetailKey } from './api';
import type { FrameworkProgress, YearDetail } from './api';
import { diffPath, parseYear, PHASE_BADGE, signYearPath, useYearLabels, yearRights } from './access';
import type { YearRights } from './access';
import { AssessmentTable } from './AssessmentTable';
import { YearExports } from '../exports/YearExports';
import { assessedOf, ProgressSummary, ResultBar, ResultCountCells, useResultCountColumns } from './Progress';
import { invalidateYear, useYear, useYears } from './queries';
import { InvalidYearAlert, YearBreadcrumbs } from './YearPageParts';
import './years.css';

/** Router state for the year page (after creating it). */
export interface YearNotice {
  created?: boolean;
}

/** /o/:org/compliance/years/:year — phase, actions, progress per framework and chapter, and the assessment table. */
export function YearPage() {
  const { year: param } = useParams();
  const organisation = useCurrentOrganisation();
  return <YearView key={`${organisation.slug}|${param}`} year={parseYear(param)} />;
}

function YearView({ year }: { year: number | null }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const location = useLocation();
  const rights = yearRights(organisation);
  const detail = useYear(organisation.slug, year, rights.read);
  const frameworkName = useFrameworkNames();
  const title = t('years.yearName', { year: year ?? '' });
  usePageTitle(title, organisation.name);
  if (!rights.read) return <NoAccess title={t('years.title')} />;
  const created = Boolean((location.state as YearNotice | null)?.created);
  return (
    <>
      <YearBreadcrumbs slug={organisation.slug} />
      <PageHeading title={title} context={organisation.name} />
      <InvalidYearAlert year={year} />
      {detail.isPending && year !== null ? <Loading /> : null}
      <ProblemAlert error={detail.error} />
      {created ? <SuccessAlert>{t('years.new.created', { year })}</SuccessAlert> : null}
      {detail.data ? (
        <>
          <YearHeader slug={organisation.slug} year={detail.data} rights={rights} />
          <ProgressSection year={detail.data} />
          <AssessmentTable slug={organisation.slug} year={detail.data} rights={rights} />
          <YearExports
            year={detail.data.year}
            frameworks={detail.data.frameworks.map((id) => ({ id, title: frameworkName(id) }))}
            signed={Boolean(detail.data.signed)}
            canImport={rights.edit}
          />
        </>
      ) : null}
    </>
  );
}

/** Phase, signature and the actions this user may take now. */
function YearHeader({ slug, year, rights }: { slug: string; year: YearDetail; rights: YearRights }) {
  const { t } = useTranslation();
  const labels = useYearLabels();
  const queryClient = useQueryClient();
  const years = useYears(slug);
  const next = year.phase === 'collegeverklaring' ? 'audit' : year.phase === 'audit' ? 'verantwoording' : null;
  const mutation = useMutation({
    mutationFn: (phase: 'audit' | 'verantwoording') => advancePhase(slug, year.year, phase),
    onSuccess: async (updated) => {
      queryClient.setQueryData(yearDetailKey(slug, year.year), updated);
      await invalidateYear(queryClient, slug, year.year);
    },
  });
  const onAdvance = () => {
    if (!next) return;
    if (!window.confirm(t(`years.actions.confirm.${next}`, { year: year.year }))) return;
    mutation.mutate(next);
  };
  const others = (years.data ?? []).filter((candidate) => candidate.year !== year.year);
  const previous = others.filter((candidate) => candidate.year < year.year).sort((a, b) => b.year - a.year)[0] ?? others[0];
  const current = PHASES.indexOf(year.phase);

  return (
    <section aria-labelledby="phase-heading" className="wb-section wb-year-header">
      <Heading2 id="phase-heading">{t('years.phase.title')}</Heading2>
      <ol className="wb-phases">
        {PHASES.map((phase, index) => (
          <li key={phase} className={`wb-phases__step${index === current ? ' wb-phases__step--current' : index < current ? ' wb-phases__step--done' : ''}`} aria-current={index === current ? 'step' : undefined}>
            {index === current ? <StatusBadge status={PHASE_BADGE[phase]}>{labels.phase(phase)}</StatusBadge> : labels.phase(phase)}
            <span className="wb-visually-hidden">
              {' '}
              ({index === current ? t('years.phase.current') : index < current ? t('years.phase.done') : t('years.phase.todo')})
            </span>
          </li>
        ))}
      </ol>
      {year.signed ? (
        <Alert type="info">
          <Paragraph>
            {t('years.signedNotice', { by: year.signed.by, function: year.signed.function, at: formatDateTime(year.signed.at) })}
          </Paragraph>
          <Paragraph>
            {t('years.snapshotHash')}: <span className="wb-code">{year.signed.snapshotHash}</span>
          </Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t(`years.phase.explain.${year.phase}`)}</Paragraph>
      )}
      {!year.signed && !rights.decide && !rights.edit ? <Paragraph>{t('years.readOnlyRole')}</Paragraph> : null}
      {!year.signed && rights.edit && !rights.decide ? <Paragraph>{t('years.noDecideRole')}</Paragraph> : null}
      <ProblemAlert error={mutation.error} />
      <ul className="wb-year-actions">
        {rights.sign && !year.signed ? (
          <li>
            <AppLink to={signYearPath(slug, year.year)}>{t('years.actions.sign')}</AppLink>
          </li>
        ) : null}
        {year.signed ? (
          <li>
            <AppLink to={signYearPath(slug, year.year)}>{t('years.actions.viewSignature')}</AppLink>
          </li>
        ) : null}
        {year.phase === 'audit' || year.phase === 'verantwoording' ? (
          <li>
            <AppLink to={compliancePath(slug, 'years', String(year.year), 'findings')}>{t('years.actions.findings')}</AppLink>
          </li>
        ) : null}
        {previous ? (
          <li>
            <AppLink to={diffPath(slug, year.year, previous.year)}>{t('years.actions.diff', { year: previous.year })}</AppLink>
          </li>
        ) : null}
      </ul>
      {rights.manage && next ? (
        <ButtonGroup>
          <Button type="button" appearance="secondary-action-button" busy={mutation.isPending} disabled={mutation.isPending} onClick={onAdvance}>
            {t(`years.actions.to.${next}`)}
          </Button>
        </ButtonGroup>
      ) : null}
    </section>
  );
}

function ProgressSection({ year }: { year: YearDetail }) {
  const { t } = useTranslation();
  const frameworkName = useFrameworkNames();
  return (
    <section aria-labelledby="progress-heading" className="wb-section">
      <Heading2 id="progress-heading">{t('years.progress.title')}</Heading2>
      <Paragraph>{t('years.progress.intro')}</Paragraph>
      {year.progress.length === 0 ? <Paragraph>{t('years.progress.none')}</Paragraph> : null}
      {year.progress.map((framework) => (
        <div key={framework.framework} className="wb-subsection">
          <Heading3 id={`progress-${framework.framework.replace(/[^A-Za-z0-9_-]/g, '-')}`}>{frameworkName(framework.framework)}</Heading3>
          <ProgressSummary counts={framework} />
          <ChapterProgress framework={framework} name={frameworkName(framework.framework)} />
        </div>
      ))}
    </section>
  );
}

/** Progress per chapter: every count as text in its own column; the bar repeats them visually. */
function ChapterProgress({ framework, name }: { framework: FrameworkProgress; name: string }) {
  const { t } = useTranslation();
  const resultColumns = useResultCountColumns();
  const detail = useFramework(framework.framework);
  const chapterTitle = (ref: string) => detail.data?.requirements.find((requirement) => requirement.ref === ref)?.title;
  const label = t('years.progress.chaptersOf', { framework: name });
  return (
    <DataTable
      label={label}
      className="wb-chapter-progress"
      caption={label}
      columns={[t('years.fields.chapter'), t('years.progress.assessed'), ...resultColumns]}
    >
      {framework.chapters.map((chapter) => {
        const title = chapterTitle(chapter.chapter);
        return (
          <TableRow key={chapter.chapter}>
            <TableHeaderCell scope="row">
              {chapter.chapter}
              {title ? ` ${title}` : ''}
            </TableHeaderCell>
            <TableCell>
              <ResultBar counts={chapter} className="wb-chapter-progress__bar" />
              {t('years.progress.assessedOf', { assessed: assessedOf(chapter), count: chapter.applicable })}
            </TableCell>
            <ResultCountCells counts={chapter} />
          </TableRow>
        );
      })}
    </DataTable>
  );
}
