import type { ReactNode } from 'react';
import type { PageContext } from '../../platform/render/page-context.js';
import { Layout } from '../../platform/render/layout.js';
import {
  CheckboxField,
  CsrfField,
  DataTable,
  ErrorSummary,
  Pagination,
  SelectField,
  Tag,
  TextField,
  errorFor,
  type Option,
} from '../../platform/render/components.js';
import { roleNames } from '../../platform/render/messages.js';
import type { FieldError } from '../../platform/http/errors.js';
import { formatDateTime } from '../../platform/i18n/i18n.js';
import { roles } from '../../platform/auth/principal.js';
import { accountMessages } from './messages.js';
import type { Account } from './model.js';

function roleOptions(ctx: PageContext): Option[] {
  return roles.map((role) => ({ value: role, label: roleNames[ctx.lang][role] }));
}

export function SignInPage({ ctx, next, login, errors }: { ctx: PageContext; next: string; login?: string; errors: FieldError[] }) {
  const m = accountMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.signInButton}>
      <div className="narrow">
        <ErrorSummary lang={ctx.lang} errors={errors} />
        <h1>{m.signInTitle}</h1>
        <p className="lead">{m.signInLead}</p>
        <form method="post" action="/login" noValidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="next" value={next} />
          <TextField
            name="login"
            label={m.login}
            value={login}
            autoComplete="username"
            spellCheck={false}
            width="medium"
            error={errorFor(errors, 'login')}
          />
          <TextField
            name="password"
            label={m.password}
            type="password"
            autoComplete="current-password"
            width="medium"
            error={errorFor(errors, 'password')}
          />
          <button type="submit" className="button">
            {m.signInButton}
          </button>
        </form>
        <p className="muted">{m.residentsNote}</p>
      </div>
    </Layout>
  );
}

function AccountSummary({ ctx, account }: { ctx: PageContext; account: Account }) {
  const m = accountMessages[ctx.lang];
  const rows: [string, ReactNode][] = [
    [m.login, account.login],
    [m.displayName, account.displayName],
    [m.email, account.email ?? '—'],
    [m.role, roleNames[ctx.lang][account.role]],
    [m.unit, account.unitName],
    [m.status, account.active ? <Tag tone="green">{m.active}</Tag> : <Tag tone="red">{m.inactive}</Tag>],
    [m.lastSignIn, account.lastSignInAt ? formatDateTime(account.lastSignInAt, ctx.lang) : m.never],
  ];
  return (
    <dl className="summary-list">
      {rows.map(([key, value]) => (
        <div className="summary-list__row" key={key}>
          <dt>{key}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function MyAccountPage({ ctx, account, errors }: { ctx: PageContext; account: Account; errors: FieldError[] }) {
  const m = accountMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={m.accountTitle}>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <h1>{m.accountTitle}</h1>
      <AccountSummary ctx={ctx} account={account} />
      <h2 id="password">{m.changePassword}</h2>
      <form method="post" action="/account/password" className="narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="text" name="username" value={account.login} autoComplete="username" readOnly hidden />
        <TextField
          name="currentPassword"
          label={m.currentPassword}
          type="password"
          autoComplete="current-password"
          width="medium"
          error={errorFor(errors, 'currentPassword')}
        />
        <TextField
          name="newPassword"
          label={m.newPassword}
          hint={m.newPasswordHint}
          type="password"
          autoComplete="new-password"
          width="medium"
          error={errorFor(errors, 'newPassword')}
        />
        <TextField
          name="confirmPassword"
          label={m.confirmPassword}
          type="password"
          autoComplete="new-password"
          width="medium"
          error={errorFor(errors, 'confirmPassword')}
        />
        <button type="submit" className="button">
          {m.savePassword}
        </button>
      </form>
    </Layout>
  );
}

export interface AccountListFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  role?: string | undefined;
}

export function AccountListPage({
  ctx,
  accounts,
  total,
  page,
  pageCount,
  filter,
  units,
}: {
  ctx: PageContext;
  accounts: Account[];
  total: number;
  page: number;
  pageCount: number;
  filter: AccountListFilter;
  units: Option[];
}) {
  const m = accountMessages[ctx.lang];
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(
      Object.entries({ ...filter, page: String(target) }).filter((entry): entry is [string, string] => Boolean(entry[1])),
    );
    return `/admin/accounts?${params.toString()}`;
  };
  return (
    <Layout ctx={ctx} title={m.accountsTitle}>
      <div className="page-heading">
        <h1>{m.accountsTitle}</h1>
        <a className="button" href="/admin/accounts/new">
          {m.newAccount}
        </a>
      </div>
      <p className="lead">{m.accountsLead}</p>
      <form method="get" action="/admin/accounts" className="filters" role="search">
        <TextField name="q" label={m.search} type="search" value={filter.q} width="medium" />
        <SelectField name="unitId" label={m.unit} value={filter.unitId} options={units} placeholder={m.anyUnit} />
        <SelectField name="role" label={m.role} value={filter.role} options={roleOptions(ctx)} placeholder={m.anyRole} />
        <button type="submit" className="button button--secondary">
          {m.filter}
        </button>
      </form>
      <p role="status">{m.accountsCount(total)}</p>
      {accounts.length === 0 ? (
        <p>{m.noAccounts}</p>
      ) : (
        <DataTable
          caption={m.accountsTitle}
          columns={[
            { label: m.displayName },
            { label: m.login },
            { label: m.role },
            { label: m.unit },
            { label: m.status },
            { label: m.lastSignIn },
          ]}
          rows={accounts.map((account) => ({
            key: account.id,
            cells: [
              <a href={`/admin/accounts/${account.id}`}>{account.displayName}</a>,
              account.login,
              roleNames[ctx.lang][account.role],
              account.unitName,
              account.active ? <Tag tone="green">{m.active}</Tag> : <Tag tone="red">{m.inactive}</Tag>,
              account.lastSignInAt ? formatDateTime(account.lastSignInAt, ctx.lang) : m.never,
            ],
          }))}
        />
      )}
      <Pagination lang={ctx.lang} page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </Layout>
  );
}

export interface AccountFormValues {
  login?: string | undefined;
  displayName?: string | undefined;
  email?: string | undefined;
  role?: string | undefined;
  unitId?: string | undefined;
  active?: boolean | undefined;
}

export function AccountFormPage({
  ctx,
  account,
  values,
  errors,
  units,
}: {
  ctx: PageContext;
  account: Account | null;
  values: AccountFormValues;
  errors: FieldError[];
  units: Option[];
}) {
  const m = accountMessages[ctx.lang];
  const title = account ? m.editTitle(account.login) : m.createTitle;
  return (
    <Layout ctx={ctx} title={title}>
      <p>
        <a className="back-link" href="/admin/accounts">
          {m.backToList}
        </a>
      </p>
      <ErrorSummary lang={ctx.lang} errors={errors} />
      <h1>{title}</h1>
      {account && <AccountSummary ctx={ctx} account={account} />}
      <form method="post" action={account ? `/admin/accounts/${account.id}` : '/admin/accounts'} className="narrow" noValidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="login"
          label={m.login}
          hint={m.loginHint}
          value={values.login}
          autoComplete="off"
          spellCheck={false}
          width="medium"
          error={errorFor(errors, 'login')}
        />
        <TextField
          name="displayName"
          label={m.displayName}
          value={values.displayName}
          autoComplete="off"
          error={errorFor(errors, 'displayName')}
        />
        <TextField
          name="email"
          label={m.email}
          type="email"
          value={values.email}
          autoComplete="off"
          spellCheck={false}
          error={errorFor(errors, 'email')}
        />
        <SelectField
          name="role"
          label={m.role}
          value={values.role}
          options={roleOptions(ctx)}
          placeholder=""
          error={errorFor(errors, 'role')}
        />
        <SelectField name="unitId" label={m.unit} value={values.unitId} options={units} placeholder="" error={errorFor(errors, 'unitId')} />
        {account && <CheckboxField name="active" label={m.activeLabel} hint={m.activeHint} checked={values.active ?? true} />}
        <TextField
          name="password"
          label={account ? m.resetPassword : m.initialPassword}
          hint={account ? m.resetPasswordHint : m.initialPasswordHint}
          type="password"
          autoComplete="new-password"
          width="medium"
          error={errorFor(errors, 'password')}
        />
        <button type="submit" className="button">
          {account ? m.saveButton : m.createButton}
        </button>
      </form>
      {account && (
        <p>
          <a href={`/admin/audit?entityType=accounts&entityId=${account.id}`}>{m.history}</a>
        </p>
      )}
    </Layout>
  );
}
