import { describe, expect, it } from 'vitest';
import { parseAreaText } from '../../../src/modules/districts/matching/area-text.js';
import { decides, foundUnresolved, loadDescriptions, percent, share, type Tally } from './corpus.js';

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
