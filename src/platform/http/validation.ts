import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchema, FastifySchemaCompiler } from 'fastify';
import { formatNumber, plural, type Lang } from '../i18n/i18n.js';
import { isCalendarDay } from '../i18n/calendar.js';
import type { FieldError } from './errors.js';

// ajv-formats is CommonJS with a default export.
const addFormats = addFormatsModule as unknown as ((ajv: Ajv) => Ajv) & { get(name: string): { validate: (text: string) => boolean } };
const isDateTime = addFormats.get('date-time').validate;

function makeAjv(coerceTypes: boolean): Ajv {
  // removeAdditional:false: unknown fields are errors, not silently dropped (Fastify's default).
  const ajv = new Ajv({ allErrors: true, removeAdditional: false, useDefaults: true, coerceTypes, strict: false });
  addFormats(ajv);
  // ajv-formats takes year 0000, which PostgreSQL has not got (a 500 from the database): a date is a calendar day.
  ajv.addFormat('date', { type: 'string', validate: isCalendarDay });
  ajv.addFormat('date-time', { type: 'string', validate: (text: string) => !text.startsWith('0000') && isDateTime(text) });
  return ajv;
}

/** Bodies are JSON and must have the right types; query strings and paths are text and are coerced. */
const strictAjv = makeAjv(false);
const coercingAjv = makeAjv(true);

export const validatorCompiler: FastifySchemaCompiler<FastifySchema> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? strictAjv : coercingAjv).compile(schema as object);

/** Compiles a schema for use outside routes (HTML forms validated by the same schema as the API). */
export function compileSchema<T>(schema: object, coerce = false): ValidateFunction<T> {
  return (coerce ? coercingAjv : strictAjv).compile<T>(schema);
}

const typeNames: Record<Lang, Record<string, string>> = {
  pl: {
    string: 'tekstem',
    integer: 'liczbą całkowitą',
    number: 'liczbą',
    boolean: 'wartością true albo false',
    object: 'obiektem',
    array: 'listą',
    null: 'wartością null',
  },
  en: {
    string: 'a string',
    integer: 'an integer',
    number: 'a number',
    boolean: 'true or false',
    object: 'an object',
    array: 'a list',
    null: 'null',
  },
};

const characters = (lang: Lang, n: number) =>
  `${formatNumber(n, lang)} ${plural(
    lang,
    n,
    lang === 'pl' ? { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' } : { one: 'character', other: 'characters' },
  )}`;

const items = (lang: Lang, n: number) =>
  `${formatNumber(n, lang)} ${plural(
    lang,
    n,
    lang === 'pl' ? { one: 'element', few: 'elementy', many: 'elementów', other: 'elementu' } : { one: 'item', other: 'items' },
  )}`;

function fieldPath(error: ErrorObject): string {
  const base = error.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra =
    error.keyword === 'required'
      ? (error.params as { missingProperty: string }).missingProperty
      : error.keyword === 'additionalProperties'
        ? (error.params as { additionalProperty: string }).additionalProperty
        : '';
  return [base, extra].filter(Boolean).join('.');
}

/** One clear sentence per Ajv error, naming the field by its label where the caller has one. */
export function describeValidationErrors(errors: readonly ErrorObject[], lang: Lang, labels: Record<string, string> = {}): FieldError[] {
  // One message per field, the first Ajv reports: a person fixes one thing at a time.
  const seen = new Set<string>();
  const result: FieldError[] = [];
  for (const error of errors) {
    const field = fieldPath(error);
    if (seen.has(field)) continue;
    seen.add(field);
    // The field can be a name the client made up (an unknown "__proto__" or "toString"): own labels only.
    const name =
      (Object.hasOwn(labels, field) ? labels[field] : undefined) ?? (field || (lang === 'pl' ? 'treść żądania' : 'request body'));
    const q = lang === 'pl' ? `„${name}”` : `"${name}"`;
    const p = error.params as Record<string, unknown>;
    const pl = lang === 'pl';
    let message: string;
    switch (error.keyword) {
      case 'required':
        message = pl ? `Pole ${q} jest wymagane.` : `The field ${q} is required.`;
        break;
      case 'additionalProperties':
        message = pl ? `Nieznane pole ${q}.` : `Unknown field ${q}.`;
        break;
      case 'type': {
        const expected = String(p.type)
          .split(',')
          .map((t) => typeNames[lang][t] ?? t);
        message = pl ? `Pole ${q} musi być ${expected.join(' lub ')}.` : `The field ${q} must be ${expected.join(' or ')}.`;
        break;
      }
      case 'minLength':
        message =
          Number(p.limit) === 1
            ? pl
              ? `Pole ${q} nie może być puste.`
              : `The field ${q} must not be empty.`
            : pl
              ? `Pole ${q} musi mieć co najmniej ${characters(lang, Number(p.limit))}.`
              : `The field ${q} must have at least ${characters(lang, Number(p.limit))}.`;
        break;
      case 'maxLength':
        message = pl
          ? `Pole ${q} może mieć co najwyżej ${characters(lang, Number(p.limit))}.`
          : `The field ${q} may have at most ${characters(lang, Number(p.limit))}.`;
        break;
      case 'minItems':
        message = pl
          ? `Lista ${q} musi mieć co najmniej ${items(lang, Number(p.limit))}.`
          : `The list ${q} must have at least ${items(lang, Number(p.limit))}.`;
        break;
      case 'maxItems':
        message = pl
          ? `Lista ${q} może mieć co najwyżej ${items(lang, Number(p.limit))}.`
          : `The list ${q} may have at most ${items(lang, Number(p.limit))}.`;
        break;
      case 'minimum':
      case 'exclusiveMinimum':
        message = pl
          ? `Pole ${q} musi być nie mniejsze niż ${formatNumber(Number(p.limit), lang)}.`
          : `The field ${q} must be at least ${formatNumber(Number(p.limit), lang)}.`;
        break;
      case 'maximum':
      case 'exclusiveMaximum':
        message = pl
          ? `Pole ${q} musi być nie większe niż ${formatNumber(Number(p.limit), lang)}.`
          : `The field ${q} must be at most ${formatNumber(Number(p.limit), lang)}.`;
        break;
      case 'enum': {
        const allowed = (p.allowedValues as unknown[]).map(String).join(', ');
        message = pl ? `Pole ${q} musi mieć jedną z wartości: ${allowed}.` : `The field ${q} must be one of: ${allowed}.`;
        break;
      }
      case 'format':
        message =
          p.format === 'email'
            ? pl
              ? `Pole ${q} musi być adresem e-mail, np. jan.kowalski@policja.gov.pl.`
              : `The field ${q} must be an e-mail address, e.g. jan.kowalski@example.org.`
            : pl
              ? `Pole ${q} ma nieprawidłowy format (${String(p.format)}).`
              : `The field ${q} has an invalid format (${String(p.format)}).`;
        break;
      case 'pattern':
        // Patterns starting with \S ask for text, not spaces (names trimmed before they are stored).
        message = String(p.pattern).startsWith('\\S')
          ? pl
            ? `Pole ${q} musi zawierać tekst, nie same spacje.`
            : `The field ${q} must contain text, not only spaces.`
          : pl
            ? `Pole ${q} ma nieprawidłowy format.`
            : `The field ${q} has an invalid format.`;
        break;
      default:
        message = pl ? `Pole ${q} ma nieprawidłową wartość.` : `The field ${q} has an invalid value.`;
    }
    result.push({ field, code: error.keyword, message });
  }
  return result;
}
