export interface Trend {
  direction: 'up' | 'down' | 'same';
  /** Change from the earlier half to the later, in whole percent; null when the earlier half had none (no base to compare). */
  percent: number | null;
}

/**
 * How the last half of the window compares with the first. Only the sign and the size: with a few
 * reports a half-year, whether a change is more than chance is the evaluation's question (issue 15:
 * the binomial test), not the draft's.
 */
export function trendOf(before: number, after: number): Trend {
  const direction = after > before ? 'up' : after < before ? 'down' : 'same';
  return { direction, percent: before === 0 ? null : Math.round(((after - before) / before) * 100) };
}
