import fc from 'fast-check';

/** A JSON token written as is: numbers JSON.stringify cannot write (1e400) and nesting it would overflow on. */
export class RawJson {
  constructor(readonly text: string) {}
}

export type JsonLike = RawJson | string | number | boolean | null | JsonLike[] | { [key: string]: JsonLike };

/** JSON text of a value that may hold raw tokens (keys such as "__proto__" are written as keys, not as prototypes). */
export function toJson(value: JsonLike): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/** Every character that is not ASCII letter or digit as UTF-8 percent bytes (a lone surrogate becomes U+FFFD, as browsers send it). */
export function percentEncode(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9]/.test(String.fromCharCode(byte)) ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

const controls = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009b'];

/** Numbers as people and scripts type them, including those JavaScript reads as ±Infinity, NaN or past 2^53. */
export const numberTexts = [
  '-1e309',
  '1e309',
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '0x1F',
  '1e-400',
  '9'.repeat(400),
  '-1',
  '0',
  '2147483648',
  '9223372036854775808',
  '1,5',
  '١٢',
  '９',
  ' 12 ',
  '12abc',
];
const dateTexts = [
  '2026-02-30',
  '0000-00-00',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59-14:00',
  '+275760-09-13',
  '9999-12-31',
  '1900-01-01',
  '2026-13-01',
  '2027-01',
  '31.12.2026',
  '2026-01-01T25:00:00Z',
];
export const prototypeKeys = ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'prototype', '__defineGetter__'];
const unicodeTexts = ['🚓👮‍♀️', '\u202eevil', 'e\u0301\u0301\u0301', 'שלום عليكم', '\u200b', '\ufeff', '\ufffe\uffff', 'İß ǅ Ⅻ', '\u00a0'];
const loneSurrogates = ['\ud800', '\udfff', 'a\ud83d', '\ude93b'];
const sqlTexts = [
  "' OR 1=1 --",
  "'; drop table reports; --",
  '%',
  '_',
  '\\',
  '$1',
  "E'\\x00'",
  '*/',
  '%00',
  '{}',
  '[]',
  'null',
  'undefined',
  'true',
  '../../etc/passwd',
  '<script>alert(1)</script>',
];
const emptyTexts = ['', ' ', '\t', '\n', '\r\n', '   \u00a0'];

/** Strings a hostile tester types into any field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 5 }), fc.constantFrom(...controls), fc.string({ maxLength: 5 }))
      .map(([a, c, b]) => `${a}${c}${b}`),
  },
  { weight: 4, arbitrary: fc.constantFrom(...numberTexts, ...dateTexts) },
  { weight: 3, arbitrary: fc.constantFrom(...prototypeKeys) },
  { weight: 2, arbitrary: fc.constantFrom(...unicodeTexts) },
  { weight: 1, arbitrary: fc.constantFrom(...loneSurrogates) },
  { weight: 2, arbitrary: fc.constantFrom(...sqlTexts) },
  { weight: 2, arbitrary: fc.constantFrom(...emptyTexts) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(300, 5_000, 100_000, 300_000), fc.constantFrom('x', 'ą', '🚓', '\u0000'))
      .map(([n, c]) => c.repeat(n)),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const deep = (n: number, kind: 'array' | 'object') =>
  new RawJson(kind === 'array' ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`);

/** Any JSON value in place of a field: hostile strings, wrong types, numbers out of range, deep nesting. */
export const hostileJson: fc.Arbitrary<JsonLike> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  fc.constantFrom<JsonLike>(
    new RawJson('1e400'),
    new RawJson('-1e309'),
    new RawJson('1e-400'),
    new RawJson('123456789012345678901234567890'),
    new RawJson('-0'),
  ),
  fc.constantFrom<JsonLike>(-1, 0, 1.5, 2 ** 31, 2 ** 53 + 1, 1e300, -1e300, true, false, null, [], {}),
  fc.constantFrom<JsonLike>(deep(100, 'array'), deep(20_000, 'array'), deep(100, 'object'), deep(20_000, 'object')),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(fc.oneof(fc.constantFrom(...prototypeKeys), hostileString), hostileString, { maxKeys: 3 }),
);

/** Pairs of a urlencoded body written raw: bad percent-encoding, overlong NUL, surrogate bytes, empty names. */
export const rawFormPairs = [
  'a=%ED%A0%80',
  'a=%C0%80',
  '%FF=1',
  'a=%',
  'a=%0',
  '&&&',
  '=',
  'a=%00',
  '__proto__=x',
  '__proto__[x]=1',
  'constructor[prototype][x]=1',
  'a[]=1&a[]=2',
];
