import crypto from 'node:crypto';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { auditEvents, auditHeads } from '../db/schema.js';
import type { Executor } from '../db/client.js';

export const GENESIS = 'genesis';
export const INSTALLATION_CHAIN = 'installation';

export interface Actor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  label: string | null;
}

export interface AuditInput {
  organisationId: string | null;
  entityType: string;
  entityId: string;
  action: 'create' | 'update' | 'delete' | string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export type Changes = Record<string, { before: unknown; after: unknown; redacted?: true }>;

const SECRET_FIELD = /password|secret|token|hash/i;

/** Field-level diff, secrets reduced to "changed" without values. */
export function diff(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): Changes {
  const out: Changes = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const k of keys) {
    const b = normalise(before?.[k]);
    const a = normalise(after?.[k]);
    if (canonical(b) === canonical(a)) continue;
    out[k] = SECRET_FIELD.test(k) ? { before: null, after: null, redacted: true } : { before: b ?? null, after: a ?? null };
  }
  return out;
}

function normalise(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  return v;
}

/** JSON with sorted keys: jsonb reorders keys, the hash must not depend on it. */
export function canonical(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
    .join(',')}}`;
}

interface HashedFields {
  chain: string;
  seq: number;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  organisationId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  changes: unknown;
  requestId: string | null;
  prevHash: string;
}

export function eventHash(e: HashedFields): string {
  const material = canonical([
    e.chain,
    e.seq,
    e.occurredAt.toISOString(),
    e.actorType,
    e.actorId,
    e.actorLabel,
    e.organisationId,
    e.entityType,
    e.entityId,
    e.action,
    e.changes,
    e.requestId,
    e.prevHash,
  ]);
  return crypto.createHash('sha256').update(material).digest('hex');
}

const chainOf = (organisationId: string | null) => organisationId ?? INSTALLATION_CHAIN;

/**
 * Collects the audit events of one request and writes them, chained, inside the request's
 * transaction (flush is called by the pipeline before commit). One lock on the chain head per request.
 */
export class AuditLog {
  private pending: AuditInput[] = [];
  constructor(
    private readonly actor: Actor,
    private readonly requestId: string | null,
  ) {}

  record(input: AuditInput): void {
    this.pending.push(input);
  }

  get size() {
    return this.pending.length;
  }

  async flush(tx: Executor): Promise<void> {
    if (this.pending.length === 0) return;
    const byChain = new Map<string, AuditInput[]>();
    for (const e of this.pending) {
      const c = chainOf(e.organisationId);
      byChain.set(c, [...(byChain.get(c) ?? []), e]);
    }
    this.pending = [];
    for (const [chain, inputs] of byChain) {
      const organisationId = inputs[0].organisationId;
      await tx
        .insert(auditHeads)
        .values({ chain, organisationId, seq: 0, hash: GENESIS })
        .onConflictDoNothing();
      const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chain)).for('update');
      let seq = head.seq;
      let prev = head.hash;
      const rows = [];
      const now = new Date();
      for (const input of inputs) {
        const changes = diff(input.before, input.after);
        const fields: HashedFields = {
          chain,
          seq: ++seq,
          occurredAt: now,
          actorType: this.actor.type,
          actorId: this.actor.id,
          actorLabel: this.actor.label,
          organisationId,
          entityType: input.entityType,
          entityId: input.entityId,
          action: input.action,
          changes,
          requestId: this.requestId,
          prevHash: prev,
        };
        prev = eventHash(fields);
        rows.push({ ...fields, hash: prev });
      }
      await tx.insert(auditEvents).values(rows);
      await tx.update(auditHeads).set({ seq, hash: prev }).where(eq(auditHeads.chain, chain));
    }
  }
}

export interface VerifyResult {
  valid: boolean;
  checked: number;
  firstBroken: { seq: number; id: string | null; reason: string } | null;
}

/** Walks a chain from the start and recomputes every link; compares the end with the head. */
export async function verifyChain(tx: Executor, chain: string): Promise<VerifyResult> {
  let expectedSeq = 1;
  let prev = GENESIS;
  let checked = 0;
  const batch = 2000;
  for (;;) {
    const rows = await tx
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.chain, chain), gt(auditEvents.seq, expectedSeq - 1)))
      .orderBy(asc(auditEvents.seq))
      .limit(batch);
    for (const r of rows) {
      const broken = (reason: string): VerifyResult => ({ valid: false, checked, firstBroken: { seq: expectedSeq, id: r.id, reason } });
      if (r.seq !== expectedSeq) return { valid: false, checked, firstBroken: { seq: expectedSeq, id: null, reason: `gebeurtenis ${expectedSeq} ontbreekt (verwijderd)` } };
      if (r.prevHash !== prev) return broken('verwijzing naar de vorige gebeurtenis klopt niet');
      const recomputed = eventHash({ ...r, changes: r.changes });
      if (recomputed !== r.hash) return broken('inhoud van de gebeurtenis is gewijzigd');
      prev = r.hash;
      expectedSeq++;
      checked++;
    }
    if (rows.length < batch) break;
  }
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.chain, chain));
  if (head && (head.seq !== checked || head.hash !== prev)) {
    return {
      valid: false,
      checked,
      firstBroken: { seq: checked + 1, id: null, reason: `de keten eindigt bij ${checked}, maar telde ${head.seq} gebeurtenissen (laatste verwijderd)` },
    };
  }
  if (!head && checked > 0) {
    return { valid: false, checked, firstBroken: { seq: 0, id: null, reason: 'het begin van de keten ontbreekt' } };
  }
  return { valid: true, checked, firstBroken: null };
}

export async function listChains(tx: Executor): Promise<{ chain: string; organisationId: string | null }[]> {
  const r = await tx.execute(sql`select chain, organisation_id as "organisationId" from audit_heads order by chain`);
  return (r as any).rows ?? r;
}
