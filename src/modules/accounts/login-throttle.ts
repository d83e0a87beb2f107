/**
 * Slowing down password guessing for one login: the first `freeAttempts` failures cost nothing;
 * after that each attempt must wait `baseDelaySeconds`·2^(extra failures) since the last failure,
 * at most `maxDelaySeconds`. Failures older than `windowMinutes`, or before a successful sign-in,
 * do not count.
 */
export interface ThrottlePolicy {
  freeAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  windowMinutes: number;
}

export const defaultThrottle: ThrottlePolicy = {
  freeAttempts: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  windowMinutes: 15,
};

/** Seconds to wait before the next attempt is even checked (0 = go ahead). */
export function secondsUntilNextAttempt(
  recentFailures: number,
  lastFailureAt: Date | null,
  now: Date,
  policy: ThrottlePolicy = defaultThrottle,
): number {
  if (recentFailures < policy.freeAttempts || lastFailureAt === null) return 0;
  const exponent = Math.min(recentFailures - policy.freeAttempts, 20);
  const delay = Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** exponent);
  const waited = (now.getTime() - lastFailureAt.getTime()) / 1000;
  return Math.max(0, Math.ceil(delay - waited));
}
