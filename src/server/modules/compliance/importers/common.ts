import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../../core/db/client.js';
import type { AuditLog } from '../../../core/audit/audit.js';
import { frameworks, requirements } from '../../../core/db/schema.js';
import { HttpProblem } from '../../../core/http/problem.js';
import { parsePackage, type AnyPackage, type FrameworkPackage, type MappingPackage } from '../package.js';
import { checkMappingReferences, storePackage } from '../store-package.js';

/**
 * Shared path of every importer: a converter turns a file into one or more packages of our own
 * format (package.ts) and knows where each package field came from; this module validates them
 * with the same validator as POST /library/import, checks mapping references, and stores all or
 * nothing in the caller's transaction.
 */

export interface ImportProblem {
  /** where in the file: `$.catalog.groups[2].controls[0].id`, `regel 14: …`, `Eisen!C14` */
  path: string;
  message: string;
  line?: number;
  column?: number;
  sheet?: string;
  cell?: string;
}

export type Location = Omit<ImportProblem, 'message'>;

export interface Converted {
  format: 'oscal-catalog' | 'oscal-profile' | 'ciso-assistant' | 'xlsx';
  /** frameworks first, then mappings; not yet validated */
  packages: unknown[];
  /** maps a package path (`nodes.3.parent`, `rows.2.target`, `title.nl`) of package i to a place in the file */
  locate: (pkgIndex: number, path: string) => Location;
  /** problems the converter found itself (already located) */
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

/** Files that are not what the route expects at all: 400 problem+json, nothing imported. */
export function unreadable(detail: string, errors: ImportProblem[] = []) {
  return new HttpProblem(
    400,
    'Ongeldig bestand',
    detail,
    errors.slice(0, 50).map((e) => ({ path: e.path, message: e.message })),
  );
}

export const MAX_PROBLEMS = 200;

type PackageCounts = { nodes?: number; assessable?: number; rows?: number };
const countsOf = (p: AnyPackage): PackageCounts =>
  p.kind === 'framework' ? { nodes: p.nodes.length, assessable: p.nodes.filter((n) => n.assessable).length } : { rows: p.rows.length };

export interface ImporterResult {
  mode: 'preview' | 'import';
  format: Converted['format'];
  valid: boolean;
  package: { id: string; kind: 'framework' | 'mapping'; version: string } | null;
  counts: PackageCounts;
  action: 'created' | 'updated' | 'unchanged' | null;
  packages: { id: string; kind: 'framework' | 'mapping'; version: string; counts: PackageCounts; action: 'created' | 'updated' | 'unchanged' | null }[];
  problems: ImportProblem[];
  warnings: ImportProblem[];
}

/** Validates the converted packages; on import and without problems, stores them (frameworks first). */
export async function runImport(tx: Tx, audit: AuditLog, conv: Converted, mode: 'preview' | 'import'): Promise<ImporterResult> {
  const problems: ImportProblem[] = [...conv.problems];
  if (conv.packages.length === 0 && problems.length === 0) problems.push({ path: '(bestand)', message: 'het bestand bevat niets om te importeren' });
  const taken = new Set(problems.map((p) => p.path));
  const valid: { index: number; pkg: AnyPackage }[] = [];
  conv.packages.forEach((candidate, index) => {
    const parsed = parsePackage(candidate);
    if (parsed.ok) {
      valid.push({ index, pkg: parsed.value });
      return;
    }
    for (const p of parsed.problems) {
      const where = conv.locate(index, p.path);
      // a converter's own message about the same place is the clearer one
      if (taken.has(where.path)) continue;
      taken.add(where.path);
      problems.push({ ...where, message: p.message });
    }
  });
  const pendingFrameworks = valid.filter((v) => v.pkg.kind === 'framework').map((v) => v.pkg as FrameworkPackage);
  if (valid.length === conv.packages.length) {
    for (const { index, pkg } of valid) {
      if (pkg.kind !== 'mapping') continue;
      for (const p of await checkMappingReferences(tx, pkg, pendingFrameworks)) problems.push({ ...conv.locate(index, p.path), message: p.message });
    }
  }
  const summary = (conv.packages as Partial<AnyPackage>[]).map((candidate, index) => {
    const ok = valid.find((v) => v.index === index)?.pkg;
    return {
      id: String(ok?.id ?? candidate?.id ?? ''),
      kind: (ok?.kind ?? candidate?.kind ?? 'framework') as 'framework' | 'mapping',
      version: String(ok?.version ?? candidate?.version ?? ''),
      counts: ok ? countsOf(ok) : {},
      action: null as ImporterResult['packages'][number]['action'],
    };
  });
  const answer = (): ImporterResult => ({
    mode,
    format: conv.format,
    valid: problems.length === 0,
    package: summary[0] ? { id: summary[0].id, kind: summary[0].kind, version: summary[0].version } : null,
    counts: summary[0]?.counts ?? {},
    action: summary[0]?.action ?? null,
    packages: summary,
    problems: problems.slice(0, MAX_PROBLEMS),
    warnings: conv.warnings.slice(0, MAX_PROBLEMS),
  });
  if (problems.length || mode === 'preview' || valid.length === 0) return answer();
  // frameworks before the mappings that point into them
  const order = [...valid].sort((a, b) => Number(a.pkg.kind === 'mapping') - Number(b.pkg.kind === 'mapping'));
  for (const { index, pkg } of order) {
    const result = await storePackage(tx, pkg, 'import');
    summary[index].action = result.action;
    if (result.action !== 'unchanged') {
      audit.record({
        organisationId: null,
        entityType: pkg.kind === 'framework' ? 'framework' : 'mapping_set',
        entityId: pkg.id,
        action: 'import',
        after: { version: pkg.version, format: conv.format, ...countsOf(pkg) },
      });
    }
  }
  return answer();
}

/** Ids and refs of the library, for converters that resolve references against it. */
export interface Library {
  framework(id: string): Promise<LibraryFramework | null>;
  /** ids of the frameworks that hold every one of these refs */
  frameworksContaining(refs: string[]): Promise<string[]>;
}
export interface LibraryFramework {
  id: string;
  version: string;
  nodes: FrameworkPackage['nodes'];
}

export function libraryOf(tx: Tx): Library {
  const cache = new Map<string, LibraryFramework | null>();
  return {
    async framework(id) {
      if (cache.has(id)) return cache.get(id)!;
      const [f] = await tx.select({ id: frameworks.id, version: frameworks.version }).from(frameworks).where(eq(frameworks.id, id));
      let out: LibraryFramework | null = null;
      if (f) {
        const rows = await tx.select().from(requirements).where(eq(requirements.frameworkId, id)).orderBy(asc(requirements.position));
        out = {
          id: f.id,
          version: f.version,
          nodes: rows.map((r) => ({
            ref: r.ref,
            parent: r.parentRef,
            title: r.title,
            assessable: r.assessable,
            ...(r.assessable ? { status: r.status as 'active' | 'removed' | 'moved' } : {}),
            replacedBy: r.replacedBy,
            isoControl: r.isoControl,
            cbwScope: r.cbwScope,
            legalReference: r.legalReference,
            description: r.description,
          })),
        };
      }
      cache.set(id, out);
      return out;
    },
    async frameworksContaining(refs) {
      const rows = await tx
        .select({ id: requirements.frameworkId })
        .from(requirements)
        .where(inArray(requirements.ref, refs))
        .groupBy(requirements.frameworkId)
        .having(sql`count(distinct ${requirements.ref}) = ${refs.length}`)
        .orderBy(requirements.frameworkId);
      return rows.map((r) => r.id);
    },
  };
}

/** `my Title, v2!` → `my-title-v2`: for ids derived from names. */
export function slug(text: string, max = 80): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, max)
    .replace(/[-.]+$/g, '');
}

/** Cuts text to a field's maximum, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** A free version string ("Rev 5.1.1", "2", "1.3") as the semver our packages need; null when there is no number. */
export function semverOf(version: unknown): string | null {
  if (typeof version === 'number' && Number.isInteger(version) && version >= 0) return `${version}.0.0`;
  if (typeof version !== 'string') return null;
  const m = /(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(version);
  if (!m) return null;
  return [m[1], m[2] ?? '0', m[3] ?? '0'].map((x) => String(Number(x))).join('.');
}

/** `['groups', 2, 'id']` → `$.catalog.groups[2].id` */
export function jsonPath(root: string, segments: readonly (string | number)[]): string {
  let out = root;
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : `.${s}`;
  return out;
}

/** Refuses absurdly nested input before recursive code walks it. */
export function nestingDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, d + 1]);
  }
  return max;
}
