import { describe, expect, it } from 'vitest';
import { keyPaths, mergeTrees, RESOURCES } from './resources';

describe('translations', () => {
  it('Dutch and English have exactly the same keys, none empty', () => {
    const nl = keyPaths(RESOURCES.nl).sort();
    const en = keyPaths(RESOURCES.en).sort();
    expect(nl.filter((k) => !en.includes(k))).toEqual([]);
    expect(en.filter((k) => !nl.includes(k))).toEqual([]);
    const empty = (tree: typeof RESOURCES.nl) => keyPaths(tree).filter((k) => k.split('.').reduce<any>((t, p) => t[p], tree).trim() === '');
    expect(empty(RESOURCES.nl)).toEqual([]);
    expect(empty(RESOURCES.en)).toEqual([]);
  });

  it('a key defined twice across files is refused', () => {
    expect(() => mergeTrees({ a: { b: 'x' } }, { a: { b: 'y' } })).toThrow(/a\.b defined twice/);
    expect(mergeTrees({ a: { b: 'x' } }, { a: { c: 'y' } })).toEqual({ a: { b: 'x', c: 'y' } });
  });
});
