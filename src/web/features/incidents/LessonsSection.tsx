import { Heading2, Heading3, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AppLink } from '../../shared/AppLink';
import { DataTable } from '../../shared/DataTable';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextareaField } from '../../shared/TextareaField';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { useMemberOptions } from '../members/memberOptions';
import { addLesson } from './api';
import type { Incident } from './api';
import { formatDay } from './parts';
import { useIncidentMutation } from './shared';

/**
 * "Geleerde lessen": each lesson is an action of the organisation (owner, due date) that is followed up
 * on the actions page with everything else; the lesson itself goes on the timeline.
 */
export function LessonsSection({ slug, incident, canManage }: { slug: string; incident: Incident; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="incident-lessons-heading" className="wb-section">
      <Heading2 id="incident-lessons-heading">{t('incidents.lessons.title')}</Heading2>
      <Paragraph>
        {t('incidents.lessons.intro')} <AppLink to={`/o/${slug}/compliance/actions`}>{t('incidents.lessons.toActions')}</AppLink>
      </Paragraph>
      {incident.lessons.length === 0 ? (
        <Paragraph>{t('incidents.lessons.none')}</Paragraph>
      ) : (
        <DataTable
          label={t('incidents.lessons.title')}
          caption={t('incidents.lessons.title')}
          columns={[t('incidents.lessons.action'), t('incidents.lessons.owner'), t('incidents.lessons.dueDate'), t('incidents.lessons.state')]}
        >
          {incident.lessons.map((lesson) => (
            <TableRow key={lesson.id}>
              <TableHeaderCell scope="row">
                {lesson.title}
                <div className="wb-muted">{lesson.description.split('\n')[0]}</div>
              </TableHeaderCell>
              <TableCell>{lesson.owner ? lesson.owner.name : <span className="wb-muted">{t('incidents.lessons.noOwner')}</span>}</TableCell>
              <TableCell>{lesson.dueDate ? <time dateTime={lesson.dueDate}>{formatDay(lesson.dueDate)}</time> : <span className="wb-muted">{t('common.none')}</span>}</TableCell>
              <TableCell>
                {lesson.overdue ? <StatusBadge status="danger">{t('incidents.lessons.overdue')}</StatusBadge> : t(`incidents.lessons.statuses.${lesson.status}`, { defaultValue: lesson.status })}
              </TableCell>
            </TableRow>
          ))}
        </DataTable>
      )}
      {canManage ? <AddLesson slug={slug} incident={incident} /> : null}
    </section>
  );
}

function AddLesson({ slug, incident }: { slug: string; incident: Incident }) {
  const { t } = useTranslation();
  const [lesson, setLesson] = useState('');
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [added, setAdded] = useState(false);
  const members = useMemberOptions(t('incidents.lessons.noOwner'));
  const { errors, check } = useFormErrors('lesson');
  const mutation = useIncidentMutation(slug, incident.id, (body: Parameters<typeof addLesson>[2]) => addLesson(slug, incident.id, body), () => {
    setLesson('');
    setTitle('');
    setOwnerId('');
    setDueDate('');
    setAdded(true);
  });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    const required = (value: string) => (value.trim().length >= 2 ? null : t('incidents.lessons.tooShort'));
    if (!check({ lesson: required(lesson), title: required(title) })) return;
    mutation.mutate({ lesson: lesson.trim(), action: { title: title.trim(), ...(ownerId ? { ownerId } : {}), ...(dueDate ? { dueDate } : {}) } });
  };
  return (
    <section aria-labelledby="incident-add-lesson-heading" className="wb-subsection">
      <Heading3 id="incident-add-lesson-heading">{t('incidents.lessons.add')}</Heading3>
      {added ? <SuccessAlert>{t('incidents.lessons.added')}</SuccessAlert> : null}
      <form onSubmit={submit} noValidate>
        <ProblemAlert error={mutation.error} />
        <TextareaField id="lesson-lesson" label={t('incidents.lessons.lesson')} value={lesson} onChange={setLesson} required maxLength={5000} error={errors.lesson ?? server.lesson} />
        <TextField id="lesson-title" label={t('incidents.lessons.action')} value={title} onChange={setTitle} required maxLength={300} error={errors.title ?? server['action.title']} />
        {members.available ? (
          <SelectField id="lesson-ownerId" label={t('incidents.lessons.owner')} value={ownerId} options={members.options} onChange={setOwnerId} disabled={members.isPending} error={server['action.ownerId'] ?? server.ownerId} />
        ) : null}
        <TextField id="lesson-dueDate" type="date" label={t('incidents.lessons.dueDateOptional')} value={dueDate} onChange={setDueDate} error={server['action.dueDate']} />
        <SubmitButtons label={t('incidents.lessons.submit')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
