import nl from './nl.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

/** Deep-merges translation trees; a key defined twice is a mistake and throws. */
export function mergeTrees(target: Tree, source: Tree, where = ''): Tree {
  for (const [key, value] of Object.entries(source)) {
    const at = where ? `${where}.${key}` : key;
    const existing = target[key];
    if (existing === undefined) target[key] = typeof value === 'string' ? value : mergeTrees({}, value, at);
    else if (typeof existing === 'string' || typeof value === 'string') throw new Error(`translation key ${at} defined twice`);
    else mergeTrees(existing, value, at);
  }
  return target;
}

/**
 * The main catalogues plus per-feature ones (src/web/features/<f>/locales/<name>.<lang>.json), so a
 * feature keeps its own texts beside its code.
 */
const featureFiles = import.meta.glob<Tree>('../features/*/locales/*.json', { eager: true, import: 'default' });

function build(language: 'nl' | 'en', base: Tree): Tree {
  const tree = mergeTrees({}, base);
  for (const [file, content] of Object.entries(featureFiles)) {
    if (file.endsWith(`.${language}.json`)) mergeTrees(tree, content, file);
  }
  return tree;
}

export const RESOURCES = { nl: build('nl', nl as Tree), en: build('en', en as Tree) };

/** Every key path of a tree, for completeness checks. */
export function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keyPaths(v, `${prefix}${k}.`)));
}
