import { describe, expect, it } from 'vitest';
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH } from './layout';

describe('layoutGraph', () => {
  it('places what a node depends on to its right, without overlaps', () => {
    // process → application → supplier, and a second process on the same application
    const positions = layoutGraph(
      ['p1', 'p2', 'app', 'sup'],
      [
        { source: 'p1', target: 'app' },
        { source: 'p2', target: 'app' },
        { source: 'app', target: 'sup' },
      ],
    );
    expect(positions.size).toBe(4);
    const at = (id: string) => positions.get(id)!;
    expect(at('p1').x).toBeLessThan(at('app').x);
    expect(at('app').x).toBeLessThan(at('sup').x);
    expect(at('p1').x).toBe(at('p2').x);
    // the two processes share a layer and do not overlap
    expect(Math.abs(at('p1').y - at('p2').y)).toBeGreaterThanOrEqual(NODE_HEIGHT);
    expect(at('app').x - at('p1').x).toBeGreaterThanOrEqual(NODE_WIDTH);
  });

  it('terminates on a cycle and ignores edges to unknown nodes', () => {
    const positions = layoutGraph(
      ['a', 'b', 'c'],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'c' },
        { source: 'c', target: 'a' },
        { source: 'a', target: 'nowhere' },
        { source: 'a', target: 'a' },
      ],
    );
    expect([...positions.keys()].sort()).toEqual(['a', 'b', 'c']);
    for (const p of positions.values()) {
      expect(Number.isFinite(p.x)).toBe(true);
      expect(Number.isFinite(p.y)).toBe(true);
    }
  });

  it('lays out top to bottom when asked', () => {
    const positions = layoutGraph(['top', 'bottom'], [{ source: 'top', target: 'bottom' }], 'TB');
    expect(positions.get('top')!.y).toBeLessThan(positions.get('bottom')!.y);
    expect(positions.get('top')!.x).toBe(positions.get('bottom')!.x);
  });
});
