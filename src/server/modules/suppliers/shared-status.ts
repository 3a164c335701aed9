import { asc, eq, sql } from 'drizzle-orm';
import { APP_ROLE, systemTx, type Database, type Tx } from '../../core/db/client.js';
import { jointArrangements, organisations, sharedStatuses } from '../../core/db/schema.js';
import { badRequest } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import type { AuditLog } from '../../core/audit/audit.js';
import type { OrgContext } from '../../core/http/pipeline.js';
import { rowsOf, uuidArray } from '../../core/db/rows.js';
import { notify, recipients } from '../inbox/notify.js';
import { latestProgressOf } from '../compliance/shared-progress.js';
import type { SHARED_STATUSES } from './shared-status-schemas.js';

/*
 * A joint arrangement that is itself an organisation in Weerbaar (kind samenwerkingsverband) publishes
 * its status — normaal, verstoord, uitval — with a message, and optionally its compliance progress. Its
 * participants are the organisations whose joint arrangement links to it (joint_arrangements.
 * linked_organisation_id); they see the status on that arrangement.
 *
 * Isolation. The status row is the samenwerkingsverband's own (RLS). Everything across organisations —
 * who the participants are, a participant reading the status, the notices in the participants' inboxes —
 * runs in a system transaction whose every statement carries the organisations it may touch: the
 * participants are exactly those with an arrangement linking to the samenwerkingsverband, and a
 * participant reads only statuses of organisations its own arrangements link to.
 */

export type SharedStatusValue = (typeof SHARED_STATUSES)[number];

export const STATUS_LABEL: Record<SharedStatusValue, string> = { normaal: 'normaal', verstoord: 'verstoord', uitval: 'uitval' };

/** Within one transaction: act as the organisation (RLS role, organisation set) … */
async function asOrganisation(tx: Tx, organisationId: string, userId: string | null) {
  await tx.execute(sql`select set_config('role', ${APP_ROLE}, true), set_config('app.org_id', ${organisationId}, true), set_config('app.user_id', ${userId ?? ''}, true)`);
}
/** … or as the installation again (the transaction's own role), where every statement filters explicitly. */
async function asInstallation(tx: Tx) {
  await tx.execute(sql`select set_config('role', 'none', true), set_config('app.org_id', '', true)`);
}

interface Participant {
  organisationId: string;
  slug: string;
  name: string;
  /** the participant's arrangement that links here (the first by name, when there are several) */
  arrangementId: string;
}

/** The organisations whose joint arrangement links to this one (system transaction; explicit filter). */
async function participantsOf(tx: Tx, organisationId: string): Promise<Participant[]> {
  const rows = await tx
    .select({ organisationId: organisations.id, slug: organisations.slug, name: organisations.name, arrangementId: jointArrangements.id, arrangementName: jointArrangements.name })
    .from(jointArrangements)
    .innerJoin(organisations, eq(organisations.id, jointArrangements.organisationId))
    .where(eq(jointArrangements.linkedOrganisationId, organisationId))
    .orderBy(asc(organisations.name), asc(organisations.id), asc(jointArrangements.name), asc(jointArrangements.id));
  const out = new Map<string, Participant>();
  for (const r of rows) if (!out.has(r.organisationId)) out.set(r.organisationId, { organisationId: r.organisationId, slug: r.slug, name: r.name, arrangementId: r.arrangementId });
  return [...out.values()];
}

type StatusRow = typeof sharedStatuses.$inferSelect;

const presentOwn = (row: StatusRow | undefined, participants: Participant[]) => ({
  status: (row?.status as SharedStatusValue | undefined) ?? null,
  message: row?.message ?? '',
  shareCompliance: row?.shareCompliance ?? false,
  updatedAt: row ? iso(row.updatedAt) : null,
  participants: participants.map((p) => ({ slug: p.slug, name: p.name })),
});

/** GET: the organisation's own status (as the organisation) and its participants (across, read only). */
export async function getSharedStatus(database: Database, org: OrgContext, userId: string | null) {
  return systemTx(database, async (tx) => {
    await tx.execute(sql`set transaction read only`);
    await asOrganisation(tx, org.id, userId);
    const [row] = await tx.select().from(sharedStatuses).where(eq(sharedStatuses.organisationId, org.id));
    await asInstallation(tx);
    return presentOwn(row, await participantsOf(tx, org.id));
  });
}

/**
 * PUT: publishes the status. One transaction: the status row and the audit event as the organisation
 * (RLS), then — when the status itself changed — a notice to the ciso members of every participant
 * (across organisations, explicitly filtered). A change of message or sharing alone notifies nobody.
 */
export async function putSharedStatus(
  database: Database,
  org: OrgContext,
  userId: string | null,
  audit: AuditLog,
  input: { status: SharedStatusValue; message: string; shareCompliance: boolean },
) {
  if (org.kind !== 'samenwerkingsverband') {
    throw badRequest('Alleen een samenwerkingsverband deelt een status met de organisaties die eraan deelnemen.', [{ path: 'org', message: `deze organisatie is een ${org.kind}` }]);
  }
  return systemTx(database, async (tx) => {
    await asOrganisation(tx, org.id, userId);
    const [before] = await tx.select().from(sharedStatuses).where(eq(sharedStatuses.organisationId, org.id));
    const same = before && before.status === input.status && before.message === input.message && before.shareCompliance === input.shareCompliance;
    let row = before;
    if (!same) {
      const values = { status: input.status, message: input.message, shareCompliance: input.shareCompliance, updatedAt: new Date(), updatedByUserId: userId };
      [row] = await tx
        .insert(sharedStatuses)
        .values({ organisationId: org.id, ...values })
        .onConflictDoUpdate({ target: sharedStatuses.organisationId, set: values })
        .returning();
    }
    await asInstallation(tx);
    const participants = await participantsOf(tx, org.id);
    if (same) return presentOwn(row, participants);

    const statusChanged = before?.status !== input.status;
    const notified: string[] = [];
    if (statusChanged) {
      for (const p of participants) {
        const to = await recipients(tx, p.organisationId, ['ciso']);
        if (to.length === 0) continue;
        await notify(tx, p.organisationId, to, [
          {
            kind: 'gedeelde_status',
            subjectType: 'joint_arrangement',
            subjectId: p.arrangementId,
            title: `${org.name}: status ${STATUS_LABEL[input.status]}`,
            body: input.message || `${org.name} meldt de status ${STATUS_LABEL[input.status]}${before ? ` (was ${STATUS_LABEL[before.status as SharedStatusValue] ?? before.status})` : ''}.`,
            link: `/o/${p.slug}/assets/joint-arrangements/${p.arrangementId}`,
          },
        ]);
        notified.push(p.slug);
      }
    }
    const view = (r: StatusRow | undefined) => (r ? { status: r.status, message: r.message, shareCompliance: r.shareCompliance } : null);
    audit.record({
      organisationId: org.id,
      entityType: 'shared_status',
      entityId: org.id,
      action: before ? 'update' : 'create',
      before: view(before),
      after: { ...view(row), ...(statusChanged ? { notified } : {}) },
    });
    await audit.flush(tx);
    return presentOwn(row, participants);
  });
}

export interface SharedStatusView {
  status: SharedStatusValue;
  message: string;
  updatedAt: string;
  compliance: { frameworks: { id: string; name: string; percentage: number }[] } | null;
}

/**
 * For a participant's joint arrangements: the published status of the linked organisations, by their id.
 * Read only, across organisations: a status is returned only when one of the viewer's own arrangements
 * links to that organisation (checked in the statement, not assumed from the caller), and its compliance
 * progress only when the organisation shares it.
 */
export async function sharedStatusesFor(database: Database, viewerOrganisationId: string, linkedIds: string[]): Promise<Map<string, SharedStatusView>> {
  const ids = [...new Set(linkedIds)];
  const out = new Map<string, SharedStatusView>();
  if (ids.length === 0) return out;
  return systemTx(database, async (tx) => {
    await tx.execute(sql`set transaction read only`);
    const rows = rowsOf<{ organisationId: string; status: SharedStatusValue; message: string; shareCompliance: boolean; updatedAt: Date | string }>(
      await tx.execute(sql`
        select s.organisation_id as "organisationId", s.status, s.message, s.share_compliance as "shareCompliance", s.updated_at as "updatedAt"
        from shared_statuses s
        where s.organisation_id = any(${uuidArray(ids)}::uuid[])
          and exists (select 1 from joint_arrangements ja
                      where ja.organisation_id = ${viewerOrganisationId} and ja.linked_organisation_id = s.organisation_id)`),
    );
    const sharing = rows.filter((r) => r.shareCompliance).map((r) => r.organisationId);
    const progress = await latestProgressOf(tx, sharing);
    for (const r of rows) {
      out.set(r.organisationId, {
        status: r.status,
        message: r.message,
        updatedAt: iso(r.updatedAt)!,
        compliance: r.shareCompliance ? { frameworks: progress.get(r.organisationId) ?? [] } : null,
      });
    }
    return out;
  });
}
