import { and, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { incidentTasks } from '../../core/db/schema.js';
import { badRequest, notFound } from '../../core/http/problem.js';
import { localDate } from '../../../shared/dates.js';
import { actorOf, requireIncident } from './manage-incidents.js';
import { presentTask } from './present.js';
import { loadTask, memberProblems, membersAmong, writeEvent, type TaskRow } from './repo.js';

/* Tasks during the handling of an incident; creating and finishing one is on the timeline. */

async function assertAssignee(ctx: OrgCtx, assigneeId: string | null | undefined) {
  if (!assigneeId) return;
  const errors = await memberProblems(ctx.tx, ctx.org.id, [assigneeId], 'body.assigneeId', true);
  if (errors.length) throw badRequest('De uitvoerder van de taak is geen lid van deze organisatie.', errors);
}

async function present(ctx: OrgCtx, t: TaskRow, now: Date) {
  return presentTask(t, await membersAmong(ctx.tx, ctx.org.id, [t.assigneeId]), localDate(now));
}

const view = (t: TaskRow) => ({ title: t.title, assigneeId: t.assigneeId, dueDate: t.dueDate, doneAt: t.doneAt });

export async function createTask(ctx: OrgCtx, incidentId: string, input: { title: string; assigneeId?: string | null; dueDate?: string | null }, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  await requireIncident(ctx, incidentId);
  await assertAssignee(ctx, input.assigneeId);
  const [row] = await tx
    .insert(incidentTasks)
    .values({ organisationId: org.id, incidentId, title: input.title, assigneeId: input.assigneeId ?? null, dueDate: input.dueDate ?? null, createdAt: now })
    .returning();
  await writeEvent(tx, { organisationId: org.id, incidentId, kind: 'taak', text: `Taak aangemaakt: ${row.title}`, occurredAt: now, recordedAt: now, actor: actorOf(ctx) });
  audit.record({ organisationId: org.id, entityType: 'incident_task', entityId: row.id, action: 'create', after: { incidentId, ...view(row) } });
  return present(ctx, row, now);
}

export async function updateTask(
  ctx: OrgCtx,
  incidentId: string,
  taskId: string,
  input: { title?: string; assigneeId?: string | null; dueDate?: string | null; done?: boolean },
  now: Date = new Date(),
) {
  const { tx, org, audit } = ctx;
  await requireIncident(ctx, incidentId);
  const old = await loadTask(tx, org.id, incidentId, taskId);
  if (!old) throw notFound();
  await assertAssignee(ctx, input.assigneeId);
  const doneAt = input.done === undefined ? old.doneAt : input.done ? (old.doneAt ?? now) : null;
  const [row] = await tx
    .update(incidentTasks)
    .set({
      title: input.title ?? old.title,
      assigneeId: input.assigneeId !== undefined ? input.assigneeId : old.assigneeId,
      dueDate: input.dueDate !== undefined ? input.dueDate : old.dueDate,
      doneAt,
    })
    .where(and(eq(incidentTasks.organisationId, org.id), eq(incidentTasks.id, taskId)))
    .returning();
  if (!old.doneAt && row.doneAt)
    await writeEvent(tx, { organisationId: org.id, incidentId, kind: 'taak', text: `Taak afgerond: ${row.title}`, occurredAt: now, recordedAt: now, actor: actorOf(ctx) });
  if (old.doneAt && !row.doneAt)
    await writeEvent(tx, { organisationId: org.id, incidentId, kind: 'taak', text: `Taak heropend: ${row.title}`, occurredAt: now, recordedAt: now, actor: actorOf(ctx) });
  audit.record({ organisationId: org.id, entityType: 'incident_task', entityId: taskId, action: 'update', before: view(old), after: view(row) });
  return present(ctx, row, now);
}

export async function deleteTask(ctx: OrgCtx, incidentId: string, taskId: string) {
  const { tx, org, audit } = ctx;
  await requireIncident(ctx, incidentId);
  const old = await loadTask(tx, org.id, incidentId, taskId);
  if (!old) throw notFound();
  await tx.delete(incidentTasks).where(and(eq(incidentTasks.organisationId, org.id), eq(incidentTasks.id, taskId)));
  audit.record({ organisationId: org.id, entityType: 'incident_task', entityId: taskId, action: 'delete', before: { incidentId, ...view(old) } });
}
