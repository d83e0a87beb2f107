/**
 * The area-reader corpus (see README.md beside this file): reading the expectation files and
 * scoring the reader against them with the locator's own matching (AreaIndex), not a copy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StreetRule } from '../../../src/modules/districts/index.js';
import { AreaIndex } from '../../../src/modules/districts/matching/area-index.js';
import { parseHouseNumber } from '../../../src/modules/districts/matching/house-number.js';
import { foldText } from '../../../src/modules/districts/matching/normalize.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface Expectation {
  inside: boolean;
  /** 'street': decided by the street or town; 'number': by the house number. */
  kind: 'street' | 'number';
  locality: string;
  street: string | null;
  number: string;
  line: string;
}

export interface CorpusCase {
  id: string;
  town: string | undefined;
  text: string;
  expectations: Expectation[];
  unresolved: string[];
}

export interface ExpectedDistrict {
  number: number;
  rank: string | null;
  firstName: string | null;
  lastName: string | null;
  phone: string | null;
  email: string | null;
  expectations: Expectation[];
  unresolved: string[];
}

export interface ContactsCase {
  id: string;
  town: string | undefined;
  text: string;
  districts: ExpectedDistrict[];
}

function readExpectation(line: string): Expectation | string | null {
  const unresolved = /^\?\s+(.+)$/.exec(line);
  if (unresolved) return unresolved[1]!.trim();
  const match = /^([+-])([sn])\s+(.+)$/.exec(line);
  if (!match) return null;
  const [locality, street, number] = match[3]!.split('|').map((part) => part.trim());
  return { inside: match[1] === '+', kind: match[2] === 's' ? 'street' : 'number', locality: locality!, street: street || null, number: number!, line };
}

function blocks(file: string): { id: string; town: string | undefined; text: string; tail: string[] }[] {
  const content = readFileSync(path.join(here, file), 'utf8');
  return content
    .split(/^=== /m)
    .filter((block) => block.trim())
    .map((block) => {
      const [head, ...rest] = block.split('\n');
      const [body, tail = ''] = rest.join('\n').split(/^---$/m);
      const lines = body!.split('\n');
      const town = /^town:\s*(.+)$/.exec(lines[0] ?? '')?.[1]?.trim();
      return { id: head!.trim(), town, text: (town ? lines.slice(1) : lines).join('\n').trim(), tail: tail.split('\n').map((l) => l.trim()).filter(Boolean) };
    });
}

export function loadDescriptions(): CorpusCase[] {
  return blocks('descriptions.txt').map(({ id, town, text, tail }) => {
    const expectations: Expectation[] = [];
    const unresolved: string[] = [];
    for (const line of tail) {
      const read = readExpectation(line);
      if (read === null) throw new Error(`${id}: cannot read "${line}"`);
      if (typeof read === 'string') unresolved.push(read);
      else expectations.push(read);
    }
    return { id, town, text, expectations, unresolved };
  });
}

export function loadContactsPages(): ContactsCase[] {
  return readdirSync(here)
    .filter((name) => /^contacts-.*\.txt$/.test(name))
    .sort()
    .flatMap((file) => blocks(file))
    .map(({ id, town, text, tail }) => {
      const districts: ExpectedDistrict[] = [];
      for (const line of tail) {
        const district = /^district\s+(\d+)\s*\|(.*)$/.exec(line);
        if (district) {
          const [rank, firstName, lastName, phone, email] = district[2]!.split('|').map((part) => (part.trim() === '-' ? null : part.trim()));
          districts.push({
            number: Number(district[1]),
            rank: rank!,
            firstName: firstName!,
            lastName: lastName!,
            phone: phone!,
            email: email!,
            expectations: [],
            unresolved: [],
          });
          continue;
        }
        const read = readExpectation(line);
        const current = districts[districts.length - 1];
        if (read === null || !current) throw new Error(`${id}: cannot read "${line}"`);
        if (typeof read === 'string') current.unresolved.push(read);
        else current.expectations.push(read);
      }
      return { id, town, text, districts };
    });
}

/** Is the address in the area the rules describe? Asked of the locator's index, as an address typed in parts. */
export function decides(rules: readonly StreetRule[], expectation: Expectation): boolean {
  const index = AreaIndex.ofDistricts([{ id: 'd', rules }]);
  const number = parseHouseNumber(expectation.number);
  return index.locateParsed({ locality: expectation.locality, street: expectation.street, number }).length > 0;
}

/** Expected fragments found among the reader's unresolved ones (folded substring). */
export function foundUnresolved(expected: readonly string[], fragments: readonly string[]): { found: number; missing: string[] } {
  const folded = fragments.map(foldText);
  const missing = expected.filter((fragment) => !folded.some((f) => f.includes(foldText(fragment))));
  return { found: expected.length - missing.length, missing };
}

export interface Tally {
  right: number;
  total: number;
}

export const share = (t: Tally): number => (t.total === 0 ? 1 : t.right / t.total);
export const percent = (t: Tally): string => `${(share(t) * 100).toFixed(1)} % (${t.right}/${t.total})`;
