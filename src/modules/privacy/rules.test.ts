import { describe, expect, it } from 'vitest';
import {
  defaultRetentionSettings,
  effectiveRetentionSettings,
  isDue,
  retentionCutoff,
  retentionDays,
  retentionRule,
  retentionRules,
  retentionSettingNames,
  retentionSettingSpecs,
  retentionSettingsProblems,
  type RecordClocks,
  type RetentionSettings,
} from './rules.js';
import { defaultThrottle } from '../accounts/index.js';

const DAY = 86_400_000;
const now = new Date('2027-03-01T12:00:00Z');
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('retention settings', () => {
  it('accepts the defaults, each inside its own range', () => {
    expect(retentionSettingsProblems({ ...defaultRetentionSettings })).toEqual([]);
    for (const name of retentionSettingNames) {
      const spec = retentionSettingSpecs[name];
      expect(spec.default).toBeGreaterThanOrEqual(spec.min);
      expect(spec.default).toBeLessThanOrEqual(spec.max);
    }
  });

  it('names the setting and its range in Polish and English for every kind of wrong value', () => {
    for (const name of retentionSettingNames) {
      const { min, max } = retentionSettingSpecs[name];
      for (const wrong of [min - 1, max + 1, 1.5, '30', null]) {
        const problems = retentionSettingsProblems({ ...defaultRetentionSettings, [name]: wrong });
        expect(problems.map((p) => p.field)).toEqual([name]);
        expect(problems[0]!.message.pl).toContain(`od ${min} do ${max}`);
        expect(problems[0]!.message.pl).toContain(retentionSettingSpecs[name].name.pl);
        expect(problems[0]!.message.en).toContain(`from ${min} to ${max}`);
      }
    }
  });

  it('reports every wrong field at once', () => {
    const problems = retentionSettingsProblems({ ...defaultRetentionSettings, reportAddressDays: 0, outboxDays: 1000 });
    expect(problems.map((p) => p.field)).toEqual(['reportAddressDays', 'outboxDays']);
  });

  it('keeps reporters’ IP addresses at least as long as the per-address limit counts back', () => {
    const problems = retentionSettingsProblems({ ...defaultRetentionSettings, reporterIpDays: 2 }, 7);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message.pl).toMatch(/co najmniej 7 dni.*REPORT_RATE_LIMIT/);
    expect(problems[0]!.message.en).toMatch(/at least 7 days/);
    expect(retentionSettingsProblems({ ...defaultRetentionSettings, reporterIpDays: 7 }, 7)).toEqual([]);
  });

  it('falls back to the default for a damaged stored value, so nothing is erased early', () => {
    const settings = effectiveRetentionSettings({
      reportDescriptionDays: -5,
      reportAddressDays: 365,
      reporterIpDays: 'x',
      somethingElse: 3,
    });
    expect(settings).toEqual({ ...defaultRetentionSettings, reportAddressDays: 365 });
    expect(effectiveRetentionSettings({})).toEqual(defaultRetentionSettings);
  });
});

describe('what is due for erasure', () => {
  it('has one rule per piece, and every setting stops at least one clock', () => {
    const pieces = retentionRules.map((r) => r.piece);
    expect(new Set(pieces).size).toBe(pieces.length);
    const used = new Set(retentionRules.map((r) => r.setting).filter(Boolean));
    expect([...used].sort()).toEqual([...retentionSettingNames].sort());
  });

  it('deletes sign-in throttling counters exactly when the throttle forgets them, whatever the settings', () => {
    const rule = retentionRule('signInAttempts');
    const longest = Object.fromEntries(retentionSettingNames.map((n) => [n, 90])) as unknown as RetentionSettings;
    expect(retentionDays(rule, defaultRetentionSettings) * 24).toBe(defaultThrottle.forgetAfterHours);
    expect(retentionDays(rule, longest) * 24).toBe(defaultThrottle.forgetAfterHours);
  });

  // Every rule of the table, just before and just after its time.
  for (const rule of retentionRules) {
    const days = rule.setting ? defaultRetentionSettings[rule.setting] : (rule.fixedDays ?? 0);
    const clock = (at: Date | null): RecordClocks =>
      rule.clock === 'closed' ? { createdAt: ago(10_000), closedAt: at } : rule.clock === 'created' ? { createdAt: at } : { endsAt: at };

    it(`${rule.piece}: due ${days} days after its clock (${rule.clock}) starts, not a minute sooner`, () => {
      expect(isDue(rule, clock(new Date(ago(days).getTime() - 60_000)), defaultRetentionSettings, now)).toBe(true);
      expect(isDue(rule, clock(new Date(ago(days).getTime() + 60_000)), defaultRetentionSettings, now)).toBe(false);
      expect(retentionCutoff(rule, defaultRetentionSettings, now)).toEqual(ago(days));
    });

    if (rule.clock === 'closed') {
      it(`${rule.piece}: never due while the report is open, however old`, () => {
        expect(isDue(rule, { createdAt: ago(5000), closedAt: null }, defaultRetentionSettings, now)).toBe(false);
      });
    }
  }

  it('follows the settings: a longer time keeps what the default would erase', () => {
    const rule = retentionRules.find((r) => r.piece === 'reportDescription')!;
    const closed = { closedAt: ago(200) };
    expect(isDue(rule, closed, defaultRetentionSettings, now)).toBe(true);
    expect(isDue(rule, closed, { ...defaultRetentionSettings, reportDescriptionDays: 365 }, now)).toBe(false);
  });

  it('erases the e-mail when the report closes, by the status change and not by the job', () => {
    const rule = retentionRules.find((r) => r.piece === 'reporterEmail')!;
    expect(rule).toMatchObject({ setting: null, clock: 'closed', erasedBy: 'status_change' });
    expect(isDue(rule, { closedAt: new Date(now.getTime() - 1) }, defaultRetentionSettings, now)).toBe(true);
  });
});
