import { describe, expect, it } from 'vitest';
import { roleAllowedFor, ROLES } from './roles.js';

describe('roles', () => {
  it('analist exists only at a CSIRT; other roles everywhere', () => {
    expect(roleAllowedFor('analist', 'csirt')).toBe(true);
    expect(roleAllowedFor('analist', 'gemeente')).toBe(false);
    for (const r of ROLES.filter((x) => x !== 'analist')) expect(roleAllowedFor(r, 'gemeente')).toBe(true);
  });
});
