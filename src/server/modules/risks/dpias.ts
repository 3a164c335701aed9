import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import type { OrgCtx } from '../../core/http/pipeline.js';
import { dpiaRecords } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { badRequest, notFound, type ProblemField } from '../../core/http/problem.js';
import { localDate } from '../../../shared/dates.js';
import { assetNodes } from '../assets/nodes.js';
import { createRisk, type RiskInput } from './manage-risks.js';

/*
 * DPIA records (gegevensbeschermingseffectbeoordelingen): name, the processing, the process it belongs
 * to, the outcome and the date. A privacy risk can come from one.
 */

type DpiaRow = typeof dpiaRecords.$inferSelect;

export interface DpiaInput {
  name?: string;
  processing?: string;
  assetId?: string | null;
  outcome?: string;
  conductedOn?: string;
  notes?: string;
}

async function present(tx: Executor, organisationId: string, rows: DpiaRow[]) {
  if (rows.length === 0) return [];
  const assets = new Map((await assetNodes(tx, organisationId, rows.map((r) => r.assetId).filter((x): x is string => !!x))).map((a) => [a.id, a]));
  const counts = new Map(
    rowsOf<{ id: string; n: number }>(
      await tx.execute(sql`select dpia_id as id, count(*)::int as n from risks where organisation_id = ${organisationId} and dpia_id = any(${`{${rows.map((r) => r.id).join(',')}}`}::uuid[]) group by 1`),
    ).map((r) => [r.id, Number(r.n)]),
  );
  return rows.map((r) => {
    const a = r.assetId ? assets.get(r.assetId) : undefined;
    return {
      id: r.id,
      name: r.name,
      processing: r.processing,
      asset: a ? { id: a.id, name: a.name } : null,
      outcome: r.outcome as any,
      conductedOn: r.conductedOn,
      notes: r.notes,
      risks: counts.get(r.id) ?? 0,
    };
  });
}

async function load(tx: Executor, organisationId: string, id: string) {
  const [r] = await tx
    .select()
    .from(dpiaRecords)
    .where(and(eq(dpiaRecords.organisationId, organisationId), eq(dpiaRecords.id, id)));
  return r ?? null;
}

async function validate(tx: Executor, organisationId: string, d: { assetId: string | null; conductedOn: string }, today = localDate()) {
  const errors: ProblemField[] = [];
  if (d.assetId) {
    const [a] = await assetNodes(tx, organisationId, [d.assetId]);
    if (!a) errors.push({ path: 'body.assetId', message: 'dit object bestaat niet in deze organisatie' });
    else if (a.kind !== 'proces') errors.push({ path: 'body.assetId', message: `"${a.name}" is een ${a.kind}; kies het proces waar de verwerking bij hoort` });
  }
  if (d.conductedOn > today) errors.push({ path: 'body.conductedOn', message: `ligt in de toekomst (vandaag is ${today})` });
  if (errors.length) throw badRequest(`De DPIA klopt niet: ${errors.map((e) => `${e.path.slice(5)} (${e.message})`).join('; ')}.`, errors);
}

const auditView = (r: DpiaRow) => ({ name: r.name, processing: r.processing, assetId: r.assetId, outcome: r.outcome, conductedOn: r.conductedOn, notes: r.notes });

export async function listDpias(ctx: OrgCtx) {
  const rows = await ctx.tx
    .select()
    .from(dpiaRecords)
    .where(eq(dpiaRecords.organisationId, ctx.org.id))
    .orderBy(desc(dpiaRecords.conductedOn), dpiaRecords.name);
  return { items: await present(ctx.tx, ctx.org.id, rows) };
}

export async function getDpia(ctx: OrgCtx, id: string) {
  const r = await load(ctx.tx, ctx.org.id, id);
  if (!r) throw notFound();
  return (await present(ctx.tx, ctx.org.id, [r]))[0];
}

export async function createDpia(ctx: OrgCtx, input: Required<Pick<DpiaInput, 'name' | 'processing' | 'outcome' | 'conductedOn'>> & DpiaInput) {
  const { tx, org, audit } = ctx;
  const values = {
    name: input.name.trim(),
    processing: input.processing.trim(),
    assetId: input.assetId ?? null,
    outcome: input.outcome,
    conductedOn: input.conductedOn,
    notes: input.notes ?? '',
  };
  await validate(tx, org.id, values);
  const [row] = await tx
    .insert(dpiaRecords)
    .values({ organisationId: org.id, ...values })
    .returning();
  audit.record({ organisationId: org.id, entityType: 'dpia', entityId: row.id, action: 'create', after: auditView(row) });
  return (await present(tx, org.id, [row]))[0];
}

export async function updateDpia(ctx: OrgCtx, id: string, input: DpiaInput) {
  const { tx, org, audit } = ctx;
  const before = await load(tx, org.id, id);
  if (!before) throw notFound();
  const next = {
    name: input.name?.trim() ?? before.name,
    processing: input.processing?.trim() ?? before.processing,
    assetId: input.assetId !== undefined ? input.assetId : before.assetId,
    outcome: input.outcome ?? before.outcome,
    conductedOn: input.conductedOn ?? before.conductedOn,
    notes: input.notes ?? before.notes,
  };
  await validate(tx, org.id, next);
  const old = auditView(before);
  const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => old[k] !== next[k]);
  if (changed.length === 0) return (await present(tx, org.id, [before]))[0];
  const [after] = await tx
    .update(dpiaRecords)
    .set({ ...next, updatedAt: new Date() })
    .where(and(eq(dpiaRecords.organisationId, org.id), eq(dpiaRecords.id, id)))
    .returning();
  audit.record({
    organisationId: org.id,
    entityType: 'dpia',
    entityId: id,
    action: 'update',
    before: Object.fromEntries(changed.map((k) => [k, old[k]])),
    after: Object.fromEntries(changed.map((k) => [k, next[k]])),
  });
  return (await present(tx, org.id, [after]))[0];
}

/** Deletes the record; its risks stay (without the DPIA). */
export async function deleteDpia(ctx: OrgCtx, id: string) {
  const { tx, org, audit } = ctx;
  const before = await load(tx, org.id, id);
  if (!before) throw notFound();
  const [{ n }] = rowsOf<{ n: number }>(await tx.execute(sql`select count(*)::int as n from risks where organisation_id = ${org.id} and dpia_id = ${id}`));
  await tx.delete(dpiaRecords).where(and(eq(dpiaRecords.organisationId, org.id), inArray(dpiaRecords.id, [id])));
  audit.record({ organisationId: org.id, entityType: 'dpia', entityId: id, action: 'delete', before: { ...auditView(before), risks: Number(n) } });
}

/** A privacy risk that comes from the DPIA: domain privacy, linked to the DPIA and to its process. */
export async function createDpiaRisk(ctx: OrgCtx, id: string, input: RiskInput & { title: string; inherentLikelihood: number; inherentImpact: number }) {
  const d = await load(ctx.tx, ctx.org.id, id);
  if (!d) throw notFound();
  const links = [...(input.links ?? [])];
  if (d.assetId && !links.some((l) => l.type === 'asset' && l.id === d.assetId)) links.push({ type: 'asset', id: d.assetId });
  return createRisk(ctx, { ...input, domain: 'privacy', dpiaId: d.id, links });
}
