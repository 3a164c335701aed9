import type { TFunction } from 'i18next';
import { isApiError } from '../app/api';

/** The message to show for a failed request: the server's `detail` when there is one. */
export function problemMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('errors.network');
    if (error.problem.detail) return error.problem.detail;
    if (error.status === 401) return t('errors.unauthorised');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
    if (error.status === 429) return t('errors.rateLimited');
    return error.problem.title ? `${error.problem.title} (${error.status})` : t('errors.generic', { status: error.status });
  }
  return t('errors.unexpected');
}

/** Field errors from a problem's `errors` array, keyed by the last segment of `path`. */
export function fieldErrors(error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!isApiError(error) || !Array.isArray(error.problem.errors)) return result;
  for (const item of error.problem.errors) {
    const key = String(item.path ?? '')
      .split(/[./]/)
      .filter(Boolean)
      .pop();
    if (key && !result[key]) result[key] = item.message;
  }
  return result;
}
