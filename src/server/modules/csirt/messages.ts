import { and, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { csirtMessages, csirtNotifications } from '../../core/db/schema.js';
import { notFound } from '../../core/http/problem.js';
import { kindName } from '../incidents/deadlines.js';
import { requireIncident } from '../incidents/manage-incidents.js';
import { nameOf } from './access.js';
import { requireInInbox } from './get-notification.js';
import { noticeToCsirt, noticeToGemeente } from './notices.js';
import { connectedCsirt } from './repo.js';
import { presentMessage } from './present.js';

/*
 * The thread of a notification: questions and answers both sides see. Append-only (the application role
 * may only insert and read messages). A message tells the other side through its inbox.
 */

const excerpt = (body: string) => (body.length > 140 ? `${body.slice(0, 139)}…` : body);

/** The CSIRT writes: the incident's handlers and the gemeente's CISOs get a notice. */
export async function postCsirtMessage(ctx: OrgCtx, notificationId: string, input: { body: string }, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const n = await requireInInbox(ctx, notificationId);
  const [row] = await tx
    .insert(csirtMessages)
    .values({ notificationId, organisationId: n.n.organisationId, csirtId: org.id, authorSide: 'csirt', authorName: nameOf(ctx), body: input.body, createdAt: now })
    .returning();
  await noticeToGemeente(tx, org.id, n.n.organisationId, n.n.incidentId, {
    kind: 'csirt_bericht',
    subjectType: 'incident',
    subjectId: n.n.incidentId,
    title: `Bericht van ${org.name} over de ${kindName(n.n.kind).toLowerCase()}`,
    body: `${n.n.incidentRef}: ${excerpt(input.body)}`,
    link: n.gemeenteSlug ? `/o/${n.gemeenteSlug}/incidenten/${n.n.incidentId}` : null,
  });
  audit.record({ organisationId: org.id, entityType: 'csirt_message', entityId: row.id, action: 'create', after: { notificationId, side: 'csirt', body: input.body } });
  return presentMessage(row);
}

/** The gemeente writes (from the incident page): the CSIRT's analysts get a notice. */
export async function postGemeenteMessage(ctx: OrgCtx, incidentId: string, notificationId: string, input: { body: string }, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const incident = await requireIncident(ctx, incidentId);
  const [n] = await tx
    .select()
    .from(csirtNotifications)
    .where(and(eq(csirtNotifications.organisationId, org.id), eq(csirtNotifications.incidentId, incidentId), eq(csirtNotifications.id, notificationId)));
  if (!n) throw notFound('Deze melding aan het CSIRT hoort niet bij dit incident.');
  const [row] = await tx
    .insert(csirtMessages)
    .values({ notificationId, organisationId: org.id, csirtId: n.csirtId, authorSide: 'gemeente', authorName: nameOf(ctx), body: input.body, createdAt: now })
    .returning();
  // the link into the CSIRT's inbox needs its slug; the organisations policy shows the CSIRT while linked
  const csirt = await connectedCsirt(tx, org.id);
  await noticeToCsirt(tx, org.id, n.csirtId, {
    kind: 'csirt_bericht',
    subjectType: 'csirt_notification',
    subjectId: n.id,
    title: `Bericht van ${org.name} over ${incident.ref}`,
    body: excerpt(input.body),
    link: csirt?.id === n.csirtId ? `/o/${csirt.slug}/csirt-inbox/${n.id}` : null,
  });
  audit.record({ organisationId: org.id, entityType: 'csirt_message', entityId: row.id, action: 'create', after: { notificationId, incidentId, side: 'gemeente', body: input.body } });
  return presentMessage(row);
}
