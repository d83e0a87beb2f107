import { describe, expect, it } from 'vitest';
import { compileSchema, describeValidationErrors } from './validation.js';
import { safeReturnPath } from './request-context.js';

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'age'],
  properties: {
    login: { type: 'string', minLength: 2, maxLength: 5 },
    age: { type: 'integer', minimum: 18 },
    email: { type: 'string', format: 'email' },
    role: { enum: ['admin', 'officer'] },
  },
};
const validate = compileSchema(schema);

function messages(input: unknown, lang: 'pl' | 'en' = 'pl', labels?: Record<string, string>) {
  expect(validate(input)).toBe(false);
  return describeValidationErrors(validate.errors!, lang, labels);
}

describe('validation messages', () => {
  it('names every problem in Polish, with correct plural forms', () => {
    const result = messages({ login: 'abcdefg', extra: 1, role: 'boss', email: 'nope' });
    expect(result.map((r) => r.message)).toEqual(
      expect.arrayContaining([
        'Pole „age” jest wymagane.',
        'Nieznane pole „extra”.',
        'Pole „login” może mieć co najwyżej 5 znaków.',
        'Pole „role” musi mieć jedną z wartości: admin, officer.',
        expect.stringContaining('Pole „email” musi być adresem e-mail'),
      ]),
    );
    expect(messages({ login: 'a', age: 18 })[0]!.message).toBe('Pole „login” musi mieć co najmniej 2 znaki.');
  });

  it('rejects wrong types in bodies instead of coercing them', () => {
    const result = messages({ login: 'abc', age: '20' }, 'en');
    expect(result).toEqual([{ field: 'age', code: 'type', message: 'The field "age" must be an integer.' }]);
  });

  it('uses field labels when a form provides them', () => {
    expect(messages({ login: 'abc' }, 'pl', { age: 'Wiek' })[0]!.message).toBe('Pole „Wiek” jest wymagane.');
  });
});

describe('safeReturnPath', () => {
  it('keeps same-site paths and drops everything else', () => {
    expect(safeReturnPath('/admin/accounts?page=2')).toBe('/admin/accounts?page=2');
    expect(safeReturnPath('//evil.example')).toBe('/');
    expect(safeReturnPath('https://evil.example')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
    expect(safeReturnPath(undefined)).toBe('/');
  });
});

describe('field labels', () => {
  it('names a made-up field by its own name, even one Object.prototype has', () => {
    const result = messages(JSON.parse('{"login":"abc","age":20,"toString":1,"constructor":2}'), 'pl', { login: 'Login' });
    expect(result.map((r) => r.message)).toEqual(['Nieznane pole „toString”.', 'Nieznane pole „constructor”.']);
  });
});

describe('date formats', () => {
  const dates = compileSchema({
    type: 'object',
    properties: { day: { type: 'string', format: 'date' }, at: { type: 'string', format: 'date-time' } },
  });

  it('take calendar days and date-times the database can store', () => {
    expect(dates({ day: '2028-02-29', at: '2026-11-05T08:15:30Z' })).toBe(true);
    expect(dates({ day: '0001-01-01', at: '0001-01-01T00:00:00+01:00' })).toBe(true);
  });

  it('refuse year 0000 (PostgreSQL has none) and days that do not exist', () => {
    for (const day of ['0000-01-01', '2026-02-30', '2026-13-01', '-1e309', '2027-1-1']) expect(dates({ day }), day).toBe(false);
    for (const at of ['0000-01-01T00:00:00Z', '2026-02-30T00:00:00Z', '2026-11-05']) expect(dates({ at }), at).toBe(false);
  });
});
