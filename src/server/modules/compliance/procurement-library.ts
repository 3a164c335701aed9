import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { frameworks, requirements } from '../../core/db/schema.js';
import { PROCUREMENT_KIND } from './package.js';

/*
 * What the library offers the suppliers module about procurement requirement sets (frameworks of kind
 * 'procurement', loaded from catalogs/procurement/). The suppliers module never reads the library
 * tables itself. The library is installation-wide: readable in any transaction.
 */

export interface ProcurementSet {
  id: string;
  name: string;
  title: string;
  version: string;
}

export interface ProcurementRequirement {
  id: string;
  ref: string;
  parentRef: string | null;
  chapterRef: string | null;
  title: string;
  description: string | null;
  /** a requirement (answerable) rather than a chapter */
  assessable: boolean;
  status: string;
}

const titleOf = (t: unknown, fallback: string) => {
  const m = (t ?? {}) as Record<string, string>;
  return m.nl ?? m.en ?? Object.values(m)[0] ?? fallback;
};

const ACTIVE_REQUIREMENT = sql`r.assessable and r.status = 'active'`;

/** Every procurement set with its number of answerable (active) requirements, by name. */
export async function listProcurementSets(tx: Executor): Promise<(ProcurementSet & { requirements: number })[]> {
  const rows = await tx
    .select({
      id: frameworks.id,
      name: frameworks.name,
      title: frameworks.title,
      version: frameworks.version,
      requirements: sql<number>`(select count(*)::int from requirements r where r.framework_id = "frameworks"."id" and ${ACTIVE_REQUIREMENT})`,
    })
    .from(frameworks)
    .where(eq(frameworks.kind, PROCUREMENT_KIND))
    .orderBy(asc(frameworks.name), asc(frameworks.id));
  return rows.map((r) => ({ id: r.id, name: r.name, title: titleOf(r.title, r.name), version: r.version, requirements: Number(r.requirements) }));
}

/** One procurement set, or null when there is none with this id (a compliance framework is not one). */
export async function findProcurementSet(tx: Executor, id: string): Promise<ProcurementSet | null> {
  const [f] = await tx
    .select({ id: frameworks.id, name: frameworks.name, title: frameworks.title, version: frameworks.version })
    .from(frameworks)
    .where(and(eq(frameworks.id, id), eq(frameworks.kind, PROCUREMENT_KIND)));
  return f ? { id: f.id, name: f.name, title: titleOf(f.title, f.name), version: f.version } : null;
}

/** The chapters and requirements of a set in catalog order (removed ones included, with their status). */
export async function procurementRequirements(tx: Executor, setId: string): Promise<ProcurementRequirement[]> {
  return tx
    .select({
      id: requirements.id,
      ref: requirements.ref,
      parentRef: requirements.parentRef,
      chapterRef: requirements.chapterRef,
      title: requirements.title,
      description: requirements.description,
      assessable: requirements.assessable,
      status: requirements.status,
    })
    .from(requirements)
    .where(eq(requirements.frameworkId, setId))
    .orderBy(asc(requirements.position));
}

/** For error messages: which framework or set a requirement id belongs to, and its ref. */
export async function requirementOwners(tx: Executor, ids: string[]): Promise<Map<string, { frameworkId: string; ref: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await tx.select({ id: requirements.id, frameworkId: requirements.frameworkId, ref: requirements.ref }).from(requirements).where(inArray(requirements.id, ids));
  return new Map(rows.map((r) => [r.id, { frameworkId: r.frameworkId, ref: r.ref }]));
}

/** Of these requirement ids, the active answerable ones of a procurement set, with their set (one query). */
export async function procurementSetsOf(tx: Executor, requirementIds: string[]): Promise<{ sets: ProcurementSet[]; setOf: Map<string, string>; sizes: Map<string, number> }> {
  const unique = [...new Set(requirementIds)];
  if (unique.length === 0) return { sets: [], setOf: new Map(), sizes: new Map() };
  const rows = await tx
    .select({
      requirementId: requirements.id,
      id: frameworks.id,
      name: frameworks.name,
      title: frameworks.title,
      version: frameworks.version,
      size: sql<number>`(select count(*)::int from requirements r where r.framework_id = "frameworks"."id" and ${ACTIVE_REQUIREMENT})`,
    })
    .from(requirements)
    .innerJoin(frameworks, eq(frameworks.id, requirements.frameworkId))
    .where(and(inArray(requirements.id, unique), eq(frameworks.kind, PROCUREMENT_KIND), eq(requirements.assessable, true), eq(requirements.status, 'active')));
  const sets = new Map<string, ProcurementSet>();
  const sizes = new Map<string, number>();
  const setOf = new Map<string, string>();
  for (const r of rows) {
    setOf.set(r.requirementId, r.id);
    sets.set(r.id, { id: r.id, name: r.name, title: titleOf(r.title, r.name), version: r.version });
    sizes.set(r.id, Number(r.size));
  }
  return { sets: [...sets.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id)), setOf, sizes };
}
