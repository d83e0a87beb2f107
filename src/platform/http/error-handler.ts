import { createElement } from 'react';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import type { Lang, Localized } from '../i18n/i18n.js';
import { AppError, httpErrors } from './errors.js';
import { describeValidationErrors } from './validation.js';
import { pageContext } from './request-context.js';
import { sendPage } from '../render/render.js';
import { ErrorPage } from '../render/error-page.js';
import type { PageContext } from '../render/page-context.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import type { Database } from '../db/database.js';

interface Problem {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
}

const partNames: Record<Lang, Record<string, string>> = {
  pl: { body: 'treści żądania', querystring: 'parametrach zapytania', params: 'adresie', headers: 'nagłówkach' },
  en: { body: 'the request body', querystring: 'the query parameters', params: 'the path', headers: 'the headers' },
};

const fixed: Record<string, { status: number; code: string; text: Localized }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: 'unsupported_media_type',
    text: {
      pl: 'Nieobsługiwany typ treści (Content-Type). Wyślij dane jako application/json.',
      en: 'Unsupported Content-Type. Send the data as application/json.',
    },
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    text: { pl: 'Przesłane dane są za duże.', en: 'The request body is too large.' },
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: 'empty_body',
    text: {
      pl: 'Treść żądania jest pusta, a nagłówek Content-Type zapowiada JSON.',
      en: 'The request body is empty although Content-Type says JSON.',
    },
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: 'invalid_json',
    text: { pl: 'Treść żądania nie jest poprawnym JSON-em.', en: 'The request body is not valid JSON.' },
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: 'invalid_content_length',
    text: {
      pl: 'Długość treści nie zgadza się z nagłówkiem Content-Length.',
      en: 'The body length does not match the Content-Length header.',
    },
  },
  FST_REQ_FILE_TOO_LARGE: {
    status: 413,
    code: 'payload_too_large',
    text: { pl: 'Przesłany plik jest za duży dla tej operacji.', en: 'The uploaded file is too large for this request.' },
  },
  FST_CSRF_INVALID_TOKEN: { status: 403, code: 'csrf_invalid', text: httpErrors.csrf().text },
  FST_CSRF_MISSING_SECRET: { status: 403, code: 'csrf_invalid', text: httpErrors.csrf().text },
};

const genericByStatus: Record<number, { code: string; text: Localized }> = {
  400: { code: 'bad_request', text: { pl: 'Nieprawidłowe żądanie.', en: 'Bad request.' } },
  404: { code: 'not_found', text: httpErrors.notFound().text },
  405: { code: 'method_not_allowed', text: { pl: 'Niedozwolona metoda HTTP.', en: 'Method not allowed.' } },
  406: { code: 'not_acceptable', text: { pl: 'Nie można odpowiedzieć w żądanym formacie.', en: 'Cannot answer in the requested format.' } },
  408: { code: 'request_timeout', text: { pl: 'Przekroczono czas oczekiwania na żądanie.', en: 'Request timeout.' } },
  413: { code: 'payload_too_large', text: fixed.FST_ERR_CTP_BODY_TOO_LARGE!.text },
  415: { code: 'unsupported_media_type', text: fixed.FST_ERR_CTP_INVALID_MEDIA_TYPE!.text },
  429: {
    code: 'too_many_requests',
    text: { pl: 'Za dużo żądań. Spróbuj ponownie za chwilę.', en: 'Too many requests. Try again shortly.' },
  },
};

const databaseUnavailable: Localized = {
  pl: 'Serwis jest chwilowo niedostępny (brak połączenia z bazą danych). Spróbuj ponownie za kilka minut.',
  en: 'The service is unavailable for a moment (no connection to the database). Please try again in a few minutes.',
};

const internal: Localized = {
  pl: 'Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.',
  en: 'An unexpected error occurred. Please try again shortly.',
};

/** `databaseClosed`: the app's database was closed (shutting down), whatever error a query then gives. */
export function toProblem(error: FastifyError | AppError | Error, lang: Lang, databaseClosed = false): Problem {
  if (error instanceof AppError) {
    return { status: error.status, code: error.code, message: error.text[lang], details: error.details, headers: error.headers };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const part = fastifyError.validationContext ?? 'body';
    return {
      status: 400,
      code: 'validation_failed',
      message: lang === 'pl' ? `Błędne dane w ${partNames.pl[part] ?? part}.` : `Invalid data in ${partNames.en[part] ?? part}.`,
      details: describeValidationErrors(fastifyError.validation as ErrorObject[], lang),
    };
  }
  const known = fastifyError.code ? fixed[fastifyError.code] : undefined;
  if (known) return { status: known.status, code: known.code, message: known.text[lang] };
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return { status: 400, code: 'invalid_json', message: fixed.FST_ERR_CTP_INVALID_JSON_BODY!.text[lang] };
  }
  if (databaseClosed || isDatabaseUnavailable(error))
    return { status: 503, code: 'database_unavailable', message: databaseUnavailable[lang], headers: { 'retry-after': '30' } };
  const status = fastifyError.statusCode;
  if (status && status >= 400 && status < 500) {
    const generic = genericByStatus[status] ?? genericByStatus[400]!;
    return { status, code: generic.code, message: generic.text[lang] };
  }
  return { status: 500, code: 'internal_error', message: internal[lang] };
}

/** Pages get an HTML error page; the API, health and non-browser clients get the JSON envelope. */
function wantsHtml(request: FastifyRequest): boolean {
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/') || path === '/api' || path === '/health' || path.startsWith('/open311/')) return false;
  return (request.headers.accept ?? '').includes('text/html');
}

/**
 * Headers that describe the body a route meant to send. An error replaces that body, so they go:
 * a download that fails while its stream is read already put "text/csv" and its file name on the
 * raw response, and Fastify then refused to send the envelope as CSV (its own 500, as a file).
 */
const bodyHeaders = ['content-type', 'content-disposition', 'content-length', 'content-encoding', 'etag', 'last-modified'];

/** `page`: the context of the error page, when the request's own must not be used (a URL the router refused). */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, problem: Problem, page?: PageContext): FastifyReply {
  for (const name of bodyHeaders) {
    reply.removeHeader(name);
    if (!reply.raw.headersSent) reply.raw.removeHeader(name);
  }
  for (const [name, value] of Object.entries(problem.headers ?? {})) reply.header(name, value);
  if (wantsHtml(request)) {
    if (problem.status === 401 && request.method === 'GET') {
      return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    const ctx = page ?? pageContext(request, reply);
    return sendPage(
      reply,
      createElement(ErrorPage, { ctx, status: problem.status, message: problem.message, requestId: request.id }),
      problem.status,
    );
  }
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: problem.code, message: problem.message },
  };
  if (problem.details !== undefined) body.error.details = problem.details;
  // 5xx: the request id to quote; an AppError's own details (a 503's retryAfterSeconds) stay.
  if (problem.status >= 500) body.error.details = { ...(problem.details as object | undefined), requestId: request.id };
  return reply.status(problem.status).header('cache-control', 'no-store').send(body);
}

export function registerErrorHandlers(app: FastifyInstance, database?: Pick<Database, 'closed'>): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    const problem = toProblem(error, request.lang ?? 'pl', database?.closed ?? false);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, 'request rejected');
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, toProblem(httpErrors.notFound(), request.lang ?? 'pl')));
}
