/** RFC 9457 problem details. Every error response of the API has this shape. */
export interface ProblemField {
  path: string;
  message: string;
}

export class HttpProblem extends Error {
  constructor(
    public readonly status: number,
    public readonly title: string,
    public readonly detail?: string,
    public readonly errors?: ProblemField[],
    public readonly headers?: Record<string, string>,
    /** RFC 9457 extension members (e.g. the list of what blocks a deletion) */
    public readonly extensions?: Record<string, unknown>,
  ) {
    super(detail ?? title);
  }
}

const TYPE_BASE = 'https://weerbaar.example/problems/';

export function problemType(status: number): string {
  const names: Record<number, string> = {
    400: 'bad-request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    409: 'conflict',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    422: 'unprocessable',
    429: 'too-many-requests',
    500: 'internal-error',
  };
  return TYPE_BASE + (names[status] ?? 'error');
}

export const notFound = (detail = 'Deze bron bestaat niet of u heeft er geen toegang toe.') =>
  new HttpProblem(404, 'Niet gevonden', detail);
export const unauthenticated = (detail = 'U bent niet ingelogd.') => new HttpProblem(401, 'Niet ingelogd', detail);
export const forbidden = (detail = 'U heeft geen rechten voor deze handeling.') =>
  new HttpProblem(403, 'Geen toegang', detail);
export const badRequest = (detail: string, errors?: ProblemField[]) =>
  new HttpProblem(400, 'Ongeldige invoer', detail, errors);
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
