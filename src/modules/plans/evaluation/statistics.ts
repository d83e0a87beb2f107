/**
 * The statistics behind a goal's evaluation (ocena realizacji celu): plain numbers in, plain numbers
 * out, no database. Written here rather than taken from a library: the three formulas are short, the
 * maintained JavaScript statistics packages (jstat, simple-statistics) either lack an exact binomial
 * tail for large counts or sum it in linear space, which underflows long before 100,000 events.
 */

/** The 97.5th percentile of the standard normal distribution: two-sided 95 % intervals. */
export const z95 = 1.959963984540054;

// Lanczos approximation (g = 7, nine coefficients), relative error below 1e-15 for x ≥ 0.5.
const lanczos = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let sum = lanczos[0]!;
  for (let i = 1; i < lanczos.length; i++) sum += lanczos[i]! / (y + i);
  const t = y + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln of the binomial probability P(X = i) for X ~ Bin(n, p), 0 < p < 1. */
function lnBinomialTerm(n: number, i: number, lnP: number, lnQ: number): number {
  return lnGamma(n + 1) - lnGamma(i + 1) - lnGamma(n - i + 1) + i * lnP + (n - i) * lnQ;
}

/**
 * P(X ≤ k) (`lower`) or P(X ≥ k) (`upper`) for X ~ Bin(n, p), summed term by term in log space
 * (log-sum-exp), so a tail of 1e-300 or a total of 200,000 neither underflows nor loses digits:
 * each term's relative error stays near 1e-9 at n = 200,000, far below what a verdict can notice.
 */
export function binomialTail(n: number, k: number, p: number, tail: 'lower' | 'upper'): number {
  if (!Number.isInteger(n) || !Number.isInteger(k) || n < 0 || k < 0 || k > n) throw new RangeError(`bad binomial tail n=${n} k=${k}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`bad binomial probability p=${p}`);
  const [from, to] = tail === 'lower' ? [0, k] : [k, n];
  const lnP = Math.log(p);
  const lnQ = Math.log1p(-p);
  const terms: number[] = [];
  for (let i = from; i <= to; i++) terms.push(lnBinomialTerm(n, i, lnP, lnQ));
  // Not Math.max(...terms): spreading 100,000 arguments overflows the stack.
  const max = terms.reduce((m, t) => (t > m ? t : m), -Infinity);
  let sum = 0;
  for (const t of terms) sum += Math.exp(t - max);
  return Math.min(1, Math.exp(max + Math.log(sum)));
}

/** Counts of one indicator in the baseline window and in the evaluated period, with their lengths. */
export interface CountComparison {
  baseline: number;
  period: number;
  /** Length of the baseline window, in any unit (days in the CLI), the same as `periodLength`. */
  baselineLength: number;
  periodLength: number;
}

/**
 * The exact one-sided conditional test (warunkowy test dwumianowy): if nothing changed, each of the
 * n = baseline + period events falls in the period with probability p0 = periodLength / (both
 * lengths), so the period count is Bin(n, p0). The p-value is the chance of a period count at least
 * as far in the hoped-for direction: P(X ≤ period) for a goal of fewer events, P(X ≥ period) for more.
 * Nothing counted (n = 0) gives p = 1: no evidence of any change.
 */
export function conditionalTest(counts: CountComparison, direction: 'decrease' | 'increase'): { p: number; p0: number; total: number } {
  const total = counts.baseline + counts.period;
  const p0 = counts.periodLength / (counts.baselineLength + counts.periodLength);
  if (total === 0) return { p: 1, p0, total };
  return { p: binomialTail(total, counts.period, p0, direction === 'decrease' ? 'lower' : 'upper'), p0, total };
}

/**
 * The smallest p-value the test could give with this total: every event in the hoped-for window.
 * When even that is not below 0.05, the counts are too few for the test to show anything.
 */
export function smallestPossibleP(total: number, p0: number, direction: 'decrease' | 'increase'): number {
  return direction === 'decrease' ? Math.pow(1 - p0, total) : Math.pow(p0, total);
}

/** The change of the rate (events per unit of time) from the baseline to the period: −0.75 for 8 → 2. */
export function rateChange(counts: CountComparison): number | null {
  if (counts.baseline === 0) return null;
  return counts.period / counts.periodLength / (counts.baseline / counts.baselineLength) - 1;
}

/** The relative effect against a comparison area, with its 95 % interval; `interval` null when it cannot be given. */
export interface RelativeEffect {
  /** (period / baseline in the area) ÷ (period / baseline in the comparison area); 1 means "the same change". */
  ratio: number;
  interval: { low: number; high: number };
  /** Whether 0.5 was added to every count because one of them was zero. */
  corrected: boolean;
}

/**
 * The ratio of rate ratios with Woolf's (Katz's) log-scale interval: ln(ratio) ± 1.96 · √(1/a + 1/b +
 * 1/c + 1/d). The windows are the same for both areas, so their lengths cancel. A zero count makes the
 * logarithm infinite, so then 0.5 is added to all four (the Haldane–Anscombe correction). When an
 * area counted nothing in both windows there is no change to compare at all, and the answer is null.
 */
export function relativeEffect(
  area: { baseline: number; period: number },
  comparison: { baseline: number; period: number },
): RelativeEffect | null {
  if (area.baseline + area.period === 0 || comparison.baseline + comparison.period === 0) return null;
  const cells = [area.period, area.baseline, comparison.period, comparison.baseline];
  const corrected = cells.includes(0);
  const [a, b, c, d] = cells.map((n) => (corrected ? n + 0.5 : n)) as [number, number, number, number];
  const ratio = a / b / (c / d);
  const se = Math.sqrt(1 / a + 1 / b + 1 / c + 1 / d);
  return { ratio, interval: { low: Math.exp(Math.log(ratio) - z95 * se), high: Math.exp(Math.log(ratio) + z95 * se) }, corrected };
}

/**
 * The share of positive answers with its Wilson 95 % interval. Unlike the textbook p ± 1.96·SE, the
 * Wilson interval stays inside [0, 1] and does not shrink to nothing when all 12 of 12 say yes.
 */
export function wilsonInterval(positive: number, asked: number): { share: number; low: number; high: number } {
  if (!Number.isInteger(asked) || !Number.isInteger(positive) || asked <= 0 || positive < 0 || positive > asked)
    throw new RangeError(`bad survey ${positive}/${asked}`);
  const share = positive / asked;
  const z2 = z95 * z95;
  const centre = (positive + z2 / 2) / (asked + z2);
  const half = (z95 / (asked + z2)) * Math.sqrt((positive * (asked - positive)) / asked + z2 / 4);
  // Clamped to the share itself: at 0 or n the formula meets the share only up to rounding.
  return { share, low: Math.min(share, Math.max(0, centre - half)), high: Math.max(share, Math.min(1, centre + half)) };
}
