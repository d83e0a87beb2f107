import { useContext, type ReactNode } from 'react';
import type { PageContext } from './page-context.js';
import { PageStateContext, type PageState } from './page-state.js';
import { layoutMessages, roleNames } from './messages.js';
import { CsrfField } from './components.js';

interface LayoutProps {
  ctx: PageContext;
  title: string;
  children: ReactNode;
}

function NavLink({ href, current, children }: { href: string; current: string; children: ReactNode }) {
  const path = current.split('?')[0] ?? '';
  const active = href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`);
  return (
    <li>
      <a href={href} aria-current={active ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

/**
 * The page's <title>, rendered after the content so that it knows whether an error summary was
 * shown (then it starts with "Błąd: ", as screen readers announce the title first); React hoists
 * it into <head>.
 */
function PageTitle({ title, lang }: { title: string; lang: PageContext['lang'] }) {
  const m = layoutMessages[lang];
  const errors = useContext(PageStateContext)?.errorsShown ?? false;
  return <title>{`${errors ? m.errorTitlePrefix : ''}${title} – ${m.appName}`}</title>;
}

/** The page frame: skip link, header with navigation and language switch, main, footer. */
export function Layout({ ctx, title, children }: LayoutProps) {
  const m = layoutMessages[ctx.lang];
  const other = ctx.lang === 'pl' ? 'en' : 'pl';
  const switchHref = `/language/${other}?next=${encodeURIComponent(ctx.currentUrl)}`;
  const user = ctx.principal;
  const state: PageState = { errorsShown: false };
  return (
    <PageStateContext value={state}>
      <html lang={ctx.lang}>
        <head>
          <meta charSet="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <link rel="stylesheet" href="/assets/app.css" />
          <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        </head>
        <body>
          <a className="skip-link" href="#main">
            {m.skipToContent}
          </a>
          <header className="site-header">
            <div className="container site-header__inner">
              <a className="site-header__brand" href="/">
                <span className="site-header__logo" aria-hidden="true" />
                {m.appName}
              </a>
              <nav className="site-nav" aria-label={m.mainNav}>
                <ul>
                  <NavLink href="/" current={ctx.currentUrl}>
                    {m.home}
                  </NavLink>
                  <NavLink href="/plany" current={ctx.currentUrl}>
                    {m.plans}
                  </NavLink>
                  <NavLink href="/zgloszenia" current={ctx.currentUrl}>
                    {m.reportsMap}
                  </NavLink>
                  <NavLink href="/zglos" current={ctx.currentUrl}>
                    {m.reports}
                  </NavLink>
                  {user && (
                    <NavLink href="/admin" current={ctx.currentUrl}>
                      {m.admin}
                    </NavLink>
                  )}
                  {user && (
                    <NavLink href="/account" current={ctx.currentUrl}>
                      {m.account}
                    </NavLink>
                  )}
                </ul>
              </nav>
              <div className="site-header__tools">
                <a href={switchHref} lang={other} hrefLang={other} aria-label={m.switchLanguageLabel}>
                  {m.switchLanguage}
                </a>
                {user ? (
                  <form method="post" action="/logout" className="inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <button type="submit" className="link-button">
                      {m.signOut}
                    </button>
                  </form>
                ) : (
                  <a href={`/login?next=${encodeURIComponent(ctx.currentUrl)}`}>{m.signIn}</a>
                )}
              </div>
            </div>
            {user && (
              <div className="site-header__user">
                <div className="container">
                  {m.signedInAs} <strong>{user.displayName}</strong> ({roleNames[ctx.lang][user.role]}, {user.unitName})
                </div>
              </div>
            )}
          </header>
          <main id="main" className="container main" tabIndex={-1}>
            {ctx.notice && (
              <div className="notice notice--success" role="status">
                {ctx.notice}
              </div>
            )}
            {children}
          </main>
          <footer className="site-footer">
            <div className="container">
              <p className="site-footer__warning">{m.footerNote}</p>
              <ul className="site-footer__links">
                <li>
                  <a href="/prywatnosc">{m.privacy}</a>
                </li>
                <li>
                  <a href="/api/docs">{m.apiDocs}</a>
                </li>
                <li>{m.openSource}</li>
              </ul>
            </div>
          </footer>
          <PageTitle title={title} lang={ctx.lang} />
        </body>
      </html>
    </PageStateContext>
  );
}
