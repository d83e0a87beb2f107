import { describe, expect, it } from 'vitest';
import { parseAreaText } from '../../../src/modules/districts/matching/area-text.js';
import { parseRegisterText } from '../../../src/modules/districts/transfer/register-text.js';
import { decides, foundUnresolved, loadContactsPages, loadDescriptions, percent, share, type Tally } from './corpus.js';

/**
 * The area reader against descriptions written in the shapes police pages use, with expected
 * decisions written before the reader ran. Each address is asked of the locator's own index
 * built from the rules read. Issue 12's goal: at least 90 % of addresses decided right.
 */
describe('area reader on the corpus of district descriptions', () => {
  const cases = loadDescriptions();

  it('has the corpus the issue asks for', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
  });

  it('decides at least 90 % of the addresses right and finds the unresolved fragments', () => {
    const streets: Tally = { right: 0, total: 0 };
    const numbers: Tally = { right: 0, total: 0 };
    const fragments: Tally = { right: 0, total: 0 };
    const misses: string[] = [];
    for (const item of cases) {
      const reading = parseAreaText(item.text, item.town);
      for (const expectation of item.expectations) {
        const tally = expectation.kind === 'street' ? streets : numbers;
        const right = decides(reading.rules, expectation) === expectation.inside;
        tally.total++;
        if (right) tally.right++;
        else misses.push(`${item.id}: ${expectation.line}`);
      }
      const found = foundUnresolved(item.unresolved, reading.unresolved.map((u) => u.fragment));
      fragments.total += item.unresolved.length;
      fragments.right += found.found;
      misses.push(...found.missing.map((fragment) => `${item.id}: unresolved not listed: ${fragment}`));
    }
    const all: Tally = { right: streets.right + numbers.right, total: streets.total + numbers.total };
    console.log(
      [
        `area reader, ${cases.length} descriptions:`,
        `  addresses decided right: ${percent(all)}`,
        `  street/town decisions:   ${percent(streets)}`,
        `  house-number decisions:  ${percent(numbers)}`,
        `  unresolved found:        ${percent(fragments)}`,
        ...misses.map((miss) => `  miss ${miss}`),
      ].join('\n'),
    );
    expect(share(all)).toBeGreaterThanOrEqual(0.9);
    expect(share(fragments)).toBeGreaterThanOrEqual(0.9);
  });
});

describe('register reader on whole contacts pages', () => {
  const pages = loadContactsPages();
  const digits = (phone: string | null) => phone?.replace(/\D/g, '') ?? null;

  it('reads every district: number, officer, phone, e-mail and area', () => {
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const fields = {
      number: { right: 0, total: 0 },
      officer: { right: 0, total: 0 },
      phone: { right: 0, total: 0 },
      email: { right: 0, total: 0 },
      area: { right: 0, total: 0 },
    } satisfies Record<string, Tally>;
    const misses: string[] = [];
    for (const page of pages) {
      const reading = parseRegisterText(page.text, { locality: page.town });
      for (const expected of page.districts) {
        const found = reading.districts.find((d) => d.number === expected.number);
        const check = (field: keyof typeof fields, right: boolean) => {
          fields[field].total++;
          if (right) fields[field].right++;
          else misses.push(`${page.id} district ${expected.number}: ${field}`);
        };
        check('number', found !== undefined);
        const officer = found?.officer ?? null;
        check('officer', expected.rank === null ? officer === null : officer?.rank === expected.rank && officer.firstName === expected.firstName && officer.lastName === expected.lastName);
        check('phone', found !== undefined && digits(found.mobile ?? found.phone) === digits(expected.phone));
        check('email', found?.email === expected.email);
        const rules = found?.rules ?? [];
        const wrong = expected.expectations.filter((e) => decides(rules, e) !== e.inside);
        const missing = foundUnresolved(expected.unresolved, found?.unresolved.map((u) => u.fragment) ?? []).missing;
        misses.push(...wrong.map((e) => `${page.id} district ${expected.number}: ${e.line}`), ...missing.map((m) => `${page.id} district ${expected.number}: unresolved ${m}`));
        check('area', found !== undefined && wrong.length === 0 && missing.length === 0);
      }
      const extra = reading.districts.filter((d) => !page.districts.some((e) => e.number === d.number));
      misses.push(...extra.map((d) => `${page.id}: district ${d.number} read but not on the page`));
      fields.number.total += extra.length;
    }
    console.log(
      [
        `register reader, ${pages.length} contacts pages, ${fields.number.total} districts:`,
        ...Object.entries(fields).map(([field, tally]) => `  ${field.padEnd(8)} right: ${percent(tally)}`),
        ...misses.map((miss) => `  miss ${miss}`),
      ].join('\n'),
    );
    for (const tally of Object.values(fields)) expect(share(tally)).toBeGreaterThanOrEqual(0.9);
  });
});
