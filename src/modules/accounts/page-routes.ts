import { createElement } from 'react';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/db/database.js';
import { requireAllowed } from '../../platform/auth/guards.js';
import { isRole } from '../../platform/auth/principal.js';
import { AppError } from '../../platform/http/errors.js';
import type { FieldError } from '../../platform/http/errors.js';
import { formErrorsFrom, formFields, validateForm } from '../../platform/http/forms.js';
import { actorOf, pageContext, safeReturnPath } from '../../platform/http/request-context.js';
import { compileSchema } from '../../platform/http/validation.js';
import { sendPage } from '../../platform/render/render.js';
import { unitOptions } from '../units/index.js';
import { endSession, startSession } from './api-routes.js';
import { authorizeAccountsOf } from './authorize.js';
import { changeOwnPassword } from './change-own-password.js';
import { createAccount } from './create-account.js';
import { accountErrors, accountMessages } from './messages.js';
import { AccountFormPage, AccountListPage, MyAccountPage, SignInPage, type AccountFormValues } from './pages.js';
import { accountOr404, accountsPage, ownAccount } from './read-accounts.js';
import type { Account } from './model.js';
import { createAccountBody, fieldLabels, updateAccountBody } from './schemas.js';
import { updateAccount } from './update-account.js';
import { accountTarget } from './route-target.js';

const validateCreate = compileSchema(createAccountBody);
const validateUpdate = compileSchema(updateAccountBody);
const PAGE_SIZE = 25;

/** Confirmation shown after a redirect (?notice=saved): a fixed text, never the query's own words. */
function noticeText(request: FastifyRequest): string | null {
  const key = (request.query as Record<string, unknown> | undefined)?.notice;
  const m = accountMessages[request.lang];
  const texts: Record<string, string> = { created: m.created, saved: m.saved, password: m.passwordChanged, signedOut: m.signedOut };
  return typeof key === 'string' && Object.hasOwn(texts, key) ? texts[key]! : null;
}

/**
 * Form values → the API's input shape, so both are checked by one schema. Empty fields are left
 * out, so a blank required field reads "is required" rather than "too short".
 */
function accountInput(fields: Record<string, string>, editing: boolean) {
  const input: Record<string, unknown> = {};
  for (const name of ['login', 'displayName', 'role', 'unitId'] as const) {
    const value = fields[name]?.trim();
    if (value) input[name] = value;
  }
  input.email = fields.email?.trim() || null;
  if (editing) input.active = fields.active === 'on';
  if (fields.password) input.password = fields.password;
  return input;
}

export function registerAccountPages(app: FastifyInstance, config: Config, database: Database): void {
  const db = database.db;
  const loginLimit = { max: config.loginRateLimitPerMinute, timeWindow: '1 minute' };

  // Accounts are staff: with no page of their own to return to, they land on their workspace, not the public home page.
  const landing = (next: string) => (next === '/' ? '/admin' : next);

  const showSignIn = (request: FastifyRequest, reply: FastifyReply, next: string, login: string, errors: FieldError[], status = 200) =>
    sendPage(reply, createElement(SignInPage, { ctx: pageContext(request, reply, noticeText(request)), next, login, errors }), status);

  app.get('/login', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const next = safeReturnPath((request.query as Record<string, unknown>).next);
    if (request.principal) return reply.redirect(landing(next), 303);
    return showSignIn(request, reply, next, '', []);
  });

  app.post('/login', { schema: { hide: true }, config: { access: 'public', rateLimit: loginLimit } }, async (request, reply) => {
    const fields = formFields(request.body);
    const next = safeReturnPath(fields.next);
    const m = fieldLabels[request.lang];
    const errors: FieldError[] = [];
    if (!fields.login?.trim())
      errors.push({
        field: 'login',
        code: 'required',
        message: request.lang === 'pl' ? `Wpisz ${m.login.toLowerCase()}.` : 'Enter your login.',
      });
    if (!fields.password)
      errors.push({ field: 'password', code: 'required', message: request.lang === 'pl' ? 'Wpisz hasło.' : 'Enter your password.' });
    if (errors.length) return showSignIn(request, reply, next, fields.login ?? '', errors, 400);
    try {
      await startSession(config, database, request, reply, { login: fields.login!, password: fields.password! });
    } catch (error) {
      if (error instanceof AppError && [401, 429].includes(error.status)) {
        // The limit that refused, for /metrics (the page answers it itself, not the error handler).
        if (error.status === 429) request.refusal = error.code;
        for (const [name, value] of Object.entries(error.headers)) reply.header(name, value);
        return showSignIn(
          request,
          reply,
          next,
          fields.login ?? '',
          [{ field: 'login', code: error.code, message: error.text[request.lang] }],
          error.status,
        );
      }
      throw error;
    }
    return reply.redirect(landing(next), 303);
  });

  app.post('/logout', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    await endSession(database, request, reply);
    return reply.redirect('/login?notice=signedOut', 303);
  });

  app.get('/account', { config: { access: 'staff.area' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'staff.area');
    const account = await ownAccount(db, principal.accountId);
    return sendPage(reply, createElement(MyAccountPage, { ctx: pageContext(request, reply, noticeText(request)), account, errors: [] }));
  });

  app.post('/account/password', { config: { access: 'staff.area' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'staff.area');
    const fields = formFields(request.body);
    const lang = request.lang;
    const labels = fieldLabels[lang];
    let errors: FieldError[] = [];
    const required = (field: 'currentPassword' | 'newPassword' | 'confirmPassword') =>
      !fields[field] &&
      errors.push({
        field,
        code: 'required',
        message: lang === 'pl' ? `Pole „${labels[field]}” jest wymagane.` : `The field "${labels[field]}" is required.`,
      });
    required('currentPassword');
    required('newPassword');
    required('confirmPassword');
    if (!errors.length && fields.newPassword !== fields.confirmPassword) {
      errors.push({ field: 'confirmPassword', code: 'mismatch', message: accountErrors.passwordsDiffer()[lang] });
    }
    if (!errors.length) {
      try {
        await changeOwnPassword(db, principal, actorOf(request), request.sessionTokenHash, {
          currentPassword: fields.currentPassword!,
          newPassword: fields.newPassword!,
        });
        return reply.redirect('/account?notice=password', 303);
      } catch (error) {
        errors = formErrorsFrom(error, lang);
      }
    }
    const account = await ownAccount(db, principal.accountId);
    return sendPage(reply, createElement(MyAccountPage, { ctx: pageContext(request, reply), account, errors }), 400);
  });

  app.get('/admin/accounts', { config: { access: 'account.manage' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'account.manage');
    const query = request.query as Record<string, string | undefined>;
    const units = await unitOptions(db, principal.unitId);
    const unitId = units.some((u) => u.value === query.unitId) ? query.unitId : undefined;
    const role = isRole(query.role) ? query.role : undefined;
    const q = query.q?.trim().slice(0, 100) || undefined;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(query.page ?? '1', 10) || 1));
    const result = await accountsPage(db, { scopeUnitId: principal.unitId, unitId, role, text: q, page, pageSize: PAGE_SIZE });
    return sendPage(
      reply,
      createElement(AccountListPage, {
        ctx: pageContext(request, reply),
        accounts: result.accounts,
        total: result.total,
        page,
        pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
        filter: { q, unitId, role },
        units,
      }),
    );
  });

  const showForm = async (
    request: FastifyRequest,
    reply: FastifyReply,
    account: Account | null,
    values: AccountFormValues,
    errors: FieldError[],
  ) => {
    const principal = requireAllowed(request, 'account.manage');
    return sendPage(
      reply,
      createElement(AccountFormPage, {
        ctx: pageContext(request, reply, noticeText(request)),
        account: account ?? null,
        values,
        errors,
        units: await unitOptions(db, principal.unitId),
      }),
      errors.length ? 400 : 200,
    );
  };

  app.get('/admin/accounts/new', { config: { access: 'account.manage' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'account.manage');
    return showForm(request, reply, null, { role: 'officer', unitId: principal.unitId }, []);
  });

  app.post('/admin/accounts', { config: { access: 'account.manage' }, schema: { hide: true } }, async (request, reply) => {
    const principal = requireAllowed(request, 'account.manage');
    const fields = formFields(request.body);
    const input = accountInput(fields, false);
    let errors = validateForm(validateCreate, input, request.lang, fieldLabels[request.lang]);
    if (!errors.length) {
      try {
        const account = await createAccount(db, principal, actorOf(request), input as unknown as Parameters<typeof createAccount>[3]);
        return reply.redirect(`/admin/accounts/${account.id}?notice=created`, 303);
      } catch (error) {
        errors = formErrorsFrom(error, request.lang);
      }
    }
    return showForm(request, reply, null, { ...fields, email: fields.email }, errors);
  });

  const loadForAdmin = async (request: FastifyRequest, id: string) => {
    const principal = requireAllowed(request, 'account.manage');
    const account = await accountOr404(db, id);
    await authorizeAccountsOf(db, principal, account.unitId);
    return { principal, account };
  };

  app.get<{ Params: { id: string } }>(
    '/admin/accounts/:id',
    { config: { access: 'account.manage', target: accountTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { account } = await loadForAdmin(request, request.params.id);
      return showForm(request, reply, account, { ...account, email: account.email ?? '' }, []);
    },
  );

  app.post<{ Params: { id: string } }>(
    '/admin/accounts/:id',
    { config: { access: 'account.manage', target: accountTarget(db) }, schema: { hide: true } },
    async (request, reply) => {
      const { principal, account } = await loadForAdmin(request, request.params.id);
      const fields = formFields(request.body);
      const input = accountInput(fields, true);
      let errors = validateForm(validateUpdate, input, request.lang, fieldLabels[request.lang]);
      if (!errors.length) {
        try {
          await updateAccount(db, principal, actorOf(request), account.id, input);
          return reply.redirect(`/admin/accounts/${account.id}?notice=saved`, 303);
        } catch (error) {
          errors = formErrorsFrom(error, request.lang);
        }
      }
      return showForm(request, reply, account, { ...fields, active: fields.active === 'on' }, errors);
    },
  );
}
