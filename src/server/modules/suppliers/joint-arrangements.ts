import { and, asc, count, eq, gt, ilike, inArray, or } from 'drizzle-orm';
import type { Database } from '../../core/db/client.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { jointArrangements, organisations } from '../../core/db/schema.js';
import { badRequest, notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { containsPattern } from '../../core/db/rows.js';
import { removeEdgesOf } from '../dependencies/dependants.js';
import { removeRiskLinksOf } from '../risks/links.js';
import { removeIncidentLinksOf } from '../incidents/links.js';
import { dependantsConflict, describeDependants } from '../dependencies/dependants.js';
import { sharedStatusesFor } from './shared-status.js';

/*
 * Gemeenschappelijke regelingen and other samenwerkingsverbanden. An arrangement may be an
 * organisation in Weerbaar itself (kind samenwerkingsverband); such an organisation is usually not
 * linked to the gemeente, so the tenant transaction cannot see it: its slug is resolved, and its name
 * shown, through the installation's organisation list outside the transaction (see the routes).
 */

export type ArrangementRow = typeof jointArrangements.$inferSelect;
export interface LinkedOrganisation {
  id: string;
  slug: string;
  name: string;
}

export interface ArrangementInput {
  name?: string;
  kind?: string;
  description?: string;
  accountable?: string;
  lastCouncilReport?: string | null;
}

/** Before the transaction: the organisation named by slug must exist and be a samenwerkingsverband (not the caller's own). */
export async function resolveLinkedOrganisation(database: Database, slug: string | null, ownOrganisationId: string): Promise<LinkedOrganisation | null> {
  if (slug === null) return null;
  const [o] = await database.db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name, kind: organisations.kind }).from(organisations).where(eq(organisations.slug, slug));
  if (!o || o.kind !== 'samenwerkingsverband') {
    throw badRequest(`Er is geen samenwerkingsverband met de naam (slug) "${slug}" in Weerbaar.`, [{ path: 'body.linkedOrganisation', message: 'geen bestaand samenwerkingsverband' }]);
  }
  if (o.id === ownOrganisationId) {
    throw badRequest('Een organisatie is geen regeling van zichzelf.', [{ path: 'body.linkedOrganisation', message: 'uw eigen organisatie' }]);
  }
  return { id: o.id, slug: o.slug, name: o.name };
}

const present = (r: ArrangementRow) => ({
  id: r.id,
  name: r.name,
  kind: r.kind as 'gemeenschappelijke_regeling' | 'samenwerkingsverband' | 'convenant' | 'anders',
  description: r.description,
  accountable: r.accountable,
  lastCouncilReport: r.lastCouncilReport,
  linkedOrganisationId: r.linkedOrganisationId,
  createdAt: iso(r.createdAt)!,
  updatedAt: iso(r.updatedAt)!,
});
export type ArrangementDraft = ReturnType<typeof present>;

/**
 * After the transaction: replaces linkedOrganisationId by {slug, name}, and adds the status the linked
 * organisation shares (read across organisations, only where the viewer's own arrangement links to it).
 */
export async function withLinkedOrganisations(database: Database, drafts: ArrangementDraft[], viewerOrganisationId: string) {
  const ids = [...new Set(drafts.map((d) => d.linkedOrganisationId).filter((id): id is string => !!id))];
  const orgs = ids.length ? await database.db.select({ id: organisations.id, slug: organisations.slug, name: organisations.name }).from(organisations).where(inArray(organisations.id, ids)) : [];
  const byId = new Map(orgs.map((o) => [o.id, { slug: o.slug, name: o.name }]));
  const statuses = await sharedStatusesFor(database, viewerOrganisationId, ids);
  return drafts.map(({ linkedOrganisationId, ...d }) => ({
    ...d,
    linkedOrganisation: linkedOrganisationId ? (byId.get(linkedOrganisationId) ?? null) : null,
    sharedStatus: linkedOrganisationId ? (statuses.get(linkedOrganisationId) ?? null) : null,
  }));
}

const fieldsOf = (r: ArrangementRow) => ({
  name: r.name,
  kind: r.kind,
  description: r.description,
  accountable: r.accountable,
  lastCouncilReport: r.lastCouncilReport,
  linkedOrganisationId: r.linkedOrganisationId,
});

async function requireArrangement(ctx: OrgCtx, id: string) {
  const [r] = await ctx.tx.select().from(jointArrangements).where(and(eq(jointArrangements.organisationId, ctx.org.id), eq(jointArrangements.id, id)));
  if (!r) throw notFound();
  return r;
}

export async function getArrangement(ctx: OrgCtx, id: string) {
  return present(await requireArrangement(ctx, id));
}

export async function createArrangement(ctx: OrgCtx, input: ArrangementInput & { name: string; kind: string }, linked: LinkedOrganisation | null | undefined) {
  const { tx, org, audit } = ctx;
  const [r] = await tx
    .insert(jointArrangements)
    .values({
      organisationId: org.id,
      name: input.name,
      kind: input.kind,
      description: input.description ?? '',
      accountable: input.accountable ?? '',
      lastCouncilReport: input.lastCouncilReport ?? null,
      linkedOrganisationId: linked?.id ?? null,
    })
    .returning();
  audit.record({ organisationId: org.id, entityType: 'joint_arrangement', entityId: r.id, action: 'create', after: { ...fieldsOf(r), linkedOrganisation: linked?.slug ?? null } });
  return present(r);
}

/** `linked`: undefined leaves the link as it is, null removes it. */
export async function updateArrangement(ctx: OrgCtx, id: string, input: ArrangementInput, linked: LinkedOrganisation | null | undefined) {
  const { tx, org, audit } = ctx;
  const before = await requireArrangement(ctx, id);
  const [after] = await tx
    .update(jointArrangements)
    .set({ ...input, ...(linked !== undefined ? { linkedOrganisationId: linked?.id ?? null } : {}), updatedAt: new Date() })
    .where(and(eq(jointArrangements.organisationId, org.id), eq(jointArrangements.id, id)))
    .returning();
  audit.record({
    organisationId: org.id,
    entityType: 'joint_arrangement',
    entityId: id,
    action: 'update',
    before: fieldsOf(before),
    after: { ...fieldsOf(after), ...(linked !== undefined ? { linkedOrganisation: linked?.slug ?? null } : {}) },
  });
  return present(after);
}

export async function deleteArrangement(ctx: OrgCtx, id: string, force: boolean) {
  const { tx, org, audit } = ctx;
  const before = await requireArrangement(ctx, id);
  const dependants = await describeDependants(tx, org.id, id);
  if (dependants.length && !force) throw dependantsConflict(`Regeling "${before.name}"`, dependants);
  const edgesRemoved = await removeEdgesOf(tx, org.id, id);
  const riskLinksRemoved = await removeRiskLinksOf(tx, org.id, id);
  await removeIncidentLinksOf(tx, org.id, id);
  await tx.delete(jointArrangements).where(and(eq(jointArrangements.organisationId, org.id), eq(jointArrangements.id, id)));
  audit.record({
    organisationId: org.id,
    entityType: 'joint_arrangement',
    entityId: id,
    action: 'delete',
    before: { ...fieldsOf(before), ...(dependants.length ? { dependants: dependants.map((d) => `${d.type}:${d.name} (${d.kind})`) } : {}) },
    after: { edgesRemoved, riskLinksRemoved },
  });
  return null;
}

/** Sorted by name, then id; keyset cursor (name, id). */
export async function listArrangements(ctx: OrgCtx, q: { q?: string; kind?: string; limit: number; cursor?: string }) {
  const after = q.cursor ? decodeCursor(q.cursor, [CURSOR_PART.any, CURSOR_PART.uuid]) : null;
  const filters = and(
    eq(jointArrangements.organisationId, ctx.org.id),
    q.q
      ? or(ilike(jointArrangements.name, containsPattern(q.q)), ilike(jointArrangements.description, containsPattern(q.q)), ilike(jointArrangements.accountable, containsPattern(q.q)))
      : undefined,
    q.kind ? eq(jointArrangements.kind, q.kind) : undefined,
  );
  const rows = await ctx.tx
    .select()
    .from(jointArrangements)
    .where(and(filters, after ? or(gt(jointArrangements.name, after[0]), and(eq(jointArrangements.name, after[0]), gt(jointArrangements.id, after[1]))) : undefined))
    .orderBy(asc(jointArrangements.name), asc(jointArrangements.id))
    .limit(q.limit + 1);
  const [{ total }] = await ctx.tx.select({ total: count() }).from(jointArrangements).where(filters);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map(present), total: Number(total), nextCursor: rows.length > q.limit ? encodeCursor([last.name, last.id]) : null };
}
