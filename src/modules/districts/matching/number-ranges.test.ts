import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { NumberRange } from '../area/types.js';
import { formatNumberRanges, parseNumberRanges, rangeContains, rangesOverlap } from './number-ranges.js';
import { compareHouseNumbers, parseHouseNumber } from './house-number.js';

const r = (from: string, to: string | null, parity: NumberRange['parity'] = 'all'): NumberRange => ({ from, to, parity });

describe('house numbers', () => {
  it.each([
    ['15', { number: 15, suffix: '', flat: null }],
    ['15A', { number: 15, suffix: 'a', flat: null }],
    ['15 a', { number: 15, suffix: 'a', flat: null }],
    ['15a/2', { number: 15, suffix: 'a', flat: '2' }],
    ['21/3', { number: 21, suffix: '', flat: '3' }],
    ['21 m. 3', { number: 21, suffix: '', flat: '3' }],
    ['21 lok. 3b', { number: 21, suffix: '', flat: '3B' }],
  ])('reads %s', (text, expected) => {
    expect(parseHouseNumber(text)).toMatchObject(expected);
  });

  it('rejects what is not a house number', () => {
    for (const text of ['', 'abc', '0', '15AB', '1-5', '12 13']) expect(parseHouseNumber(text)).toBeNull();
  });

  it('orders 15 < 15A < 15B < 16', () => {
    const sorted = ['16', '15B', '15', '15A']
      .map((t) => parseHouseNumber(t)!)
      .sort(compareHouseNumbers)
      .map((n) => n.raw);
    expect(sorted).toEqual(['15', '15A', '15B', '16']);
  });
});

describe('number ranges (the CSV numbers column)', () => {
  it.each([
    ['1-25 nieparzyste; 30-40; 52A', [r('1', '25', 'odd'), r('30', '40'), r('52A', '52A')]],
    ['od 21', [r('21', null)]],
    ['21-', [r('21', null)]],
    ['2-40 parzyste', [r('2', '40', 'even')]],
    ['1-99 np', [r('1', '99', 'odd')]],
    ['2-20 p', [r('2', '20', 'even')]],
    ['4, 6, 8', [r('4', '4'), r('6', '6'), r('8', '8')]],
    ['1–25', [r('1', '25')]],
    ['nieparzyste 1-25', [r('1', '25', 'odd')]],
    ['od nr 5 do nr 9', [r('5', '9')]],
    ['do 30', [r('1', '30')]],
    ['od 21 nieparzyste', [r('21', null, 'odd')]],
    ['12a-12c', [r('12A', '12C')]],
    ['1-25 odd', [r('1', '25', 'odd')]],
  ])('reads %s', (text, ranges) => {
    expect(parseNumberRanges(text)).toEqual({ ranges, errors: [] });
  });

  it('takes only its own words for parity: "constructor" or "toString" is not one', () => {
    for (const text of ['1-25 constructor', '1-25 toString', '2-20 __proto__']) expect(parseNumberRanges(text).ranges, text).toBeNull();
  });

  it('reads an empty column as the whole street', () => {
    expect(parseNumberRanges('')).toEqual({ ranges: null, errors: [] });
    expect(parseNumberRanges('  cała ')).toEqual({ ranges: null, errors: [] });
  });

  it('explains what it cannot read, in Polish and English', () => {
    const result = parseNumberRanges('1-x; 30-2; abc');
    expect(result.ranges).toBeNull();
    expect(result.errors.map((e) => e.pl)).toEqual([
      expect.stringContaining('Nie rozumiem zakresu numerów „1-x”'),
      'Zakres „30-2” kończy się przed początkiem.',
      expect.stringContaining('„abc”'),
    ]);
    expect(result.errors[0]!.en).toContain('Cannot read the house-number range "1-x"');
  });

  const numberText = fc.tuple(fc.integer({ min: 1, max: 300 }), fc.constantFrom('', 'A', 'B')).map(([n, s]) => `${n}${s}`);
  const rangeArb = fc
    .tuple(
      fc.integer({ min: 1, max: 300 }),
      fc.option(fc.integer({ min: 0, max: 200 })),
      fc.constantFrom<NumberRange['parity']>('all', 'odd', 'even'),
      fc.boolean(),
      numberText,
    )
    .map(([from, span, parity, single, text]) =>
      single ? r(text, text, parity) : r(String(from), span === null ? null : String(from + span), parity),
    );

  it('formats ranges so that parsing gives them back', () => {
    fc.assert(
      fc.property(fc.array(rangeArb, { minLength: 1, maxLength: 6 }), (ranges) => {
        expect(parseNumberRanges(formatNumberRanges(ranges))).toEqual({ ranges, errors: [] });
      }),
    );
  });

  it('decides containment with parity and letters', () => {
    expect(rangeContains(r('1', '25', 'odd'), { number: 15, suffix: 'a' })).toBe(true);
    expect(rangeContains(r('1', '25', 'odd'), { number: 16, suffix: '' })).toBe(false);
    expect(rangeContains(r('10', '12'), { number: 12, suffix: 'a' })).toBe(true);
    expect(rangeContains(r('52A', '52A'), { number: 52, suffix: '' })).toBe(false);
    expect(rangeContains(r('52', '52'), { number: 52, suffix: 'a' })).toBe(false);
    expect(rangeContains(r('21', null, 'odd'), { number: 9999, suffix: '' })).toBe(true);
  });

  it('finds overlaps exactly when some house number is in both ranges', () => {
    expect(rangesOverlap(r('1', '25', 'odd'), r('2', '40', 'even'))).toBe(false);
    expect(rangesOverlap(r('21', '31'), r('1', '25', 'odd'))).toBe(true);
    expect(rangesOverlap(r('52', '52'), r('52A', '52A'))).toBe(false);
    expect(rangesOverlap(r('1', '9'), r('10', null))).toBe(false);
    expect(rangesOverlap(r('10', '10', 'odd'), r('1', '99'))).toBe(false);
    fc.assert(
      fc.property(rangeArb, rangeArb, (a, b) => {
        // Brute force over numbers 1..520 with and without a letter agrees with rangesOverlap.
        let both = false;
        for (let n = 1; n <= 520 && !both; n++) {
          for (const suffix of ['', 'a', 'b', 'c']) {
            if (rangeContains(a, { number: n, suffix }) && rangeContains(b, { number: n, suffix })) both = true;
          }
        }
        expect(rangesOverlap(a, b)).toBe(both);
      }),
    );
  });
});
