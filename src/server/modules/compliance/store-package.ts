import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../core/db/client.js';
import { frameworks, mappings, mappingSets, measureRequirements, requirements, supplierRequirementAnswers } from '../../core/db/schema.js';
import { badRequest } from '../../core/http/problem.js';
import { contentHash, type CatalogPackage, type FrameworkPackage, type MappingPackage, type PackageProblem, type ProcurementPackage } from './package.js';

export interface StoreResult {
  id: string;
  kind: 'framework' | 'mapping';
  version: string;
  action: 'created' | 'updated' | 'unchanged';
  counts: { nodes?: number; assessable?: number; rows?: number };
}

/**
 * Writes a validated package into the library, all or nothing (the caller's transaction).
 * Requirements are upserted by ref so organisations' links survive a new version; a ref that
 * disappears is deleted when nothing refers to it, and kept as "removed" otherwise.
 */
export async function storePackage(tx: Executor, p: CatalogPackage, origin: 'catalog' | 'import'): Promise<StoreResult> {
  return p.kind === 'mapping' ? storeMapping(tx, p, origin) : storeFramework(tx, p, origin);
}

/** Frameworks and procurement requirement sets (a `frameworks` row of kind 'procurement'). */
async function storeFramework(tx: Executor, p: FrameworkPackage | ProcurementPackage, origin: 'catalog' | 'import'): Promise<StoreResult> {
  const hash = contentHash(p);
  const counts = { nodes: p.nodes.length, assessable: p.nodes.filter((n) => n.assessable).length };
  const [existing] = await tx.select().from(frameworks).where(eq(frameworks.id, p.id));
  if (existing && existing.kind !== p.kind) {
    throw badRequest(`${p.id} staat al in de bibliotheek als ${existing.kind === 'procurement' ? 'set inkoopeisen' : 'raamwerk'}; kies een ander id.`, [
      { path: 'id', message: `al in gebruik voor soort ${existing.kind}` },
    ]);
  }
  if (existing?.contentHash === hash || keepImported(existing, p.version, origin)) {
    return { id: p.id, kind: 'framework', version: p.version, action: 'unchanged', counts };
  }
  const meta = {
    version: p.version,
    kind: p.kind,
    name: p.name,
    title: p.title,
    provider: p.provider,
    packager: p.packager ?? null,
    licence: p.licence,
    attribution: p.attribution ?? null,
    language: p.language,
    description: p.description ?? null,
    origin,
    contentHash: hash,
    loadedAt: new Date(),
  };
  await tx.insert(frameworks).values({ id: p.id, ...meta }).onConflictDoUpdate({ target: frameworks.id, set: meta });
  const parentOf = new Map(p.nodes.map((n) => [n.ref, n.parent]));
  const chapterOf = (ref: string): string => {
    let r = ref;
    while (parentOf.get(r)) r = parentOf.get(r)!;
    return r;
  };
  const rows = p.nodes.map((n, i) => ({
    frameworkId: p.id,
    ref: n.ref,
    parentRef: n.parent,
    chapterRef: chapterOf(n.ref),
    position: i,
    title: n.title,
    description: n.description ?? null,
    assessable: n.assessable,
    status: n.status ?? 'active',
    replacedBy: n.replacedBy ?? null,
    isoControl: n.isoControl ?? null,
    cbwScope: n.cbwScope ?? null,
    legalReference: n.legalReference ?? null,
  }));
  for (let i = 0; i < rows.length; i += 1000) {
    await tx
      .insert(requirements)
      .values(rows.slice(i, i + 1000))
      .onConflictDoUpdate({
        target: [requirements.frameworkId, requirements.ref],
        set: {
          parentRef: sql`excluded.parent_ref`,
          chapterRef: sql`excluded.chapter_ref`,
          position: sql`excluded.position`,
          title: sql`excluded.title`,
          description: sql`excluded.description`,
          assessable: sql`excluded.assessable`,
          status: sql`excluded.status`,
          replacedBy: sql`excluded.replaced_by`,
          isoControl: sql`excluded.iso_control`,
          cbwScope: sql`excluded.cbw_scope`,
          legalReference: sql`excluded.legal_reference`,
        },
      });
  }
  const refs = p.nodes.map((n) => n.ref);
  const gone = await tx
    .select({ id: requirements.id })
    .from(requirements)
    .where(and(eq(requirements.frameworkId, p.id), notInArray(requirements.ref, refs)));
  if (gone.length) {
    const ids = gone.map((g) => g.id);
    // a requirement a measure links to, or a supplier's answer refers to, stays (as removed)
    const used = new Set([
      ...(await tx.select({ id: measureRequirements.requirementId }).from(measureRequirements).where(inArray(measureRequirements.requirementId, ids))).map((u) => u.id),
      ...(await tx.select({ id: supplierRequirementAnswers.requirementId }).from(supplierRequirementAnswers).where(inArray(supplierRequirementAnswers.requirementId, ids))).map((u) => u.id),
    ]);
    const unused = ids.filter((x) => !used.has(x));
    if (unused.length) await tx.delete(requirements).where(inArray(requirements.id, unused));
    if (used.size) await tx.update(requirements).set({ status: 'removed' }).where(inArray(requirements.id, [...used]));
  }
  return { id: p.id, kind: 'framework', version: p.version, action: existing ? 'updated' : 'created', counts };
}

/** A newer (or equal) version imported by an administrator is not overwritten by the shipped catalog at start. */
function keepImported(existing: { origin: string; version: string } | undefined, version: string, origin: 'catalog' | 'import') {
  return origin === 'catalog' && existing?.origin === 'import' && compareVersions(existing.version, version) >= 0;
}

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

async function refIds(tx: Executor, frameworkId: string): Promise<Map<string, string>> {
  const rows = await tx.select({ id: requirements.id, ref: requirements.ref }).from(requirements).where(eq(requirements.frameworkId, frameworkId));
  return new Map(rows.map((r) => [r.ref, r.id]));
}

/**
 * A mapping may name an earlier version of a framework as `id@version` (the BIO2 v1.2 → v1.3 transition):
 * its refs resolve against the current package, which keeps old numbers as moved or removed nodes.
 */
export const baseFrameworkId = (id: string) => id.split('@')[0];

/** Checks that the frameworks and refs a mapping points to exist; the problems say which row. */
export async function checkMappingReferences(tx: Executor, p: MappingPackage, pending: FrameworkPackage[] = []): Promise<PackageProblem[]> {
  const problems: PackageProblem[] = [];
  const refsOf = async (id: string) => {
    const inPending = pending.find((f) => f.id === id);
    if (inPending) return new Set(inPending.nodes.map((n) => n.ref));
    const m = await refIds(tx, id);
    return m.size ? new Set(m.keys()) : null;
  };
  const source = await refsOf(baseFrameworkId(p.source));
  const target = await refsOf(baseFrameworkId(p.target));
  if (!source) problems.push({ path: 'source', message: `raamwerk "${p.source}" staat niet in de bibliotheek` });
  if (!target) problems.push({ path: 'target', message: `raamwerk "${p.target}" staat niet in de bibliotheek` });
  if (!source || !target) return problems;
  p.rows.forEach((r, i) => {
    if (!source.has(r.source)) problems.push({ path: `rows.${i}.source`, message: `"${r.source}" bestaat niet in ${p.source}` });
    if (!target.has(r.target)) problems.push({ path: `rows.${i}.target`, message: `"${r.target}" bestaat niet in ${p.target}` });
  });
  return problems.slice(0, 200);
}

async function storeMapping(tx: Executor, p: MappingPackage, origin: 'catalog' | 'import', generated = false): Promise<StoreResult> {
  const hash = contentHash(p);
  const counts = { rows: p.rows.length };
  const [existing] = await tx.select().from(mappingSets).where(eq(mappingSets.id, p.id));
  if (existing?.contentHash === hash || keepImported(existing, p.version, origin)) {
    return { id: p.id, kind: 'mapping', version: p.version, action: 'unchanged', counts };
  }
  const problems = await checkMappingReferences(tx, p);
  if (problems.length) throw badRequest(`De koppeltabel ${p.id} verwijst naar eisen die niet bestaan.`, problems);
  const meta = {
    version: p.version,
    title: p.title,
    provider: p.provider,
    licence: p.licence,
    attribution: p.attribution ?? null,
    description: p.description ?? null,
    sourceFrameworkId: baseFrameworkId(p.source),
    targetFrameworkId: baseFrameworkId(p.target),
    generated,
    origin,
    contentHash: hash,
    loadedAt: new Date(),
  };
  await tx.insert(mappingSets).values({ id: p.id, ...meta }).onConflictDoUpdate({ target: mappingSets.id, set: meta });
  await tx.delete(mappings).where(eq(mappings.mappingSetId, p.id));
  const src = await refIds(tx, baseFrameworkId(p.source));
  const tgt = await refIds(tx, baseFrameworkId(p.target));
  const unique = new Map<string, (typeof mappings.$inferInsert)>();
  for (const r of p.rows) {
    const row = { mappingSetId: p.id, sourceId: src.get(r.source)!, targetId: tgt.get(r.target)!, relationship: r.relationship, strength: r.strength, rationale: r.rationale };
    unique.set(`${row.sourceId}|${row.targetId}`, row);
  }
  const rows = [...unique.values()];
  for (let i = 0; i < rows.length; i += 1000) await tx.insert(mappings).values(rows.slice(i, i + 1000));
  return { id: p.id, kind: 'mapping', version: p.version, action: existing ? 'updated' : 'created', counts };
}

/**
 * The structural mapping from a framework whose requirements name an ISO/IEC 27002 control
 * (isoControl, as BIO2 does) to ISO/IEC 27001 Annex A, generated rather than authored.
 */
export async function storeStructuralIsoMapping(tx: Executor, frameworkId: string, annexId: string): Promise<StoreResult | null> {
  const [f] = await tx.select().from(frameworks).where(eq(frameworks.id, frameworkId));
  const [a] = await tx.select().from(frameworks).where(eq(frameworks.id, annexId));
  if (!f || !a) return null;
  // "A.5.15", "5.15" and "5.04" all name control 5.15 / 5.4: compare numbers, not text
  const norm = (ref: string) => ref.replace(/^A\./i, '').split('.').map((x) => String(Number(x))).join('.');
  const annex = new Map([...(await refIds(tx, annexId)).keys()].map((ref) => [norm(ref), ref]));
  const reqs = await tx
    .select({ ref: requirements.ref, iso: requirements.isoControl })
    .from(requirements)
    .where(and(eq(requirements.frameworkId, frameworkId), eq(requirements.assessable, true), eq(requirements.status, 'active')))
    .orderBy(requirements.position);
  const rows = reqs
    .filter((r) => r.iso && annex.has(norm(r.iso)))
    .map((r) => ({
      source: r.ref,
      target: annex.get(norm(r.iso!))!,
      relationship: 'subset' as const,
      strength: 10,
      rationale: `Structureel: maatregel ${r.ref} hoort bij beheersmaatregel ${r.iso} van ISO/IEC 27002:2022, die gelijk genummerd is in bijlage A van ISO/IEC 27001:2022.`,
    }));
  if (rows.length === 0) return null;
  const p: MappingPackage = {
    id: `weerbaar:mapping:${frameworkId.split(':').pop()}-iso27001`,
    kind: 'mapping',
    version: f.version,
    title: { nl: `${f.name} → ISO/IEC 27001 bijlage A (structureel)`, en: `${f.name} → ISO/IEC 27001 Annex A (structural)` },
    provider: 'Weerbaar',
    licence: 'EUPL-1.2',
    attribution: null,
    description: 'Gegenereerd uit de nummering: elke maatregel hoort bij de gelijk genummerde beheersmaatregel.',
    source: frameworkId,
    target: annexId,
    rows,
  };
  return storeMapping(tx, p, 'catalog', true);
}
