import type { PageContext } from './page-context.js';
import { Layout } from './layout.js';

const titles: Record<number, { pl: string; en: string }> = {
  400: { pl: 'Nieprawidłowe żądanie', en: 'Bad request' },
  401: { pl: 'Wymagane logowanie', en: 'Sign-in required' },
  403: { pl: 'Brak dostępu', en: 'Access denied' },
  404: { pl: 'Nie znaleziono strony', en: 'Page not found' },
  413: { pl: 'Za duże dane', en: 'Too much data' },
  415: { pl: 'Nieobsługiwany format danych', en: 'Unsupported data format' },
  429: { pl: 'Za dużo prób', en: 'Too many attempts' },
  503: { pl: 'Usługa chwilowo niedostępna', en: 'Service temporarily unavailable' },
};

const fallback = { pl: 'Coś poszło nie tak', en: 'Something went wrong' };
const homeLink = { pl: 'Przejdź na stronę główną', en: 'Go to the home page' };
const reference = { pl: 'Numer zgłoszenia błędu', en: 'Error reference' };

export function ErrorPage({ ctx, status, message, requestId }: { ctx: PageContext; status: number; message: string; requestId?: string }) {
  const title = (titles[status] ?? fallback)[ctx.lang];
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p className="lead">{message}</p>
      {status >= 500 && requestId && (
        <p>
          {reference[ctx.lang]}: <code>{requestId}</code>
        </p>
      )}
      <p>
        <a href="/">{homeLink[ctx.lang]}</a>
      </p>
    </Layout>
  );
}
