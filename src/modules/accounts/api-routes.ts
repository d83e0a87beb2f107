import { errorCodes, type FastifyInstance, type FastifyReply, type FastifyRequest, type HookHandlerDoneFunction } from 'fastify';
import type { FromSchema } from 'json-schema-to-ts';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { SESSION_COOKIE, hashToken } from '../../platform/auth/sessions.js';
import { AppError } from '../../platform/http/errors.js';
import { errorResponses } from '../../platform/http/openapi.js';
import { actorOf, issueCsrfToken } from '../../platform/http/request-context.js';
import type { Account } from './model.js';
import { authorizeAccountsOf } from './authorize.js';
import { createAccount } from './create-account.js';
import { updateAccount } from './update-account.js';
import { changeOwnPassword } from './change-own-password.js';
import { signIn, signOut } from './sign-in.js';
import { accountOr404, accountsPage, ownAccount } from './read-accounts.js';
import {
  accountSchema,
  changePasswordBody,
  createAccountBody,
  listAccountsQuery,
  sessionSchema,
  signInBody,
  updateAccountBody,
} from './schemas.js';
import { accountTarget } from './route-target.js';

const idParams = {
  type: 'object',
  additionalProperties: false,
  required: ['id'],
  properties: { id: { type: 'string', maxLength: 64 } },
} as const;

export function presentAccount(account: Account) {
  return {
    ...account,
    createdAt: account.createdAt.toISOString(),
    updatedAt: account.updatedAt.toISOString(),
    lastSignInAt: account.lastSignInAt?.toISOString() ?? null,
  };
}

/** Who is signed in: the session answers no more of the account than this. */
function presentSessionAccount(account: Account) {
  return {
    id: account.id,
    login: account.login,
    displayName: account.displayName,
    role: account.role,
    unitId: account.unitId,
    unitName: account.unitName,
  };
}

export function sessionCookieOptions(config: Config) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies, maxAge: config.sessionMaxHours * 3600 };
}

/** Signs in and sets the session cookie; shared by the JSON API and the sign-in form. */
export async function startSession(
  config: Config,
  database: Database,
  request: FastifyRequest,
  reply: FastifyReply,
  credentials: { login: string; password: string },
): Promise<string> {
  try {
    const { token, accountId } = await signIn(
      database.db,
      { ...credentials, ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id },
      { idleMinutes: config.sessionIdleMinutes, maxHours: config.sessionMaxHours },
    );
    reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(config));
    // From here the request belongs to the new session: a CSRF token issued now is bound to it.
    request.sessionTokenHash = hashToken(token);
    return accountId;
  } catch (error) {
    if (error instanceof AppError) request.log.warn({ login: credentials.login, ip: request.ip, code: error.code }, 'sign-in refused');
    throw error;
  }
}

export async function endSession(database: Database, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (request.sessionTokenHash && request.principal) {
    await signOut(database.db, actorOf(request), request.sessionTokenHash, request.principal.unitId);
  }
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  request.sessionTokenHash = null;
}

/**
 * The API sign-in takes JSON only. Another site can send a form (urlencoded, multipart or
 * text/plain) without CORS, and a sign-in it sent would put the visitor into the sender's account
 * (login CSRF); JSON it cannot send, so this route needs no CSRF token.
 */
function acceptJsonOnly(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/json')) throw new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(type);
  done();
}

export function registerAccountApi(app: FastifyInstance, config: Config, database: Database): void {
  const db = database.db;
  const loginLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  app.post<{ Body: FromSchema<typeof signInBody> }>(
    '/api/v1/session',
    {
      config: { access: 'public', csrf: false, rateLimit: loginLimit },
      onRequest: acceptJsonOnly,
      schema: {
        tags: ['session'],
        summary: 'Sign in: sets the session cookie and returns the CSRF token',
        body: signInBody,
        response: { 200: sessionSchema, ...errorResponses(400, 401, 429) },
      },
    },
    async (request, reply) => {
      const accountId = await startSession(config, database, request, reply, request.body);
      const account = await ownAccount(db, accountId);
      return { account: presentSessionAccount(account), csrfToken: issueCsrfToken(request, reply) };
    },
  );

  app.get(
    '/api/v1/session',
    {
      config: { access: 'staff.area' },
      schema: {
        tags: ['session'],
        summary: 'The signed-in account and a CSRF token',
        response: { 200: sessionSchema, ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'staff.area');
      const account = await ownAccount(db, principal.accountId);
      return { account: presentSessionAccount(account), csrfToken: issueCsrfToken(request, reply) };
    },
  );

  app.delete(
    '/api/v1/session',
    {
      config: { access: 'staff.area' },
      schema: { tags: ['session'], summary: 'Sign out', response: { 204: { type: 'null' }, ...errorResponses(401, 403) } },
    },
    async (request, reply) => {
      requireAllowed(request, 'staff.area');
      await endSession(database, request, reply);
      return reply.status(204).send();
    },
  );

  app.post<{ Body: FromSchema<typeof changePasswordBody> }>(
    '/api/v1/session/password',
    {
      config: { access: 'staff.area' },
      schema: {
        tags: ['session'],
        summary: 'Change my password (ends my other sessions)',
        body: changePasswordBody,
        response: { 204: { type: 'null' }, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'staff.area');
      await changeOwnPassword(db, principal, actorOf(request), request.sessionTokenHash, request.body);
      return reply.status(204).send();
    },
  );

  app.get<{ Querystring: FromSchema<typeof listAccountsQuery> }>(
    '/api/v1/accounts',
    {
      config: { access: 'account.manage' },
      schema: {
        tags: ['accounts'],
        summary: 'Accounts in my units (administrators)',
        querystring: listAccountsQuery,
        response: {
          200: {
            type: 'object',
            required: ['accounts', 'total', 'page', 'pageSize'],
            properties: {
              accounts: { type: 'array', items: accountSchema },
              total: { type: 'integer' },
              page: { type: 'integer' },
              pageSize: { type: 'integer' },
            },
          },
          ...errorResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const principal = requireAllowed(request, 'account.manage');
      const query = request.query;
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 50;
      if (query.unitId) await authorizeAccountsOf(db, principal, query.unitId);
      const result = await accountsPage(db, {
        scopeUnitId: principal.unitId,
        unitId: query.unitId,
        role: query.role,
        text: query.q,
        active: query.active,
        page,
        pageSize,
      });
      return { accounts: result.accounts.map(presentAccount), total: result.total, page, pageSize };
    },
  );

  app.post<{ Body: FromSchema<typeof createAccountBody> }>(
    '/api/v1/accounts',
    {
      config: { access: 'account.manage' },
      schema: {
        tags: ['accounts'],
        summary: 'Create an account in my units (administrators)',
        body: createAccountBody,
        response: { 201: accountSchema, ...errorResponses(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = requireAllowed(request, 'account.manage');
      const account = await createAccount(db, principal, actorOf(request), request.body);
      return reply.status(201).header('location', `/api/v1/accounts/${account.id}`).send(presentAccount(account));
    },
  );

  const loadInScope = async (request: FastifyRequest, id: string) => {
    const principal = requireAllowed(request, 'account.manage');
    const account = await accountOr404(db, id);
    await authorizeAccountsOf(db, principal, account.unitId);
    return { principal, account };
  };

  app.get<{ Params: FromSchema<typeof idParams> }>(
    '/api/v1/accounts/:id',
    {
      config: { access: 'account.manage', target: accountTarget(db) },
      schema: {
        tags: ['accounts'],
        summary: 'One account (administrators)',
        params: idParams,
        response: { 200: accountSchema, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => presentAccount((await loadInScope(request, request.params.id)).account),
  );

  app.patch<{ Params: FromSchema<typeof idParams>; Body: FromSchema<typeof updateAccountBody> }>(
    '/api/v1/accounts/:id',
    {
      config: { access: 'account.manage', target: accountTarget(db) },
      schema: {
        tags: ['accounts'],
        summary: 'Change an account: name, e-mail, role, unit, active, password (administrators)',
        params: idParams,
        body: updateAccountBody,
        response: { 200: accountSchema, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { principal } = await loadInScope(request, request.params.id);
      return presentAccount(await updateAccount(db, principal, actorOf(request), request.params.id, request.body));
    },
  );
}
