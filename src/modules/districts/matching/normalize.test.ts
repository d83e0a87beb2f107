import { describe, expect, it } from 'vitest';
import { foldText, keyOfTokens, streetKey, streetKindOf } from './normalize.js';

describe('street keys of what people type', () => {
  it('write out abbreviations and drop kind words', () => {
    expect(streetKey('ul. gen. Sikorskiego')).toEqual({ key: 'generala sikorskiego', kind: 'ulica' });
    expect(keyOfTokens(['ks', 'popieluszki'])).toBe('ksiedza popieluszki');
  });

  it('keep words that are names of Object.prototype members as they are', () => {
    for (const word of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      expect(streetKindOf(word.toLowerCase()), word).toBeUndefined();
      expect(keyOfTokens([word]), word).toBe(word);
      expect(streetKey(`${word} lubelska`).key, word).toBe(`${foldText(word)} lubelska`);
    }
  });
});
