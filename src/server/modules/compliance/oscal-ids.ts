import crypto from 'node:crypto';

/** Our namespace for name-based (v5) UUIDs in OSCAL documents. Never change it: the UUIDs must stay stable. */
export const OSCAL_NAMESPACE = '8d3f1c52-5b0e-4c1a-9a57-2f6e0b7d4e21';
/** Namespace of our own OSCAL props. */
export const OSCAL_NS = 'https://weerbaar.example/ns/oscal';

/** RFC 9562 version 5 UUID (SHA-1 of namespace + name): the same name always gives the same UUID. */
export function uuidV5(name: string, namespace = OSCAL_NAMESPACE): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const h = crypto.createHash('sha1').update(ns).update(name, 'utf8').digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** OSCAL token: starts with a letter or underscore, then letters, digits, '.', '-', '_'. */
export const OSCAL_TOKEN = /^(\p{L}|_)(\p{L}|\p{N}|[.\-_])*$/u;

/**
 * A requirement ref as an OSCAL control-id: other characters become '-', and a ref that starts with a
 * digit (BIO2 "5.15.01", NIS2 "21.2.a") gets the prefix "req-". "A.5.1" stays "A.5.1".
 */
export function oscalToken(ref: string): string {
  let t = ref
    .normalize('NFC')
    .trim()
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^(\p{L}|_)/u.test(t)) t = `req-${t}`;
  return t;
}
