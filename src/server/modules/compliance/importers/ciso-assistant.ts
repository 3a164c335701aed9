import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';
import { clip, nestingDepth, semverOf, slug, unreadable, type Converted, type ImportProblem, type Library, type Location } from './common.js';

/**
 * CISO Assistant library YAML → our framework and mapping packages (docs/decisions/0011-importers.md).
 * Every problem names the line in the YAML file. Nothing of a real CISO Assistant library is
 * shipped (AGPL); the tests use small files of our own.
 */

type Segment = string | number;
const Text = z.union([z.string(), z.number()]);
const Translations = z.record(z.string(), z.object({ name: Text.optional(), description: Text.optional() }).nullable()).optional();
const RequirementNode = z.object({
  urn: z.string().min(1).max(500),
  ref_id: Text.optional().nullable(),
  name: Text.optional().nullable(),
  description: Text.optional().nullable(),
  assessable: z.boolean().optional(),
  parent_urn: z.string().max(500).optional().nullable(),
  depth: z.number().int().optional(),
  translations: Translations,
});
const Framework = z.object({
  urn: z.string().min(1).max(500),
  ref_id: Text.optional(),
  name: Text.optional(),
  description: Text.optional().nullable(),
  provider: z.string().optional(),
  translations: Translations,
  requirement_nodes: z.array(z.unknown()).min(1).max(20_000),
});
const Mapping = z.object({
  source_requirement_urn: z.string().min(1).max(500),
  target_requirement_urn: z.string().min(1).max(500),
  relationship: z.string().min(1).max(50),
  strength_of_relationship: z.number().int().optional().nullable(),
  rationale: Text.optional().nullable(),
  annotation: Text.optional().nullable(),
});
const MappingSet = z.object({
  urn: z.string().min(1).max(500),
  ref_id: Text.optional(),
  name: Text.optional(),
  description: Text.optional().nullable(),
  source_framework_urn: z.string().min(1).max(500),
  target_framework_urn: z.string().min(1).max(500),
  requirement_mappings: z.array(z.unknown()).max(100_000),
});
const LibraryFile = z.object({
  urn: z.string().max(500).optional(),
  locale: z.string().min(2).max(10).optional(),
  ref_id: Text.optional(),
  name: Text,
  description: Text.optional().nullable(),
  copyright: Text.optional().nullable(),
  version: Text,
  provider: Text.optional().nullable(),
  packager: Text.optional().nullable(),
  translations: Translations,
  objects: z.record(z.string(), z.unknown()),
});

const RELATIONSHIPS = ['equal', 'subset', 'superset', 'intersect'] as const;
const REF = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** `urn:intuitem:risk:framework:nist-csf-2.0` → namespace `intuitem`, name `nist-csf-2.0` */
function urnParts(urn: string): { ns: string; name: string } | null {
  const parts = urn.toLowerCase().split(':');
  if (parts.length < 3 || parts[0] !== 'urn') return null;
  const ns = parts[1].replace(/[^a-z0-9]/g, '');
  const name = slug(parts[parts.length - 1], 100);
  return ns && name ? { ns, name } : null;
}
export const frameworkIdOfUrn = (urn: string) => {
  const p = urnParts(urn);
  return p ? `${p.ns}:${p.name}` : null;
};
const urnTail = (urn: string) => urn.slice(urn.lastIndexOf(':') + 1);

export async function convertCisoAssistant(text: string, library: Library): Promise<Converted> {
  const lines = new LineCounter();
  const doc = parseDocument(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) {
    const errors = doc.errors.slice(0, 20).map((e) => {
      const pos = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      return { path: pos ? `regel ${pos.line}, kolom ${pos.col}` : '(bestand)', message: e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''), ...(pos ? { line: pos.line, column: pos.col } : {}) };
    });
    throw unreadable(`Het bestand is geen geldige YAML (${errors[0].path}): ${errors[0].message}.`, errors);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch {
    throw unreadable('Het YAML-bestand gebruikt te veel verwijzingen (aliassen).');
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data) || !('objects' in data)) {
    throw unreadable('Dit is geen CISO Assistant-bibliotheek: verwacht bovenaan onder meer urn, name, version en objects.', [
      { path: 'regel 1', message: 'geen "objects"', line: 1, column: 1 },
    ]);
  }
  if (nestingDepth(data, 64) > 64) throw unreadable('Het YAML-bestand is te diep genest (meer dan 64 niveaus).');
  const objects = (data as { objects: unknown }).objects;
  const hasContent = objects && typeof objects === 'object' && ('framework' in objects || 'requirement_mapping_set' in objects || 'requirement_mapping_sets' in objects);
  if (!hasContent) {
    throw unreadable('Deze CISO Assistant-bibliotheek bevat geen raamwerk (objects.framework) en geen koppeltabel (objects.requirement_mapping_set); alleen die worden geïmporteerd.', [
      { ...at(doc, lines, ['objects']), message: 'geen framework of requirement_mapping_set' },
    ]);
  }
  return new CisoConverter(doc, lines, library).convert(data);
}

/** `regel 14 (objects.framework.requirement_nodes[3].parent_urn)` for a path in the document */
function at(doc: Document, lines: LineCounter, path: Segment[]): Location {
  for (let n = path.length; n >= 0; n--) {
    const last = path[n - 1];
    const parent = n === 0 ? null : n === 1 ? doc.contents : doc.getIn(path.slice(0, n - 1), true);
    // a key's own line ("parent_urn: …"), not where its value starts
    const pair = typeof last === 'string' && isMap(parent) ? parent.items.find((i) => isScalar(i.key) && i.key.value === last) : undefined;
    const node = pair?.key ?? (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true));
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) {
      const { line, col } = lines.linePos(range[0]);
      const where = path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${p}` : p), '');
      return { path: `regel ${line}${where ? ` (${where})` : ''}`, line, column: col };
    }
  }
  return { path: '(bestand)' };
}

class CisoConverter {
  problems: ImportProblem[] = [];
  warnings: ImportProblem[] = [];
  packages: unknown[] = [];
  locators: ((path: string) => Location)[] = [];
  constructor(
    private doc: Document,
    private lines: LineCounter,
    private library: Library,
  ) {}

  at(path: Segment[]) {
    return at(this.doc, this.lines, path);
  }
  problem(path: Segment[], message: string) {
    this.problems.push({ ...this.at(path), message });
  }
  /** the text of a scalar as written: `ref_id: 5.10` stays "5.10", not the number 5.1 */
  text(path: Segment[], value: unknown): string | null {
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value.trim();
    const node = this.doc.getIn(path, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source.trim() : String(value);
  }
  zod(error: z.ZodError, base: Segment[]) {
    for (const i of error.issues.slice(0, 100)) this.problem([...base, ...(i.path as Segment[])], i.message);
  }

  async convert(data: unknown): Promise<Converted> {
    const lib = LibraryFile.safeParse(data);
    if (!lib.success) {
      this.zod(lib.error, []);
      return this.result();
    }
    const l = lib.data;
    const version = semverOf(this.text(['version'], l.version));
    if (!version) this.problem(['version'], 'versie moet een getal zijn, bijvoorbeeld 1 of 1.2.0');
    const tr = (translations: z.infer<typeof Translations>, lang: string, field: 'name' | 'description') => {
      const v = translations?.[lang]?.[field];
      return v === undefined || v === null ? null : String(v).trim() || null;
    };
    const name = this.text(['name'], l.name) ?? '';
    const locale = (l.locale ?? 'en').toLowerCase();
    const copyright = this.text(['copyright'], l.copyright);
    const provider = this.text(['provider'], l.provider) ?? this.text(['packager'], l.packager) ?? 'Onbekend (CISO Assistant)';
    const common = {
      version: version ?? '0.0.0',
      provider: clip(provider, 300),
      packager: l.packager ? clip(String(l.packager), 300) : null,
      licence: clip(copyright ?? 'onbekend: zie de bron', 300),
      attribution: copyright ? clip(copyright, 1000) : null,
    };
    const titleOf = (own: string, translations: z.infer<typeof Translations>) => {
      const nl = locale === 'nl' ? own : (tr(translations, 'nl', 'name') ?? own);
      const en = locale === 'en' ? own : tr(translations, 'en', 'name');
      return { nl: clip(nl, 300), ...(en && en !== nl ? { en: clip(en, 300) } : {}) };
    };
    const descriptionOf = (own: string | null, translations: z.infer<typeof Translations>) => {
      const d = locale === 'nl' ? own : (tr(translations, 'nl', 'description') ?? own);
      return d ? clip(d, 4000) : null;
    };
    const known = new Set(['framework', 'requirement_mapping_set', 'requirement_mapping_sets']);
    for (const key of Object.keys(l.objects)) {
      if (!known.has(key)) this.warnings.push({ ...this.at(['objects', key]), message: `objects.${key} wordt niet geïmporteerd (alleen framework en requirement_mapping_set)` });
    }

    const inFile = new Map<string, { id: string; refOf: Map<string, string> }>();
    if (l.objects.framework !== undefined) {
      const fw = this.framework(l.objects.framework, common, titleOf, descriptionOf, name, locale);
      if (fw) inFile.set(fw.urn, { id: fw.id, refOf: fw.refOf });
    }
    const sets: [unknown, Segment[]][] = [];
    if (l.objects.requirement_mapping_set !== undefined) sets.push([l.objects.requirement_mapping_set, ['objects', 'requirement_mapping_set']]);
    if (Array.isArray(l.objects.requirement_mapping_sets)) l.objects.requirement_mapping_sets.forEach((s, i) => sets.push([s, ['objects', 'requirement_mapping_sets', i]]));
    else if (l.objects.requirement_mapping_sets !== undefined) this.problem(['objects', 'requirement_mapping_sets'], 'verwacht een lijst van koppeltabellen');
    for (const [set, path] of sets) await this.mappingSet(set, path, common, titleOf, descriptionOf, name, inFile);
    return this.result();
  }

  result(): Converted {
    return {
      format: 'ciso-assistant',
      packages: this.packages,
      locate: (i, path) => this.locators[i]?.(path) ?? { path: '(bestand)' },
      problems: this.problems,
      warnings: this.warnings,
    };
  }

  framework(
    input: unknown,
    common: Record<string, unknown>,
    titleOf: (own: string, t: z.infer<typeof Translations>) => { nl: string; en?: string },
    descriptionOf: (own: string | null, t: z.infer<typeof Translations>) => string | null,
    libraryName: string,
    locale: string,
  ) {
    const base: Segment[] = ['objects', 'framework'];
    const parsed = Framework.safeParse(input);
    if (!parsed.success) {
      this.zod(parsed.error, base);
      return null;
    }
    const f = parsed.data;
    const id = frameworkIdOfUrn(f.urn);
    if (!id) this.problem([...base, 'urn'], `"${f.urn}" is geen urn van de vorm urn:<uitgever>:risk:framework:<naam>`);
    const nodePath = (i: number, field?: string): Segment[] => [...base, 'requirement_nodes', i, ...(field ? [field] : [])];
    const nodes: { ref: string; parent: string | null; title: string; assessable: boolean; status?: 'active'; description: string | null }[] = [];
    const sourceIndex: number[] = [];
    const refOf = new Map<string, string>(); // urn → ref
    const depthOf = new Map<string, number>();
    const lineOfUrn = new Map<string, string>();
    const usedRefs = new Set<string>();
    const parentUrns = new Set<string>();
    f.requirement_nodes.forEach((raw) => {
      const p = RequirementNode.safeParse(raw);
      if (p.success && p.data.parent_urn) parentUrns.add(p.data.parent_urn);
    });
    f.requirement_nodes.forEach((raw, i) => {
      const p = RequirementNode.safeParse(raw);
      if (!p.success) {
        this.zod(p.error, nodePath(i));
        return;
      }
      const n = p.data;
      if (refOf.has(n.urn)) {
        this.problem(nodePath(i, 'urn'), `urn "${n.urn}" komt al voor (${lineOfUrn.get(n.urn)})`);
        return;
      }
      const refId = this.text(nodePath(i, 'ref_id'), n.ref_id);
      const tail = urnTail(n.urn);
      // the ref must be recoverable from the urn, so that a mapping file can find it later (ADR 0011)
      const ok = (r: string | null): r is string => !!r && r.length <= 40 && REF.test(r) && !usedRefs.has(r);
      const ref = ok(refId) && refId.toLowerCase() === tail.toLowerCase() ? refId : ok(tail) ? tail : ok(refId) ? refId : null;
      if (!ref) {
        this.problem(nodePath(i, refId ? 'ref_id' : 'urn'), `geen bruikbare code: ref_id "${refId ?? ''}" en het einde van de urn "${tail}" zijn leeg, te lang, bevatten tekens buiten letters, cijfers, punt en streep, of komen al voor`);
        return;
      }
      usedRefs.add(ref);
      let parent: string | null = null;
      if (n.parent_urn) {
        parent = refOf.get(n.parent_urn) ?? null;
        if (!parent) {
          const later = f.requirement_nodes.some((x) => (x as { urn?: unknown })?.urn === n.parent_urn);
          this.problem(nodePath(i, 'parent_urn'), later ? `parent_urn "${n.parent_urn}" staat pas later in het bestand; een ouder moet eerder staan` : `onbekende parent_urn "${n.parent_urn}"`);
        }
      }
      const depth = parent ? (depthOf.get(n.parent_urn!) ?? 0) + 1 : 1;
      if (n.depth !== undefined && n.depth !== depth) {
        this.warnings.push({ ...this.at(nodePath(i, 'depth')), message: `depth ${n.depth} past niet bij de plaats onder de ouder (verwacht ${depth}); de ouder telt` });
      }
      refOf.set(n.urn, ref);
      depthOf.set(n.urn, depth);
      lineOfUrn.set(n.urn, this.at(nodePath(i)).path);
      const name = this.text(nodePath(i, 'name'), n.name);
      const description = this.text(nodePath(i, 'description'), n.description);
      const nlName = locale === 'nl' ? name : (n.translations?.nl?.name != null ? String(n.translations.nl.name) : name);
      const nlDescription = locale === 'nl' ? description : (n.translations?.nl?.description != null ? String(n.translations.nl.description) : description);
      const own = nlName || (nlDescription ? nlDescription.split('\n')[0] : null);
      const title = refId && refId !== ref ? (own ? `${refId} ${own}` : refId) : own || ref;
      const hasChildren = parentUrns.has(n.urn);
      let assessable = n.assessable ?? !hasChildren;
      if (assessable && hasChildren) {
        this.warnings.push({ ...this.at(nodePath(i, 'assessable')), message: `"${ref}" heeft onderliggende eisen en wordt daarom als kop opgenomen, niet beoordeelbaar` });
        assessable = false;
      }
      nodes.push({ ref, parent, title: clip(title, 300), assessable, ...(assessable ? { status: 'active' as const } : {}), description: nlDescription ? clip(nlDescription, 4000) : null });
      sourceIndex.push(i);
    });
    const fwName = this.text([...base, 'name'], f.name) ?? libraryName;
    this.packages.push({
      id: id ?? 'ongeldig:urn',
      kind: 'framework',
      ...common,
      name: clip(fwName, 100),
      title: titleOf(fwName, f.translations),
      language: locale,
      description: descriptionOf(this.text([...base, 'description'], f.description), f.translations),
      nodes,
    });
    const fieldOf: Record<string, string> = { ref: 'ref_id', parent: 'parent_urn', title: 'name', description: 'description', assessable: 'assessable' };
    this.locators.push((path) => {
      const [head, index, field] = path.split('.');
      if (head === 'nodes' && index !== undefined && sourceIndex[Number(index)] !== undefined) return this.at(nodePath(sourceIndex[Number(index)], field ? fieldOf[field] : undefined));
      return this.at(head === 'nodes' ? [...base, 'requirement_nodes'] : head === 'id' ? [...base, 'urn'] : [head]);
    });
    return id ? { urn: f.urn, id, refOf } : null;
  }

  async mappingSet(
    input: unknown,
    base: Segment[],
    common: Record<string, unknown>,
    titleOf: (own: string, t: z.infer<typeof Translations>) => { nl: string; en?: string },
    descriptionOf: (own: string | null, t: z.infer<typeof Translations>) => string | null,
    libraryName: string,
    inFile: Map<string, { id: string; refOf: Map<string, string> }>,
  ) {
    const parsed = MappingSet.safeParse(input);
    if (!parsed.success) {
      this.zod(parsed.error, base);
      return;
    }
    const s = parsed.data;
    const p = urnParts(s.urn);
    if (!p) this.problem([...base, 'urn'], `"${s.urn}" is geen urn van de vorm urn:<uitgever>:risk:req_mapping_set:<naam>`);
    const side = async (key: 'source_framework_urn' | 'target_framework_urn') => {
      const urn = s[key];
      const own = inFile.get(urn);
      if (own) return { id: own.id, resolve: (u: string) => own.refOf.get(u) ?? null };
      const id = frameworkIdOfUrn(urn);
      const f = id ? await this.library.framework(id) : null;
      if (!f) {
        this.problem([...base, key], `raamwerk "${urn}" staat niet in dit bestand en niet in de bibliotheek (verwacht id "${id ?? '?'}"); importeer het eerst`);
        return null;
      }
      const exact = new Set(f.nodes.map((n) => n.ref));
      const folded = new Map<string, string | null>();
      for (const n of f.nodes) {
        const k = n.ref.toLowerCase();
        folded.set(k, folded.has(k) ? null : n.ref);
      }
      return {
        id: f.id,
        resolve: (u: string) => {
          const t = urnTail(u);
          return exact.has(t) ? t : (folded.get(t.toLowerCase()) ?? null);
        },
      };
    };
    const problemsBefore = this.problems.length;
    const source = await side('source_framework_urn');
    const target = await side('target_framework_urn');
    const rows: { source: string; target: string; relationship: string; strength: number; rationale: string }[] = [];
    const rowIndex: number[] = [];
    let notRelated = 0;
    const label = this.text([...base, 'ref_id'], s.ref_id) ?? libraryName;
    s.requirement_mappings.forEach((raw, i) => {
      const path: Segment[] = [...base, 'requirement_mappings', i];
      const m = Mapping.safeParse(raw);
      if (!m.success) {
        this.zod(m.error, path);
        return;
      }
      const r = m.data;
      if (r.relationship === 'not_related') {
        notRelated++;
        return;
      }
      if (!(RELATIONSHIPS as readonly string[]).includes(r.relationship)) {
        this.problem([...path, 'relationship'], `onbekende relatie "${r.relationship}" (equal, subset, superset, intersect of not_related)`);
        return;
      }
      const from = source?.resolve(r.source_requirement_urn);
      const to = target?.resolve(r.target_requirement_urn);
      if (source && !from) this.problem([...path, 'source_requirement_urn'], `onbekende eis "${r.source_requirement_urn}" in ${source.id}`);
      if (target && !to) this.problem([...path, 'target_requirement_urn'], `onbekende eis "${r.target_requirement_urn}" in ${target.id}`);
      if (!from || !to) return;
      const strength = r.strength_of_relationship ?? (r.relationship === 'equal' ? 10 : 5);
      if (strength < 1 || strength > 10) {
        this.problem([...path, 'strength_of_relationship'], 'sterkte moet tussen 1 en 10 liggen');
        return;
      }
      const why = [this.text([...path, 'rationale'], r.rationale), this.text([...path, 'annotation'], r.annotation)].filter(Boolean).join(': ');
      rows.push({ source: from, target: to, relationship: r.relationship, strength, rationale: clip(why.length >= 3 ? why : `Overgenomen uit CISO Assistant-bibliotheek ${label}.`, 2000) });
      rowIndex.push(i);
    });
    if (notRelated) this.warnings.push({ ...this.at([...base, 'requirement_mappings']), message: `${notRelated} regel(s) met relatie not_related overgeslagen` });
    if (!source || !target) return;
    if (rows.length === 0) {
      // every row was refused (already reported) or not_related: nothing to import from this set
      if (this.problems.length === problemsBefore) this.problem([...base, 'requirement_mappings'], 'geen koppelingen om te importeren (alleen not_related)');
      return;
    }
    const setName = this.text([...base, 'name'], s.name) ?? libraryName;
    this.packages.push({
      id: p ? `${p.ns}:mapping:${p.name}` : 'ongeldig:urn',
      kind: 'mapping',
      ...common,
      title: titleOf(setName, undefined),
      description: descriptionOf(this.text([...base, 'description'], s.description), undefined),
      source: source?.id ?? frameworkIdOfUrn(s.source_framework_urn) ?? 'ongeldig:urn',
      target: target?.id ?? frameworkIdOfUrn(s.target_framework_urn) ?? 'ongeldig:urn',
      rows,
    });
    const fieldOf: Record<string, string> = { source: 'source_requirement_urn', target: 'target_requirement_urn', relationship: 'relationship', strength: 'strength_of_relationship', rationale: 'rationale' };
    this.locators.push((path) => {
      const [head, index, field] = path.split('.');
      if (head === 'rows' && index !== undefined && rowIndex[Number(index)] !== undefined) {
        return this.at([...base, 'requirement_mappings', rowIndex[Number(index)], ...(field ? [fieldOf[field] ?? field] : [])]);
      }
      if (head === 'source') return this.at([...base, 'source_framework_urn']);
      if (head === 'target') return this.at([...base, 'target_framework_urn']);
      return this.at(head === 'rows' ? [...base, 'requirement_mappings'] : base);
    });
  }
}
