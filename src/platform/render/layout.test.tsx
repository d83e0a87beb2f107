import { describe, expect, it } from 'vitest';
import { renderPage } from './render.js';
import { Layout } from './layout.js';
import { ErrorSummary } from './components.js';
import type { PageContext } from './page-context.js';
import type { Lang } from '../i18n/i18n.js';

const ctx = (lang: Lang): PageContext => ({ lang, principal: null, csrfToken: 't', currentUrl: '/x' });
const titleOf = (html: string) => /<head>.*?<title>([^<]*)<\/title>.*<\/head>/s.exec(html)?.[1];
const error = { field: 'login', code: 'required', message: 'Podaj login.' };

function Page({ lang, errors, svg = false }: { lang: Lang; errors: (typeof error)[]; svg?: boolean }) {
  return (
    <Layout ctx={ctx(lang)} title="Logowanie">
      <h1>Logowanie</h1>
      {svg && (
        <svg role="img" aria-label="wykres">
          <title>wykres</title>
        </svg>
      )}
      <ErrorSummary lang={lang} errors={errors} />
    </Layout>
  );
}

describe('the page title', () => {
  it('starts with "Błąd: " / "Error: " only while an error summary is shown', () => {
    expect(titleOf(renderPage(<Page lang="pl" errors={[error]} />))).toBe('Błąd: Logowanie – Dzielnicowy');
    expect(titleOf(renderPage(<Page lang="en" errors={[error]} />))).toBe('Error: Logowanie – Dzielnicowy');
    expect(titleOf(renderPage(<Page lang="pl" errors={[]} />))).toBe('Logowanie – Dzielnicowy');
  });

  it('is one <title> in <head>, even after a page with errors and with an SVG title of its own', () => {
    renderPage(<Page lang="pl" errors={[error]} />);
    const html = renderPage(<Page lang="pl" errors={[]} svg />);
    const head = /<head>(.*)<\/head>/s.exec(html)![1]!;
    expect(head.match(/<title>/g)).toHaveLength(1);
    expect(titleOf(html)).toBe('Logowanie – Dzielnicowy');
    expect(html).toMatch(/<svg[^>]*><title>wykres<\/title><\/svg>/);
  });
});
