import { Fieldset, FieldsetLegend, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../shared/CheckboxField';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { AVG_CATEGORIES } from '../../../shared/incidents';
import { answerAvg, answerCbw } from './api';
import type { AvgCategory, AvgInput, Incident } from './api';
import { useIncidentLabels } from './labels';
import { numberOrNull, RadioGroup, useIncidentMutation } from './shared';

const yesNo = (value: boolean | null) => (value === null ? '' : value ? 'ja' : 'nee');

/** "Juridische vragen": is it significant under the Cbw, is it a personal-data breach under the AVG; answers with who and when. */
export function LegalSection({ slug, incident, canManage }: { slug: string; incident: Incident; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="incident-legal-heading" className="wb-section">
      <Heading2 id="incident-legal-heading">{t('incidents.legal.title')}</Heading2>
      <Paragraph>{t('incidents.legal.intro')}</Paragraph>
      <CbwQuestion slug={slug} incident={incident} canManage={canManage} />
      <AvgQuestion slug={slug} incident={incident} canManage={canManage} />
    </section>
  );
}

function Answered({ by, at, reason }: { by: string | null; at: string | null; reason: string }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  if (!at) return <Paragraph className="wb-muted">{t('incidents.legal.notYet')}</Paragraph>;
  return (
    <Paragraph>
      {t('incidents.legal.answeredBy', { name: by ?? t('incidents.timeline.system'), at: labels.moment(at) })}
      {reason ? (
        <>
          <br />
          {t('incidents.legal.reasonShown', { reason })}
        </>
      ) : null}
    </Paragraph>
  );
}

/** The answer to a legal question (yes / no) and the reasoning behind it, with the question's own texts. */
function AnswerFields(props: {
  question: 'cbw' | 'avg';
  answerId: string;
  answer: string;
  onAnswer: (value: string) => void;
  answerError?: string | null;
  reason: string;
  onReason: (value: string) => void;
  reasonError?: string | null;
}) {
  const { t } = useTranslation();
  const q = `incidents.legal.${props.question}`;
  return (
    <>
      <RadioGroup
        id={props.answerId}
        legend={t(`${q}.legend`)}
        value={props.answer}
        options={[
          { value: 'ja', label: t(`${q}.yes`) },
          { value: 'nee', label: t(`${q}.no`) },
        ]}
        onChange={props.onAnswer}
        error={props.answerError}
      />
      <TextareaField
        id={`${props.question}-reason`}
        label={t('incidents.legal.reason')}
        description={t(`${q}.reasonHelp`)}
        value={props.reason}
        onChange={props.onReason}
        rows={3}
        required
        maxLength={5000}
        error={props.reasonError}
      />
    </>
  );
}

function CbwQuestion({ slug, incident, canManage }: { slug: string; incident: Incident; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const [answer, setAnswer] = useState(yesNo(incident.cbw.significant));
  const [reason, setReason] = useState(incident.cbw.reason);
  const [saved, setSaved] = useState(false);
  const { errors, check } = useFormErrors('cbw');
  const mutation = useIncidentMutation(slug, incident.id, (body: { significant: boolean; reason: string }) => answerCbw(slug, incident.id, body), () => setSaved(true));
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!check({ significant: answer ? null : t('incidents.legal.chooseAnswer'), reason: reason.trim() ? null : t('incidents.legal.reasonRequired') })) return;
    mutation.mutate({ significant: answer === 'ja', reason: reason.trim() });
  };
  return (
    <section aria-labelledby="incident-cbw-heading" className="wb-subsection">
      <Heading3 id="incident-cbw-heading">{t('incidents.legal.cbw.question')}</Heading3>
      <Paragraph>{t('incidents.legal.cbw.guidance')}</Paragraph>
      <Paragraph>
        <strong>{t('incidents.legal.currentAnswer')}</strong> {labels.yesNo(incident.cbw.significant)}
      </Paragraph>
      <Answered by={incident.cbw.answeredBy} at={incident.cbw.answeredAt} reason={incident.cbw.reason} />
      {saved ? <SuccessAlert>{t('incidents.legal.saved')}</SuccessAlert> : null}
      {canManage ? (
        <form onSubmit={submit} noValidate aria-label={t('incidents.legal.cbw.form')}>
          <ProblemAlert error={mutation.error} />
          <AnswerFields
            question="cbw"
            answerId="cbw-significant"
            answer={answer}
            onAnswer={setAnswer}
            answerError={errors.significant ?? server.significant}
            reason={reason}
            onReason={setReason}
            reasonError={errors.reason ?? server.reason}
          />
          <SubmitButtons label={incident.cbw.answeredAt ? t('incidents.legal.change') : t('incidents.legal.record')} pending={mutation.isPending} />
        </form>
      ) : null}
    </section>
  );
}

function AvgQuestion({ slug, incident, canManage }: { slug: string; incident: Incident; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const avg = incident.avg;
  const [answer, setAnswer] = useState(yesNo(avg.breach));
  const [reason, setReason] = useState(avg.reason);
  const [categories, setCategories] = useState<AvgCategory[]>(avg.categories);
  const [subjects, setSubjects] = useState(avg.subjectsApprox === null ? '' : String(avg.subjectsApprox));
  const [records, setRecords] = useState(avg.recordsApprox === null ? '' : String(avg.recordsApprox));
  const [consequences, setConsequences] = useState(avg.consequences);
  const [notify, setNotify] = useState(avg.notifySubjects === null ? 'onbekend' : avg.notifySubjects ? 'ja' : 'nee');
  const [notifyReason, setNotifyReason] = useState(avg.notifyReason);
  const [saved, setSaved] = useState(false);
  const { errors, check } = useFormErrors('avg');
  const mutation = useIncidentMutation(slug, incident.id, (body: AvgInput) => answerAvg(slug, incident.id, body), () => setSaved(true));
  const server = fieldErrors(mutation.error);
  const numberError = (value: string) => (Number.isNaN(numberOrNull(value) ?? 0) ? t('incidents.legal.avg.wholeNumber') : null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const breach = answer === 'ja';
    const ok = check({
      breach: answer ? null : t('incidents.legal.chooseAnswer'),
      reason: reason.trim() ? null : t('incidents.legal.reasonRequired'),
      subjectsApprox: breach ? numberError(subjects) : null,
      recordsApprox: breach ? numberError(records) : null,
    });
    if (!ok) return;
    mutation.mutate(
      breach
        ? {
            breach,
            reason: reason.trim(),
            categories,
            subjectsApprox: numberOrNull(subjects),
            recordsApprox: numberOrNull(records),
            consequences,
            notifySubjects: notify === 'onbekend' ? null : notify === 'ja',
            notifyReason,
          }
        : { breach, reason: reason.trim() },
    );
  };

  return (
    <section aria-labelledby="incident-avg-heading" className="wb-subsection">
      <Heading3 id="incident-avg-heading">{t('incidents.legal.avg.question')}</Heading3>
      <Paragraph>{t('incidents.legal.avg.guidance')}</Paragraph>
      <Paragraph>
        <strong>{t('incidents.legal.currentAnswer')}</strong> {labels.yesNo(avg.breach)}
      </Paragraph>
      {avg.breach ? (
        <ul className="wb-plain-list">
          <li>{t('incidents.legal.avg.categoriesShown', { list: avg.categories.length ? avg.categories.map(labels.avgCategory).join(', ') : t('common.none') })}</li>
          <li>{t('incidents.legal.avg.numbersShown', { subjects: avg.subjectsApprox ?? t('common.unknown'), records: avg.recordsApprox ?? t('common.unknown') })}</li>
          <li>{t('incidents.legal.avg.notifyShown', { answer: avg.notifySubjects === null ? t('incidents.legal.avg.notifyUndecided') : labels.yesNo(avg.notifySubjects) })}</li>
        </ul>
      ) : null}
      <Answered by={avg.answeredBy} at={avg.answeredAt} reason={avg.reason} />
      {saved ? <SuccessAlert>{t('incidents.legal.saved')}</SuccessAlert> : null}
      {canManage ? (
        <form onSubmit={submit} noValidate aria-label={t('incidents.legal.avg.form')}>
          <ProblemAlert error={mutation.error} />
          <AnswerFields
            question="avg"
            answerId="avg-breach"
            answer={answer}
            onAnswer={setAnswer}
            answerError={errors.breach ?? server.breach}
            reason={reason}
            onReason={setReason}
            reasonError={errors.reason ?? server.reason}
          />
          {answer === 'ja' ? (
            <>
              <Fieldset>
                <FieldsetLegend>{t('incidents.legal.avg.categories')}</FieldsetLegend>
                {AVG_CATEGORIES.map((category) => (
                  <CheckboxField
                    key={category}
                    id={`avg-category-${category}`}
                    label={labels.avgCategory(category)}
                    checked={categories.includes(category)}
                    onChange={(checked) => setCategories((current) => (checked ? [...current, category] : current.filter((c) => c !== category)))}
                  />
                ))}
              </Fieldset>
              <TextField
                id="avg-subjectsApprox"
                label={t('incidents.legal.avg.subjects')}
                inputMode="numeric"
                value={subjects}
                onChange={setSubjects}
                error={errors.subjectsApprox ?? server.subjectsApprox}
              />
              <TextField
                id="avg-recordsApprox"
                label={t('incidents.legal.avg.records')}
                inputMode="numeric"
                value={records}
                onChange={setRecords}
                error={errors.recordsApprox ?? server.recordsApprox}
              />
              <TextareaField
                id="avg-consequences"
                label={t('incidents.legal.avg.consequences')}
                description={t('incidents.legal.avg.consequencesHelp')}
                value={consequences}
                onChange={setConsequences}
                rows={3}
                maxLength={20000}
                error={server.consequences}
              />
              <RadioGroup
                id="avg-notifySubjects"
                legend={t('incidents.legal.avg.notify')}
                description={t('incidents.legal.avg.notifyHelp')}
                value={notify}
                options={[
                  { value: 'ja', label: t('common.yes') },
                  { value: 'nee', label: t('common.no') },
                  { value: 'onbekend', label: t('incidents.legal.avg.notifyUndecided') },
                ]}
                onChange={setNotify}
              />
              <TextareaField
                id="avg-notifyReason"
                label={t('incidents.legal.avg.notifyReason')}
                value={notifyReason}
                onChange={setNotifyReason}
                rows={2}
                maxLength={5000}
                error={server.notifyReason}
              />
            </>
          ) : null}
          <SubmitButtons label={avg.answeredAt ? t('incidents.legal.change') : t('incidents.legal.record')} pending={mutation.isPending} />
        </form>
      ) : null}
    </section>
  );
}
