import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findForbiddenCharacters, forbiddenCharacter } from './input-characters.js';

describe('forbiddenCharacter', () => {
  it('names the first control character, DEL, C1 or lone surrogate', () => {
    expect(forbiddenCharacter('ab\u0000c')).toBe('U+0000');
    expect(forbiddenCharacter('\u001b[2J')).toBe('U+001B');
    expect(forbiddenCharacter('x\u007f')).toBe('U+007F');
    expect(forbiddenCharacter('\u0085')).toBe('U+0085');
    expect(forbiddenCharacter('a\ud800')).toBe('U+D800');
    expect(forbiddenCharacter('\udc00b')).toBe('U+DC00');
  });

  it('lets every other character through: whitespace of multi-line text, letters, emoji, marks, direction marks', () => {
    expect(forbiddenCharacter('tab\tlf\ncr\r')).toBeNull();
    expect(forbiddenCharacter('Łęczna „cudzysłów” 🚓👮‍♀️ שלום e\u0301 \u200f\u00a0\ufeff')).toBeNull();
    const isControl = (c: string) => {
      const code = c.codePointAt(0)!;
      return (code < 0x20 && !'\t\n\r'.includes(c)) || (code >= 0x7f && code <= 0x9f);
    };
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme' }).filter((text) => ![...text].some(isControl)),
        (text) => forbiddenCharacter(text) === null,
      ),
    );
  });
});

describe('findForbiddenCharacters', () => {
  it('walks path, query and body, keys included, and names each place', () => {
    const found = findForbiddenCharacters({
      params: { id: 'a\u0000' },
      query: { q: 'ok' },
      body: { a: [{ b: 'x\u0001' }], ['k\u0002']: 'v' },
    });
    expect(found).toHaveLength(3);
    expect(found).toEqual(
      expect.arrayContaining([
        { part: 'params', field: 'id', character: 'U+0000' },
        { part: 'body', field: 'a.0.b', character: 'U+0001' },
        { part: 'body', field: 'k\u0002', character: 'U+0002' },
      ]),
    );
  });

  it('skips uploaded files (buffers) and survives nesting far deeper than the call stack', () => {
    expect(findForbiddenCharacters({ params: {}, query: {}, body: { file: Buffer.from('\u0000\u0001') } })).toEqual([]);
    const deep = JSON.parse(`${'['.repeat(200_000)}"\\u0000"${']'.repeat(200_000)}`) as unknown;
    expect(findForbiddenCharacters({ params: {}, query: {}, body: deep })).toHaveLength(1);
  });
});
