import {
  Button,
  ButtonGroup,
  Heading2,
  Heading3,
  Paragraph,
  Select,
  SelectOption,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textbox,
} from '@utrecht/component-library-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../shared/Loading';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TableScroll } from '../../shared/TableScroll';
import { formatDateTime } from '../../shared/format';
import { ANSWERS, fetchProcurement, fetchProcurementSets, isNotFound, procurementKey, procurementSetsKey, saveProcurement, supplierKey } from './api';
import type { Answer, AnswerInput, ProcurementAnswers, ProcurementItem, ProcurementSummary, Supplier } from './api';
import { useSupplierLabels } from './labels';

const SUMMARY_ORDER: Array<keyof ProcurementSummary> = ['voldoet', 'voldoet_deels', 'voldoet_niet', 'niet_van_toepassing', 'onbekend', 'unanswered'];

/**
 * Which harmonised procurement requirements the supplier meets: pick a requirement set, answer per
 * requirement (with a note) and save all changes at once. Sets are data, like frameworks.
 */
export function ProcurementSection({ slug, supplier, canManage }: { slug: string; supplier: Supplier; canManage: boolean }) {
  const { t } = useTranslation();
  const sets = useQuery({ queryKey: procurementSetsKey(slug), queryFn: ({ signal }) => fetchProcurementSets(slug, signal), retry: (count, error) => !isNotFound(error) && count < 2 });
  const answered = supplier.procurement ?? [];
  const firstSet = answered[0]?.setId ?? sets.data?.items[0]?.id ?? '';
  const [choice, setChoice] = useState('');
  // The answer sheet (one row per requirement) opens on request: a set has dozens of requirements.
  const [shown, setShown] = useState('');

  const onShow = (event: FormEvent) => {
    event.preventDefault();
    setShown(choice || firstSet);
    requestAnimationFrame(() => document.getElementById('procurement-set-heading')?.focus());
  };

  return (
    <section aria-labelledby="procurement-heading" className="wb-section">
      <Heading2 id="procurement-heading">{t('suppliers.procurement.title')}</Heading2>
      <Paragraph>{t('suppliers.procurement.intro')}</Paragraph>
      {sets.isPending ? <Loading /> : null}
      {sets.error && isNotFound(sets.error) ? <Paragraph>{t('suppliers.procurement.unavailable')}</Paragraph> : <ProblemAlert error={sets.error} />}
      {answered.length ? (
        <ul className="wb-plain-list" aria-label={t('suppliers.procurement.answeredSets')}>
          {answered.map((entry) => (
            <li key={entry.setId}>
              <strong>{entry.title}</strong>: <SummaryText summary={entry.summary} />
            </li>
          ))}
        </ul>
      ) : null}
      {sets.data ? (
        sets.data.items.length === 0 ? (
          <Paragraph>{t('suppliers.procurement.noSets')}</Paragraph>
        ) : (
          <>
            <form onSubmit={onShow} className="wb-inline-form" aria-label={t('suppliers.procurement.chooseLabel')}>
              <SelectField
                id="procurement-set"
                label={t('suppliers.procurement.set')}
                value={choice || firstSet}
                options={sets.data.items.map((set) => ({ value: set.id, label: `${set.title} (${set.version}, ${t('suppliers.procurement.requirementCount', { count: set.requirements })})` }))}
                onChange={setChoice}
              />
              <Button type="submit" appearance="secondary-action-button">
                {canManage ? t('suppliers.procurement.showEdit') : t('suppliers.procurement.show')}
              </Button>
            </form>
            {shown ? <AnswerSheet key={shown} slug={slug} supplierId={supplier.id} setId={shown} canManage={canManage} /> : null}
          </>
        )
      ) : null}
    </section>
  );
}

function SummaryText({ summary }: { summary: ProcurementSummary }) {
  const { t } = useTranslation();
  return <>{SUMMARY_ORDER.map((key) => `${t(`suppliers.procurement.summary.${key}`)} ${summary[key]}`).join(', ')}</>;
}

interface Draft {
  answer: Answer | '';
  note: string;
}

const draftsOf = (data: ProcurementAnswers) => Object.fromEntries(data.items.map((item) => [item.requirementId, { answer: item.answer ?? '', note: item.note ?? '' } satisfies Draft]));

function AnswerSheet({ slug, supplierId, setId, canManage }: { slug: string; supplierId: string; setId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const query = useQuery({ queryKey: procurementKey(slug, supplierId, setId), queryFn: ({ signal }) => fetchProcurement(slug, supplierId, setId, signal) });
  if (query.isPending) return <Loading />;
  if (query.error) return isNotFound(query.error) ? <Paragraph>{t('suppliers.procurement.unavailable')}</Paragraph> : <ProblemAlert error={query.error} />;
  return <AnswerTable slug={slug} supplierId={supplierId} setId={setId} data={query.data} canManage={canManage} />;
}

function AnswerTable({ slug, supplierId, setId, data, canManage }: { slug: string; supplierId: string; setId: string; data: ProcurementAnswers; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = useSupplierLabels();
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() => draftsOf(data));
  const [saved, setSaved] = useState<number | null>(null);
  const [nothing, setNothing] = useState(false);
  // Chapters are items too (without an answer): the items other items name as their chapter.
  const chapterRefs = new Set(data.items.map((item) => item.chapterRef).filter((ref): ref is string => ref !== null));
  const isChapter = (item: ProcurementItem) => chapterRefs.has(item.ref);
  const changes: AnswerInput[] = data.items.flatMap((item) => {
    const draft = drafts[item.requirementId];
    if (!draft || isChapter(item)) return [];
    const answer = draft.answer || null;
    if (answer === item.answer && draft.note === (item.note ?? '')) return [];
    if (answer === null && item.answer === null) return [];
    return [{ requirementId: item.requirementId, answer, note: draft.note }];
  });
  const mutation = useMutation({
    mutationFn: () => saveProcurement(slug, supplierId, setId, changes),
    onMutate: () => {
      setSaved(null);
      setNothing(false);
    },
    onSuccess: async (updated) => {
      queryClient.setQueryData(procurementKey(slug, supplierId, setId), updated);
      setDrafts(draftsOf(updated));
      setSaved(changes.length);
      await queryClient.invalidateQueries({ queryKey: supplierKey(slug, supplierId) });
    },
  });
  const update = (id: string, patch: Partial<Draft>) => {
    setSaved(null);
    setNothing(false);
    setDrafts((all) => ({ ...all, [id]: { ...all[id], ...patch } }));
  };
  const onSave = (event: FormEvent) => {
    event.preventDefault();
    if (changes.length === 0) {
      setNothing(true);
      return;
    }
    mutation.mutate();
  };

  // Requirements grouped under their chapter, in catalogue order.
  const groups: Array<{ chapter: ProcurementItem | null; items: ProcurementItem[] }> = [];
  for (const item of data.items) {
    const last = groups[groups.length - 1];
    if (isChapter(item)) groups.push({ chapter: item, items: [] });
    else if (last && (last.chapter === null || last.chapter.ref === item.chapterRef)) last.items.push(item);
    else groups.push({ chapter: null, items: [item] });
  }
  const answerable = data.items.filter((item) => !isChapter(item));
  const columns = 4;
  const title = `${data.set.title} (${data.set.version})`;

  return (
    <div className="wb-subsection">
      <Heading3 id="procurement-set-heading" tabIndex={-1}>
        {title}
      </Heading3>
      <div role="status">
        <ul className="wb-summary-counts" aria-label={t('suppliers.procurement.summaryLabel')}>
          {SUMMARY_ORDER.map((key) => (
            <li key={key}>
              {t(`suppliers.procurement.summary.${key}`)}: <span className="wb-summary-counts__value">{data.summary[key]}</span>
            </li>
          ))}
        </ul>
      </div>
      {answerable.length === 0 ? (
        <Paragraph>{t('suppliers.procurement.noRequirements')}</Paragraph>
      ) : (
        <form onSubmit={onSave} noValidate aria-labelledby="procurement-set-heading">
          <TableScroll label={title}>
            <Table className="wb-procurement">
              <caption className="wb-visually-hidden">{t('suppliers.procurement.tableCaption', { title })}</caption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('suppliers.procurement.requirement')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('suppliers.procurement.answer')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('suppliers.procurement.note')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('suppliers.procurement.answered')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              {groups.map((group, index) => (
                <TableBody key={`${group.chapter?.requirementId ?? ''}-${index}`}>
                  {group.chapter ? (
                    <TableRow className="wb-procurement__chapter">
                      <TableHeaderCell scope="rowgroup" colSpan={columns}>
                        {group.chapter.ref} {group.chapter.title}
                      </TableHeaderCell>
                    </TableRow>
                  ) : null}
                  {group.items.map((item) => {
                    const draft = drafts[item.requirementId] ?? { answer: '', note: '' };
                    const name = `${item.ref} ${item.title}`;
                    return (
                      <TableRow key={item.requirementId}>
                        <TableHeaderCell scope="row">
                          <span className="wb-nowrap">{item.ref}</span> {item.title}
                          {item.description ? <div className="wb-procurement__description">{item.description}</div> : null}
                        </TableHeaderCell>
                        <TableCell className="wb-table-select">
                          {canManage ? (
                            <>
                              <label htmlFor={`answer-${item.requirementId}`} className="wb-visually-hidden">
                                {t('suppliers.procurement.answerOf', { name })}
                              </label>
                              <Select id={`answer-${item.requirementId}`} value={draft.answer} onChange={(event) => update(item.requirementId, { answer: event.target.value as Answer | '' })}>
                                <SelectOption value="">{t('suppliers.procurement.unanswered')}</SelectOption>
                                {ANSWERS.map((value) => (
                                  <SelectOption key={value} value={value}>
                                    {labels.answer(value)}
                                  </SelectOption>
                                ))}
                              </Select>
                            </>
                          ) : item.answer ? (
                            labels.answer(item.answer)
                          ) : (
                            <span className="wb-muted">{t('suppliers.procurement.unanswered')}</span>
                          )}
                        </TableCell>
                        <TableCell>
                          {canManage ? (
                            <>
                              <label htmlFor={`note-${item.requirementId}`} className="wb-visually-hidden">
                                {t('suppliers.procurement.noteOf', { name })}
                              </label>
                              <Textbox id={`note-${item.requirementId}`} value={draft.note} maxLength={2000} onChange={(event) => update(item.requirementId, { note: event.target.value })} />
                            </>
                          ) : (
                            item.note || <span className="wb-muted">{t('common.none')}</span>
                          )}
                        </TableCell>
                        <TableCell>
                          {item.answeredAt ? (
                            <>
                              <time dateTime={item.answeredAt}>{formatDateTime(item.answeredAt)}</time>
                              {item.answeredBy ? <div className="wb-cell-note">{item.answeredBy.name}</div> : null}
                            </>
                          ) : (
                            <span className="wb-muted">{t('common.none')}</span>
                          )}
                        </TableCell>
                      </TableRow>
                    );
                  })}
                </TableBody>
              ))}
            </Table>
          </TableScroll>
          {canManage ? (
            <>
              <Paragraph role="status">
                {changes.length ? t('suppliers.procurement.pending', { count: changes.length }) : nothing ? t('suppliers.procurement.nothingChanged') : ''}
              </Paragraph>
              <ProblemAlert error={mutation.error} />
              {saved !== null ? <SuccessAlert>{t('suppliers.procurement.saved', { count: saved })}</SuccessAlert> : null}
              <ButtonGroup>
                <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
                  {t('suppliers.procurement.save')}
                </Button>
              </ButtonGroup>
            </>
          ) : null}
        </form>
      )}
    </div>
  );
}
