import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readThreatCatalog, THREAT_CATEGORIES, THREATS_FILE } from './load-threats';
import { addYears } from './acceptance';

describe('threat catalog', () => {
  it('is valid, in our own Dutch and English wording, covering every category', () => {
    const c = readThreatCatalog();
    expect(c.threats.length).toBeGreaterThanOrEqual(25);
    expect(new Set(c.threats.map((t) => t.category))).toEqual(new Set(THREAT_CATEGORIES));
    for (const t of c.threats) {
      expect(t.name.nl, t.id).not.toBe(t.name.en);
      expect(t.description.length, t.id).toBeGreaterThan(30);
    }
  });

  it('is formatted like the other packages (2 spaces, final newline)', () => {
    const text = fs.readFileSync(THREATS_FILE, 'utf8');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
  });
});

describe('acceptance period', () => {
  it('adds whole years, 29 February becomes 28 February', () => {
    expect(addYears('2026-11-23', 3)).toBe('2029-11-23');
    expect(addYears('2028-02-29', 3)).toBe('2031-02-28');
    expect(addYears('2028-02-29', 4)).toBe('2032-02-29');
  });
});
