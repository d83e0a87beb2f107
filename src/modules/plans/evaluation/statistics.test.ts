import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binomialTail, conditionalTest, lnGamma, rateChange, relativeEffect, wilsonInterval } from './statistics.js';

// Every expected p below comes from test/support/evaluation-reference.py (exact fractions), not from this code.
const reference: [
  baseline: number,
  period: number,
  baselineLength: number,
  periodLength: number,
  direction: 'decrease' | 'increase',
  p: number,
][] = [
  [8, 2, 1, 1, 'decrease', 0.0546875],
  [8, 1, 1, 1, 'decrease', 0.01953125],
  [8, 8, 1, 1, 'decrease', 0.5981903076171875],
  [8, 8, 1, 1, 'increase', 0.5981903076171875],
  [10, 20, 1, 1, 'increase', 0.04936857335269451],
  [0, 3, 1, 1, 'increase', 0.125],
  [5, 0, 1, 1, 'decrease', 0.03125],
  [20, 5, 2, 1, 'decrease', 0.11195274084276628],
  [30, 10, 12, 6, 'decrease', 0.17143518822043496],
  [12, 4, 6, 6, 'decrease', 0.0384063720703125],
  [100, 70, 1, 1, 'decrease', 0.012922193790670845],
  [50, 80, 1, 1, 'increase', 0.0053470275619147065],
  [3, 9, 6, 12, 'increase', 0.3930746780922059],
  [1000, 900, 1, 1, 'decrease', 0.011554422554450536],
  [40, 15, 365, 181, 'decrease', 0.21889195043004445],
  [100000, 99000, 1, 1, 'decrease', 0.012563608844180472],
  [100000, 100000, 1, 1, 'decrease', 0.5008920609429995],
  [100000, 99500, 1, 1, 'decrease', 0.13195539252741637],
  [60000, 59000, 1, 1, 'decrease', 0.001889934817388447],
];

describe('the exact conditional test', () => {
  it("gives the issue's values: 8 → 2 in equal half-years p ≈ 0.055, 8 → 1 p ≈ 0.020", () => {
    expect(conditionalTest({ baseline: 8, period: 2, baselineLength: 182, periodLength: 182 }, 'decrease').p).toBeCloseTo(0.055, 3);
    expect(conditionalTest({ baseline: 8, period: 1, baselineLength: 182, periodLength: 182 }, 'decrease').p).toBeCloseTo(0.02, 3);
  });

  it.each(reference)(
    '%i → %i (lengths %i : %i, %s) matches the exact reference',
    (baseline, period, baselineLength, periodLength, direction, p) => {
      const result = conditionalTest({ baseline, period, baselineLength, periodLength }, direction);
      expect(Math.abs(result.p - p) / p).toBeLessThan(1e-7);
    },
  );

  it('keeps tiny tails instead of underflowing to zero', () => {
    // Each term is about 2^-190,000 before the binomial coefficient: summed naively, everything is 0.
    const p = conditionalTest({ baseline: 100000, period: 90000, baselineLength: 1, periodLength: 1 }, 'decrease').p;
    expect(Math.abs(p - 8.347229753720769e-117) / p).toBeLessThan(1e-7);
  });

  it('gives p = 1 when nothing was counted', () => {
    expect(conditionalTest({ baseline: 0, period: 0, baselineLength: 1, periodLength: 1 }, 'decrease')).toEqual({
      p: 1,
      p0: 0.5,
      total: 0,
    });
  });

  it('refuses impossible arguments', () => {
    expect(() => binomialTail(5, 6, 0.5, 'lower')).toThrow(RangeError);
    expect(() => binomialTail(5, 2, 1, 'lower')).toThrow(RangeError);
    expect(() => binomialTail(5, 1.5, 0.5, 'lower')).toThrow(RangeError);
  });

  it('ln Γ matches ln (n − 1)! for whole numbers', () => {
    let lnFactorial = 0;
    for (let n = 1; n <= 170; n++) {
      expect(lnGamma(n)).toBeCloseTo(lnFactorial, 9);
      lnFactorial += Math.log(n);
    }
  });

  const counts = fc.record({ total: fc.integer({ min: 1, max: 400 }), share: fc.double({ min: 0.05, max: 0.95, noNaN: true }) });

  it('p lies in [0, 1] and the two tails overlap only at k: P(X ≤ k) + P(X ≥ k) = 1 + P(X = k) ≥ 1', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0, max: 1, noNaN: true }), ({ total, share }, at) => {
        const k = Math.floor(at * total);
        const lower = binomialTail(total, k, share, 'lower');
        const upper = binomialTail(total, k, share, 'upper');
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(lower).toBeLessThanOrEqual(1);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower + upper).toBeGreaterThanOrEqual(1 - 1e-9);
        // And above k the other tail starts: P(X ≤ k) + P(X ≥ k + 1) = 1.
        if (k < total) expect(lower + binomialTail(total, k + 1, share, 'upper')).toBeCloseTo(1, 9);
      }),
    );
  });

  it('the p for a decrease grows with the period count; for an increase it falls', () => {
    fc.assert(
      fc.property(counts, fc.double({ min: 0, max: 1, noNaN: true }), ({ total, share }, at) => {
        const k = Math.min(total - 1, Math.floor(at * total));
        expect(binomialTail(total, k + 1, share, 'lower')).toBeGreaterThanOrEqual(binomialTail(total, k, share, 'lower'));
        expect(binomialTail(total, k + 1, share, 'upper')).toBeLessThanOrEqual(binomialTail(total, k, share, 'upper'));
      }),
    );
  });

  it('is symmetric: a fall from a to b in equal windows is as likely as a rise from b to a', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 400 }), (a, b, length) => {
        fc.pre(a + b > 0);
        const fall = conditionalTest({ baseline: a, period: b, baselineLength: length, periodLength: length }, 'decrease').p;
        const rise = conditionalTest({ baseline: b, period: a, baselineLength: length, periodLength: length }, 'increase').p;
        expect(fall).toBeCloseTo(rise, 10);
      }),
    );
  });

  it('depends on the lengths only through their ratio', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 2, max: 30 }), (b, k, scale) => {
        fc.pre(b + k > 0);
        const one = conditionalTest({ baseline: b, period: k, baselineLength: 2, periodLength: 3 }, 'decrease').p;
        const scaled = conditionalTest({ baseline: b, period: k, baselineLength: 2 * scale, periodLength: 3 * scale }, 'decrease').p;
        expect(scaled).toBeCloseTo(one, 10);
      }),
    );
  });
});

describe('rate change', () => {
  it('compares rates per unit of time', () => {
    expect(rateChange({ baseline: 8, period: 2, baselineLength: 1, periodLength: 1 })).toBeCloseTo(-0.75, 12);
    expect(rateChange({ baseline: 30, period: 10, baselineLength: 12, periodLength: 6 })).toBeCloseTo(-1 / 3, 12);
    expect(rateChange({ baseline: 0, period: 3, baselineLength: 1, periodLength: 1 })).toBeNull();
  });
});

describe('relative effect against a comparison area (Woolf/Katz)', () => {
  // Expected values: test/support/evaluation-reference.py.
  it('gives the ratio of rate ratios and its log-scale 95 % interval', () => {
    const effect = relativeEffect({ baseline: 8, period: 2 }, { baseline: 10, period: 9 });
    expect(effect?.ratio).toBeCloseTo(0.2777777777777778, 12);
    expect(effect?.interval.low).toBeCloseTo(0.04627712508761522, 10);
    expect(effect?.interval.high).toBeCloseTo(1.667357116092986, 10);
    expect(effect?.corrected).toBe(false);
    const clear = relativeEffect({ baseline: 40, period: 20 }, { baseline: 100, period: 100 });
    expect(clear?.interval.low).toBeCloseTo(0.27328265526732415, 10);
    expect(clear?.interval.high).toBeCloseTo(0.9148037578727813, 10);
  });

  it('adds 0.5 to every count when one is zero', () => {
    const effect = relativeEffect({ baseline: 8, period: 0 }, { baseline: 10, period: 9 });
    expect(effect?.corrected).toBe(true);
    expect(effect?.ratio).toBeCloseTo(0.06501547987616099, 12);
    expect(effect?.interval.low).toBeCloseTo(0.0032886882857077917, 12);
    expect(effect?.interval.high).toBeCloseTo(1.28531872172183, 10);
  });

  it('cannot be given when an area counted nothing in both windows', () => {
    expect(relativeEffect({ baseline: 0, period: 0 }, { baseline: 10, period: 9 })).toBeNull();
    expect(relativeEffect({ baseline: 8, period: 2 }, { baseline: 0, period: 0 })).toBeNull();
  });

  it('the interval always contains the ratio', () => {
    const n = fc.integer({ min: 0, max: 2000 });
    fc.assert(
      fc.property(n, n, n, n, (a, b, c, d) => {
        const effect = relativeEffect({ baseline: a, period: b }, { baseline: c, period: d });
        if (!effect) return;
        expect(effect.interval.low).toBeLessThanOrEqual(effect.ratio);
        expect(effect.interval.high).toBeGreaterThanOrEqual(effect.ratio);
      }),
    );
  });
});

describe('Wilson interval', () => {
  // Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3 (Wilson score, no correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%i of %i → %f–%f (Newcombe 1998)', (positive, asked, low, high) => {
    const interval = wilsonInterval(positive, asked);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it('refuses impossible surveys', () => {
    expect(() => wilsonInterval(13, 12)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });

  const survey = fc.integer({ min: 1, max: 5000 }).chain((asked) => fc.tuple(fc.integer({ min: 0, max: asked }), fc.constant(asked)));

  it('contains the share and stays inside [0, 1]', () => {
    fc.assert(
      fc.property(survey, ([positive, asked]) => {
        const { share, low, high } = wilsonInterval(positive, asked);
        expect(share).toBe(positive / asked);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(share);
        expect(high).toBeGreaterThanOrEqual(share);
      }),
    );
  });

  it('narrows as more people give the same share of answers', () => {
    fc.assert(
      fc.property(survey, fc.integer({ min: 2, max: 20 }), ([positive, asked], times) => {
        const small = wilsonInterval(positive, asked);
        const large = wilsonInterval(positive * times, asked * times);
        expect(large.high - large.low).toBeLessThan(small.high - small.low);
      }),
    );
  });
});
