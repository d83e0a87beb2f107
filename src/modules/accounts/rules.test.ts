import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultThrottle, delayAfterFailures, delayTable, isNotifyingFailure, secondsUntilNextAttempt } from './login-throttle.js';
import { passwordProblem } from './model.js';
import { isSelfLockout } from './policy.js';
import { isInScope } from '../../platform/auth/policy.js';
import type { Principal } from '../../platform/auth/principal.js';

const now = new Date('2026-11-22T12:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('login throttle', () => {
  it('lets the first failures through at once', () => {
    for (let failures = 0; failures < defaultThrottle.freeAttempts; failures++) {
      expect(secondsUntilNextAttempt(failures, ago(0), now)).toBe(0);
    }
  });

  it('doubles the wait with every further failure, up to the maximum', () => {
    expect(secondsUntilNextAttempt(5, ago(0), now)).toBe(30);
    expect(secondsUntilNextAttempt(6, ago(0), now)).toBe(60);
    expect(secondsUntilNextAttempt(7, ago(0), now)).toBe(120);
    expect(secondsUntilNextAttempt(50, ago(0), now)).toBe(defaultThrottle.maxDelaySeconds);
  });

  it('counts the wait from the last failure', () => {
    expect(secondsUntilNextAttempt(5, ago(20), now)).toBe(10);
    expect(secondsUntilNextAttempt(5, ago(30), now)).toBe(0);
  });

  it('forgets the failures of a source a while after the last one, even when the wait would be longer', () => {
    const patient = { ...defaultThrottle, maxDelaySeconds: 48 * 3600 };
    expect(secondsUntilNextAttempt(30, ago(23 * 3600), now, patient)).toBeGreaterThan(0);
    expect(secondsUntilNextAttempt(30, ago(24 * 3600), now, patient)).toBe(0);
  });

  it('gives the database a table that agrees with the rule for every count', () => {
    for (const policy of [defaultThrottle, { ...defaultThrottle, freeAttempts: 3, baseDelaySeconds: 7, maxDelaySeconds: 1000 }]) {
      const table = delayTable(policy);
      expect(table.at(-1)).toBe(policy.maxDelaySeconds);
      for (let failures = 0; failures < 200; failures++) {
        expect(table[Math.min(failures, table.length - 1)]).toBe(delayAfterFailures(failures, policy));
      }
    }
  });

  it('tells the account holder at exactly one failure of a burst', () => {
    const counts = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(counts.filter((n) => isNotifyingFailure(n))).toEqual([defaultThrottle.notifyAfterFailures]);
  });

  it('never asks for a negative or unbounded wait', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: -100_000, max: 100_000 }), (failures, secondsAgo) => {
        const wait = secondsUntilNextAttempt(failures, ago(secondsAgo), now);
        return wait >= 0 && wait <= defaultThrottle.maxDelaySeconds + 100_000;
      }),
    );
  });
});

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('zielony rower nad Wieprzem', 'jan.kowalski')).toBeNull();
  });

  it('rejects short, login-containing and trivial passwords', () => {
    expect(passwordProblem('krótkie1', 'jan')).toBe('too_short');
    expect(passwordProblem('x'.repeat(257), 'jan')).toBe('too_long');
    expect(passwordProblem('moje-Jan.Kowalski-haslo', 'jan.kowalski')).toBe('contains_login');
    expect(passwordProblem('aaaaaaaaaaaaaaaa', 'jan')).toBe('too_simple');
    expect(passwordProblem('qwertyuiop12', 'jan')).toBe('too_simple');
  });

  it('counts characters, not UTF-16 units: 12 Polish letters are enough', () => {
    expect(passwordProblem('źdźbłożółtka', 'jan')).toBeNull();
  });
});

describe('account policy', () => {
  const admin: Principal = { accountId: 'a1', login: 'admin', displayName: 'A', role: 'admin', unitId: 'kwp-lublin', unitName: 'KWP' };

  it('puts a unit in scope when the scope unit is on its ancestry', () => {
    expect(isInScope('kwp-lublin', ['kgp', 'kwp-lublin', 'kpp-lubartow'])).toBe(true);
    expect(isInScope('kwp-lublin', ['kgp', 'kwp-lublin'])).toBe(true);
    expect(isInScope('kwp-lublin', ['kgp', 'kwp-bialystok', 'kpp-sejny'])).toBe(false);
    expect(isInScope('kwp-lublin', ['kgp'])).toBe(false);
  });

  it('stops an administrator from locking themselves out', () => {
    expect(isSelfLockout(admin, 'a1', { active: false })).toBe(true);
    expect(isSelfLockout(admin, 'a1', { role: 'officer' })).toBe(true);
    expect(isSelfLockout(admin, 'a1', { unitId: 'kpp-lubartow' })).toBe(true);
    expect(isSelfLockout(admin, 'a1', { active: true, role: 'admin', unitId: 'kwp-lublin' })).toBe(false);
    expect(isSelfLockout(admin, 'other', { active: false })).toBe(false);
  });
});
