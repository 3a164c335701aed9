import { API_BASE, ApiError, getCsrfToken } from '../../../app/api';
import type { Problem } from '../../../app/api';

/**
 * Requests the JSON client in app/api.ts does not cover: a multipart upload with progress
 * (XMLHttpRequest, whose upload.onprogress fetch does not offer) and a raw file body (XLSX, YAML,
 * JSON files) for the import previews. Both send the session's CSRF token like every other
 * state-changing request, and turn a failed answer into an ApiError carrying the problem details.
 */

export interface UploadProgress {
  loaded: number;
  total: number;
  /** 0–100, whole numbers. */
  percent: number;
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** POSTs multipart form data, reporting upload progress; resolves with the JSON answer. */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  onProgress: (progress: UploadProgress) => void,
  signal?: AbortSignal,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = getCsrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (event) => {
      if (!event.lengthComputable) return;
      onProgress({ loaded: event.loaded, total: event.total, percent: Math.min(100, Math.round((event.loaded / event.total) * 100)) });
    };
    xhr.onload = () => {
      const body = parseBody(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(body as T);
      else reject(new ApiError(xhr.status, (body as Problem | undefined) ?? { status: xhr.status, title: xhr.statusText }));
    };
    xhr.onerror = () => reject(new ApiError(0, { status: 0, title: 'network' }));
    xhr.onabort = () => reject(new DOMException('upload cancelled', 'AbortError'));
    if (signal) {
      if (signal.aborted) {
        reject(new DOMException('upload cancelled', 'AbortError'));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POSTs a file as the raw request body with its content type; resolves with the JSON answer. */
export async function postFile<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': contentType };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { status: 0, title: 'network' });
  }
  const body = parseBody(await response.text());
  if (!response.ok) throw new ApiError(response.status, (body as Problem | undefined) ?? { status: response.status, title: response.statusText });
  return body as T;
}

/** A download URL under the API (same origin, the session cookie goes along). */
export const apiUrl = (path: string) => `${API_BASE}${path}`;

/** "12,3 kB" in the interface language. */
export function formatBytes(bytes: number | null | undefined, language: string): string {
  if (bytes === null || bytes === undefined) return '';
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: digits }).format(value)} ${units[unit]}`;
}
