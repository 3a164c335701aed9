import type { OrgCtx } from '../../core/http/pipeline.js';
import { csirtNotifications } from '../../core/db/schema.js';
import { conflict } from '../../core/http/problem.js';
import { kindName } from '../incidents/deadlines.js';
import { noticeToCsirt } from './notices.js';
import { connectedCsirt } from './repo.js';

/*
 * Delivering a report into the CSIRT's inbox (issue #6), called by the incidents module when a report
 * is sent with channel 'csirt', inside the same transaction: the notification is a copy of exactly what
 * was stored as sent, with its hash; the CSIRT never reads the incident itself.
 */

export type Csirt = { id: string; slug: string; name: string };

/** The gemeente's connected CSIRT, or 409 before anything is written. */
export async function requireConnectedCsirt(ctx: OrgCtx): Promise<Csirt> {
  const csirt = await connectedCsirt(ctx.tx, ctx.org.id);
  if (!csirt) throw conflict('Uw organisatie is niet aan een CSIRT gekoppeld; verzend extern.');
  return csirt;
}

export interface SentReport {
  id: string;
  incidentId: string;
  kind: string;
  regime: string;
  content: unknown;
  contentHash: string | null;
  sentAt: Date | null;
  sentByName: string | null;
}

export async function deliverToCsirt(ctx: OrgCtx, csirt: Csirt, incident: { id: string; ref: string; title: string }, report: SentReport, now: Date = new Date()) {
  const { tx, org, audit } = ctx;
  const [row] = await tx
    .insert(csirtNotifications)
    .values({
      organisationId: org.id,
      csirtId: csirt.id,
      incidentId: incident.id,
      reportId: report.id,
      kind: report.kind,
      regime: report.regime,
      content: report.content,
      contentHash: report.contentHash!,
      incidentRef: incident.ref,
      incidentTitle: incident.title,
      sentAt: report.sentAt ?? now,
      sentByName: report.sentByName,
      status: 'ontvangen',
      updatedAt: now,
    })
    .returning({ id: csirtNotifications.id });
  await noticeToCsirt(tx, org.id, csirt.id, {
    kind: 'csirt_melding',
    subjectType: 'csirt_notification',
    subjectId: row.id,
    title: `${org.name}: ${kindName(report.kind).toLowerCase()} ontvangen`,
    body: `${incident.ref} ${incident.title}`,
    link: `/o/${csirt.slug}/csirt-inbox/${row.id}`,
  });
  audit.record({
    organisationId: org.id,
    entityType: 'csirt_notification',
    entityId: row.id,
    action: 'create',
    after: { incidentId: incident.id, reportId: report.id, kind: report.kind, csirt: csirt.slug, sha256: report.contentHash },
  });
  return row.id;
}
