import { describe, expect, it } from 'vitest';
import { canonical, diff, eventHash } from './audit.js';

describe('audit helpers', () => {
  it('canonical JSON sorts keys at every depth', () => {
    expect(canonical({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}');
  });
  it('diff lists only changed fields, dates as ISO, secrets without values', () => {
    const d = new Date('2026-01-02T03:04:05.000Z');
    expect(diff({ name: 'a', same: 1, at: null, clientSecret: 'x' }, { name: 'b', same: 1, at: d, clientSecret: 'y' })).toEqual({
      name: { before: 'a', after: 'b' },
      at: { before: null, after: '2026-01-02T03:04:05.000Z' },
      clientSecret: { before: null, after: null, redacted: true },
    });
    expect(diff(null, { roles: ['admin'] })).toEqual({ roles: { before: null, after: ['admin'] } });
  });
  it('the hash covers every field and the previous hash', () => {
    const base = {
      chain: 'c', seq: 1, occurredAt: new Date(0), actorType: 'user', actorId: null, actorLabel: 'a',
      organisationId: null, entityType: 'x', entityId: '1', action: 'create', changes: { a: { before: null, after: 1 } }, requestId: null, prevHash: 'genesis',
    };
    const h = eventHash(base);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...base, changes: { a: { after: 1, before: null } } })).toBe(h);
    for (const change of [{ seq: 2 }, { action: 'delete' }, { prevHash: 'other' }, { occurredAt: new Date(1) }, { actorLabel: 'b' }]) {
      expect(eventHash({ ...base, ...change })).not.toBe(h);
    }
  });
});
