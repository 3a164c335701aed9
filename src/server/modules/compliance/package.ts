import crypto from 'node:crypto';
import { z } from 'zod';
import { canonical } from '../../core/audit/audit.js';

/** The data-package format of catalogs/ (see catalogs/README.md). One validator for loading and importing. */
const Ref = z.string().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'alleen letters, cijfers, punt, streep');
const Title = z.strictObject({ nl: z.string().min(1).max(300), en: z.string().min(1).max(300).optional() });
const PackageId = z.string().min(3).max(120).regex(/^[a-z0-9]+:[a-z0-9:._@-]+$/, 'vorm "uitgever:naam"');

export const NodeSchema = z.strictObject({
  ref: Ref,
  parent: Ref.nullable(),
  title: z.string().min(1).max(300),
  assessable: z.boolean(),
  status: z.enum(['active', 'removed', 'moved']).optional(),
  replacedBy: Ref.nullable().optional(),
  isoControl: z.string().max(20).nullable().optional(),
  cbwScope: z.boolean().nullable().optional(),
  legalReference: z.string().max(300).nullable().optional(),
  description: z.string().max(4000).nullable().optional(),
});

const Common = {
  id: PackageId,
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'semver, bijvoorbeeld 1.3.0'),
  title: Title,
  provider: z.string().min(1).max(300),
  packager: z.string().max(300).nullable().optional(),
  licence: z.string().min(1).max(300),
  attribution: z.string().max(1000).nullable().optional(),
  description: z.string().max(4000).nullable().optional(),
};

const frameworkFields = {
  ...Common,
  name: z.string().min(1).max(100),
  language: z.string().min(2).max(10),
  licenceNote: z.string().max(2000).nullable().optional(),
  /** BIO2: the ISO/IEC 27002 controls without a government measure, and those outside Cbw scope */
  isoControlsWithoutMeasure: z.array(z.string().max(20)).max(200).optional(),
  isoControlsOutsideCbwScope: z.array(z.string().max(20)).max(200).optional(),
  nodes: z.array(NodeSchema).min(1).max(20_000),
};

function checkNodes(p: { nodes: z.infer<typeof NodeSchema>[] }, ctx: z.RefinementCtx) {
  const seen = new Map<string, number>();
  p.nodes.forEach((n, i) => {
    if (seen.has(n.ref)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'ref'], message: `"${n.ref}" komt al voor (knooppunt ${seen.get(n.ref)})` });
    if (n.parent !== null && !seen.has(n.parent)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'parent'], message: `ouder "${n.parent}" staat niet eerder in het pakket` });
    seen.set(n.ref, i);
  });
  const parents = new Set(p.nodes.map((n) => n.parent).filter(Boolean));
  p.nodes.forEach((n, i) => {
    if (n.assessable && parents.has(n.ref)) ctx.addIssue({ code: 'custom', path: ['nodes', i, 'assessable'], message: 'een beoordeelbare eis heeft geen onderliggende eisen' });
    if (n.status === 'moved' && (!n.replacedBy || !seen.has(n.replacedBy))) {
      ctx.addIssue({ code: 'custom', path: ['nodes', i, 'replacedBy'], message: 'een verplaatste eis verwijst naar een bestaande nieuwe eis' });
    }
  });
}

export const FrameworkPackage = z.strictObject({ ...frameworkFields, kind: z.literal('framework') }).superRefine(checkNodes);

/**
 * A set of harmonised procurement requirements (inkoopeisen): the same format as a framework, stored
 * as a framework of kind 'procurement' and answered per supplier instead of assessed per year. Only the
 * shipped catalog (catalogs/procurement/) carries these; the administrator's import takes frameworks
 * and mappings.
 */
export const ProcurementPackage = z.strictObject({ ...frameworkFields, kind: z.literal('procurement') }).superRefine(checkNodes);

export const MappingRow = z.strictObject({
  source: Ref,
  target: Ref,
  relationship: z.enum(['equal', 'subset', 'superset', 'intersect']),
  strength: z.number().int().min(1).max(10),
  rationale: z.string().min(3).max(2000),
});

export const MappingPackage = z.strictObject({
  ...Common,
  kind: z.literal('mapping'),
  source: PackageId,
  target: PackageId,
  rows: z.array(MappingRow).min(1).max(100_000),
});

export const AnyPackage = z.discriminatedUnion('kind', [FrameworkPackage, MappingPackage]);
export type FrameworkPackage = z.infer<typeof FrameworkPackage>;
export type ProcurementPackage = z.infer<typeof ProcurementPackage>;
export type MappingPackage = z.infer<typeof MappingPackage>;
export type AnyPackage = z.infer<typeof AnyPackage>;
/** What catalogs/ may hold: frameworks, mappings and procurement requirement sets. */
export const CatalogPackage = z.discriminatedUnion('kind', [FrameworkPackage, MappingPackage, ProcurementPackage]);
export type CatalogPackage = z.infer<typeof CatalogPackage>;

/** The kind of a `frameworks` row that holds procurement requirements; compliance (years, SoA, progress, library) leaves these out. */
export const PROCUREMENT_KIND = 'procurement';

export interface PackageProblem {
  path: string;
  message: string;
}

const problemsOf = (e: z.ZodError): PackageProblem[] => e.issues.map((i) => ({ path: i.path.map(String).join('.') || '(pakket)', message: i.message }));

export function parsePackage(input: unknown): { ok: true; value: AnyPackage } | { ok: false; problems: PackageProblem[] } {
  const r = AnyPackage.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: problemsOf(r.error) };
}

/** The shipped catalog: also procurement requirement sets. */
export function parseCatalogPackage(input: unknown): { ok: true; value: CatalogPackage } | { ok: false; problems: PackageProblem[] } {
  const r = CatalogPackage.safeParse(input);
  if (r.success) return { ok: true, value: r.data };
  return { ok: false, problems: problemsOf(r.error) };
}

export const contentHash = (p: CatalogPackage) => crypto.createHash('sha256').update(canonical(p)).digest('hex');

/** Maps a relationship to how much of the target a source covers. */
export function coverageOf(relationship: string, direction: 'forward' | 'reverse'): 'full' | 'partial' {
  // forward: source answers target. equal/superset ⇒ the whole target; subset/intersect ⇒ part of it.
  // reverse (target answers source): equal/subset ⇒ whole source; superset/intersect ⇒ part.
  if (relationship === 'equal') return 'full';
  if (direction === 'forward') return relationship === 'superset' ? 'full' : 'partial';
  return relationship === 'subset' ? 'full' : 'partial';
}
