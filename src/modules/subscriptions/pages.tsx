import type { FieldError } from '../../platform/http/errors.js';
import { CsrfField, ErrorSummary, TextField, errorFor } from '../../platform/render/components.js';
import { Layout } from '../../platform/render/layout.js';
import type { PageContext } from '../../platform/render/page-context.js';
import { subscriptionMessages } from './messages.js';

/** A district as the follow pages name it, with its page's address. */
export interface FollowedDistrict {
  /** "Rejon nr 3 – Centrum (KPP Borowo)". */
  label: string;
  /** "/rejony/kpp-borowo/3". */
  url: string;
}

/** The follow form: e-mail, a honeypot bots fill in, the CSRF token. Works without JavaScript. */
export function FollowForm({
  ctx,
  district,
  errors = [],
  email,
}: {
  ctx: PageContext;
  district: FollowedDistrict;
  errors?: FieldError[];
  email?: string;
}) {
  const m = subscriptionMessages[ctx.lang];
  return (
    <form method="post" action={`${district.url}/obserwuj`} noValidate className="follow-form">
      <CsrfField token={ctx.csrfToken} />
      <TextField
        name="email"
        label={m.email}
        hint={m.emailHint}
        type="email"
        value={email}
        error={errorFor(errors, 'email')}
        autoComplete="email"
      />
      <div hidden>
        <label htmlFor="field-website">{m.honeypot}</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <button type="submit" className="button">
        {m.follow}
      </button>
    </form>
  );
}

/**
 * The district page's section (passed in by src/app.ts, so districts never import this module):
 * the form, the Atom feed linked visibly and, for feed readers, in the head (React hoists the link).
 */
export function FollowSection({ ctx, district }: { ctx: PageContext; district: FollowedDistrict }) {
  const m = subscriptionMessages[ctx.lang];
  const feed = `${district.url}/aktualnosci.atom`;
  return (
    <section aria-labelledby="follow-heading">
      <link rel="alternate" type="application/atom+xml" title={m.feedTitle(district.label)} href={feed} />
      <h2 id="follow-heading">{m.heading}</h2>
      <p>{m.lead}</p>
      <FollowForm ctx={ctx} district={district} />
      <p>
        <a href={feed}>{m.feed}</a>
      </p>
    </section>
  );
}

/** The form on its own page: where errors are shown, and where "check your inbox" is said. */
export function FollowPage({
  ctx,
  district,
  errors,
  email,
  sent,
}: {
  ctx: PageContext;
  district: FollowedDistrict;
  errors: FieldError[];
  email?: string;
  sent: boolean;
}) {
  const m = subscriptionMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={sent ? m.sentTitle : m.formTitle(district.label)}>
      {sent ? (
        <>
          <h1>{m.sentTitle}</h1>
          <p role="status">{m.sent}</p>
        </>
      ) : (
        <>
          <h1>{m.formTitle(district.label)}</h1>
          <p>{m.lead}</p>
          <ErrorSummary lang={ctx.lang} errors={errors} />
          <FollowForm ctx={ctx} district={district} errors={errors} email={email} />
        </>
      )}
      <p>
        <a href={district.url}>{m.backToDistrict}</a>
      </p>
    </Layout>
  );
}

/** A link's page: a question with a button (mail scanners open links; only a POST acts), or the outcome. */
export function LinkPage({
  ctx,
  title,
  text,
  action,
  button,
  districtUrl,
}: {
  ctx: PageContext;
  title: string;
  text: string;
  /** Where the button posts; none: the page only tells. */
  action?: string;
  button?: string;
  districtUrl?: string;
}) {
  const m = subscriptionMessages[ctx.lang];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p>{text}</p>
      {action && (
        <form method="post" action={action}>
          <CsrfField token={ctx.csrfToken} />
          <button type="submit" className="button">
            {button}
          </button>
        </form>
      )}
      {districtUrl && (
        <p>
          <a href={districtUrl}>{m.backToDistrict}</a>
        </p>
      )}
    </Layout>
  );
}
