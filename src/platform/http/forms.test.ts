import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formList, formNumber } from './forms.js';

describe('formNumber', () => {
  it('reads numbers as people type them in Polish and English', () => {
    expect(formNumber('51,4597')).toBe(51.4597);
    expect(formNumber(' 12.5 ')).toBe(12.5);
    expect(formNumber('-3')).toBe(-3);
    expect(formNumber('')).toBeNull();
    expect(formNumber('   ')).toBeNull();
    expect(formNumber(undefined)).toBeNull();
  });

  it('gives NaN for what Number() would read as something else or as ±Infinity', () => {
    for (const text of ['-1e309', '1e309', '1e5', 'NaN', 'Infinity', '0x1F', '9'.repeat(400), '12abc', '1,5,5', '١٢'])
      expect(formNumber(text), text).toBeNaN();
  });

  it('is always null, NaN or a finite number', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const n = formNumber(text);
        return n === null || Number.isNaN(n) || Number.isFinite(n);
      }),
    );
  });
});

describe('formList', () => {
  it('reads every value of a repeated field, one value as a list, and nothing else', () => {
    expect(formList({ d: ['a/1', 'a/2'] }, 'd')).toEqual(['a/1', 'a/2']);
    expect(formList({ d: 'a/1' }, 'd')).toEqual(['a/1']);
    expect(formList({ d: ['a/1', { x: 1 }, 3] }, 'd')).toEqual(['a/1']);
    expect(formList({ other: 'a/1' }, 'd')).toEqual([]);
    expect(formList({ constructor: 'x' }, 'toString')).toEqual([]);
    expect(formList(undefined, 'd')).toEqual([]);
  });
});
