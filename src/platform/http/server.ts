import path from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import multipart from '@fastify/multipart';
import { keepUpload } from './uploads.js';
import type { Config } from '../config/config.js';
import { projectRoot } from '../config/config.js';
import type { Database } from '../db/database.js';
import { isLang, negotiateLang } from '../i18n/i18n.js';
import { SESSION_COOKIE, resolveSession } from '../auth/sessions.js';
import { instanceSecrets, loadOrCreateSecret } from '../auth/secret.js';
import { AppError } from './errors.js';
import { registerErrorHandlers } from './error-handler.js';
import { validatorCompiler } from './validation.js';
import { registerOpenApi } from './openapi.js';
import { csrfUserInfo } from './request-context.js';
import { limitKeyOf, refuseForgedClientAddresses, trustProxyOption } from './client-address.js';
import { uploadsFollowRouteLimits } from './upload-limits.js';
import { databaseRateLimitStore } from './rate-limit-store.js';
import { registerInputCharacterCheck } from './input-characters.js';
import { registerAccessCheck, registerTargetCheck } from '../auth/guards.js';
import { clientErrorHandler, frameworkErrors } from './framework-errors.js';
import { tileOrigins } from '../render/map-tiles.js';
import { chooseLogFormat, logDestination, processLogFacts } from '../observe/log-format.js';
import { requestIdGenerator } from './request-id.js';

export const LANG_COOKIE = 'lang';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const API_PATH = /^\/(api|open311)\//;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** false: this route takes no cookie-authenticated writes and needs no CSRF token. */
    csrf?: boolean;
    /**
     * Bytes of all files of a multipart request together (and of each file), when they may be more
     * than the route's bodyLimit allows its other bodies (a form whose JSON or text stays small).
     */
    uploadBytes?: number;
  }
}

/** Where the log's lines (one JSON object each) go. */
export interface LogStream {
  write(line: string): void;
}

/** The CSP source of a tile server URL; "{s}" subdomains become a wildcard. */
/** Fastify with every cross-cutting concern: logging, security headers, cookies, CSRF, sessions, errors. */
export async function createHttpServer(config: Config, database: Database, logStream?: LogStream): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // JSON lines or pretty ones on standard output (observe/log-format.ts), unless told otherwise (tests read the lines the app writes).
      stream: logStream ?? logDestination(chooseLogFormat(processLogFacts(config.logFormat))),
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      // No client address in the request log: it would keep every resident's IP for as long as
      // the logs live, past the periods docs/privacy.md promises (the audit log keeps what abuse needs).
      serializers: {
        req: (request: { method: string; url: string; id: string }) => ({ method: request.method, url: request.url, reqId: request.id }),
      },
    },
    trustProxy: trustProxyOption(config.trustProxy),
    bodyLimit: 256 * 1024,
    // Every log line of a request carries this id (reqId), also sent back as x-request-id.
    genReqId: requestIdGenerator(config.trustProxy),
    requestIdHeader: false,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    // Node's limit (request line and headers), stated here: over it, clientErrorHandler answers 431.
    http: { maxHeaderSize: 16 * 1024 },
    frameworkErrors,
    clientErrorHandler,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.decorateRequest('lang', 'pl');
  app.decorateRequest('principal', null);
  app.decorateRequest('sessionTokenHash', null);
  refuseForgedClientAddresses(app, config.trustProxy);

  const secure = config.secureCookies;
  await app.register(cookie, { secret: await loadOrCreateSecret(database.db, instanceSecrets.cookie) });
  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // File uploads of the admin import forms; fields (incl. the CSRF token) arrive as body values.
  // A file may be as large as its route's bodyLimit (upload-limits.ts), not more.
  // A route that takes several files raises `files` in its config.multipartOptions; keepUpload keeps their names.
  await app.register(multipart, { attachFieldsToBody: 'keyValues', limits: { files: 1, fields: 20 }, onFile: keepUpload });
  uploadsFollowRouteLimits(app);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', ...tileOrigins(config.mapTiles)],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: secure ? [] : null,
      },
    },
    strictTransportSecurity: secure,
  });
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: 'dz_csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure, signed: true },
    // Tokens are bound to the session (see csrfUserInfo), keyed by a secret all instances share.
    getUserInfo: csrfUserInfo,
    csrfOpts: { userInfo: true, hmacKey: await loadOrCreateSecret(database.db, instanceSecrets.csrf) },
  });
  await app.register(rateLimit, {
    global: false,
    // One client, one key: an IPv6 client counts per /64 (see limitKeyOf), like every limit of ours.
    keyGenerator: (request) => limitKeyOf(request.ip),
    // Counted in the database: several instances behind one proxy count a client once.
    store: databaseRateLimitStore(database.db, (error) => app.log.warn({ err: error }, 'rate limit counts not pruned')),
    errorResponseBuilder: (_request, context) =>
      new AppError(
        429,
        'too_many_requests',
        {
          pl: `Za dużo żądań. Spróbuj ponownie za ${Math.ceil(context.ttl / 1000)} s.`,
          en: `Too many requests. Try again in ${Math.ceil(context.ttl / 1000)} s.`,
        },
        undefined,
        { 'retry-after': String(Math.ceil(context.ttl / 1000)) },
      ),
  });
  // Routes the static files and the API docs plugins add themselves are public; they take no config of ours.
  app.addHook('onRoute', (route) => {
    if (/^\/(assets\/|api\/docs)/.test(route.url ?? '')) route.config = { ...route.config, access: 'public' };
  });
  await app.register(fastifyStatic, {
    root: path.join(projectRoot, 'public'),
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });
  await registerOpenApi(app);

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    const chosen = request.cookies[LANG_COOKIE];
    request.lang = isLang(chosen) ? chosen : negotiateLang(request.headers['accept-language']);
    const token = request.cookies[SESSION_COOKIE];
    if (token) {
      const session = await resolveSession(database.db, token, {
        idleMinutes: config.sessionIdleMinutes,
        maxHours: config.sessionMaxHours,
      });
      if (session) {
        request.principal = session.principal;
        request.sessionTokenHash = session.tokenHash;
      } else {
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
  });

  // After the session is known, before the body is read: anonymous callers get 401 first.
  registerAccessCheck(app);
  registerInputCharacterCheck(app);
  // The thing a route's params name, before the body's schema: 403/404 comes before 400.
  registerTargetCheck(app);

  // CSRF: a token is needed where a forged request could act with someone's authority: every
  // write that carries our session cookie (the browser adds it on its own), and every form post
  // of the HTML pages (the sign-in form: login CSRF; the public forms). An API request (/api/,
  // /open311/) without the session cookie carries no one's authority, so it needs none, whatever
  // its body: `curl -F file=@plan.txt …/api/v1/plans/parse` works as the README says.
  app.addHook('preHandler', (request, reply, done) => {
    if (SAFE_METHODS.has(request.method) || request.routeOptions.config.csrf === false) return done();
    if (!request.cookies[SESSION_COOKIE]) {
      const type = request.headers['content-type'] ?? '';
      const isForm = type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data');
      if (!isForm || API_PATH.test(request.url)) return done();
    }
    app.csrfProtection(request, reply, done);
  });

  registerErrorHandlers(app, database);
  return app;
}
