import { describe, expect, it } from 'vitest';
import { acrossPath, cascadePath, formatNodeParam, parseHours, parseNodeParam } from './paths';

const ID = '0b8f3c1e-8a5d-4c2e-9f1a-3d2b1c0a9e8f';

describe('node parameter', () => {
  it('reads type:id and writes it back', () => {
    expect(parseNodeParam(`supplier:${ID}`)).toEqual({ type: 'supplier', id: ID });
    expect(parseNodeParam(`joint_arrangement:${ID.toUpperCase()}`)).toEqual({ type: 'joint_arrangement', id: ID });
    expect(formatNodeParam({ type: 'asset', id: ID })).toBe(`asset:${ID}`);
  });

  it('refuses anything else', () => {
    for (const value of [null, '', ID, `gemeente:${ID}`, 'asset:123', `asset:${ID}x`, `asset:${ID}:x`]) expect(parseNodeParam(value)).toBeNull();
  });
});

describe('hours', () => {
  it('accepts 0 to 100 000, with a decimal point or comma', () => {
    expect(parseHours('48')).toBe(48);
    expect(parseHours(' 0 ')).toBe(0);
    expect(parseHours('1,5')).toBe(1.5);
    expect(parseHours('100000')).toBe(100_000);
  });

  it('refuses negative, too large and non-numbers', () => {
    for (const value of [null, '', '-1', '100001', 'abc', '1e3', '4 8']) expect(parseHours(value)).toBeNull();
  });
});

describe('page paths', () => {
  it('carries the node and hours in the query', () => {
    expect(cascadePath('zuidhaven', { type: 'supplier', id: ID }, 48)).toBe(`/o/zuidhaven/assets/cascade?node=supplier%3A${ID}&hours=48`);
    expect(cascadePath('zuidhaven')).toBe('/o/zuidhaven/assets/cascade');
    expect(acrossPath('csirt-gemeenten', '80412375', 12)).toBe('/o/csirt-gemeenten/assets/across?kvk=80412375&hours=12');
  });
});
