import type { ValidateFunction } from 'ajv';
import type { Lang } from '../i18n/i18n.js';
import { AppError, ValidationError, type FieldError } from './errors.js';
import { describeValidationErrors } from './validation.js';

/** A urlencoded body as plain strings (first value of repeated fields); unknown shapes become empty. */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      const first = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') fields[key] = first;
    }
  }
  return fields;
}

/** Validates a form's typed input with the API's schema; messages name fields by their labels. */
export function validateForm(
  validate: ValidateFunction,
  input: unknown,
  lang: Lang,
  labels: Record<string, string>,
): FieldError[] {
  return validate(input) ? [] : describeValidationErrors(validate.errors ?? [], lang, labels);
}

/**
 * Turns an error from a use case into messages for the form that caused it, or rethrows it when
 * it is not about the input (permissions, missing records): those get the error page.
 */
export function formErrorsFrom(error: unknown, lang: Lang): FieldError[] {
  if (error instanceof ValidationError) return error.fieldErrors;
  if (error instanceof AppError && error.status < 500 && ![401, 403, 404, 429].includes(error.status)) {
    const field = (error.details as { field?: string } | undefined)?.field ?? 'form';
    return [{ field, code: error.code, message: error.text[lang] }];
  }
  throw error;
}
