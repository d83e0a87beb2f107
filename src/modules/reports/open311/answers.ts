import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorObject } from 'ajv';
import { AppError, ValidationError } from '../../../platform/http/errors.js';
import { toProblem } from '../../../platform/http/error-handler.js';
import { describeValidationErrors } from '../../../platform/http/validation.js';
import type { Lang, Localized } from '../../../platform/i18n/i18n.js';
import { open311Prefix, xmlItems } from './present.js';
import { xmlDocument } from './xml.js';

/** The formats every resource is served in: name.json and name.xml. */
export type Format = 'json' | 'xml';

export function formatOfUrl(url: string): Format {
  return (url.split('?')[0] ?? '').endsWith('.xml') ? 'xml' : 'json';
}

/** `?lang=` first (Open311 clients rarely set headers), then the app's choice (cookie, Accept-Language). */
export function langOf(request: FastifyRequest): Lang {
  const chosen = (request.query as Record<string, unknown> | undefined)?.lang;
  return chosen === 'en' || chosen === 'pl' ? chosen : (request.lang ?? 'pl');
}

export function send(reply: FastifyReply, format: Format, root: string, value: unknown, status = 200): FastifyReply {
  if (format === 'xml')
    return reply
      .status(status)
      .type('text/xml; charset=utf-8')
      .send(xmlDocument(root, value, xmlItems));
  return reply.status(status).type('application/json; charset=utf-8').send(JSON.stringify(value));
}

interface SpecError {
  code: number;
  description: string;
}

/** Our field names in intake messages → the Open311 parameter names. */
const parameterNames: Record<string, string> = {
  categoryCode: 'service_code',
  lat: 'lat',
  lon: 'long',
  location: 'lat/long/address_string',
  address: 'address_string',
  description: 'description',
  email: 'email',
};

export const notFoundText: Localized = {
  pl: `Nie ma takiego zasobu Open311. Dostępne: ${open311Prefix}/discovery.json, services.json, services/{service_code}.json, requests.json, requests/{service_request_id}.json (także .xml).`,
  en: `No such Open311 resource. Available: ${open311Prefix}/discovery.json, services.json, services/{service_code}.json, requests.json, requests/{service_request_id}.json (also .xml).`,
};

const internalText: Localized = {
  pl: 'Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.',
  en: 'An unexpected error occurred. Please try again shortly.',
};

/** Any error → the specification's list of {code, description}, with the HTTP status and headers. */
export function toSpecErrors(
  error: unknown,
  request: FastifyRequest,
): { status: number; errors: SpecError[]; headers: Record<string, string> } {
  const lang = langOf(request);
  if (error instanceof ValidationError) {
    // Only lat/long out of bounds left (both given and numeric, checked before): the place is outside the area.
    const onlyPlace = error.fieldErrors.every((e) => e.field === 'lat' || e.field === 'lon');
    const status = onlyPlace ? 422 : 400;
    return {
      status,
      errors: error.fieldErrors.map((e) => ({ code: status, description: `${parameterNames[e.field] ?? e.field}: ${e.message}` })),
      headers: {},
    };
  }
  if (error instanceof AppError) {
    const suggestions = (error.details as { suggestions?: unknown } | undefined)?.suggestions;
    let description = error.text[lang];
    if (Array.isArray(suggestions) && suggestions.length > 0) {
      description += (lang === 'pl' ? ' Może chodziło o: ' : ' Did you mean: ') + suggestions.slice(0, 5).map(String).join('; ');
    }
    return { status: error.status, errors: [{ code: error.status, description }], headers: error.headers };
  }
  const fastifyError = error as FastifyError;
  if (fastifyError?.validation) {
    const messages = describeValidationErrors(fastifyError.validation as ErrorObject[], lang).map((e) => e.message);
    return {
      status: 400,
      errors: (messages.length ? messages : [toProblem(fastifyError, lang).message]).map((description) => ({ code: 400, description })),
      headers: {},
    };
  }
  const problem = toProblem(error instanceof Error ? error : new Error(String(error)), lang);
  if (problem.status >= 500)
    return { status: 500, errors: [{ code: 500, description: `${internalText[lang]} (${request.id})` }], headers: {} };
  return { status: problem.status, errors: [{ code: problem.status, description: problem.message }], headers: problem.headers ?? {} };
}
