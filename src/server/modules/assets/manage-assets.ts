import { and, asc, count, eq, getTableColumns, gt, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { orgAllows } from '../../core/http/pipeline.js';
import { assets, users } from '../../core/db/schema.js';
import { badRequest, conflict, forbidden, notFound } from '../../core/http/problem.js';
import { CURSOR_PART, decodeCursor, encodeCursor } from '../../core/http/cursor.js';
import { containsPattern } from '../../core/db/rows.js';
import { dependantsConflict, describeDependants, removeEdgesOf } from '../dependencies/dependants.js';
import { removeRiskLinksOf } from '../risks/links.js';
import { removeIncidentLinksOf } from '../incidents/links.js';
import { P } from './policies.js';
import { assetProblems, type AssetFields } from './rules.js';
import { EMPTY, fieldsOf, loadAsset, normalise, ownersById, presentAssets, sameName, type AssetRow } from './repo.js';

export type AssetInput = Partial<AssetFields>;

/** What the audit trail keeps of an asset: every field (owner by id). */
const auditFields = (a: AssetFields) => ({ ...a });

/** OOV advisers manage operational technology only; everything else needs assets.manage. */
function assertMayManage(ctx: OrgCtx, ...kinds: string[]) {
  if (orgAllows(ctx.org, P['assets.manage'])) return;
  if (kinds.every((k) => k === 'ot') && orgAllows(ctx.org, P['assets.manage_ot'])) return;
  throw forbidden('U mag alleen operationele technologie (OT) beheren.');
}

/** The full validation of the asset as it will be stored; a 400 naming every wrong field. */
async function validate(tx: Executor, organisationId: string, a: AssetFields, exceptId?: string) {
  const errors = assetProblems(a).map((p) => ({ path: `body.${p.field}`, message: p.message }));
  if (a.ownerId && !(await ownersById(tx, [a.ownerId])).has(a.ownerId)) errors.push({ path: 'body.ownerId', message: 'de eigenaar is geen lid van deze organisatie' });
  if (errors.length) throw badRequest(`Het object klopt niet: ${errors.map((e) => `${e.path.slice(5)} (${e.message})`).join('; ')}.`, errors);
  if (await sameName(tx, organisationId, a.kind, a.name, exceptId)) throw conflict(`Er is al een ${a.kind} met de naam "${a.name}".`);
}

export async function createAsset(ctx: OrgCtx, input: AssetInput & { kind: string; name: string }) {
  const { tx, org, audit } = ctx;
  assertMayManage(ctx, input.kind);
  const fields = normalise({ ...EMPTY, ...stripUndefined(input) } as AssetFields);
  await validate(tx, org.id, fields);
  const [row] = await tx
    .insert(assets)
    .values({ organisationId: org.id, ...fields })
    .returning();
  audit.record({ organisationId: org.id, entityType: 'asset', entityId: row.id, action: 'create', after: auditFields(fields) });
  return (await presentAssets(tx, [row]))[0];
}

export async function updateAsset(ctx: OrgCtx, id: string, input: AssetInput) {
  const { tx, org, audit } = ctx;
  const before = await loadAsset(tx, org.id, id);
  if (!before) throw notFound();
  const old = fieldsOf(before);
  assertMayManage(ctx, old.kind, input.kind ?? old.kind);
  const next = normalise({ ...old, ...stripUndefined(input) });
  await validate(tx, org.id, next, id);
  const changed = changedFields(old, next);
  if (changed.length === 0) return (await presentAssets(tx, [before]))[0];
  const [after] = await tx
    .update(assets)
    .set({ ...next, updatedAt: new Date() })
    .where(and(eq(assets.id, id), eq(assets.organisationId, org.id)))
    .returning();
  audit.record({
    organisationId: org.id,
    entityType: 'asset',
    entityId: id,
    action: 'update',
    before: Object.fromEntries(changed.map((f) => [f, old[f]])),
    after: Object.fromEntries(changed.map((f) => [f, next[f]])),
  });
  return (await presentAssets(tx, [after]))[0];
}

export function changedFields(a: AssetFields, b: AssetFields): (keyof AssetFields)[] {
  return (Object.keys(b) as (keyof AssetFields)[]).filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/**
 * Deletes an asset. When other nodes depend on it, nothing happens and the caller gets the list (409),
 * unless `force`: then its dependency edges (to and from it) go too, and the audit event says how many.
 */
export async function deleteAsset(ctx: OrgCtx, id: string, force: boolean): Promise<void> {
  const { tx, org, audit } = ctx;
  const before = await loadAsset(tx, org.id, id);
  if (!before) throw notFound();
  assertMayManage(ctx, before.kind);
  const dependants = await describeDependants(tx, org.id, id);
  if (dependants.length && !force) throw dependantsConflict(`Object "${before.name}"`, dependants);
  const removedDependencies = await removeEdgesOf(tx, org.id, id);
  const removedRiskLinks = await removeRiskLinksOf(tx, org.id, id);
  await removeIncidentLinksOf(tx, org.id, id);
  await tx.delete(assets).where(and(eq(assets.id, id), eq(assets.organisationId, org.id)));
  audit.record({
    organisationId: org.id,
    entityType: 'asset',
    entityId: id,
    action: 'delete',
    before: auditFields(fieldsOf(before)),
    after: { removedDependencies, removedRiskLinks, dependants: dependants.map((d) => `${d.type}:${d.id} ${d.kind}`) },
  });
}

export async function getAsset(ctx: OrgCtx, id: string) {
  const a = await loadAsset(ctx.tx, ctx.org.id, id);
  if (!a) throw notFound();
  return (await presentAssets(ctx.tx, [a]))[0];
}

export interface AssetListQuery {
  kind?: string;
  criticality?: string;
  owner?: string;
  personalData?: 'true' | 'false';
  q?: string;
  limit: number;
  cursor?: string;
}

/** Sorted by name, then id; the cursor is the last (name, id) of the previous page. The total ignores the cursor. */
export async function listAssets(ctx: OrgCtx, q: AssetListQuery) {
  const after = q.cursor ? decodeCursor(q.cursor, [CURSOR_PART.any, CURSOR_PART.uuid]) : null;
  const filters: (SQL | undefined)[] = [
    eq(assets.organisationId, ctx.org.id),
    q.kind ? eq(assets.kind, q.kind) : undefined,
    q.criticality ? eq(assets.criticality, q.criticality) : undefined,
    q.owner ? eq(assets.ownerId, q.owner) : undefined,
    q.personalData ? eq(assets.personalData, q.personalData === 'true') : undefined,
    q.q
      ? or(ilike(assets.name, containsPattern(q.q)), ilike(assets.description, containsPattern(q.q)), ilike(assets.vendor, containsPattern(q.q)), ilike(assets.product, containsPattern(q.q)))
      : undefined,
  ];
  // One round trip, one pass over the matching rows (a text search reads every asset of the organisation
  // once, not once for the page and again for the total): the total as a window over the filtered set,
  // the cursor applied outside it, and the owners (members only: the users RLS policy).
  const filtered = ctx.tx
    .select({
      ...getTableColumns(assets),
      total: sql<number>`count(*) over ()`.mapWith(Number).as('total'),
      ownerName: sql<string | null>`${users.name}`.as('owner_name'),
      ownerEmail: sql<string | null>`${users.email}`.as('owner_email'),
    })
    .from(assets)
    .leftJoin(users, eq(users.id, assets.ownerId))
    .where(and(...filters))
    .as('filtered');
  const counted = await ctx.tx
    .select()
    .from(filtered)
    .where(after ? or(gt(filtered.name, after[0]), and(eq(filtered.name, after[0]), gt(filtered.id, after[1]))) : undefined)
    .orderBy(asc(filtered.name), asc(filtered.id))
    .limit(q.limit + 1);
  const total = counted.length ? counted[0].total : (await ctx.tx.select({ total: count() }).from(assets).where(and(...filters)))[0].total;
  const owners = new Map(counted.flatMap((r) => (r.ownerId && r.ownerName != null ? [[r.ownerId, { id: r.ownerId, name: r.ownerName, email: r.ownerEmail ?? '' }] as const] : [])));
  const rows: AssetRow[] = counted.map(({ total: _t, ownerName: _n, ownerEmail: _e, ...row }) => row);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: await presentAssets(ctx.tx, page, owners),
    nextCursor: rows.length > q.limit ? encodeCursor([last.name, last.id]) : null,
    total: Number(total),
  };
}
