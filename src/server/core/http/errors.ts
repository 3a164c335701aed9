import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HttpProblem, problemType, type ProblemField } from './problem.js';

function send(reply: FastifyReply, request: FastifyRequest, status: number, title: string, detail?: string, errors?: ProblemField[], extensions?: Record<string, unknown>) {
  return reply
    .code(status)
    .type('application/problem+json')
    .send({ ...extensions, type: problemType(status), title, status, ...(detail ? { detail } : {}), instance: request.url.split('?')[0], ...(errors ? { errors } : {}) });
}

const LOCATION: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'header' };

/** Everything that goes wrong becomes RFC 9457 problem details; a stack trace never leaves the server. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  try {
    return handle(error, request, reply);
  } catch (err) {
    request.log.error({ err, original: error }, 'error handler failed');
    return send(reply, request, 500, 'Interne fout', 'Er ging iets mis aan onze kant. Het is gelogd; probeer het later opnieuw.');
  }
}

function handle(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpProblem) {
    if (error.headers) reply.headers(error.headers);
    return send(reply, request, error.status, error.title, error.detail, error.errors, error.extensions);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = LOCATION[(error as any).validationContext] ?? 'body';
    const errors = error.validation.map((v) => {
      const segments = v.instancePath.split('/').filter(Boolean);
      const path = [where, ...segments].join('.');
      const keys = (v.params as { keys?: string[] }).keys;
      const message = v.keyword === 'unrecognized_keys' ? `onbekend veld: ${(keys ?? []).join(', ')}` : (v.message ?? 'ongeldig');
      return { path, message };
    });
    return send(reply, request, 400, 'Ongeldige invoer', `De invoer klopt niet: ${errors.map((e) => `${e.path} (${e.message})`).join('; ')}.`, errors);
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause?.issues }, 'response does not match its schema');
    return send(reply, request, 500, 'Interne fout', 'Er ging iets mis aan onze kant. Het is gelogd; probeer het later opnieuw.');
  }
  const code = error.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(reply, request, 413, 'Te groot', 'Het verzoek is te groot.');
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(reply, request, 415, 'Verkeerd formaat', 'Stuur de gegevens als application/json.');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (error instanceof SyntaxError && error.statusCode === 400)) {
    return send(reply, request, 400, 'Ongeldige invoer', 'De body is geen geldige JSON.');
  }
  const pgCode = (error as any).cause?.code ?? (error as any).code;
  if (pgCode === '23505') return send(reply, request, 409, 'Conflict', 'Dit bestaat al.');
  if (pgCode === '42501') {
    request.log.error({ err: error }, 'database permission denied (RLS/grant)');
    return send(reply, request, 404, 'Niet gevonden', 'Deze bron bestaat niet of u heeft er geen toegang toe.');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, request, error.statusCode, 'Ongeldig verzoek', error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, request, 500, 'Interne fout', 'Er ging iets mis aan onze kant. Het is gelogd; probeer het later opnieuw.');
}
