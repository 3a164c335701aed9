import type { OrgCtx } from '../../core/http/pipeline.js';
import { badRequest } from '../../core/http/problem.js';
import { actorOf, requireIncident } from './manage-incidents.js';
import { presentEvent } from './present.js';
import { CLOCK_SKEW_MS, writeEvent } from './repo.js';

/*
 * A handler adds what happened, what was decided and notes to the timeline. Entries are never changed or
 * deleted (the database refuses it to the application role); a correction is a new entry. An event may
 * have happened before the organisation became aware of the incident, never in the future.
 */
export async function addEvent(ctx: OrgCtx, id: string, input: { kind: 'gebeurtenis' | 'besluit' | 'notitie'; text: string; occurredAt?: string }, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  await requireIncident(ctx, id);
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw badRequest('Een gebeurtenis kan niet in de toekomst liggen.', [{ path: 'body.occurredAt', message: 'kan niet in de toekomst liggen' }]);
  const row = await writeEvent(tx, { organisationId: org.id, incidentId: id, kind: input.kind, text: input.text, occurredAt, recordedAt: now, actor: actorOf(ctx) });
  audit.record({ organisationId: org.id, entityType: 'incident_event', entityId: row.id, action: 'create', after: { incidentId: id, kind: row.kind, occurredAt, text: row.text } });
  return presentEvent(row);
}
