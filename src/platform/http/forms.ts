import type { ValidateFunction } from 'ajv';
import type { Lang } from '../i18n/i18n.js';
import { AppError, ValidationError, type FieldError } from './errors.js';
import { describeValidationErrors } from './validation.js';

/** A urlencoded body as plain strings (first value of repeated fields); unknown shapes become empty. */
export function formFields(body: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      const first: unknown = Array.isArray(value) ? value[0] : value;
      if (typeof first === 'string') fields[key] = first;
    }
  }
  return fields;
}

/** Every value of a repeated field (ticked checkboxes of one name), strings only; none → []. */
export function formList(body: unknown, name: string): string[] {
  if (!body || typeof body !== 'object' || !Object.hasOwn(body, name)) return [];
  const value: unknown = (body as Record<string, unknown>)[name];
  return (Array.isArray(value) ? value : [value]).filter((item): item is string => typeof item === 'string');
}

/**
 * A number as typed in a Polish form: "51,4597" or "51.4597"; empty → null; anything else → NaN,
 * including what Number() would read as something else ("0x1F", "1e5") or as ±Infinity ("1e309",
 * four hundred nines), so the caller shows a field error instead of storing or querying with it.
 */
export function formNumber(text: string | undefined): number | null {
  const value = text?.trim().replace(',', '.');
  if (!value) return null;
  const n = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : Number.NaN;
}

/** Validates a form's typed input with the API's schema; messages name fields by their labels. */
export function validateForm(validate: ValidateFunction, input: unknown, lang: Lang, labels: Record<string, string>): FieldError[] {
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
