import { z } from 'zod';
import type { FrameworkPackage } from '../package.js';
import { clip, jsonPath, nestingDepth, semverOf, slug, unreadable, type Converted, type ImportProblem, type Library, type Location, type LibraryFramework } from './common.js';
import { parseJsonText } from './json-text.js';

/**
 * OSCAL 1.1 catalog and profile JSON → our framework package (docs/decisions/0011-importers.md).
 * Groups become chapters, controls become assessable requirements; a control's nested controls
 * (enhancements) follow it as siblings, because only leaves are assessable in our format and the
 * base control must stay assessable. A profile becomes a framework with just its selection.
 */

type Node = FrameworkPackage['nodes'][number];
type NodeInput = Omit<Node, 'status' | 'replacedBy'> & { status?: Node['status']; replacedBy?: string | null };

const Str = (max: number) => z.string().max(max);
const Prop = z.object({ name: Str(200).min(1), value: Str(4000), ns: Str(500).optional() });
const Link = z.object({ href: Str(2000).min(1), rel: Str(200).optional() });
const Param = z.object({
  id: Str(200).min(1),
  label: Str(1000).optional(),
  values: z.array(Str(2000)).max(100).optional(),
  select: z.object({ 'how-many': Str(50).optional(), choice: z.array(Str(2000)).max(100).optional() }).optional(),
});

interface PartT {
  name: string;
  prose?: string;
  props?: z.infer<typeof Prop>[];
  parts?: PartT[];
}
const Part: z.ZodType<PartT> = z.object({
  name: Str(200).min(1),
  prose: Str(100_000).optional(),
  props: z.array(Prop).max(200).optional(),
  get parts() {
    return z.array(Part).max(500).optional();
  },
});

interface ControlT {
  id: string;
  title: string;
  params?: z.infer<typeof Param>[];
  props?: z.infer<typeof Prop>[];
  links?: z.infer<typeof Link>[];
  parts?: PartT[];
  controls?: ControlT[];
}
const Control: z.ZodType<ControlT> = z.object({
  id: Str(200).min(1),
  title: Str(2000).min(1),
  params: z.array(Param).max(500).optional(),
  props: z.array(Prop).max(200).optional(),
  links: z.array(Link).max(200).optional(),
  parts: z.array(Part).max(500).optional(),
  get controls() {
    return z.array(Control).max(5000).optional();
  },
});

interface GroupT {
  id?: string;
  title: string;
  params?: z.infer<typeof Param>[];
  props?: z.infer<typeof Prop>[];
  groups?: GroupT[];
  controls?: ControlT[];
}
const Group: z.ZodType<GroupT> = z.object({
  id: Str(200).min(1).optional(),
  title: Str(2000).min(1),
  params: z.array(Param).max(500).optional(),
  props: z.array(Prop).max(200).optional(),
  get groups() {
    return z.array(Group).max(5000).optional();
  },
  get controls() {
    return z.array(Control).max(20_000).optional();
  },
});

const Party = z.object({ uuid: Str(100), name: Str(1000).optional() });
const Metadata = z.object({
  title: Str(2000).min(1),
  version: Str(200).optional(),
  'last-modified': Str(100).optional(),
  'oscal-version': Str(50).optional(),
  props: z.array(Prop).max(200).optional(),
  links: z.array(Link).max(200).optional(),
  parties: z.array(Party).max(500).optional(),
  'responsible-parties': z.array(z.object({ 'role-id': Str(200), 'party-uuids': z.array(Str(100)).max(100) })).max(200).optional(),
});
type MetadataT = z.infer<typeof Metadata>;

const CatalogSchema = z.object({
  uuid: Str(100).optional(),
  metadata: Metadata,
  params: z.array(Param).max(5000).optional(),
  controls: z.array(Control).max(20_000).optional(),
  groups: z.array(Group).max(5000).optional(),
});
type CatalogT = z.infer<typeof CatalogSchema>;

const Selector = z.object({
  'with-child-controls': z.enum(['yes', 'no']).optional(),
  'with-ids': z.array(Str(200).min(1)).max(20_000).optional(),
  matching: z.array(z.object({ pattern: Str(200).min(1) })).max(200).optional(),
});
type SelectorT = z.infer<typeof Selector>;
const ProfileSchema = z.object({
  uuid: Str(100).optional(),
  metadata: Metadata,
  imports: z
    .array(
      z.object({
        href: Str(2000).min(1),
        'include-all': z.object({}).optional(),
        'include-controls': z.array(Selector).max(200).optional(),
        'exclude-controls': z.array(Selector).max(200).optional(),
      }),
    )
    .min(1)
    .max(50),
  merge: z.unknown().optional(),
  modify: z.unknown().optional(),
  'back-matter': z
    .object({ resources: z.array(z.object({ uuid: Str(100), title: Str(2000).optional(), rlinks: z.array(z.object({ href: Str(2000) })).max(50).optional() })).max(2000).optional() })
    .optional(),
});
type ProfileT = z.infer<typeof ProfileSchema>;

const OSCAL_NS = 'http://csrc.nist.gov/ns/oscal';
const propOf = (props: { name: string; value: string; ns?: string }[] | undefined, name: string) =>
  props?.find((p) => p.name === name && (!p.ns || p.ns === OSCAL_NS))?.value;

export interface OscalOptions {
  /** the framework id to use instead of the one derived from the title */
  id?: string;
  /** profile: the library framework that is the imported catalog */
  catalog?: string;
}

/** Reads the body of POST /library/import/oscal: a catalog, a profile, or both in one object. */
export async function convertOscal(text: string, opts: OscalOptions, library: Library): Promise<Converted> {
  const doc = parseJsonText(text, 'een OSCAL-catalogus of -profiel (JSON)');
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc) || (!('catalog' in doc) && !('profile' in doc))) {
    throw unreadable('Dit is geen OSCAL-catalogus of -profiel: verwacht een JSON-object met "catalog" of "profile" bovenaan.', [
      { path: '$', message: 'geen "catalog" of "profile"' },
    ]);
  }
  if (nestingDepth(doc, 64) > 64) throw unreadable('Het OSCAL-bestand is te diep genest (meer dan 64 niveaus).');
  const root = doc as { catalog?: unknown; profile?: unknown };
  if (root.profile === undefined) {
    const catalog = convertCatalog(root.catalog, opts.id);
    return { format: 'oscal-catalog', ...catalog.converted };
  }
  const bundled = root.catalog !== undefined ? convertCatalog(root.catalog, undefined) : null;
  const profile = await convertProfile(root.profile, opts, bundled, library);
  if (!bundled) return { format: 'oscal-profile', ...profile };
  const profileId = (profile.packages[0] as { id?: string } | undefined)?.id;
  const catalogId = (bundled.converted.packages[0] as { id?: string } | undefined)?.id;
  const clash: ImportProblem[] =
    profileId && profileId === catalogId ? [{ path: '$.profile.metadata.title', message: `profiel en catalogus krijgen hetzelfde id "${profileId}": geef het profiel een eigen id met ?id=` }] : [];
  return {
    format: 'oscal-profile',
    packages: [...bundled.converted.packages, ...profile.packages],
    locate: (i, p) => (i < bundled.converted.packages.length ? bundled.converted.locate(i, p) : profile.locate(i - bundled.converted.packages.length, p)),
    problems: [...bundled.converted.problems, ...profile.problems, ...clash],
    warnings: [...bundled.converted.warnings, ...profile.warnings],
  };
}

function zodProblems(error: z.ZodError, root: string): ImportProblem[] {
  return error.issues.slice(0, 200).map((i) => ({ path: jsonPath(root, i.path as (string | number)[]), message: i.message }));
}

/** Package-level fields that come from the metadata. */
function metadataFields(meta: MetadataT, root: string, kind: 'catalogus' | 'profiel', uuid: string | undefined) {
  const partyName = (uuid?: string) => meta.parties?.find((p) => p.uuid === uuid)?.name;
  const responsible = (role: string) => partyName(meta['responsible-parties']?.find((r) => r['role-id'] === role)?.['party-uuids'][0]);
  const provider = responsible('creator') ?? responsible('publisher') ?? meta.parties?.find((p) => p.name)?.name ?? 'Onbekend (OSCAL)';
  const licence =
    meta.links?.find((l) => l.rel === 'license' || l.rel === 'licence')?.href ??
    propOf(meta.props, 'license') ??
    propOf(meta.props, 'licence') ??
    'onbekend: zie de bron';
  const lastModified = meta['last-modified'] && /^(\d{4})-(\d{2})-(\d{2})/.exec(meta['last-modified']);
  const version = semverOf(meta.version) ?? (lastModified ? `${Number(lastModified[1])}.${Number(lastModified[2])}.${Number(lastModified[3])}` : '0.0.0');
  const language = propOf(meta.props, 'language') ?? propOf(meta.props, 'locale') ?? 'en';
  const about = [`OSCAL-${kind}`, uuid ? `uuid ${uuid}` : null, meta['oscal-version'] ? `OSCAL ${meta['oscal-version']}` : null, meta['last-modified'] ? `gewijzigd ${meta['last-modified']}` : null]
    .filter(Boolean)
    .join(', ');
  const problems: ImportProblem[] = [];
  if (meta['oscal-version'] && !/^1\./.test(meta['oscal-version'])) {
    problems.push({ path: `${root}.metadata.oscal-version`, message: `OSCAL ${meta['oscal-version']} wordt niet ondersteund (alleen 1.x)` });
  }
  return {
    fields: {
      version,
      name: clip(meta.title, 100),
      title: { nl: clip(meta.title, 300) },
      provider: clip(provider, 300),
      packager: 'Weerbaar (OSCAL-import)',
      licence: clip(licence, 300),
      attribution: clip(`${meta.title}${meta.version ? `, versie ${meta.version}` : ''} (${clip(provider, 200)})`, 1000),
      language: clip(language, 10),
      description: clip(about, 4000),
    },
    problems,
  };
}

/** Where a package field of a framework came from. */
function locator(root: string, nodePaths: string[]) {
  const fieldOf: Record<string, string> = {
    ref: 'id',
    parent: '',
    title: 'title',
    description: 'parts',
    status: 'props',
    replacedBy: 'links',
    assessable: '',
  };
  const metaOf: Record<string, string> = {
    id: 'metadata.title',
    version: 'metadata.version',
    name: 'metadata.title',
    title: 'metadata.title',
    provider: 'metadata.parties',
    licence: 'metadata.links',
    language: 'metadata.props',
    nodes: 'controls',
  };
  return (_i: number, path: string): Location => {
    const [head, index, field] = path.split('.');
    if (head === 'nodes' && index !== undefined && nodePaths[Number(index)]) {
      const f = field ? fieldOf[field] : '';
      return { path: f ? `${nodePaths[Number(index)]}.${f}` : nodePaths[Number(index)] };
    }
    return { path: `${root}.${metaOf[head] ?? head}` };
  };
}

function convertCatalog(input: unknown, id: string | undefined): { converted: Omit<Converted, 'format'>; nested: Map<string, string> } {
  const root = '$.catalog';
  const parsed = CatalogSchema.safeParse(input);
  if (!parsed.success) {
    return { converted: { packages: [], locate: () => ({ path: root }), problems: zodProblems(parsed.error, root), warnings: [] }, nested: new Map() };
  }
  const cat: CatalogT = parsed.data;
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const nodes: NodeInput[] = [];
  const nodePaths: string[] = [];
  const seen = new Map<string, string>();
  const nested = new Map<string, string>();
  const params = new Map<string, z.infer<typeof Param>>();
  const withdrawn: { index: number; links: { href: string; rel?: string }[]; path: string }[] = [];

  const collectParams = (list?: z.infer<typeof Param>[]) => list?.forEach((p) => params.set(p.id, p));
  collectParams(cat.params);
  const collectAll = (groups?: GroupT[], controls?: ControlT[]) => {
    groups?.forEach((g) => {
      collectParams(g.params);
      collectAll(g.groups, g.controls);
    });
    controls?.forEach((c) => {
      collectParams(c.params);
      collectAll(undefined, c.controls);
    });
  };
  collectAll(cat.groups, cat.controls);

  const insert = (prose: string) =>
    prose.replace(/\{\{\s*insert:\s*param,\s*([^\s}]+)\s*\}\}/g, (_m, pid: string) => {
      const p = params.get(pid);
      if (!p) return `[${pid}]`;
      if (p.values?.length) return p.values.join(', ');
      if (p.select?.choice?.length) return `[${p.select['how-many'] === 'one-or-more' ? 'een of meer van' : 'keuze'}: ${p.select.choice.join('; ')}]`;
      return `[${p.label ?? pid}]`;
    });
  const statement = (parts: PartT[] | undefined): string | null => {
    const lines: string[] = [];
    const walk = (part: PartT, depth: number) => {
      const label = propOf(part.props, 'label');
      const prose = part.prose ? insert(part.prose.trim()) : '';
      const emitted = Boolean(prose || label);
      if (emitted) lines.push(`${'  '.repeat(depth)}${label ? `${label} ` : ''}${prose}`.trimEnd());
      part.parts?.forEach((p) => walk(p, emitted ? depth + 1 : depth));
    };
    parts?.filter((p) => p.name === 'statement').forEach((p) => walk(p, 0));
    return lines.length ? clip(lines.join('\n'), 4000) : null;
  };
  const claim = (ref: string, path: string) => {
    const earlier = seen.get(ref);
    if (earlier) problems.push({ path: `${path}.id`, message: `id "${ref}" komt al voor op ${earlier}` });
    else seen.set(ref, path);
  };
  const sorted = <T extends { props?: { name: string; value: string; ns?: string }[] }>(list: T[]): [T, number][] => {
    const withIndex = list.map((x, i) => [x, i] as [T, number]);
    if (!list.every((x) => propOf(x.props, 'sort-id'))) return withIndex;
    return withIndex.sort((a, b) => propOf(a[0].props, 'sort-id')!.localeCompare(propOf(b[0].props, 'sort-id')!, 'en', { numeric: true }));
  };

  const walkControls = (controls: ControlT[] | undefined, path: string, parent: string | null, nestedIn: string | null) => {
    for (const [c, i] of sorted(controls ?? [])) {
      const p = `${path}.controls[${i}]`;
      claim(c.id, p);
      const label = propOf(c.props, 'label');
      const title = label && label.toLowerCase() !== c.id.toLowerCase() ? `${label} ${c.title}` : c.title;
      if (nestedIn) nested.set(c.id, nestedIn);
      if (propOf(c.props, 'status') === 'withdrawn') withdrawn.push({ index: nodes.length, links: c.links ?? [], path: p });
      nodes.push({ ref: c.id, parent, title: clip(title, 300), assessable: true, status: 'active', replacedBy: null, description: statement(c.parts) });
      nodePaths.push(p);
      walkControls(c.controls, p, parent, c.id);
    }
  };
  let anonymous = 0;
  const walkGroups = (groups: GroupT[] | undefined, path: string, parent: string | null) => {
    for (const [g, i] of sorted(groups ?? [])) {
      const p = `${path}.groups[${i}]`;
      const ref = g.id ?? `groep-${++anonymous}`;
      claim(ref, p);
      const label = propOf(g.props, 'label');
      nodes.push({ ref, parent, title: clip(label && label.toLowerCase() !== ref.toLowerCase() ? `${label} ${g.title}` : g.title, 300), assessable: false });
      nodePaths.push(p);
      walkGroups(g.groups, p, ref);
      walkControls(g.controls, p, ref, null);
    }
  };
  walkControls(cat.controls, root, null, null);
  walkGroups(cat.groups, root, null);
  if (!nodes.some((n) => n.assessable)) problems.push({ path: `${root}.groups`, message: 'de catalogus bevat geen enkele beheersmaatregel (controls)' });

  // withdrawn controls: moved when a link says where to (following a chain of withdrawn ones), removed otherwise
  const byRef = new Map(nodes.map((n, i) => [n.ref, i]));
  const isWithdrawn = new Set(withdrawn.map((w) => nodes[w.index].ref));
  const linkTarget = (links: { href: string; rel?: string }[]) =>
    links.find((l) => l.rel === 'moved-to') ?? links.find((l) => l.rel === 'incorporated-into');
  for (const w of withdrawn) {
    const node = nodes[w.index];
    const link = linkTarget(w.links);
    node.status = 'removed';
    if (!link) continue;
    const linkPath = `${w.path}.links[${w.links.indexOf(link)}].href`;
    if (!link.href.startsWith('#')) {
      warnings.push({ path: linkPath, message: `verwijst buiten de catalogus (${clip(link.href, 100)}); "${node.ref}" wordt als vervallen opgenomen` });
      continue;
    }
    let target = link.href.slice(1);
    if (!byRef.has(target)) {
      problems.push({ path: linkPath, message: `verwijst naar "${target}", dat niet in deze catalogus staat` });
      continue;
    }
    const visited = new Set([node.ref]);
    while (isWithdrawn.has(target) && !visited.has(target)) {
      visited.add(target);
      const next = linkTarget(withdrawn.find((x) => nodes[x.index].ref === target)!.links);
      if (!next?.href.startsWith('#') || !byRef.has(next.href.slice(1))) break;
      target = next.href.slice(1);
    }
    if (!isWithdrawn.has(target) && nodes[byRef.get(target)!].assessable) {
      node.status = 'moved';
      node.replacedBy = target;
    }
  }

  const meta = metadataFields(cat.metadata, root, 'catalogus', cat.uuid);
  problems.push(...meta.problems);
  const pkg = { id: id ?? `oscal:${slug(cat.metadata.title)}`, kind: 'framework', ...meta.fields, nodes };
  return { converted: { packages: [pkg], locate: locator(root, nodePaths), problems, warnings }, nested };
}

/** `ac-*` → /^ac-.*$/ (OSCAL `matching` patterns are globs) */
const globToRegExp = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);

interface ResolvedCatalog {
  id: string;
  nodes: NodeInput[];
  nested: Map<string, string>;
}

async function convertProfile(
  input: unknown,
  opts: OscalOptions,
  bundled: { converted: Omit<Converted, 'format'>; nested: Map<string, string> } | null,
  library: Library,
): Promise<Omit<Converted, 'format'>> {
  const root = '$.profile';
  const parsed = ProfileSchema.safeParse(input);
  if (!parsed.success) return { packages: [], locate: () => ({ path: root }), problems: zodProblems(parsed.error, root), warnings: [] };
  const profile: ProfileT = parsed.data;
  const problems: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  if (profile.imports.length > 1) problems.push({ path: `${root}.imports[1]`, message: 'een profiel met meer dan één import wordt niet ondersteund: één catalogus per raamwerk' });
  if (profile.merge !== undefined || profile.modify !== undefined) {
    warnings.push({ path: profile.modify !== undefined ? `${root}.modify` : `${root}.merge`, message: 'merge en modify worden niet toegepast: alleen de selectie van beheersmaatregelen telt' });
  }
  const imp = profile.imports[0];
  const impPath = `${root}.imports[0]`;
  if (!imp['include-all'] && !imp['include-controls']?.length) problems.push({ path: impPath, message: 'geen include-all of include-controls: het profiel selecteert niets' });

  const named = [...(imp['include-controls'] ?? []), ...(imp['exclude-controls'] ?? [])].flatMap((s) => s['with-ids'] ?? []);
  const catalog = await resolveCatalog(imp.href, profile, opts, bundled, library, named);
  if ('problem' in catalog) {
    problems.push({ path: `${impPath}.href`, message: catalog.problem });
    return { packages: [], locate: () => ({ path: `${impPath}.href` }), problems, warnings };
  }

  const controls = catalog.nodes.filter((n) => n.assessable);
  const isControl = new Set(controls.map((n) => n.ref));
  const isGroup = new Set(catalog.nodes.filter((n) => !n.assessable).map((n) => n.ref));
  const children = new Map<string, string[]>();
  for (const [child, parent] of catalog.nested) children.set(parent, [...(children.get(parent) ?? []), child]);
  const descendants = (ref: string): string[] => (children.get(ref) ?? []).flatMap((c) => [c, ...descendants(c)]);

  const select = (selectors: SelectorT[] | undefined, kind: 'include-controls' | 'exclude-controls'): Set<string> => {
    const out = new Set<string>();
    selectors?.forEach((s, si) => {
      const path = `${impPath}.${kind}[${si}]`;
      const picked: string[] = [];
      s['with-ids']?.forEach((id, k) => {
        if (isControl.has(id)) picked.push(id);
        else if (isGroup.has(id)) problems.push({ path: `${path}.with-ids[${k}]`, message: `"${id}" is een groep, geen beheersmaatregel` });
        else problems.push({ path: `${path}.with-ids[${k}]`, message: `"${id}" staat niet in catalogus ${catalog.id}` });
      });
      s.matching?.forEach((m, k) => {
        const re = globToRegExp(m.pattern);
        const hits = controls.filter((c) => re.test(c.ref)).map((c) => c.ref);
        if (!hits.length) warnings.push({ path: `${path}.matching[${k}].pattern`, message: `"${m.pattern}" past op geen enkele beheersmaatregel` });
        picked.push(...hits);
      });
      for (const id of picked) {
        out.add(id);
        if (s['with-child-controls'] === 'yes') descendants(id).forEach((d) => out.add(d));
      }
    });
    return out;
  };
  const included = imp['include-all'] ? new Set(controls.map((c) => c.ref)) : select(imp['include-controls'], 'include-controls');
  if (imp['include-all'] && imp['include-controls']?.length) select(imp['include-controls'], 'include-controls'); // still check the ids
  for (const id of select(imp['exclude-controls'], 'exclude-controls')) included.delete(id);
  if (included.size === 0 && !problems.length) problems.push({ path: impPath, message: 'de selectie bevat geen enkele beheersmaatregel' });

  // the selected controls with the groups above them, in catalog order
  const parentOf = new Map(catalog.nodes.map((n) => [n.ref, n.parent]));
  const keep = new Set<string>();
  for (const ref of included) {
    let r: string | null | undefined = ref;
    while (r && !keep.has(r)) {
      keep.add(r);
      r = parentOf.get(r);
    }
  }
  const nodes = catalog.nodes
    .filter((n) => keep.has(n.ref))
    .map((n) => {
      if (n.status === 'moved' && n.replacedBy && !included.has(n.replacedBy)) {
        warnings.push({ path: impPath, message: `"${n.ref}" is verplaatst naar "${n.replacedBy}", dat niet in de selectie zit; opgenomen als vervallen` });
        return { ...n, status: 'removed' as const, replacedBy: null };
      }
      return { ...n };
    });
  const meta = metadataFields(profile.metadata, root, 'profiel', profile.uuid);
  problems.push(...meta.problems);
  const pkg = {
    id: opts.id ?? `oscal:${slug(profile.metadata.title)}`,
    kind: 'framework',
    ...meta.fields,
    description: clip(`${meta.fields.description}; selectie van ${included.size} van ${controls.length} beheersmaatregelen uit ${catalog.id}`, 4000),
    nodes,
  };
  const metaLocate = locator(root, []);
  return {
    packages: [pkg],
    locate: (i, path) => (path.startsWith('nodes') ? { path: impPath } : metaLocate(i, path)),
    problems,
    warnings,
  };
}

/**
 * Which catalog a profile's import means (ADR 0011): ?catalog=, else a catalog in the same body,
 * else a library framework whose id is the href (or a link of the back-matter resource it names),
 * else the one library framework that holds every control id the profile names.
 */
async function resolveCatalog(
  href: string,
  profile: ProfileT,
  opts: OscalOptions,
  bundled: { converted: Omit<Converted, 'format'>; nested: Map<string, string> } | null,
  library: Library,
  named: string[],
): Promise<ResolvedCatalog | { problem: string }> {
  const fromLibrary = (f: LibraryFramework): ResolvedCatalog => {
    // nesting is not stored; OSCAL's id convention `ac-2.1` under `ac-2` recovers it
    const refs = new Set(f.nodes.filter((n) => n.assessable).map((n) => n.ref));
    const nested = new Map<string, string>();
    for (const ref of refs) {
      for (let cut = ref.lastIndexOf('.'); cut > 0; cut = ref.lastIndexOf('.', cut - 1)) {
        if (refs.has(ref.slice(0, cut))) {
          nested.set(ref, ref.slice(0, cut));
          break;
        }
      }
    }
    return { id: f.id, nodes: f.nodes, nested };
  };
  const bundledPkg = bundled?.converted.packages[0] as { id?: string; nodes?: NodeInput[] } | undefined;
  if (opts.catalog) {
    if (bundledPkg?.id === opts.catalog && bundledPkg.nodes) return { id: opts.catalog, nodes: bundledPkg.nodes, nested: bundled!.nested };
    const f = await library.framework(opts.catalog);
    return f ? fromLibrary(f) : { problem: `?catalog=${opts.catalog}: dit raamwerk staat niet in de bibliotheek` };
  }
  if (bundled) {
    if (!bundledPkg?.nodes) return { problem: 'de meegestuurde catalogus is ongeldig (zie de fouten onder $.catalog)' };
    return { id: bundledPkg.id ?? 'catalogus', nodes: bundledPkg.nodes, nested: bundled.nested };
  }
  const hrefs = [href];
  if (href.startsWith('#')) {
    const resource = profile['back-matter']?.resources?.find((r) => r.uuid === href.slice(1));
    hrefs.push(...(resource?.rlinks ?? []).map((l) => l.href));
  }
  for (const h of hrefs) {
    if (!/^[a-z0-9]+:[a-z0-9:._@-]+$/.test(h)) continue;
    const f = await library.framework(h);
    if (f) return fromLibrary(f);
  }
  const ids = [...new Set(named)];
  if (!ids.length) return { problem: `kan de catalogus "${clip(href, 200)}" niet vinden in de bibliotheek; noem het raamwerk met ?catalog=<id> of stuur de catalogus mee` };
  const candidates = await library.frameworksContaining(ids);
  if (candidates.length === 1) return fromLibrary((await library.framework(candidates[0]))!);
  if (candidates.length > 1) return { problem: `meerdere raamwerken in de bibliotheek bevatten alle genoemde beheersmaatregelen (${candidates.join(', ')}); kies er een met ?catalog=<id>` };
  return { problem: `geen raamwerk in de bibliotheek bevat alle genoemde beheersmaatregelen; importeer eerst de catalogus, noem hem met ?catalog=<id> of stuur hem mee` };
}
