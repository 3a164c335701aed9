import { and, eq } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { csirtNotifications } from '../../core/db/schema.js';
import { requireIncident } from '../incidents/manage-incidents.js';
import { presentForGemeente } from './present.js';
import { connectedCsirt, itemRows, threadOf } from './repo.js';

/** The gemeente's view of what it sent to the CSIRT about this incident: status, acknowledgement, thread. */
export async function incidentCsirt(ctx: OrgCtx, incidentId: string) {
  const { tx, org } = ctx;
  await requireIncident(ctx, incidentId);
  const rows = await itemRows(tx, and(eq(csirtNotifications.organisationId, org.id), eq(csirtNotifications.incidentId, incidentId)), { order: 'oldest' });
  const messages = await threadOf(
    tx,
    rows.map((r) => r.n.id),
  );
  const connected = await connectedCsirt(tx, org.id);
  return {
    connected: connected ? { slug: connected.slug, name: connected.name } : null,
    items: rows.map((r) => presentForGemeente(r, messages.filter((m) => m.notificationId === r.n.id))),
  };
}
