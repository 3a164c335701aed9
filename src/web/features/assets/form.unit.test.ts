import { describe, expect, it } from 'vitest';
import type { Asset } from './api';
import { assetInput, assetValues, emptyAsset, hoursProblem } from './form';

const gemaal: Asset = {
  id: '6f51f25d-83fa-47cc-9ffe-290d712a2676',
  kind: 'ot',
  name: 'Gemaal Zuiderzeedijk',
  description: 'Rioolgemaal',
  owner: { id: 'b50c71f3-09a5-4aa8-91b8-e6fac4d27c20', name: 'Adviseur OOV', email: 'oov@zuidhaven.example' },
  criticality: 'vitaal',
  availability: 'hoog',
  integrity: 'hoog',
  confidentiality: 'laag',
  personalData: false,
  personalDataCategories: [],
  rtoHours: null,
  rpoHours: null,
  mtdHours: null,
  vendor: null,
  product: null,
  version: null,
  cpe: null,
  purl: null,
  otType: 'gemaal',
  remoteAccess: true,
  remoteAccessHow: '4G-modem',
  location: 'Zuidhaven',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('asset form body', () => {
  it('a new process sends its BIA figures as numbers and empties the fields of other kinds', () => {
    const values = { ...emptyAsset('proces'), name: ' Vergunningen ', rtoHours: '24', rpoHours: '', mtdHours: '72', vendor: 'left over', otType: 'brug' as const };
    const body = assetInput(values, { ownerPicker: true });
    expect(body).toMatchObject({ kind: 'proces', name: 'Vergunningen', ownerId: null, rtoHours: 24, rpoHours: null, mtdHours: 72, vendor: null, otType: null, remoteAccess: null });
    expect('location' in body).toBe(false);
  });

  it('editing sends only what changed; without the owner picker the owner is left out', () => {
    const values = { ...assetValues(gemaal), remoteAccessHow: 'VPN met MFA' };
    expect(assetInput(values, { ownerPicker: false, initial: gemaal })).toEqual({ remoteAccessHow: 'VPN met MFA' });
    expect(assetInput(assetValues(gemaal), { ownerPicker: true, initial: gemaal })).toEqual({});
  });

  it('no remote access empties "how"; no personal data empties the categories', () => {
    const values = { ...assetValues(gemaal), remoteAccess: 'false' as const, personalDataCategories: ['bsn' as const] };
    expect(assetInput(values, { ownerPicker: false, initial: gemaal })).toEqual({ remoteAccess: false, remoteAccessHow: null });
  });

  it('changing the kind clears the fields of the old kind', () => {
    const values = { ...assetValues(gemaal), kind: 'systeem' as const, vendor: 'Siemens' };
    expect(assetInput(values, { ownerPicker: false, initial: gemaal })).toEqual({ kind: 'systeem', vendor: 'Siemens', otType: null, remoteAccess: null, remoteAccessHow: null });
  });

  it('hours must be whole numbers up to 100 000', () => {
    expect(hoursProblem('')).toBeNull();
    expect(hoursProblem('48')).toBeNull();
    expect(hoursProblem('4,5')).toBe('format');
    expect(hoursProblem('-1')).toBe('format');
    expect(hoursProblem('100001')).toBe('range');
  });
});
