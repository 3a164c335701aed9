import {
  Button,
  ButtonGroup,
  Heading2,
  Select,
  SelectOption,
  StatusBadge,
  TableCell,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSignedInMe } from '../../../app/session';
import { AppLink } from '../../../shared/AppLink';
import { CheckboxField } from '../../../shared/CheckboxField';
import { DataTable } from '../../../shared/DataTable';
import { PagedResults } from '../../../shared/PagedResults';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { SubmitButtons } from '../../../shared/SubmitButtons';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TextField } from '../../../shared/TextField';
import { TextareaField } from '../../../shared/TextareaField';
import { fieldErrors } from '../../../shared/problem';
import { can, useCurrentOrganisation } from '../../../shared/organisation';
import { oneOf, searchParamsOf } from '../../../shared/searchParams';
import { useFormErrors } from '../../../shared/useFormErrors';
import { usePagedList } from '../../../shared/usePagedList';
import { useMemberOptions } from '../../members/memberOptions';
import { ComplianceSubpage } from '../ComplianceSubpage';
import { measurePath } from '../labels';
import { attentionKey, EVIDENCE_PERMISSIONS, findingsPath, formatDay, StateIcon } from '../evidence/shared';
import { ACTION_STATUSES, actionListKey, actionsKey, createAction, fetchActions, updateAction } from './api';
import type { Action, ActionFilters, ActionInput, ActionStatus } from './api';
import { MeasureChooser } from './MeasureChooser';
import { useActionLabels } from './members';

const STATUS_BADGE: Record<ActionStatus, string> = { open: 'neutral', in_uitvoering: 'active', afgerond: 'safe', vervallen: 'inactive' };

function useInvalidateActions(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: actionsKey(slug) }), queryClient.invalidateQueries({ queryKey: attentionKey(slug) })]);
}

/** /o/:org/compliance/actions[?status=…&owner=…&overdue=true] — improvement actions from audit findings and by hand. */
export function ActionsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  return (
    <ComplianceSubpage title={t('evidence.actions.title')} intro={t('evidence.actions.intro')} allowed={can(organisation, EVIDENCE_PERMISSIONS.actionsRead)}>
      <ActionList key={organisation.slug} slug={organisation.slug} />
      {can(organisation, EVIDENCE_PERMISSIONS.actionsManage) ? <NewAction key={`new-${organisation.slug}`} slug={organisation.slug} /> : null}
    </ComplianceSubpage>
  );
}

function ActionList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const labels = useActionLabels();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const filters: ActionFilters = {
    status: oneOf(ACTION_STATUSES, params.get('status')),
    owner: params.get('owner') ?? '',
    overdue: params.get('overdue') === 'true',
  };
  const [status, setStatus] = useState<ActionStatus | ''>(filters.status);
  const [owner, setOwner] = useState(filters.owner);
  const [overdue, setOverdue] = useState(filters.overdue);
  const members = useMemberOptions(t('evidence.actions.anyOwner'));
  const ownerOptions = members.available
    ? members.options
    : [
        { value: '', label: t('evidence.actions.anyOwner') },
        { value: me.user.id, label: t('evidence.actions.mine') },
      ];
  const actions = usePagedList(actionListKey(slug, filters), (cursor, signal) => fetchActions(slug, filters, cursor, signal));
  const filtered = Boolean(filters.status || filters.owner || filters.overdue);

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    setParams(searchParamsOf({ status, owner, overdue }), { replace: true });
  };

  return (
    <section aria-labelledby="actions-heading" className="wb-section">
      <Heading2 id="actions-heading">{t('evidence.actions.listTitle')}</Heading2>
      <form role="search" aria-label={t('evidence.actions.filterLabel')} onSubmit={onFilter} className="wb-inline-form">
        <SelectField
          id="actions-status"
          label={t('evidence.actions.fields.status')}
          value={status}
          options={[{ value: '', label: t('evidence.actions.allStatuses') }, ...ACTION_STATUSES.map((value) => ({ value, label: labels.status(value) }))]}
          onChange={(value) => setStatus(value as ActionStatus | '')}
        />
        <SelectField id="actions-owner" label={t('evidence.actions.fields.owner')} value={owner} options={ownerOptions} onChange={setOwner} />
        <CheckboxField id="actions-overdue" label={t('evidence.actions.overdueOnly')} checked={overdue} onChange={setOverdue} />
        <Button type="submit" appearance="secondary-action-button">
          {t('evidence.actions.filterSubmit')}
        </Button>
      </form>
      <PagedResults
        list={actions}
        empty={filtered ? t('evidence.actions.noneFound') : t('evidence.actions.none')}
        shown={t('evidence.actions.shown', { count: actions.items.length })}
        loadMore={t('evidence.actions.loadMore')}
      >
        <ActionsTable slug={slug} items={actions.items} />
      </PagedResults>
    </section>
  );
}

function ActionsTable({ slug, items }: { slug: string; items: Action[] }) {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const canManage = can(organisation, EVIDENCE_PERMISSIONS.actionsManage);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState('');
  const columns = canManage ? 7 : 6;
  return (
    <>
      <p role="status" className="wb-visually-hidden">
        {notice}
      </p>
      <DataTable
        label={t('evidence.actions.listTitle')}
        columns={[
          t('evidence.actions.fields.title'),
          t('evidence.actions.fields.source'),
          t('evidence.actions.fields.owner'),
          t('evidence.actions.fields.dueDate'),
          t('evidence.actions.fields.status'),
          t('evidence.actions.fields.measure'),
          canManage && t('common.actions'),
        ]}
      >
        {items.map((action) => (
          <Fragment key={action.id}>
            <ActionRow
              slug={slug}
              action={action}
              canManage={canManage}
              editing={editing === action.id}
              onEdit={() => setEditing(action.id)}
              onNotice={setNotice}
            />
            {editing === action.id ? (
              <TableRow>
                <TableCell colSpan={columns}>
                  <EditAction
                    slug={slug}
                    action={action}
                    onDone={(saved) => {
                      setEditing(null);
                      if (saved) setNotice(t('evidence.actions.saved', { title: action.title }));
                      requestAnimationFrame(() => document.getElementById(`action-${action.id}-edit`)?.focus());
                    }}
                  />
                </TableCell>
              </TableRow>
            ) : null}
          </Fragment>
        ))}
      </DataTable>
    </>
  );
}

interface RowProps {
  slug: string;
  action: Action;
  canManage: boolean;
  editing: boolean;
  onEdit: () => void;
  onNotice: (text: string) => void;
}

function ActionRow({ slug, action, canManage, editing, onEdit, onNotice }: RowProps) {
  const { t } = useTranslation();
  const labels = useActionLabels();
  const me = useSignedInMe();
  const invalidate = useInvalidateActions(slug);
  const mayChangeStatus = canManage || action.owner?.id === me.user.id;
  const status = useMutation({
    mutationFn: (next: ActionStatus) => updateAction(slug, action.id, { status: next }),
    onSuccess: async (updated) => {
      onNotice(t('evidence.actions.statusChanged', { title: updated.title, status: labels.status(updated.status) }));
      await invalidate();
    },
  });
  const statusId = `action-${action.id}-status`;
  // The choice is saved with its own button, so browsing the options with the arrow keys changes nothing yet.
  const [chosen, setChosen] = useState<ActionStatus>(action.status);
  useEffect(() => setChosen(action.status), [action.status]);
  const changed = chosen !== action.status;
  return (
    <TableRow id={`action-${action.id}`}>
      <TableHeaderCell scope="row">
        {action.title}
        {action.description ? <div className="wb-action__description">{action.description}</div> : null}
      </TableHeaderCell>
      <TableCell>
        {action.source.type === 'audit_finding' && action.source.year ? (
          <AppLink to={findingsPath(slug, action.source.year)}>
            <span className="wb-visually-hidden">{labels.source(action.source.type)}: </span>
            {t('evidence.actions.findingOf', { year: action.source.year })}
          </AppLink>
        ) : action.source.type === 'incident' && action.source.id ? (
          <AppLink to={`/o/${slug}/incidenten/${action.source.id}`}>
            <span className="wb-visually-hidden">{labels.source(action.source.type)}: </span>
            {t('evidence.actions.lessonOf', { incident: action.source.label ?? '' })}
          </AppLink>
        ) : (
          labels.source(action.source.type)
        )}
      </TableCell>
      <TableCell>{action.owner ? action.owner.name : <span className="wb-muted">{t('evidence.actions.noOwner')}</span>}</TableCell>
      <TableCell>
        {action.dueDate ? <span className="wb-nowrap">{formatDay(action.dueDate)}</span> : <span className="wb-muted">{t('common.none')}</span>}
        {action.overdue ? (
          <div>
            <StatusBadge status="danger" className="wb-badge-with-icon">
              <StateIcon name="warning" />
              {t('evidence.actions.overdue')}
            </StatusBadge>
          </div>
        ) : null}
      </TableCell>
      <TableCell className="wb-table-select">
        {mayChangeStatus ? (
          <>
            <label htmlFor={statusId} className="wb-visually-hidden">
              {t('evidence.actions.statusOf', { title: action.title })}
            </label>
            <Select id={statusId} value={chosen} disabled={status.isPending} onChange={(event) => setChosen(event.target.value as ActionStatus)}>
              {ACTION_STATUSES.map((value) => (
                <SelectOption key={value} value={value}>
                  {labels.status(value)}
                </SelectOption>
              ))}
            </Select>
            {changed ? (
              <ButtonGroup className="wb-row-actions">
                <Button type="button" appearance="secondary-action-button" busy={status.isPending} disabled={status.isPending} onClick={() => status.mutate(chosen)}>
                  {t('common.save')}
                  <span className="wb-visually-hidden"> {t('evidence.actions.statusOf', { title: action.title })}</span>
                </Button>
              </ButtonGroup>
            ) : null}
            <ProblemAlert error={status.error} />
          </>
        ) : (
          <StatusBadge status={STATUS_BADGE[action.status]}>{labels.status(action.status)}</StatusBadge>
        )}
      </TableCell>
      <TableCell>
        {action.measure ? <AppLink to={measurePath(slug, action.measure.id)}>{action.measure.title}</AppLink> : <span className="wb-muted">{t('common.none')}</span>}
      </TableCell>
      {canManage ? (
        <TableCell>
          {editing ? null : (
            <Button id={`action-${action.id}-edit`} type="button" appearance="secondary-action-button" onClick={onEdit}>
              {t('evidence.actions.edit')}
              <span className="wb-visually-hidden"> {action.title}</span>
            </Button>
          )}
        </TableCell>
      ) : null}
    </TableRow>
  );
}

function EditAction({ slug, action, onDone }: { slug: string; action: Action; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateActions(slug);
  const id = `action-${action.id}-form`;
  const members = useMemberOptions(t('evidence.actions.noOwner'), action.owner);
  const [title, setTitle] = useState(action.title);
  const [description, setDescription] = useState(action.description);
  const [ownerId, setOwnerId] = useState(action.owner?.id ?? '');
  const [dueDate, setDueDate] = useState(action.dueDate ?? '');
  const [measureId, setMeasureId] = useState(action.measure?.id ?? '');
  const { errors, check } = useFormErrors(id);
  const mutation = useMutation({
    mutationFn: (body: ActionInput) => updateAction(slug, action.id, body),
    onSuccess: async () => {
      await invalidate();
      onDone(true);
    },
  });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ title: title.trim().length >= 2 ? null : t('evidence.actions.titleTooShort') })) return;
    mutation.mutate({
      title: title.trim(),
      description,
      ...(members.available ? { ownerId: ownerId || null } : {}),
      dueDate: dueDate || null,
      measureId: measureId || null,
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('evidence.actions.editLabel', { title: action.title })}>
      <TextField id={`${id}-title`} label={t('evidence.actions.fields.title')} value={title} onChange={setTitle} maxLength={300} error={errors.title ?? server.title} autoFocus />
      <TextareaField id={`${id}-description`} label={t('evidence.actions.fields.description')} value={description} onChange={setDescription} rows={3} error={server.description} />
      {members.available ? (
        <SelectField id={`${id}-ownerId`} label={t('evidence.actions.fields.owner')} value={ownerId} options={members.options} onChange={setOwnerId} error={server.ownerId} />
      ) : null}
      <TextField id={`${id}-dueDate`} label={t('evidence.actions.fields.dueDate')} type="date" value={dueDate} onChange={setDueDate} error={server.dueDate} />
      <MeasureChooser id={`${id}-measureId`} value={measureId} current={action.measure} onChange={setMeasureId} />
      <ProblemAlert error={mutation.error} />
      <SubmitButtons label={t('common.save')} pending={mutation.isPending}>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </SubmitButtons>
    </form>
  );
}

function NewAction({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateActions(slug);
  const id = 'new-action';
  const members = useMemberOptions(t('evidence.actions.noOwner'));
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [measureId, setMeasureId] = useState('');
  const { errors, check } = useFormErrors(id);
  const [created, setCreated] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () =>
      createAction(slug, {
        title: title.trim(),
        description,
        ...(ownerId ? { ownerId } : {}),
        ...(dueDate ? { dueDate } : {}),
        ...(measureId ? { measureId } : {}),
      }),
    onMutate: () => setCreated(null),
    onSuccess: async (action) => {
      setCreated(action.title);
      setTitle('');
      setDescription('');
      setOwnerId('');
      setDueDate('');
      setMeasureId('');
      await invalidate();
    },
  });
  const server = fieldErrors(mutation.error);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!check({ title: title.trim().length >= 2 ? null : t('evidence.actions.titleTooShort') })) return;
    mutation.mutate();
  };
  return (
    <section aria-labelledby="new-action-heading" className="wb-section">
      <Heading2 id="new-action-heading">{t('evidence.actions.newTitle')}</Heading2>
      <form onSubmit={submit} noValidate>
        <TextField id={`${id}-title`} label={t('evidence.actions.fields.title')} value={title} onChange={setTitle} maxLength={300} error={errors.title ?? server.title} />
        <TextareaField id={`${id}-description`} label={t('evidence.actions.fields.description')} value={description} onChange={setDescription} rows={3} error={server.description} />
        {members.available ? (
          <SelectField id={`${id}-ownerId`} label={t('evidence.actions.fields.owner')} value={ownerId} options={members.options} onChange={setOwnerId} error={server.ownerId} />
        ) : null}
        <TextField id={`${id}-dueDate`} label={t('evidence.actions.fields.dueDate')} type="date" value={dueDate} onChange={setDueDate} error={server.dueDate} />
        <MeasureChooser id={`${id}-measureId`} value={measureId} current={null} onChange={setMeasureId} />
        <ProblemAlert error={mutation.error} />
        {created ? <SuccessAlert>{t('evidence.actions.created', { title: created })}</SuccessAlert> : null}
        <SubmitButtons label={t('evidence.actions.create')} pending={mutation.isPending} />
      </form>
    </section>
  );
}
