import {
  Button,
  ButtonGroup,
  Heading2,
  Paragraph,
  Select,
  SelectOption,
  StatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Fragment, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useSignedInMe } from '../../../app/session';
import { AppLink } from '../../../shared/AppLink';
import { CheckboxField } from '../../../shared/CheckboxField';
import { Loading } from '../../../shared/Loading';
import { NoAccess } from '../../../shared/NoAccess';
import { PageHeading } from '../../../shared/PageHeading';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { SelectField } from '../../../shared/SelectField';
import { SuccessAlert } from '../../../shared/SuccessAlert';
import { TableScroll } from '../../../shared/TableScroll';
import { TextField } from '../../../shared/TextField';
import { TextareaField } from '../../../shared/TextareaField';
import { fieldErrors } from '../../../shared/problem';
import { can, useCurrentOrganisation } from '../../../shared/organisation';
import { usePageTitle } from '../../../shared/usePageTitle';
import { collectErrors, focusFirstError } from '../../../shared/validation';
import { Breadcrumbs } from '../Breadcrumbs';
import { compliancePath, measurePath } from '../labels';
import { attentionKey, EVIDENCE_PERMISSIONS, findingsPath, formatDay, StateIcon } from '../evidence/shared';
import { ACTION_STATUSES, actionListKey, actionsKey, createAction, fetchActions, updateAction } from './api';
import type { Action, ActionFilters, ActionInput, ActionStatus } from './api';
import { MeasureChooser } from './MeasureChooser';
import { useActionLabels, useMemberOptions } from './members';

const STATUS_BADGE: Record<ActionStatus, string> = { open: 'neutral', in_uitvoering: 'active', afgerond: 'safe', vervallen: 'inactive' };
const isStatus = (value: string | null): value is ActionStatus => ACTION_STATUSES.includes(value as ActionStatus);

function useInvalidateActions(slug: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: actionsKey(slug) }), queryClient.invalidateQueries({ queryKey: attentionKey(slug) })]);
}

/** /o/:org/compliance/actions[?status=…&owner=…&overdue=true] — improvement actions from audit findings and by hand. */
export function ActionsPage() {
  const { t } = useTranslation();
  const organisation = useCurrentOrganisation();
  const title = t('evidence.actions.title');
  usePageTitle(title, organisation.name);
  if (!can(organisation, EVIDENCE_PERMISSIONS.actionsRead)) return <NoAccess title={title} />;
  return (
    <>
      <Breadcrumbs items={[{ to: compliancePath(organisation.slug), label: t('capabilities.compliance.title') }]} />
      <PageHeading title={title} context={organisation.name} />
      <Paragraph>{t('evidence.actions.intro')}</Paragraph>
      <ActionList key={organisation.slug} slug={organisation.slug} />
      {can(organisation, EVIDENCE_PERMISSIONS.actionsManage) ? <NewAction key={`new-${organisation.slug}`} slug={organisation.slug} /> : null}
    </>
  );
}

function ActionList({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const labels = useActionLabels();
  const me = useSignedInMe();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get('status');
  const filters: ActionFilters = {
    status: isStatus(statusParam) ? statusParam : '',
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
  const actions = useInfiniteQuery({
    queryKey: actionListKey(slug, filters),
    queryFn: ({ pageParam, signal }) => fetchActions(slug, filters, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const items = actions.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.status || filters.owner || filters.overdue);

  const onFilter = (event: FormEvent) => {
    event.preventDefault();
    const next = new URLSearchParams();
    if (status) next.set('status', status);
    if (owner) next.set('owner', owner);
    if (overdue) next.set('overdue', 'true');
    setParams(next, { replace: true });
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
      {actions.isPending ? <Loading /> : null}
      <ProblemAlert error={actions.error} />
      {actions.data && items.length === 0 ? <Paragraph>{filtered ? t('evidence.actions.noneFound') : t('evidence.actions.none')}</Paragraph> : null}
      {items.length > 0 ? (
        <>
          <Paragraph role="status">{t('evidence.actions.shown', { count: items.length })}</Paragraph>
          <ActionsTable slug={slug} items={items} />
        </>
      ) : null}
      {actions.hasNextPage ? (
        <ButtonGroup>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={actions.isFetchingNextPage}
            disabled={actions.isFetchingNextPage}
            onClick={() => void actions.fetchNextPage()}
          >
            {t('evidence.actions.loadMore')}
          </Button>
        </ButtonGroup>
      ) : null}
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
      <TableScroll label={t('evidence.actions.listTitle')}>
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('evidence.actions.fields.title')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('evidence.actions.fields.source')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('evidence.actions.fields.owner')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('evidence.actions.fields.dueDate')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('evidence.actions.fields.status')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('evidence.actions.fields.measure')}</TableHeaderCell>
              {canManage ? <TableHeaderCell scope="col">{t('common.actions')}</TableHeaderCell> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
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
          </TableBody>
        </Table>
      </TableScroll>
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
  const [errors, setErrors] = useState<Record<string, string>>({});
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
    const invalid = collectErrors({ title: title.trim().length >= 2 ? null : t('evidence.actions.titleTooShort') });
    setErrors(invalid ?? {});
    if (invalid) {
      focusFirstError(id, invalid);
      return;
    }
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
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
          {t('common.save')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </ButtonGroup>
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
  const [errors, setErrors] = useState<Record<string, string>>({});
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
    const invalid = collectErrors({ title: title.trim().length >= 2 ? null : t('evidence.actions.titleTooShort') });
    setErrors(invalid ?? {});
    if (invalid) {
      focusFirstError(id, invalid);
      return;
    }
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
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={mutation.isPending} disabled={mutation.isPending}>
            {t('evidence.actions.create')}
          </Button>
        </ButtonGroup>
      </form>
    </section>
  );
}
