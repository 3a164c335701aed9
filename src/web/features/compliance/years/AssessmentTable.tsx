import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  StatusBadge,
  TableCell,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent, KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSignedInMe } from '../../../app/session';
import { AppLink } from '../../../shared/AppLink';
import { CheckboxField } from '../../../shared/CheckboxField';
import { DataTable } from '../../../shared/DataTable';
import { Loading } from '../../../shared/Loading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TextField } from '../../../shared/TextField';
import { formatDate } from '../../../shared/format';
import { problemMessage } from '../../../shared/problem';
import { oneOf, searchParamsOf } from '../../../shared/searchParams';
import { memberOptions, useMemberList } from '../../members/memberOptions';
import { RESULTS } from '../api';
import { RESULT_BADGE, useComplianceLabels } from '../labels';
import { useFrameworkNames } from '../queries';
import { ASSESSMENTS_PAGE_SIZE, assessmentKey, assessmentPageKey, bulkUpdateAssessments, fetchAssessments, updateAssessment } from './api';
import type { Assessment, AssessmentChanges, AssessmentFilters, AssessmentPage, AssessmentResult, YearDetail } from './api';
import { assessmentPath } from './access';
import type { YearRights } from './access';
import { invalidateYear, useChapterTitles } from './queries';

/** The value of a row's result select: a result, or "not applicable". */
type RowChoice = AssessmentResult | 'nvt';
const NVT = 'nvt' as const;

const FILTER_PARAMS = ['framework', 'chapter', 'owner', 'result', 'applicable', 'overdue', 'q'] as const;

function filtersFrom(params: URLSearchParams): AssessmentFilters {
  return {
    framework: params.get('framework') ?? '',
    chapter: params.get('chapter') ?? '',
    owner: params.get('owner') ?? '',
    result: oneOf(RESULTS, params.get('result')),
    applicable: oneOf(['true', 'false'], params.get('applicable')),
    overdue: params.get('overdue') === 'true',
    q: params.get('q') ?? '',
  };
}

function paramsFrom(filters: AssessmentFilters, cursor: string | null): URLSearchParams {
  return searchParamsOf({ ...Object.fromEntries(FILTER_PARAMS.map((key) => [key, filters[key]])), cursor });
}

const cursorFrom = (params: URLSearchParams) => {
  const value = params.get('cursor');
  return value && /^\d{1,9}$/.test(value) && value !== '0' ? value : null;
};

/** Members as owner options (with members.read); others can still filter on themselves. */
function useOwnerOptions(slug: string, canList: boolean) {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const members = useMemberList(slug, canList);
  const options = memberOptions(members.data);
  if (!options.some((option) => option.value === me.user.id)) options.unshift({ value: me.user.id, label: t('years.table.me') });
  return { options, listed: Boolean(members.data) };
}

/**
 * The assessment table of one year: filters in the URL, paging with the API's offset cursor, inline
 * editing of result and explanation per row (saved on change and on leaving the field), and bulk
 * edit of the selected rows after a confirmation.
 */
export function AssessmentTable({ slug, year, rights }: { slug: string; year: YearDetail; rights: YearRights }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);
  const cursor = cursorFrom(params);
  const queryKey = assessmentPageKey(slug, year.year, filters, cursor);
  const page = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetchAssessments(slug, year.year, filters, cursor, signal),
    placeholderData: keepPreviousData,
  });
  const frozen = Boolean(year.signed);
  const owners = useOwnerOptions(slug, rights.readMembers);
  const [announcement, setAnnouncement] = useState('');
  const timer = useRef<number | undefined>(undefined);
  const announce = useCallback((message: string) => {
    // Cleared first, so the same message twice is announced twice.
    setAnnouncement('');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setAnnouncement(message), 100);
  }, []);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  const items = page.data?.items ?? [];
  const offset = Number(cursor ?? 0);
  const total = page.data?.total ?? 0;
  const filtered = FILTER_PARAMS.some((key) => Boolean(filters[key]));

  return (
    <section aria-labelledby="assessments-heading" className="wb-section">
      <Heading2 id="assessments-heading">{t('years.table.title')}</Heading2>
      {frozen ? (
        <Alert type="info">
          <Paragraph>{t('years.table.frozen')}</Paragraph>
        </Alert>
      ) : (
        <Paragraph>{t('years.table.intro')}</Paragraph>
      )}
      <FilterForm key={params.toString()} year={year} filters={filters} owners={owners.options} />
      {page.isPending ? <Loading /> : null}
      <ProblemAlert error={page.error} />
      {page.data ? (
        <Paragraph role="status">
          {total === 0
            ? filtered
              ? t('years.table.noneFound')
              : t('years.table.none')
            : t('years.table.shown', { from: Math.min(offset + 1, total), to: Math.min(offset + items.length, total), count: total })}
        </Paragraph>
      ) : null}
      <p id="assessments-live" role="status" aria-live="polite" className="wb-visually-hidden">
        {announcement}
      </p>
      {items.length > 0 ? (
        <Rows
          key={JSON.stringify(queryKey)}
          slug={slug}
          year={year}
          rights={rights}
          items={items}
          queryKey={queryKey}
          owners={owners}
          announce={announce}
        />
      ) : null}
      {page.data ? <Pager filters={filters} offset={offset} count={items.length} total={total} hasNext={Boolean(page.data.nextCursor)} /> : null}
    </section>
  );
}

interface FilterFormProps {
  year: YearDetail;
  filters: AssessmentFilters;
  owners: Array<{ value: string; label: string }>;
}

/** The filters; applying them puts them in the URL (and starts at the first page). */
function FilterForm({ year, filters, owners }: FilterFormProps) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  const [, setParams] = useSearchParams();
  const [draft, setDraft] = useState(filters);
  const set = <K extends keyof AssessmentFilters>(key: K) => (value: AssessmentFilters[K]) => setDraft((current) => ({ ...current, [key]: value }));
  const chapters = year.progress
    .filter((framework) => !draft.framework || framework.framework === draft.framework)
    .flatMap((framework) => framework.chapters.map((chapter) => ({ framework: framework.framework, chapter: chapter.chapter })));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(paramsFrom({ ...draft, q: draft.q.trim() }, null));
  };
  const clear = () => setParams(new URLSearchParams());
  const active = FILTER_PARAMS.some((key) => Boolean(filters[key]));

  return (
    <form role="search" aria-label={t('years.filters.label')} onSubmit={submit} className="wb-inline-form wb-year-filters">
      <SelectField
        id="filter-framework"
        label={t('years.filters.framework')}
        value={draft.framework}
        onChange={(value) => setDraft((current) => ({ ...current, framework: value, chapter: value === current.framework ? current.chapter : '' }))}
        options={[{ value: '', label: t('years.filters.allFrameworks') }, ...year.frameworks.map((id) => ({ value: id, label: frameworkName(id) }))]}
      />
      <ChapterSelect
        value={draft.chapter ? `${draft.framework}|${draft.chapter}` : ''}
        chapters={chapters}
        onChange={(framework, chapter) => setDraft((current) => ({ ...current, framework: chapter ? framework : current.framework, chapter }))}
      />
      <SelectField
        id="filter-owner"
        label={t('years.filters.owner')}
        value={draft.owner}
        onChange={set('owner')}
        options={[{ value: '', label: t('years.filters.allOwners') }, ...owners]}
      />
      <SelectField
        id="filter-result"
        label={t('years.filters.result')}
        value={draft.result}
        onChange={(value) => set('result')(value as AssessmentResult | '')}
        options={[{ value: '', label: t('years.filters.allResults') }, ...RESULTS.map((value) => ({ value, label: labels.result(value) }))]}
      />
      <SelectField
        id="filter-applicable"
        label={t('years.filters.applicable')}
        value={draft.applicable}
        onChange={(value) => set('applicable')(value as AssessmentFilters['applicable'])}
        options={[
          { value: '', label: t('years.filters.allApplicability') },
          { value: 'true', label: t('years.applicable') },
          { value: 'false', label: t('years.notApplicable') },
        ]}
      />
      <TextField id="filter-q" type="search" label={t('years.filters.q')} value={draft.q} onChange={set('q')} autoComplete="off" />
      <CheckboxField id="filter-overdue" label={t('years.filters.overdue')} checked={draft.overdue} onChange={set('overdue')} />
      <ButtonGroup className="wb-year-filters__buttons">
        <Button type="submit" appearance="secondary-action-button">
          {t('years.filters.apply')}
        </Button>
        {active ? (
          <Button type="button" appearance="subtle-button" onClick={clear}>
            {t('years.filters.clear')}
          </Button>
        ) : null}
      </ButtonGroup>
    </form>
  );
}

function ChapterSelect({
  value,
  chapters,
  onChange,
}: {
  value: string;
  chapters: Array<{ framework: string; chapter: string }>;
  onChange: (framework: string, chapter: string) => void;
}) {
  const { t } = useTranslation();
  const frameworkName = useFrameworkNames();
  const chapterTitle = useChapterTitles([...new Set(chapters.map((chapter) => chapter.framework))]);
  return (
    <SelectField
      id="filter-chapter"
      label={t('years.filters.chapter')}
      value={value}
      onChange={(choice) => {
        const [framework = '', chapter = ''] = choice ? choice.split('|') : [];
        onChange(framework, chapter);
      }}
      options={[
        { value: '', label: t('years.filters.allChapters') },
        ...chapters.map((chapter) => {
          const title = chapterTitle(chapter.framework, chapter.chapter);
          return {
            value: `${chapter.framework}|${chapter.chapter}`,
            label: `${frameworkName(chapter.framework)} ${chapter.chapter}${title ? ` ${title}` : ''}`,
          };
        }),
      ]}
    />
  );
}

/** Previous / next page, with where the user is. */
function Pager({ filters, offset, count, total, hasNext }: { filters: AssessmentFilters; offset: number; count: number; total: number; hasNext: boolean }) {
  const { t } = useTranslation();
  if (offset === 0 && !hasNext) return null;
  const previous = Math.max(0, offset - ASSESSMENTS_PAGE_SIZE);
  const pageNumber = Math.floor(offset / ASSESSMENTS_PAGE_SIZE) + 1;
  const pages = Math.max(1, Math.ceil(total / ASSESSMENTS_PAGE_SIZE));
  return (
    <nav aria-label={t('years.table.paging')} className="wb-pager">
      <ul className="wb-pager__list">
        <li>
          {offset > 0 ? (
            <AppLink to={`?${paramsFrom(filters, previous ? String(previous) : null).toString()}`} rel="prev">
              {t('years.table.previous')}
            </AppLink>
          ) : null}
        </li>
        <li aria-current="page">{t('years.table.page', { page: pageNumber, pages })}</li>
        <li>
          {hasNext ? (
            <AppLink to={`?${paramsFrom(filters, String(offset + count)).toString()}`} rel="next">
              {t('years.table.next')}
            </AppLink>
          ) : null}
        </li>
      </ul>
    </nav>
  );
}

interface RowsProps {
  slug: string;
  year: YearDetail;
  rights: YearRights;
  items: Assessment[];
  queryKey: readonly unknown[];
  owners: { options: Array<{ value: string; label: string }>; listed: boolean };
  announce: (message: string) => void;
}

/** The table with row selection and the bulk form above it. */
function Rows({ slug, year, rights, items, queryKey, owners, announce }: RowsProps) {
  const { t } = useTranslation();
  const frozen = Boolean(year.signed);
  const canDecide = rights.decide && !frozen;
  const canEdit = rights.edit && !frozen;
  const selectable = canDecide || canEdit;
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const allSelected = items.length > 0 && items.every((item) => selected.has(item.requirementId));
  const someSelected = !allSelected && items.some((item) => selected.has(item.requirementId));
  const toggle = (id: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });
  const multipleFrameworks = year.frameworks.length > 1;

  return (
    <>
      {selectable ? (
        <BulkEdit
          slug={slug}
          year={year.year}
          canDecide={canDecide}
          canEdit={canEdit}
          owners={owners}
          selected={items.filter((item) => selected.has(item.requirementId))}
          onDone={() => setSelected(new Set())}
        />
      ) : null}
      <DataTable
        label={t('years.table.title')}
        className="wb-assessments"
        columns={[
          selectable && (
            <Checkbox
              id="select-all"
              indeterminate={someSelected}
              aria-label={t('years.table.selectAll')}
              checked={allSelected}
              onChange={(event) => setSelected(event.target.checked ? new Set(items.map((item) => item.requirementId)) : new Set())}
            />
          ),
          t('years.fields.ref'),
          t('years.fields.requirement'),
          t('years.fields.result'),
          t('years.fields.explanation'),
        ]}
      >
        {items.map((item) => (
          <AssessmentRow
            key={item.requirementId}
            slug={slug}
            year={year.year}
            item={item}
            queryKey={queryKey}
            canDecide={canDecide}
            canEdit={canEdit}
            selectable={selectable}
            selected={selected.has(item.requirementId)}
            onSelect={(checked) => toggle(item.requirementId, checked)}
            showFramework={multipleFrameworks}
            announce={announce}
          />
        ))}
      </DataTable>
    </>
  );
}

/** A row's save state; an error remembers which field's save failed (for aria-invalid). */
type SaveState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'error'; message: string; field: 'choice' | 'text' };

interface RowProps {
  slug: string;
  year: number;
  item: Assessment;
  queryKey: readonly unknown[];
  canDecide: boolean;
  canEdit: boolean;
  selectable: boolean;
  selected: boolean;
  onSelect: (checked: boolean) => void;
  showFramework: boolean;
  announce: (message: string) => void;
}

/**
 * One requirement. Result (a native select) saves on change; the text field saves when the user leaves
 * it or presses Enter. Saves of one row run one after the other, so the last choice wins. The row shows
 * its own saved/error state; the table's live region announces it.
 */
function AssessmentRow({ slug, year, item, queryKey, canDecide, canEdit, selectable, selected, onSelect, showFramework, announce }: RowProps) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const frameworkName = useFrameworkNames();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<RowChoice>(item.applicable ? item.result : NVT);
  const [explanation, setExplanation] = useState(item.explanation);
  const [reason, setReason] = useState(item.notApplicableReason ?? '');
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const chain = useRef<Promise<unknown>>(Promise.resolve());
  const pending = useRef(0);
  const name = `${showFramework ? `${frameworkName(item.framework)} ` : ''}${item.ref}`;
  const id = `row-${item.requirementId}`;
  const reasonMode = canDecide && choice === NVT;

  // A change from elsewhere (bulk edit, a refetch) reaches the fields the user has not changed since.
  const [previous, setPrevious] = useState(item);
  if (item !== previous) {
    setPrevious(item);
    if (choice === (previous.applicable ? previous.result : NVT)) setChoice(item.applicable ? item.result : NVT);
    if (explanation === previous.explanation) setExplanation(item.explanation);
    if (reason === (previous.notApplicableReason ?? '')) setReason(item.notApplicableReason ?? '');
  }

  const save = (changes: AssessmentChanges, field: 'choice' | 'text') => {
    pending.current += 1;
    setState({ kind: 'saving' });
    chain.current = chain.current.then(async () => {
      try {
        const saved = await updateAssessment(slug, year, item.requirementId, changes);
        queryClient.setQueryData<AssessmentPage>(queryKey, (page) =>
          page ? { ...page, items: page.items.map((candidate) => (candidate.requirementId === saved.requirementId ? saved : candidate)) } : page,
        );
        queryClient.setQueryData(assessmentKey(slug, year, saved.requirementId), saved);
        pending.current -= 1;
        if (pending.current === 0) {
          setState({ kind: 'saved' });
          announce(t('years.table.savedRow', { name }));
          void invalidateYear(queryClient, slug, year, { keepAssessments: true });
        }
      } catch (error) {
        pending.current -= 1;
        const message = problemMessage(error, t);
        setState({ kind: 'error', message, field });
        announce(t('years.table.errorRow', { name, message }));
      }
    });
  };

  const onChoice = (value: RowChoice) => {
    setChoice(value);
    if (value === NVT) save({ applicable: false, notApplicableReason: reason.trim() || null }, 'choice');
    else save({ applicable: true, result: value }, 'choice');
  };

  const onTextCommit = () => {
    if (reasonMode) {
      const value = reason.trim();
      if (!item.applicable && value === (item.notApplicableReason ?? '') && state.kind !== 'error') return;
      save({ applicable: false, notApplicableReason: value || null }, 'text');
    } else if (canEdit && explanation !== item.explanation) {
      save({ explanation }, 'text');
    }
  };
  const onTextKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onTextCommit();
    }
  };

  // Both fields are described by the row's state, so "Opgeslagen" or the problem is read with them.
  const stateId = `${id}-state`;
  const invalid = (field: 'choice' | 'text') => (state.kind === 'error' && state.field === field ? true : undefined);
  const textEditable = reasonMode || canEdit;
  return (
    <TableRow id={id} className={state.kind === 'error' ? 'wb-assessment-row wb-assessment-row--error' : 'wb-assessment-row'}>
      {selectable ? (
        <TableCell>
          <Checkbox id={`${id}-select`} aria-label={t('years.table.select', { name })} checked={selected} onChange={(event) => onSelect(event.target.checked)} />
        </TableCell>
      ) : null}
      <TableHeaderCell scope="row" className="wb-nowrap">
        <AppLink to={assessmentPath(slug, year, item.requirementId)}>
          {showFramework ? <span className="wb-assessment__framework">{frameworkName(item.framework)} </span> : null}
          {item.ref}
        </AppLink>
      </TableHeaderCell>
      <TableCell>
        <span className="wb-requirement__title">{item.title}</span>
        {!item.applicable && !reasonMode ? (
          <span className="wb-requirement__description">{t('years.notApplicableBecause', { reason: item.notApplicableReason ?? '' })}</span>
        ) : null}
        <span className="wb-assessment__meta">
          <span>
            {t('years.fields.owner')}: {item.owner ? item.owner.name : t('years.noOwner')}
          </span>
          <span>
            {t('years.fields.dueDate')}: {item.dueDate ? <time dateTime={item.dueDate}>{formatDate(item.dueDate)}</time> : t('common.none')}
          </span>
          {item.overdue ? <StatusBadge status="danger">{t('years.overdue')}</StatusBadge> : null}
        </span>
      </TableCell>
      <TableCell>
        {canDecide ? (
          <Select
            id={`${id}-result`}
            aria-label={t('years.table.resultOf', { name })}
            aria-describedby={stateId}
            aria-invalid={invalid('choice')}
            value={choice}
            onChange={(event) => onChoice(event.target.value as RowChoice)}
            className="wb-assessment__select"
          >
            {RESULTS.map((result) => (
              <SelectOption key={result} value={result}>
                {labels.result(result)}
              </SelectOption>
            ))}
            <SelectOption value={NVT}>{t('years.notApplicable')}</SelectOption>
          </Select>
        ) : item.applicable ? (
          <StatusBadge status={RESULT_BADGE[item.result]}>{labels.result(item.result)}</StatusBadge>
        ) : (
          <span>{t('years.notApplicable')}</span>
        )}
      </TableCell>
      <TableCell>
        {textEditable ? (
          <Textbox
            id={`${id}-text`}
            aria-label={reasonMode ? t('years.table.reasonOf', { name }) : t('years.table.explanationOf', { name })}
            aria-describedby={stateId}
            aria-invalid={invalid('text')}
            value={reasonMode ? reason : explanation}
            onChange={(event) => (reasonMode ? setReason(event.target.value) : setExplanation(event.target.value))}
            onBlur={onTextCommit}
            onKeyDown={onTextKey}
            className="wb-assessment__text"
            autoComplete="off"
          />
        ) : (
          <span className="wb-assessment__explanation">{item.explanation || <span className="wb-muted">{t('common.none')}</span>}</span>
        )}
        {canDecide || canEdit ? (
          // The visible state of this row; the table's live region announces it.
          <span id={stateId} className="wb-assessment__state">
            {state.kind === 'saving' ? t('years.table.saving') : null}
            {state.kind === 'saved' ? <span className="wb-assessment__saved">{t('years.table.saved')}</span> : null}
            {state.kind === 'error' ? (
              <span className="wb-assessment__error">
                {state.message}
              </span>
            ) : null}
          </span>
        ) : null}
      </TableCell>
    </TableRow>
  );
}

interface BulkProps {
  slug: string;
  year: number;
  canDecide: boolean;
  canEdit: boolean;
  owners: { options: Array<{ value: string; label: string }>; listed: boolean };
  selected: Assessment[];
  onDone: () => void;
}

const KEEP = '__keep__';
const NO_OWNER = '__none__';

/** Change result, owner or due date of the selected rows at once, after a confirmation step. */
function BulkEdit({ slug, year, canDecide, canEdit, owners, selected, onDone }: BulkProps) {
  const { t } = useTranslation();
  const labels = useComplianceLabels();
  const queryClient = useQueryClient();
  const [result, setResult] = useState(KEEP);
  const [owner, setOwner] = useState(KEEP);
  const [dueDate, setDueDate] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<number | null>(null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const mutation = useMutation({
    mutationFn: (changes: AssessmentChanges) => bulkUpdateAssessments(slug, year, selected.map((item) => item.requirementId), changes),
    onSuccess: async (outcome) => {
      setConfirming(false);
      setDone(outcome.updated);
      setResult(KEEP);
      setOwner(KEEP);
      setDueDate('');
      onDone();
      // The confirmation is gone; focus goes back to the top of the bulk form, where the outcome shows.
      headingRef.current?.focus();
      await invalidateYear(queryClient, slug, year);
    },
  });
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const changes: AssessmentChanges = {
    ...(canDecide && result !== KEEP ? { applicable: true, result: result as AssessmentResult } : {}),
    ...(canEdit && owner !== KEEP ? { ownerId: owner === NO_OWNER ? null : owner } : {}),
    ...(canEdit && dueDate ? { dueDate } : {}),
  };
  const summary = [
    changes.result ? t('years.bulk.summaryResult', { result: labels.result(changes.result) }) : null,
    changes.ownerId !== undefined
      ? t('years.bulk.summaryOwner', { owner: changes.ownerId === null ? t('years.noOwner') : (owners.options.find((option) => option.value === changes.ownerId)?.label ?? '') })
      : null,
    changes.dueDate ? t('years.bulk.summaryDueDate', { date: formatDate(changes.dueDate) }) : null,
  ].filter((line): line is string => Boolean(line));

  const review = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    mutation.reset();
    if (selected.length === 0) return setProblem(t('years.bulk.noneSelected'));
    if (summary.length === 0) return setProblem(t('years.bulk.noChange'));
    setProblem(null);
    setConfirming(true);
  };

  return (
    <form onSubmit={review} className="wb-bulk" aria-labelledby="bulk-heading">
      <Heading3 id="bulk-heading" ref={headingRef} tabIndex={-1}>
        {t('years.bulk.title')}
      </Heading3>
      <Paragraph role="status">{t('years.bulk.selected', { count: selected.length })}</Paragraph>
      {done !== null ? <SuccessAlert>{t('years.bulk.done', { count: done })}</SuccessAlert> : null}
      <Fieldset disabled={confirming || mutation.isPending} className="wb-bulk__fields">
        <FieldsetLegend className="wb-visually-hidden">{t('years.bulk.legend')}</FieldsetLegend>
        <div className="wb-inline-form">
          {canDecide ? (
            <SelectField
              id="bulk-result"
              label={t('years.bulk.result')}
              value={result}
              onChange={setResult}
              options={[{ value: KEEP, label: t('years.bulk.keep') }, ...RESULTS.map((value) => ({ value, label: labels.result(value) }))]}
            />
          ) : null}
          {canEdit && owners.listed ? (
            <SelectField
              id="bulk-owner"
              label={t('years.bulk.owner')}
              value={owner}
              onChange={setOwner}
              options={[{ value: KEEP, label: t('years.bulk.keep') }, { value: NO_OWNER, label: t('years.noOwner') }, ...owners.options]}
            />
          ) : null}
          {canEdit ? (
            <TextField id="bulk-due" type="date" label={t('years.bulk.dueDate')} value={dueDate} onChange={setDueDate} description={t('years.bulk.dueDateDescription')} />
          ) : null}
          <ButtonGroup>
            <Button type="submit" appearance="secondary-action-button">
              {t('years.bulk.review')}
            </Button>
          </ButtonGroup>
        </div>
      </Fieldset>
      {problem ? (
        <Alert type="warning" role="alert">
          <Paragraph>{problem}</Paragraph>
        </Alert>
      ) : null}
      {confirming ? (
        <div ref={confirmRef} tabIndex={-1} className="wb-panel wb-bulk__confirm" role="group" aria-labelledby="bulk-confirm-heading">
          <Paragraph id="bulk-confirm-heading">
            <strong>{t('years.bulk.confirmTitle', { count: selected.length })}</strong>
          </Paragraph>
          <ul className="wb-plain-list">
            {summary.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <ProblemAlert error={mutation.error} />
          <ButtonGroup>
            <Button type="button" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending} onClick={() => mutation.mutate(changes)}>
              {t('years.bulk.confirm')}
            </Button>
            <Button type="button" appearance="secondary-action-button" disabled={mutation.isPending} onClick={() => {
                setConfirming(false);
                headingRef.current?.focus();
              }}
            >
              {t('common.cancel')}
            </Button>
          </ButtonGroup>
        </div>
      ) : null}
    </form>
  );
}
