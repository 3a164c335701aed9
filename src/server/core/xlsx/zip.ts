/**
 * A guard against zip bombs before a workbook is unpacked: reads the ZIP central directory and adds up
 * the uncompressed sizes it declares. An XLSX is a ZIP; a 10 MB upload must not unpack into gigabytes.
 * (The inflater would still stop at the real end of the data; this refuses the declared excess early.)
 */
export const MAX_UNCOMPRESSED = 200 * 1024 * 1024;
export const MAX_ENTRIES = 10_000;

export type ZipCheck = { ok: true; entries: number; uncompressed: number } | { ok: false; reason: string };

export function checkZip(buf: Buffer, maxUncompressed = MAX_UNCOMPRESSED, maxEntries = MAX_ENTRIES): ZipCheck {
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) return { ok: false, reason: 'geen ZIP-bestand' };
  // end of central directory: 22 bytes plus a comment of at most 65535 bytes, at the end of the file
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, reason: 'ZIP-inhoudsopgave ontbreekt' };
  const entries = buf.readUInt16LE(eocd + 10);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) return { ok: false, reason: 'ZIP64 wordt niet ondersteund' };
  if (entries > maxEntries) return { ok: false, reason: `te veel onderdelen (${entries})` };
  let p = cdOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return { ok: false, reason: 'beschadigde ZIP-inhoudsopgave' };
    const size = buf.readUInt32LE(p + 24);
    if (size === 0xffffffff) return { ok: false, reason: 'ZIP64 wordt niet ondersteund' };
    total += size;
    if (total > maxUncompressed) return { ok: false, reason: `uitgepakt groter dan ${Math.round(maxUncompressed / 1024 / 1024)} MB` };
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return { ok: true, entries, uncompressed: total };
}
