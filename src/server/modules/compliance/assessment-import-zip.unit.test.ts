import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkZip } from './assessment-import-zip.js';

/** A one-entry ZIP (stored) whose central directory declares the given uncompressed size. */
function zipDeclaring(size: number) {
  const name = Buffer.from('a.txt');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(name.length, 28);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(46 + name.length, 12);
  eocd.writeUInt32LE(30 + name.length, 16);
  return Buffer.concat([local, name, central, name, eocd]);
}

describe('zip guard of the assessment import', () => {
  it('accepts a real workbook and reports its size', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Blad').addRow(['a', 1]);
    const r = checkZip(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r).toMatchObject({ ok: true });
    if (r.ok) expect(r.entries).toBeGreaterThan(3);
  });

  it('refuses what declares too much when unpacked, and what is no ZIP', () => {
    expect(checkZip(zipDeclaring(1000))).toEqual({ ok: true, entries: 1, uncompressed: 1000 });
    expect(checkZip(zipDeclaring(300 * 1024 * 1024))).toEqual({ ok: false, reason: 'uitgepakt groter dan 200 MB' });
    expect(checkZip(zipDeclaring(0xffffffff)).ok).toBe(false);
    expect(checkZip(Buffer.from('geen zip, maar wel lang genoeg om te lezen')).ok).toBe(false);
    expect(checkZip(zipDeclaring(10).subarray(0, 40)).ok).toBe(false);
  });
});
