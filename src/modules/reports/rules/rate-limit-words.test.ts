import { describe, expect, it } from 'vitest';
import { describeRateLimit } from './intake.js';
import { defaultRateLimit, formatRateLimit, parseRateLimit } from '../../../platform/config/report-rate-limit.js';

const policy = (text: string) => {
  const parsed = parseRateLimit(text);
  if (!parsed.ok) throw new Error(text);
  return parsed.value;
};

describe('a report limit in words', () => {
  it.each([
    ['1/day', '1 zgłoszenie na dobę', '1 report a day'],
    ['3/day', '3 zgłoszenia na dobę', '3 reports a day'],
    ['5/hour', '5 zgłoszeń na godzinę', '5 reports an hour'],
    ['22/2h', '22 zgłoszenia na 2 godziny', '22 reports per 2 hours'],
    ['12/5h', '12 zgłoszeń na 5 godzin', '12 reports per 5 hours'],
    ['1/2d', '1 zgłoszenie na 2 dni', '1 report per 2 days'],
    ['10/90s', '10 zgłoszeń na 90 sekund', '10 reports per 90 seconds'],
    ['2/3min', '2 zgłoszenia na 3 minuty', '2 reports per 3 minutes'],
    ['1/60s', '1 zgłoszenie na minutę', '1 report a minute'],
    ['1000/day', '1000 zgłoszeń na dobę', '1000 reports a day'],
  ])('%s: "%s" / "%s"', (text, pl, en) => {
    expect(describeRateLimit(policy(text), 'pl').replace(/\s/g, ' ')).toBe(pl);
    expect(describeRateLimit(policy(text), 'en')).toBe(en.replace('1000', '1,000'));
  });

  it('never shows the configuration form ("1/day") in either language', () => {
    for (const text of ['1/day', '5/hour', '10/90s', '3/2h']) {
      const p = policy(text);
      for (const lang of ['pl', 'en'] as const) {
        const words = describeRateLimit(p, lang);
        expect(words).not.toContain(formatRateLimit(p));
        expect(words).not.toMatch(/\d\s*\//);
      }
    }
    expect(describeRateLimit(defaultRateLimit, 'pl')).toBe('1 zgłoszenie na dobę');
  });
});
