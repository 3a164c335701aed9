import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import type { FileStorage, StagedContent } from '../../core/storage/index.js';
import { tooLarge } from '../../core/storage/file-storage.js';
import { HttpProblem, badRequest } from '../../core/http/problem.js';
import { UploadFields } from './evidence-schemas.js';

export const MULTIPART_LIMITS = {
  files: 1,
  fields: 10,
  parts: 12,
  fieldSize: 64 * 1024,
  fieldNameSize: 100,
  headerPairs: 100,
} as const;

/** A file name that is safe to show and to send back in content-disposition: no path, no control or bidi characters. */
export function sanitiseFileName(name: string | undefined | null): string {
  let n = String(name ?? '').normalize('NFC');
  n = n.split(/[\\/]/).pop() ?? '';
  n = n
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (n.length > 200) {
    const dot = n.lastIndexOf('.');
    const ext = dot > 0 && n.length - dot <= 12 ? n.slice(dot) : '';
    n = n.slice(0, 200 - ext.length).trimEnd() + ext;
  }
  return n || 'bestand';
}

/** type/subtype as sent, lower-cased and without parameters; anything odd becomes application/octet-stream. */
export function sanitiseMediaType(type: string | undefined | null): string {
  const t = String(type ?? '').split(';')[0].trim().toLowerCase();
  return /^[a-z0-9][a-z0-9!#$&^_.+-]{0,62}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,62}$/.test(t) ? t : 'application/octet-stream';
}

/** attachment, with an ASCII fallback name and the exact name in RFC 5987 form. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const exact = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${exact}`;
}

export interface ReceivedUpload {
  staged: StagedContent;
  fileName: string;
  mediaType: string;
  fields: z.output<typeof UploadFields>;
}

async function drain(stream: Readable) {
  try {
    for await (const _ of stream) {
      /* discard */
    }
  } catch {
    /* a broken part ends the request anyway */
  }
}

function multipartProblem(err: any): unknown {
  switch (err?.code) {
    case 'FST_FILES_LIMIT':
      return badRequest('Stuur één bestand per verzoek.', [{ path: 'body.file', message: 'meer dan één bestand' }]);
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return badRequest('Het formulier heeft te veel velden.');
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return badRequest('Het formulier bevat een ongeldig veld.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return new HttpProblem(415, 'Verkeerd formaat', 'Stuur het bestand als multipart/form-data met het veld file.');
    default:
      if (err?.code === 'FST_REQ_FILE_TOO_LARGE') return err;
      if (err instanceof Error && /multipart|boundary|terminated early|premature/i.test(err.message)) {
        return badRequest('Het formulier is onvolledig of beschadigd aangekomen. Probeer het opnieuw.');
      }
      return err;
  }
}

/**
 * Reads a multipart upload outside any transaction: text fields, and the one file (field `file`)
 * streamed into the storage while it is hashed. Whatever goes wrong, nothing stays behind and the
 * request body is read to its end (so the client gets the answer, not a broken connection).
 */
export async function receiveUpload(request: FastifyRequest, storage: FileStorage, maxBytes: number): Promise<ReceivedUpload> {
  if (!request.isMultipart()) throw new HttpProblem(415, 'Verkeerd formaat', 'Stuur het bestand als multipart/form-data met het veld file.');
  const fields: Record<string, string> = {};
  let staged: StagedContent | null = null;
  let fileName = '';
  let mediaType = '';
  let problem: unknown = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' || staged || problem) {
          await drain(part.file);
          problem ??= badRequest(`Onbekend bestandsveld ${part.fieldname}; stuur het bestand in het veld file.`, [{ path: `body.${part.fieldname}`, message: 'onbekend veld' }]);
          continue;
        }
        try {
          staged = await storage.stage(part.file, maxBytes);
        } catch (err) {
          problem = err;
          await drain(part.file);
          continue;
        }
        if (part.file.truncated) {
          await staged.finish(false);
          staged = null;
          problem = tooLarge(maxBytes);
          continue;
        }
        fileName = part.filename;
        mediaType = part.mimetype;
      } else {
        const name = part.fieldname;
        if (part.valueTruncated || part.fieldnameTruncated) problem ??= badRequest(`Het veld ${name} is te lang.`, [{ path: `body.${name}`, message: 'te lang' }]);
        else if (name in fields) problem ??= badRequest(`Het veld ${name} staat er twee keer in.`, [{ path: `body.${name}`, message: 'dubbel' }]);
        else fields[name] = String(part.value);
      }
    }
  } catch (err) {
    problem ??= multipartProblem(err);
  }
  if (problem) {
    await staged?.finish(false);
    throw problem;
  }
  if (!staged) throw badRequest('Voeg een bestand toe in het veld file.', [{ path: 'body.file', message: 'verplicht' }]);
  // an empty form field means "not given", as browsers send them
  const given = Object.fromEntries(Object.entries(fields).filter(([, v]) => v.trim() !== ''));
  const parsed = UploadFields.safeParse(given);
  if (!parsed.success) {
    await staged.finish(false);
    const errors = parsed.error.issues.map((i) => ({
      path: ['body', ...i.path.map(String)].join('.'),
      message: i.code === 'unrecognized_keys' ? `onbekend veld: ${(i as { keys: string[] }).keys.join(', ')}` : i.message,
    }));
    throw badRequest(`De invoer klopt niet: ${errors.map((e) => `${e.path} (${e.message})`).join('; ')}.`, errors);
  }
  return { staged, fileName: sanitiseFileName(fileName), mediaType: sanitiseMediaType(mediaType), fields: parsed.data };
}
