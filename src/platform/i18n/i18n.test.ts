import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatBytes, formatDate, formatDuration, formatNumber, negotiateLang, plural } from './i18n.js';

describe('negotiateLang', () => {
  it('defaults to Polish', () => {
    expect(negotiateLang(undefined)).toBe('pl');
    expect(negotiateLang('')).toBe('pl');
    expect(negotiateLang('de-DE,fr;q=0.8')).toBe('pl');
  });

  it('follows the client preference order between Polish and English', () => {
    expect(negotiateLang('en')).toBe('en');
    expect(negotiateLang('en-GB,en;q=0.9,pl;q=0.8')).toBe('en');
    expect(negotiateLang('pl-PL,pl;q=0.9,en;q=0.8')).toBe('pl');
    expect(negotiateLang('de;q=1, en;q=0.5, pl;q=0.7')).toBe('pl');
    expect(negotiateLang('pl;q=0, en;q=0.1')).toBe('en');
  });

  it('never throws on arbitrary headers', () => {
    fc.assert(fc.property(fc.string(), (header) => ['pl', 'en'].includes(negotiateLang(header))));
  });
});

describe('Polish plurals', () => {
  const forms = { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' };
  it.each([
    [1, 'znak'],
    [2, 'znaki'],
    [4, 'znaki'],
    [5, 'znaków'],
    [12, 'znaków'],
    [14, 'znaków'],
    [22, 'znaki'],
    [25, 'znaków'],
    [101, 'znaków'],
    [102, 'znaki'],
    [0, 'znaków'],
    [1.5, 'znaku'],
  ])('%s → %s', (count, expected) => {
    expect(plural('pl', count, forms)).toBe(expected);
  });

  it('English has one and other', () => {
    expect(plural('en', 1, { one: 'item', other: 'items' })).toBe('item');
    expect(plural('en', 2, { one: 'item', other: 'items' })).toBe('items');
  });
});

describe('formatting', () => {
  it('writes Polish numbers with a space for thousands and a decimal comma', () => {
    expect(formatNumber(1234567.5, 'pl').replace(/\s/g, ' ')).toBe('1 234 567,5');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('writes dates in Polish time with Polish month names in the genitive', () => {
    // 23:30 UTC on 31 Dec is already 1 January in Warsaw.
    expect(formatDate(new Date('2026-12-31T23:30:00Z'), 'pl')).toBe('1 stycznia 2027');
    expect(formatDate(new Date('2026-07-01T10:00:00Z'), 'pl')).toBe('1 lipca 2026');
  });

  it('names durations with the right plural', () => {
    expect(formatDuration(1, 'pl')).toBe('1 sekunda');
    expect(formatDuration(30, 'pl')).toBe('30 sekund');
    expect(formatDuration(120, 'pl')).toBe('2 minuty');
    expect(formatDuration(300, 'pl')).toBe('5 minut');
    expect(formatDuration(61, 'pl')).toBe('2 minuty');
    expect(formatDuration(3600, 'en')).toBe('1 hour');
    expect(formatDuration(45, 'en')).toBe('45 seconds');
  });

  it('writes sizes in binary units with the decimal mark of the language', () => {
    expect(formatBytes(32 * 1024 * 1024, 'pl')).toBe('32 MB');
    expect(formatBytes(1.5 * 1024 ** 3, 'pl')).toBe('1,5 GB');
    expect(formatBytes(1.5 * 1024 ** 3, 'en')).toBe('1.5 GB');
    expect(formatBytes(512 * 1024, 'en')).toBe('512 kB');
    expect(formatBytes(900, 'en')).toBe('900 B');
    expect(formatBytes(5_250_000, 'pl')).toBe('5,01 MB');
  });
});
