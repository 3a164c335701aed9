import { Button, ButtonGroup, Heading2, Heading3, Paragraph, StatusBadge, TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../shared/DataTable';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { SelectField } from '../../shared/SelectField';
import { SubmitButtons } from '../../shared/SubmitButtons';
import { SuccessAlert } from '../../shared/SuccessAlert';
import { TextField } from '../../shared/TextField';
import { fieldErrors } from '../../shared/problem';
import { useFormErrors } from '../../shared/useFormErrors';
import { useMemberOptions } from '../members/memberOptions';
import { addTask, deleteTask, updateTask } from './api';
import type { Incident, Task } from './api';
import { useIncidentLabels } from './labels';
import { formatDay } from './parts';
import { useIncidentMutation } from './shared';

/** "Taken": the incident's tasks (assignee, due date, done), add one, mark done, remove. */
export function TasksSection({ slug, incident, canManage }: { slug: string; incident: Incident; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="incident-tasks-heading" className="wb-section">
      <Heading2 id="incident-tasks-heading">{t('incidents.tasks.title')}</Heading2>
      {incident.tasks.length === 0 ? (
        <Paragraph>{t('incidents.tasks.none')}</Paragraph>
      ) : (
        <DataTable
          label={t('incidents.tasks.title')}
          caption={t('incidents.tasks.title')}
          columns={[t('incidents.tasks.task'), t('incidents.tasks.assignee'), t('incidents.tasks.dueDate'), t('incidents.tasks.state'), canManage && t('common.actions')]}
        >
          {incident.tasks.map((task) => (
            <TaskRow key={task.id} slug={slug} incident={incident} task={task} canManage={canManage} />
          ))}
        </DataTable>
      )}
      {canManage ? <AddTask slug={slug} incident={incident} /> : null}
    </section>
  );
}

function TaskRow({ slug, incident, task, canManage }: { slug: string; incident: Incident; task: Task; canManage: boolean }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const toggle = useIncidentMutation(slug, incident.id, (done: boolean) => updateTask(slug, incident.id, task.id, { done }));
  const remove = useIncidentMutation(slug, incident.id, () => deleteTask(slug, incident.id, task.id));
  return (
    <TableRow>
      <TableHeaderCell scope="row">{task.title}</TableHeaderCell>
      <TableCell>{task.assignee ? task.assignee.name : <span className="wb-muted">{t('incidents.tasks.unassigned')}</span>}</TableCell>
      <TableCell>{task.dueDate ? <time dateTime={task.dueDate}>{formatDay(task.dueDate)}</time> : <span className="wb-muted">{t('common.none')}</span>}</TableCell>
      <TableCell>
        {task.doneAt ? (
          <StatusBadge status="safe">{t('incidents.tasks.doneAt', { at: labels.moment(task.doneAt) })}</StatusBadge>
        ) : task.overdue ? (
          <StatusBadge status="danger">{t('incidents.tasks.overdue')}</StatusBadge>
        ) : (
          t('incidents.tasks.open')
        )}
      </TableCell>
      {canManage ? (
        <TableCell>
          <ProblemAlert error={toggle.error ?? remove.error} />
          <ButtonGroup>
            <Button type="button" appearance="secondary-action-button" busy={toggle.isPending} disabled={toggle.isPending} onClick={() => toggle.mutate(!task.doneAt)}>
              {task.doneAt ? t('incidents.tasks.reopen') : t('incidents.tasks.markDone')}
              <span className="wb-visually-hidden"> {task.title}</span>
            </Button>
            <Button
              type="button"
              appearance="subtle-button"
              hint="danger"
              busy={remove.isPending}
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(t('incidents.tasks.confirmRemove', { title: task.title }))) remove.mutate(undefined);
              }}
            >
              {t('common.remove')}
              <span className="wb-visually-hidden"> {task.title}</span>
            </Button>
          </ButtonGroup>
        </TableCell>
      ) : null}
    </TableRow>
  );
}

function AddTask({ slug, incident }: { slug: string; incident: Incident }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [added, setAdded] = useState(false);
  const members = useMemberOptions(t('incidents.tasks.unassigned'));
  const { errors, check } = useFormErrors('task');
  const mutation = useIncidentMutation(slug, incident.id, (body: Parameters<typeof addTask>[2]) => addTask(slug, incident.id, body), () => {
    setTitle('');
    setAssigneeId('');
    setDueDate('');
    setAdded(true);
  });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAdded(false);
    if (!check({ title: title.trim() ? null : t('errors.required') })) return;
    mutation.mutate({ title: title.trim(), ...(assigneeId ? { assigneeId } : {}), ...(dueDate ? { dueDate } : {}) });
  };
  return (
    <section aria-labelledby="incident-add-task-heading" className="wb-subsection">
      <Heading3 id="incident-add-task-heading">{t('incidents.tasks.add')}</Heading3>
      {added ? <SuccessAlert>{t('incidents.tasks.added')}</SuccessAlert> : null}
      <form onSubmit={submit} noValidate>
        <ProblemAlert error={mutation.error} />
        <TextField id="task-title" label={t('incidents.tasks.task')} value={title} onChange={setTitle} required maxLength={200} error={errors.title ?? server.title} />
        {members.available ? (
          <SelectField id="task-assigneeId" label={t('incidents.tasks.assignee')} value={assigneeId} options={members.options} onChange={setAssigneeId} disabled={members.isPending} error={server.assigneeId} />
        ) : null}
        <TextField id="task-dueDate" type="date" label={t('incidents.tasks.dueDateOptional')} value={dueDate} onChange={setDueDate} error={server.dueDate} />
        <SubmitButtons label={t('incidents.tasks.submit')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
