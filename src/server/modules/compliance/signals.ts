import { and, eq, inArray, sql } from 'drizzle-orm';
import type { OrgCtx } from '../../core/http/pipeline.js';
import type { Executor } from '../../core/db/client.js';
import { measureSignalState, measures, signals } from '../../core/db/schema.js';
import { rowsOf } from '../../core/db/rows.js';
import { notFound } from '../../core/http/problem.js';
import { iso } from '../../core/http/schemas.js';
import { notify, recipients } from '../inbox/notify.js';

export interface SignalInput {
  measureId: string;
  source: string;
  check: string;
  passed: boolean;
  observedAt: string;
  details?: Record<string, unknown>;
}

/** Per measure: how many source+check pairs fail and pass now (their latest observation). */
async function failingCounts(tx: Executor, measureIds: string[]) {
  const rows = await tx
    .select({ measureId: measureSignalState.measureId, failing: sql<number>`count(*) filter (where not ${measureSignalState.passed})::int` })
    .from(measureSignalState)
    .where(inArray(measureSignalState.measureId, measureIds))
    .groupBy(measureSignalState.measureId);
  return new Map(rows.map((r) => [r.measureId, Number(r.failing)]));
}

/**
 * Records machine observations (all or nothing). The history keeps every observation; the state keeps
 * the latest per measure, source and check (an older observation arriving late does not overwrite a
 * newer one). A measure that turns red — no failing check before, at least one now — is reported to the
 * organisation's admins and CISOs once, in their inbox.
 */
export async function recordSignals(ctx: OrgCtx, input: SignalInput[]) {
  const { tx, org, principal } = ctx;
  const ids = [...new Set(input.map((s) => s.measureId))];
  const found = await tx
    .select({ id: measures.id, title: measures.title })
    .from(measures)
    .where(and(eq(measures.organisationId, org.id), inArray(measures.id, ids)));
  if (found.length !== ids.length) {
    const known = new Set(found.map((m) => m.id));
    throw notFound(`Maatregel ${ids.find((id) => !known.has(id))} bestaat niet of u heeft er geen toegang toe. Er is niets vastgelegd.`);
  }
  const before = await failingCounts(tx, ids);
  const inserted = await tx
    .insert(signals)
    .values(
      input.map((s) => ({
        organisationId: org.id,
        measureId: s.measureId,
        source: s.source,
        check: s.check,
        passed: s.passed,
        observedAt: new Date(s.observedAt),
        details: s.details ?? null,
        recordedBy: principal.userId,
      })),
    )
    .returning({ id: signals.id, measureId: signals.measureId, source: signals.source, check: signals.check, passed: signals.passed, observedAt: signals.observedAt });

  // the latest observation per (measure, source, check) in this batch; one upsert
  const latest = new Map<string, (typeof inserted)[number]>();
  for (const s of inserted) {
    const key = JSON.stringify([s.measureId, s.source, s.check]);
    const seen = latest.get(key);
    if (!seen || s.observedAt.getTime() >= seen.observedAt.getTime()) latest.set(key, s);
  }
  await tx
    .insert(measureSignalState)
    .values([...latest.values()].map((s) => ({ organisationId: org.id, measureId: s.measureId, source: s.source, check: s.check, passed: s.passed, observedAt: s.observedAt, signalId: s.id })))
    .onConflictDoUpdate({
      target: [measureSignalState.measureId, measureSignalState.source, measureSignalState.check],
      set: { passed: sql`excluded.passed`, observedAt: sql`excluded.observed_at`, signalId: sql`excluded.signal_id` },
      setWhere: sql`excluded.observed_at >= ${measureSignalState.observedAt}`,
    });

  const after = await failingCounts(tx, ids);
  const titles = new Map(found.map((m) => [m.id, m.title]));
  const turnedRed = ids.filter((id) => (before.get(id) ?? 0) === 0 && (after.get(id) ?? 0) > 0);
  if (turnedRed.length) await notifyRed(ctx, turnedRed.map((id) => ({ id, title: titles.get(id)! })));

  const perMeasure = ids.slice(0, 50).map((id) => {
    const mine = input.filter((s) => s.measureId === id);
    return { id, title: titles.get(id), passed: mine.filter((s) => s.passed).length, failed: mine.filter((s) => !s.passed).length };
  });
  ctx.audit.record({
    organisationId: org.id,
    entityType: 'signal_batch',
    entityId: inserted[0].id,
    action: 'record',
    after: { recorded: inserted.length, sources: [...new Set(input.map((s) => s.source))].slice(0, 20), measures: perMeasure, turnedRed: turnedRed.map((id) => titles.get(id)) },
  });
  return { recorded: inserted.length };
}

async function notifyRed(ctx: OrgCtx, red: { id: string; title: string }[]) {
  const { tx, org } = ctx;
  const failing = rowsOf<{ measureId: string; source: string; check: string }>(
    await tx.execute(sql`
      select measure_id as "measureId", source, "check" from measure_signal_state
      where organisation_id = ${org.id} and not passed and measure_id in ${red.map((m) => m.id)} order by source, "check"`),
  );
  const users = await recipients(tx, org.id, ['admin', 'ciso']);
  if (!users.length) return;
  await notify(
    tx,
    org.id,
    users,
    red.map((m) => {
      const checks = failing.filter((f) => f.measureId === m.id).map((f) => `${f.source}: ${f.check}`);
      return {
        kind: 'measure_failing',
        subjectType: 'measure',
        subjectId: m.id,
        title: `Maatregel staat op rood: ${m.title}`,
        body: `Een automatische controle faalt (${checks.slice(0, 5).join('; ')}${checks.length > 5 ? '; …' : ''}). De maatregel staat op de lijst "Aandacht nodig" tot de controle weer slaagt.`,
        link: `/o/${org.slug}/compliance/measures/${m.id}`,
      };
    }),
  );
}

export async function measureSignals(ctx: OrgCtx, measureId: string, limit: number) {
  const { tx, org } = ctx;
  const [m] = await tx.select({ id: measures.id }).from(measures).where(and(eq(measures.id, measureId), eq(measures.organisationId, org.id)));
  if (!m) throw notFound('Deze maatregel bestaat niet of u heeft er geen toegang toe.');
  const state = await tx
    .select({ source: measureSignalState.source, check: measureSignalState.check, passed: measureSignalState.passed, observedAt: measureSignalState.observedAt })
    .from(measureSignalState)
    .where(and(eq(measureSignalState.measureId, m.id), eq(measureSignalState.organisationId, org.id)))
    .orderBy(measureSignalState.passed, measureSignalState.source, measureSignalState.check);
  const history = await tx
    .select({
      id: signals.id,
      source: signals.source,
      check: signals.check,
      passed: signals.passed,
      observedAt: signals.observedAt,
      details: signals.details,
      receivedAt: signals.receivedAt,
    })
    .from(signals)
    .where(and(eq(signals.measureId, m.id), eq(signals.organisationId, org.id)))
    .orderBy(sql`${signals.observedAt} desc, ${signals.receivedAt} desc, ${signals.id} desc`)
    .limit(limit);
  return {
    state: state.map((s) => ({ ...s, observedAt: iso(s.observedAt)! })),
    history: history.map((s) => ({ ...s, details: s.details ?? null, observedAt: iso(s.observedAt)!, receivedAt: iso(s.receivedAt)! })),
  };
}
