import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { negotiateLang, type Localized } from '../i18n/i18n.js';
import { sendProblem } from './error-handler.js';

/**
 * Answers given before any route runs. Fastify's own wrote the URL back into a JSON body of its
 * own shape; these use the envelope (an error page for browsers) and never repeat the input.
 */
const routerErrors: Record<string, { status: number; code: string; text: Localized }> = {
  FST_ERR_BAD_URL: {
    status: 400,
    code: 'bad_url',
    text: {
      pl: 'Adres żądania jest nieprawidłowy (błędne kodowanie procentowe).',
      en: 'The address of the request is not valid (wrong percent-encoding).',
    },
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: 'uri_too_long',
    text: { pl: 'Adres żądania jest za długi.', en: 'The address of the request is too long.' },
  },
};

const badRequest: Localized = { pl: 'Nieprawidłowe żądanie.', en: 'Bad request.' };

/** Fastify's `frameworkErrors`: a URL the router cannot decode, a path parameter over `maxParamLength`. */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  // No onRequest hook ran: the language comes from Accept-Language alone.
  const lang = negotiateLang(request.headers['accept-language']);
  const known = routerErrors[error.code] ?? { status: 400, code: 'bad_request', text: badRequest };
  request.log.info({ code: known.code, status: known.status }, 'request rejected before routing');
  // The page's language switch links back to the current URL: here that is the bad URL, so "/" instead.
  sendProblem(
    request,
    reply,
    { status: known.status, code: known.code, message: known.text[lang] },
    { lang, principal: null, csrfToken: '', currentUrl: '/' },
  );
}

/** Node's own refusals at the socket, before there is a request to read a language or Accept from: both languages. */
const socketErrors: Record<string, { status: number; reason: string; code: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    reason: 'Request Header Fields Too Large',
    code: 'request_too_large',
    message: 'Adres albo nagłówki żądania są za długie. / Request headers or address too long.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    reason: 'Request Timeout',
    code: 'request_timeout',
    message: 'Przekroczono czas oczekiwania na żądanie. / Request timeout.',
  },
};

const socketBadRequest = { status: 400, reason: 'Bad Request', code: 'bad_request', message: 'Nieprawidłowe żądanie. / Bad request.' };

/**
 * Fastify's `clientErrorHandler`: a request Node's parser refused (headers over the size limit,
 * which includes the request line, a malformed line, a timeout). The answer is the envelope.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection or one already closed has no one to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const answer = socketErrors[error.code ?? ''] ?? socketBadRequest;
  const body = JSON.stringify({ error: { code: answer.code, message: answer.message } });
  if (socket.writable) {
    socket.end(
      `HTTP/1.1 ${answer.status} ${answer.reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  } else {
    socket.destroy();
  }
}
