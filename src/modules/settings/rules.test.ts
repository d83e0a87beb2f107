import { describe, expect, it } from 'vitest';
import { defaultsOf, settingCatalog, settingIds, type SettingDefinition, type SettingId } from './catalog.js';
import {
  crossProblems,
  defaultValue,
  effectiveValue,
  isStricter,
  normalValue,
  valueProblem,
  voivodeshipProblem,
  voivodeshipRange,
  type StoredValue,
} from './rules.js';
import { valueInWords } from './messages.js';

const definition = (id: SettingId): SettingDefinition => settingCatalog[id];

describe('the settings catalogue', () => {
  it('gives every setting a default inside its own range, a Polish and English label and explanation', () => {
    for (const id of settingIds) {
      const d = definition(id);
      expect(valueProblem(id, defaultValue(id)), id).toBeNull();
      expect(d.min, id).toBeLessThanOrEqual(d.max);
      for (const text of [d.label, d.explanation]) expect(text.pl.length * text.en.length, id).toBeGreaterThan(0);
    }
  });

  it('writes explanations as whole sentences: each ends with a full stop, none runs into the next', () => {
    for (const id of settingIds) {
      for (const text of Object.values(definition(id).explanation)) {
        expect(text, id).toMatch(/[.)]$/);
        // a sentence's first word straight after a lower-case word: the full stop between them is missing
        expect(text, id).not.toMatch(/\p{Ll} (Zmiana|A change|W tylu|Within|Po |After )/u);
      }
    }
  });

  it('cites the regulation of the half-year plan, the 3-day take-up and storage limitation', () => {
    expect(definition('plans.maxPeriodMonths').regulation?.pl).toContain('§ 38 ust. 1');
    expect(definition('reports.takeUpDays').regulation?.pl).toContain('Wytyczne nr 3 KGP');
    expect(definition('retention.outboxDays').regulation?.pl).toContain('art. 5 ust. 1 lit. e');
  });

  it('reads a group under its own names with the catalogue’s defaults', () => {
    expect(defaultsOf({ takeUp: 'reports.takeUpDays', days: 'dashboard.reminderDays' })).toEqual({ takeUp: 3, days: [7, 1] });
  });
});

describe('a value of a setting', () => {
  it('refuses each kind of wrong number, naming the setting and its range in both languages', () => {
    for (const id of settingIds.filter((i) => definition(i).type !== 'integerList')) {
      const d = definition(id);
      const wrong: unknown[] = [d.min - 1, d.max + 1, '3', null, Number.NaN, Number.POSITIVE_INFINITY];
      if (d.type === 'integer') wrong.push(d.min + 0.5);
      for (const value of wrong) {
        const problem = valueProblem(id, value);
        expect(problem?.pl, `${id} ${String(value)}`).toContain(d.label.pl);
        expect(problem?.en).toContain(d.label.en);
      }
      expect(valueProblem(id, d.min)).toBeNull();
      expect(valueProblem(id, d.max)).toBeNull();
    }
  });

  it('takes a decimal where the setting is one (the map’s centre) and writes it with a Polish comma', () => {
    expect(valueProblem('map.centreLatitude', 50.06)).toBeNull();
    expect(valueProblem('map.zoom', 6.5)?.pl).toContain('liczbą całkowitą');
    expect(valueProblem('map.centreLongitude', 25)?.pl).toContain('od 14 do 24,2');
  });

  it('takes a list of at most five different days from 0 to 60, or none', () => {
    const problem = (value: unknown) => valueProblem('dashboard.reminderDays', value);
    for (const good of [[7, 1], [0, 60], [], [30, 14, 7, 1, 0]]) expect(problem(good)).toBeNull();
    for (const bad of [[61], [-1], [1.5], [Number.NaN], '7', [3, 3], [1, 2, 3, 4, 5, 6]]) expect(problem(bad), String(bad)).not.toBeNull();
    expect(problem([3, 3])?.pl).toContain('najwyżej 5 różnych');
    expect(normalValue([1, 7, 3])).toEqual([7, 3, 1]);
  });

  it('says a value with its unit in Polish plural forms', () => {
    expect(valueInWords(1, 'days', 'pl')).toBe('1 dzień');
    expect(valueInWords(3, 'days', 'pl')).toBe('3 dni');
    expect(valueInWords(22, 'reports', 'pl')).toBe('22 zgłoszenia');
    expect(valueInWords(25, 'reports', 'pl')).toBe('25 zgłoszeń');
    expect(valueInWords(6, 'months', 'pl')).toBe('6 miesięcy');
    expect(valueInWords(52.1, 'degrees', 'pl')).toBe('52,1 stopnia');
    expect(valueInWords(1, 'files', 'en')).toBe('1 file');
    expect(valueInWords([], 'days', 'pl')).toBe('brak');
  });
});

describe('the value in force', () => {
  const lower: SettingId = 'reports.takeUpDays';
  const higher: SettingId = 'plans.submitDaysBeforeStart';

  it('is the national value, or the default while none is stored or the stored one is damaged', () => {
    expect(effectiveValue(lower, undefined, undefined)).toBe(3);
    expect(effectiveValue(lower, 2, undefined)).toBe(2);
    expect(effectiveValue(lower, 'x', undefined)).toBe(3);
    expect(effectiveValue(lower, 500, undefined)).toBe(3);
  });

  it('takes a voivodeship value only where it is stricter, in the setting’s direction', () => {
    expect(effectiveValue(lower, 3, 2)).toBe(2);
    expect(effectiveValue(lower, 3, 4)).toBe(3);
    expect(effectiveValue(higher, 14, 21)).toBe(21);
    expect(effectiveValue(higher, 14, 7)).toBe(14);
    // The national value tightened past the voivodeship's since: the national one holds.
    expect(effectiveValue(lower, 1, 2)).toBe(1);
    // A damaged voivodeship value counts as none.
    expect(effectiveValue(lower, 3, 0)).toBe(3);
  });

  it('never takes a voivodeship value of a setting that is national only', () => {
    expect(definition('reports.perIpPerDay').tighten).toBeNull();
    expect(effectiveValue('reports.perIpPerDay', 5, 1)).toBe(5);
    expect(voivodeshipProblem('reports.perIpPerDay', 1, 5)?.pl).toContain('jedno dla całego kraju');
  });

  it('refuses a voivodeship value that does not tighten the national one, saying which way it must go', () => {
    expect(voivodeshipProblem(lower, 2, 3)).toBeNull();
    expect(voivodeshipProblem(lower, 3, 3)?.pl).toContain('mniejsza');
    expect(voivodeshipProblem(higher, 10, 14)?.en).toContain('higher');
    expect(isStricter(higher, 15, 14)).toBe(true);
    expect(isStricter(lower, 15, 14)).toBe(false);
  });
});

describe('settings tied together', () => {
  const values =
    (overrides: Partial<Record<SettingId, StoredValue>>) =>
    (id: SettingId): StoredValue =>
      overrides[id] ?? defaultValue(id);

  it('keeps the 10-minute burst within the daily per-IP limit', () => {
    expect(crossProblems(values({}))).toEqual([]);
    expect(crossProblems(values({ 'reports.perIpPerDay': 5, 'reports.perIpPer10Minutes': 5 }))).toEqual([]);
    const problems = crossProblems(values({ 'reports.perIpPerDay': 2, 'reports.perIpPer10Minutes': 3 }));
    expect(problems.map((p) => p.id)).toEqual(['reports.perIpPer10Minutes']);
    expect(problems[0]!.message.pl).toContain('nie może być większy niż limit dobowy');
  });

  it('keeps reporters’ IP addresses at least as long as the per-IP limit counts back', () => {
    expect(crossProblems(values({ 'retention.reporterIpDays': 0 })).map((p) => p.id)).toEqual(['retention.reporterIpDays']);
    expect(crossProblems(values({ 'retention.reporterIpDays': 1 }))).toEqual([]);
  });

  it('gives a voivodeship the range stricter than the national value, empty at the strictest one', () => {
    expect(voivodeshipRange('reports.takeUpDays', 3)).toEqual({ min: 1, max: 2 });
    expect(voivodeshipRange('plans.submitDaysBeforeStart', 14)).toEqual({ min: 15, max: 90 });
    const none = voivodeshipRange('reports.takeUpDays', 1)!;
    expect(none.min).toBeGreaterThan(none.max);
    expect(voivodeshipRange('reports.perIpPerDay', 3)).toBeNull();
    // Every value of the range is accepted as stricter; its bounds' neighbours outside are not.
    for (const id of settingIds.filter((i) => settingCatalog[i].tighten !== null && settingCatalog[i].type === 'integer')) {
      const national = defaultValue(id);
      const range = voivodeshipRange(id, national)!;
      if (range.min > range.max) continue;
      expect(voivodeshipProblem(id, range.min, national), id).toBeNull();
      expect(voivodeshipProblem(id, range.max, national), id).toBeNull();
      const outside = settingCatalog[id].tighten === 'lower' ? range.max + 1 : range.min - 1;
      expect(voivodeshipProblem(id, outside, national), id).not.toBeNull();
    }
  });
});
