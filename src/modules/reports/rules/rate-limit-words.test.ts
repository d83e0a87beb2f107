import { describe, expect, it } from 'vitest';
import { describeRateLimit } from './intake.js';

const units: Record<string, number> = { s: 1, min: 60, h: 3600, hour: 3600, d: 86_400, day: 86_400 };
/** "5/2h" as a policy: the table below reads better as text. */
const policy = (text: string) => {
  const [, max, count, unit] = /^(\d+)\/(\d*)([a-z]+)$/.exec(text)!;
  return { max: Number(max), windowSeconds: Number(count || 1) * units[unit!]! };
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
});
