import type { OrgCtx } from '../../core/http/pipeline.js';
import { actionsFromSource, createAction } from '../actions/manage-actions.js';
import { actorOf, requireIncident } from './manage-incidents.js';
import { writeEvent } from './repo.js';

/*
 * Lessons learned become tracked actions: each lesson is an entry on the incident's timeline (kind 'les')
 * and an action in the actions module (source: the incident), with an owner and a due date, optionally
 * tied to a measure of the compliance module. The actions are followed up where all actions are.
 */
export async function addLesson(
  ctx: OrgCtx,
  incidentId: string,
  input: { lesson: string; action: { title: string; ownerId?: string | null; dueDate?: string | null; measureId?: string | null } },
  now: Date = new Date(),
) {
  const incident = await requireIncident(ctx, incidentId);
  const action = await createAction(ctx, {
    title: input.action.title,
    description: `${input.lesson}\n\nGeleerde les uit incident ${incident.ref} ${incident.title}.`,
    ownerId: input.action.ownerId ?? null,
    dueDate: input.action.dueDate ?? null,
    measureId: input.action.measureId ?? null,
    sourceType: 'incident',
    sourceId: incidentId,
  });
  const details = [action.owner?.name, action.dueDate ? `uiterlijk ${action.dueDate}` : null].filter(Boolean).join(', ') || 'nog zonder eigenaar';
  await writeEvent(ctx.tx, {
    organisationId: ctx.org.id,
    incidentId,
    kind: 'les',
    text: `Geleerde les: ${input.lesson} — actie "${action.title}" (${details})`,
    occurredAt: now,
    recordedAt: now,
    actor: actorOf(ctx),
  });
  return action;
}

/** The actions that came from this incident's lessons learned. */
export const lessonsOf = (ctx: Pick<OrgCtx, 'tx' | 'org'>, incidentId: string) => actionsFromSource(ctx.tx, ctx.org.id, 'incident', incidentId);
