import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Validates every content package in catalogs/ (frameworks) and catalogs/mappings/ (mappings).
// Format and licence position: catalogs/README.md.

interface LocalText {
  nl: string;
  en: string;
}

interface CatalogNode {
  ref: string;
  parent: string | null;
  title: string;
  assessable: boolean;
  status?: 'active' | 'removed' | 'moved';
  replacedBy?: string | null;
  isoControl?: string;
  cbwScope?: boolean;
  legalReference?: string | null;
  description?: string | null;
}

interface FrameworkPackage {
  id: string;
  kind: 'framework' | 'procurement';
  version: string;
  name: string;
  title: LocalText;
  provider: string;
  packager: string;
  licence: string;
  licenceNote?: string;
  attribution: string | null;
  language: string;
  description: string;
  isoControlsWithoutMeasure?: string[];
  isoControlsOutsideCbwScope?: string[];
  nodes: CatalogNode[];
}

interface MappingRow {
  source: string;
  target: string;
  relationship: string;
  strength: number;
  rationale: string;
}

interface MappingPackage {
  id: string;
  kind: 'mapping';
  version: string;
  title: LocalText;
  provider: string;
  licence: string;
  attribution: string | null;
  source: string;
  target: string;
  description: string;
  rows: MappingRow[];
}

const root = new URL('.', import.meta.url);
const jsonFiles = (dir: URL): string[] =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
const read = <T>(url: URL): T => JSON.parse(readFileSync(url, 'utf8')) as T;

const frameworkFiles = jsonFiles(root);
const mappingFiles = jsonFiles(new URL('mappings/', root));
const frameworks = new Map<string, FrameworkPackage>();
for (const f of frameworkFiles) {
  const pkg = read<FrameworkPackage>(new URL(f, root));
  frameworks.set(pkg.id, pkg);
}
const mappings = mappingFiles.map((f) => ({ file: f, pkg: read<MappingPackage>(new URL(`mappings/${f}`, root)) }));
const procurementFiles = jsonFiles(new URL('procurement/', root));
const procurementSets = procurementFiles.map((f) => ({ file: f, pkg: read<FrameworkPackage>(new URL(`procurement/${f}`, root)) }));

const SEMVER = /^\d+\.\d+\.\d+$/;
const STATUSES = ['active', 'removed', 'moved'];
const RELATIONSHIPS = ['equal', 'subset', 'superset', 'intersect'];
const BIO2_MEASURE = /^[5-8]\.\d{2}\.\d{2}$/;
const nonEmpty = (s: unknown): boolean => typeof s === 'string' && s.trim().length > 0;

const bio2 = (): FrameworkPackage => {
  const p = frameworks.get('weerbaar:bio2');
  if (!p) throw new Error('bio2.json missing');
  return p;
};
const refsOf = (p: FrameworkPackage): Set<string> => new Set(p.nodes.map((n) => n.ref));
// "weerbaar:bio2@1.2" names an earlier version of a package that is not shipped separately.
const baseId = (id: string): string => id.split('@')[0];

describe('catalog files', () => {
  it('finds the expected packages', () => {
    expect(frameworkFiles).toEqual(['avg.json', 'bio2.json', 'cbw-nis2.json', 'iso27001-annex-a.json']);
    expect(mappingFiles).toEqual(['bio2-cbw.json', 'bio2-v1.2-v1.3.json']);
    expect(procurementFiles).toEqual(['inkoopeisen-informatiebeveiliging.json']);
  });

  it('package ids are unique across all packages', () => {
    const ids = [...frameworks.keys(), ...mappings.map((m) => m.pkg.id), ...procurementSets.map((p) => p.pkg.id)];
    expect(new Set(ids).size).toBe(frameworkFiles.length + mappingFiles.length + procurementFiles.length);
    for (const id of ids) expect(id).toMatch(/^weerbaar:[a-z0-9:.-]+$/);
  });

  it('files are UTF-8 JSON with 2-space indentation and a final newline', () => {
    const all = [
      ...frameworkFiles.map((f) => new URL(f, root)),
      ...mappingFiles.map((f) => new URL(`mappings/${f}`, root)),
      ...procurementFiles.map((f) => new URL(`procurement/${f}`, root)),
    ];
    for (const url of all) {
      const text = readFileSync(url, 'utf8');
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
  });
});

describe.each([...frameworkFiles, ...procurementFiles.map((f) => `procurement/${f}`)])('framework package %s', (file) => {
  const pkg = read<FrameworkPackage>(new URL(file, root));

  it('has the required package fields', () => {
    expect(pkg.kind).toBe(file.startsWith('procurement/') ? 'procurement' : 'framework');
    expect(pkg.version).toMatch(SEMVER);
    for (const k of ['id', 'name', 'provider', 'packager', 'licence', 'language', 'description'] as const)
      expect(nonEmpty(pkg[k]), k).toBe(true);
    expect(nonEmpty(pkg.title?.nl) && nonEmpty(pkg.title?.en)).toBe(true);
    expect(pkg.packager).toBe('Weerbaar');
    expect(pkg.attribution === null || nonEmpty(pkg.attribution)).toBe(true);
    expect(Array.isArray(pkg.nodes) && pkg.nodes.length > 0).toBe(true);
  });

  it('has unique refs and every parent is an earlier node', () => {
    const seen = new Set<string>();
    for (const n of pkg.nodes) {
      expect(nonEmpty(n.ref), 'ref').toBe(true);
      expect(seen.has(n.ref), `duplicate ref ${n.ref}`).toBe(false);
      if (n.parent !== null) expect(seen.has(n.parent), `parent ${n.parent} of ${n.ref} must come earlier`).toBe(true);
      seen.add(n.ref);
    }
  });

  it('assessable nodes are exactly the leaves', () => {
    const parents = new Set(pkg.nodes.map((n) => n.parent).filter((p): p is string => p !== null));
    for (const n of pkg.nodes) {
      expect(typeof n.assessable, n.ref).toBe('boolean');
      expect(n.assessable, `${n.ref}: leaf <=> assessable`).toBe(!parents.has(n.ref));
    }
  });

  it('every node has a title and assessable nodes have a valid status', () => {
    const refs = refsOf(pkg);
    for (const n of pkg.nodes) {
      expect(nonEmpty(n.title), n.ref).toBe(true);
      if (!n.assessable) continue;
      expect(STATUSES, n.ref).toContain(n.status);
      if (n.status === 'moved') {
        expect(nonEmpty(n.replacedBy), `${n.ref} moved without replacedBy`).toBe(true);
        expect(refs.has(n.replacedBy as string), `${n.ref} replacedBy ${n.replacedBy} missing`).toBe(true);
        const target = pkg.nodes.find((m) => m.ref === n.replacedBy);
        expect(target?.status, `${n.ref} must move to an active node`).toBe('active');
      } else {
        expect(n.replacedBy ?? null, n.ref).toBeNull();
      }
    }
  });
});

describe('BIO2 v1.3', () => {
  const pkg = bio2();
  const iso = frameworks.get('weerbaar:iso27001-annex-a');
  const measures = pkg.nodes.filter((n) => n.assessable);
  const count = (status: string) => measures.filter((n) => n.status === status).length;

  it('has the four themes as roots and measures under their ISO control group', () => {
    expect(pkg.nodes.filter((n) => n.parent === null).map((n) => n.ref)).toEqual(['5', '6', '7', '8']);
    for (const n of pkg.nodes.filter((x) => !x.assessable && x.parent !== null)) {
      expect(n.ref).toMatch(/^[5-8]\.\d{2}$/);
      expect(n.parent).toBe(n.ref.split('.')[0]);
    }
    for (const m of measures) {
      expect(m.ref).toMatch(BIO2_MEASURE);
      expect(m.parent).toBe(m.ref.slice(0, 4));
    }
  });

  it('counts 117 active, 4 removed and 5 moved measures', () => {
    expect(count('active')).toBe(117);
    expect(measures.filter((n) => n.status === 'removed').map((n) => n.ref)).toEqual(['5.21.01', '5.35.01', '7.01.01', '8.24.03']);
    expect(Object.fromEntries(measures.filter((n) => n.status === 'moved').map((n) => [n.ref, n.replacedBy]))).toEqual({
      '5.04.02': '5.10.02',
      '5.04.03': '5.10.03',
      '5.24.06': '5.21.05',
      '5.25.01': '5.26.02',
      '8.08.06': '5.24.08',
    });
    expect(measures.find((n) => n.ref === '5.24.08')?.status).toBe('active');
  });

  it('isoControl matches the measure number and exists in ISO/IEC 27001 Annex A', () => {
    const isoRefs = iso ? refsOf(iso) : new Set<string>();
    for (const m of measures) {
      const [theme, control] = m.ref.split('.');
      expect(m.isoControl, m.ref).toBe(`${theme}.${Number(control)}`);
      expect(isoRefs.has(m.isoControl as string), `${m.ref} isoControl ${m.isoControl}`).toBe(true);
    }
  });

  it('flags only the controls outside Cbw scope (5.32, 5.33, 5.34)', () => {
    expect(pkg.isoControlsOutsideCbwScope).toEqual(['5.32', '5.33', '5.34']);
    for (const m of measures) {
      expect(typeof m.cbwScope, m.ref).toBe('boolean');
      expect(m.cbwScope, m.ref).toBe(!pkg.isoControlsOutsideCbwScope?.includes(m.isoControl as string));
    }
    expect(measures.filter((m) => m.cbwScope === false).map((m) => m.ref)).toEqual(['5.33.01']);
  });

  it('controls without a government measure complete the 93 ISO controls', () => {
    const withActive = new Set(measures.filter((m) => m.status === 'active').map((m) => m.isoControl as string));
    const without = pkg.isoControlsWithoutMeasure ?? [];
    expect(without.length).toBe(39);
    for (const c of without) expect(withActive.has(c), c).toBe(false);
    expect(withActive.size + without.length).toBe(93);
  });

  it('titles are short own wording, not measure text', () => {
    for (const n of pkg.nodes) {
      expect(n.title.length, n.ref).toBeLessThanOrEqual(90);
      expect(n.title, n.ref).not.toMatch(/geen overheidsmaatregel/i);
    }
  });
});

describe('Cbw/NIS2', () => {
  const pkg = frameworks.get('weerbaar:cbw-nis2');

  it('holds art. 20, the ten measures of art. 21(2) and the art. 23 reporting steps', () => {
    const assessable = pkg?.nodes.filter((n) => n.assessable).map((n) => n.ref);
    expect(assessable).toEqual([
      '20.1',
      '20.2',
      ...'abcdefghij'.split('').map((l) => `21.2.${l}`),
      '23.1',
      '23.2',
      '23.4.a',
      '23.4.b',
      '23.4.d',
    ]);
    for (const n of pkg?.nodes.filter((x) => x.assessable) ?? []) {
      expect(n.legalReference, n.ref).toMatch(/^NIS2 art\. \d+ lid \d+/);
      expect(n.legalReference, n.ref).toMatch(/Cyberbeveiligingswet \(/);
      // no guessed Cbw article numbers
      expect(n.legalReference, n.ref).not.toMatch(/Cbw art|Cyberbeveiligingswet art/i);
    }
  });
});

describe('AVG', () => {
  it('references an AVG article on every assessable node', () => {
    const pkg = frameworks.get('weerbaar:avg');
    for (const n of pkg?.nodes.filter((x) => x.assessable) ?? []) expect(n.legalReference, n.ref).toMatch(/^AVG art\. \d+ lid \d+/);
    expect(pkg?.nodes.filter((x) => x.assessable).map((n) => n.ref)).toEqual(
      expect.arrayContaining(['32.1.a', '32.1.b', '32.1.c', '32.1.d', '32.2', '32.4', '33.1', '33.2', '33.5', '34.1']),
    );
  });
});

describe('ISO/IEC 27001:2022 Annex A', () => {
  const pkg = frameworks.get('weerbaar:iso27001-annex-a');

  it('has 4 themes and 93 controls, numbered 5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34', () => {
    const controls = pkg?.nodes.filter((n) => n.assessable).map((n) => n.ref) ?? [];
    expect(pkg?.nodes.filter((n) => !n.assessable).map((n) => n.ref)).toEqual(['5', '6', '7', '8']);
    const expected = ([['5', 37], ['6', 8], ['7', 14], ['8', 34]] as const).flatMap(([t, c]) =>
      Array.from({ length: c }, (_, i) => `${t}.${i + 1}`),
    );
    expect(controls).toEqual(expected);
  });

  it('contains no ISO titles or text: every title is the number itself', () => {
    for (const n of pkg?.nodes ?? []) {
      expect(n.title, n.ref).toMatch(/^A\.\d+(\.\d+)?$/);
      expect(n.title).toBe(`A.${n.ref}`);
      expect(n.description ?? null, n.ref).toBeNull();
    }
  });
});

describe.each(mappingFiles)('mapping package %s', (file) => {
  const pkg = read<MappingPackage>(new URL(`mappings/${file}`, root));
  const target = frameworks.get(pkg.target);
  const source = frameworks.get(pkg.source);
  const isTransition = pkg.source !== pkg.target && baseId(pkg.source) === pkg.target;

  it('has the required package fields', () => {
    expect(pkg.kind).toBe('mapping');
    expect(pkg.version).toMatch(SEMVER);
    for (const k of ['id', 'provider', 'licence', 'source', 'target', 'description'] as const) expect(nonEmpty(pkg[k]), k).toBe(true);
    expect(nonEmpty(pkg.title?.nl) && nonEmpty(pkg.title?.en)).toBe(true);
    expect(pkg.attribution === null || nonEmpty(pkg.attribution)).toBe(true);
    expect(target, `target package ${pkg.target}`).toBeDefined();
    if (!isTransition) expect(source, `source package ${pkg.source}`).toBeDefined();
    expect(pkg.rows.length).toBeGreaterThan(0);
  });

  it('rows are valid and refer to existing nodes', () => {
    const targetRefs = target ? refsOf(target) : new Set<string>();
    const sourceRefs = source ? refsOf(source) : new Set<string>();
    const pairs = new Set<string>();
    for (const r of pkg.rows) {
      const label = `${r.source} -> ${r.target}`;
      expect(RELATIONSHIPS, label).toContain(r.relationship);
      expect(Number.isInteger(r.strength) && r.strength >= 1 && r.strength <= 10, label).toBe(true);
      expect(nonEmpty(r.rationale), label).toBe(true);
      expect(pairs.has(label), `duplicate row ${label}`).toBe(false);
      pairs.add(label);
      expect(targetRefs.has(r.target), `unknown target ${r.target}`).toBe(true);
      if (isTransition) expect(r.source).toMatch(BIO2_MEASURE);
      else expect(sourceRefs.has(r.source), `unknown source ${r.source}`).toBe(true);
      // mappings only point at assessable, active requirements
      const t = target?.nodes.find((n) => n.ref === r.target);
      expect(t?.assessable && t.status === 'active', `${label}: target must be an active requirement`).toBe(true);
      if (!isTransition) {
        const s = source?.nodes.find((n) => n.ref === r.source);
        expect(s?.assessable && s.status === 'active', `${label}: source must be an active requirement`).toBe(true);
      }
      if (r.relationship === 'equal' && isTransition) expect(r.strength, label).toBe(10);
    }
  });
});

describe('BIO2 v1.2 -> v1.3 transition', () => {
  it('maps every moved measure to its new number as equal, strength 10', () => {
    const t = mappings.find((m) => m.pkg.id === 'weerbaar:mapping:bio2-v1.2-v1.3')?.pkg;
    expect(t?.source).toBe('weerbaar:bio2@1.2');
    for (const n of bio2().nodes.filter((x) => x.status === 'moved'))
      expect(t?.rows).toContainEqual(expect.objectContaining({ source: n.ref, target: n.replacedBy, relationship: 'equal', strength: 10 }));
    for (const removed of ['5.21.01', '5.35.01', '7.01.01', '8.24.03']) expect(t?.description).toContain(removed);
  });
});

describe('BIO2 -> Cbw/NIS2 mapping', () => {
  const m = mappings.find((x) => x.pkg.id === 'weerbaar:mapping:bio2-cbw')?.pkg;

  it('gives each of NIS2 art. 21(2) a–j at least two rows, without mapping everything to everything', () => {
    for (const l of 'abcdefghij') {
      const n = m?.rows.filter((r) => r.target === `21.2.${l}`).length ?? 0;
      expect(n, `21.2.${l}`).toBeGreaterThanOrEqual(2);
    }
    expect(m?.rows.length).toBeGreaterThanOrEqual(60);
    expect(m?.rows.length).toBeLessThanOrEqual(120);
    // no BIO2 measure is claimed for more than two of the ten art. 21(2) measures
    const perSource = new Map<string, number>();
    for (const r of m?.rows ?? []) if (r.target.startsWith('21.')) perSource.set(r.source, (perSource.get(r.source) ?? 0) + 1);
    for (const [s, n] of perSource) expect(n, s).toBeLessThanOrEqual(2);
  });
});

describe('procurement requirement sets', () => {
  it.each(procurementSets)('$file: chapters are roots, requirements their leaves, active, with own wording', ({ pkg }) => {
    const roots = pkg.nodes.filter((n) => n.parent === null);
    expect(roots.every((n) => !n.assessable)).toBe(true);
    const leaves = pkg.nodes.filter((n) => n.parent !== null);
    expect(leaves.every((n) => n.assessable && n.status === 'active' && roots.some((r) => r.ref === n.parent))).toBe(true);
    expect(leaves.length).toBeGreaterThanOrEqual(30);
    expect(leaves.length).toBeLessThanOrEqual(40);
    for (const n of pkg.nodes) {
      expect(n.isoControl, n.ref).toBeUndefined();
      expect(n.cbwScope, n.ref).toBeUndefined();
      expect(n.title.length, n.ref).toBeLessThanOrEqual(120);
    }
  });

  it('covers the agreed chapters', () => {
    const set = procurementSets.find((p) => p.pkg.id === 'weerbaar:inkoopeisen-informatiebeveiliging')?.pkg;
    const chapters = set?.nodes.filter((n) => n.parent === null).map((n) => n.title.toLowerCase()) ?? [];
    for (const word of ['informatiebeveiliging', 'privacy', 'continuïteit', 'beveiliging van de dienst', 'incidenten', 'hosting']) {
      expect(chapters.some((c) => c.includes(word)), word).toBe(true);
    }
  });
});
