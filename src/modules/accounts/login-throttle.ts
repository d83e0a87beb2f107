/**
 * Slowing down password guessing (ograniczanie prób logowania). Failures are counted per login
 * *and* source (the client's limit key: an IPv4 address or an IPv6 /64), never per login alone:
 * a count shared by every source is a switch anyone can flip to lock the real owner out.
 *
 * For one login and source the first `freeAttempts` failures cost nothing; after that each
 * attempt waits `baseDelaySeconds`·2^(extra failures) since the last failure, at most
 * `maxDelaySeconds`. A success from that source clears its count; a source's failures are
 * forgotten `forgetAfterHours` after its last one. Forgetting takes much longer than the longest
 * wait, so a patient guesser stays at one attempt per `maxDelaySeconds` instead of starting over.
 *
 * Distributed guessing (many sources, one login): there is deliberately no ceiling across
 * sources that refuses or delays attempts. Any such ceiling is reached by an attacker with a few
 * dozen addresses, and then it stops the owner too, which is the lock-out on demand we removed;
 * exemptions for "known" addresses or devices still lock out the owner on a new network or phone.
 * What bounds distributed guessing instead: every source pays its own back-off (about 100
 * guesses a day once it is at the maximum), the per-address limit of the sign-in routes, the
 * password rules (12+ characters, no trivial ones), and the account holder, who is told by e-mail
 * when failures from all sources together reach `notifyAfterFailures` in a burst, so a person
 * can act (change the password, tell the administrator).
 */
export interface ThrottlePolicy {
  freeAttempts: number;
  baseDelaySeconds: number;
  maxDelaySeconds: number;
  forgetAfterHours: number;
  /** Failures of one login, from all sources, in one burst that make us tell the account holder. */
  notifyAfterFailures: number;
  /** A burst ends after this long without a failure… */
  burstQuietMinutes: number;
  /** …or this long after it began, so a slow, steady attack is reported again every day. */
  burstMaxHours: number;
}

export const defaultThrottle: ThrottlePolicy = {
  freeAttempts: 5,
  baseDelaySeconds: 30,
  maxDelaySeconds: 15 * 60,
  forgetAfterHours: 24,
  notifyAfterFailures: 5,
  burstQuietMinutes: 60,
  burstMaxHours: 24,
};

/** Seconds that must pass after the last failure before the next attempt, with `failures` so far. */
export function delayAfterFailures(failures: number, policy: ThrottlePolicy = defaultThrottle): number {
  if (failures < policy.freeAttempts) return 0;
  const exponent = Math.min(failures - policy.freeAttempts, 30);
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** exponent);
}

/**
 * The delays as a table: entry n is the delay after n failures; the last entry holds for every
 * count beyond it. The database applies this table when it admits an attempt, so the rule is
 * written once, here.
 */
export function delayTable(policy: ThrottlePolicy = defaultThrottle): number[] {
  const table = [delayAfterFailures(0, policy)];
  while (table.at(-1)! < policy.maxDelaySeconds) table.push(delayAfterFailures(table.length, policy));
  return table;
}

/** Seconds to wait before the next attempt is even checked (0 = go ahead). */
export function secondsUntilNextAttempt(
  failures: number,
  lastFailureAt: Date | null,
  now: Date,
  policy: ThrottlePolicy = defaultThrottle,
): number {
  if (lastFailureAt === null) return 0;
  const sinceLast = (now.getTime() - lastFailureAt.getTime()) / 1000;
  if (sinceLast >= policy.forgetAfterHours * 3600) return 0;
  return Math.max(0, Math.ceil(delayAfterFailures(failures, policy) - sinceLast));
}

/** Whether this failure, the `failuresInBurst`-th of its burst, is the one to tell the holder of. */
export function isNotifyingFailure(failuresInBurst: number, policy: ThrottlePolicy = defaultThrottle): boolean {
  return failuresInBurst === policy.notifyAfterFailures;
}
