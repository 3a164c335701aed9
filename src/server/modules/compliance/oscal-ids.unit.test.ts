import { describe, expect, it } from 'vitest';
import { OSCAL_TOKEN, oscalToken, uuidV5 } from './oscal-ids.js';

describe('OSCAL identifiers', () => {
  it('derives RFC 9562 version 5 UUIDs (known vector) that are stable', () => {
    // the DNS namespace example from RFC 9562 / Python's uuid.uuid5(NAMESPACE_DNS, 'www.example.com')
    expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('2025:abc')).toBe(uuidV5('2025:abc'));
    expect(uuidV5('2025:abc')).not.toBe(uuidV5('2026:abc'));
    expect(uuidV5('x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('normalises requirement refs to OSCAL tokens', () => {
    expect(oscalToken('5.15.01')).toBe('req-5.15.01');
    expect(oscalToken('21.2.a')).toBe('req-21.2.a');
    expect(oscalToken('A.5.1')).toBe('A.5.1');
    expect(oscalToken('Art. 32 (1) b')).toBe('Art.-32-1-b');
    expect(oscalToken(' ë-1 ')).toBe('ë-1');
    for (const r of ['5.15.01', 'Art. 32 (1) b', '__x', '-x', '1']) expect(oscalToken(r)).toMatch(OSCAL_TOKEN);
  });
});
