import type { Localized } from '../i18n/i18n.js';

/** One problem with one field of the input; `field` is a dotted path such as "unitId". */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * An error the user can act on. Routes and use cases throw it; the error handler answers with the
 * envelope {"error":{"code","message","details"}} in the request's language (or an HTML page).
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Localized,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(text.en);
  }
}

/** Field errors already in one language, raised when a form or JSON body fails a business rule. */
export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: FieldError[],
    text: Localized = {
      pl: 'Popraw zaznaczone pola.',
      en: 'Correct the highlighted fields.',
    },
  ) {
    super(400, 'validation_failed', text, fieldErrors);
  }
}

export const httpErrors = {
  notFound: (): AppError =>
    new AppError(404, 'not_found', {
      pl: 'Nie znaleziono takiej strony ani zasobu.',
      en: 'No such page or resource.',
    }),
  unauthorized: (): AppError =>
    new AppError(401, 'unauthorized', {
      pl: 'Zaloguj się, aby kontynuować.',
      en: 'Sign in to continue.',
    }),
  forbidden: (text?: Localized): AppError =>
    new AppError(403, 'forbidden', text ?? { pl: 'Nie masz uprawnień do tej czynności.', en: 'You are not allowed to do this.' }),
  csrf: (): AppError =>
    new AppError(403, 'csrf_invalid', {
      pl: 'Formularz wygasł albo został wysłany z innej strony. Odśwież stronę i spróbuj ponownie.',
      en: 'The form has expired or was sent from another site. Reload the page and try again.',
    }),
};
