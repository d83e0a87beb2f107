import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { NotAPlanError, parsePlans, type ParsedPlan } from '../parse-plan.js';
import type { Span } from './text.js';

/** Reads, allowing only NotAPlanError, and checks every span lies inside the input. */
function readSafely(text: string): ParsedPlan[] | null {
  let plans: ParsedPlan[];
  try {
    plans = parsePlans(text);
  } catch (error) {
    if (error instanceof NotAPlanError) return null;
    throw error;
  }
  const inside = (s: Span) =>
    Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.start <= s.end && s.end <= text.length;
  for (const plan of plans) {
    for (const value of Object.values(plan.spans))
      for (const span of Array.isArray(value) ? value : [value]) expect(inside(span), JSON.stringify(span)).toBe(true);
    for (const piece of plan.unrecognised) expect(text.slice(piece.start, piece.end)).toBe(piece.text);
  }
  return plans;
}

/** Words the reader looks for, to build texts that get deep into its patterns. */
const pieces = [
  '1',
  '0',
  '9',
  '.',
  '..',
  ',',
  ' ',
  '  ',
  '\n',
  '\n\n',
  '\r\n',
  '\t',
  '-',
  '–',
  '|',
  ' | ',
  ':',
  '(',
  ')',
  '*',
  '**',
  '•',
  'r.',
  'roku',
  'od ',
  'do ',
  'od dnia ',
  'na okres ',
  'w okresie ',
  'rejon ',
  'Rejon ',
  'REJON ',
  'rejonu służbowego ',
  'nr ',
  'XIV',
  'I',
  'dzielnicy nr ',
  'Plan działania priorytetowego ',
  'PLAN ',
  'Komisariat Policji w ',
  'KPP w ',
  'Komendy Powiatowej Policji w ',
  'Łęcznej ',
  'sierż. ',
  'st. asp. ',
  'Jan ',
  'Nowak ',
  'JAN ',
  'lutego ',
  'LIPCA ',
  'luty',
  'I półrocze ',
  '2024',
  '01.02.2024',
  '31-07-2024',
  '2024-02-01',
  '04.2024',
  'Charakterystyka zagrożenia',
  'Cel: ',
  'Zakładany cel',
  'Działania: ',
  'Podmioty współpracujące',
  'Sposób przekazania informacji',
  'ograniczenie o ',
  '20 %',
  'o połowę',
  'wyeliminowanie',
  'na poziomie ',
  'ankiecie ',
  'Lp. | Działanie | Termin | Odpowiedzialny',
];

describe('hostile input to the plan reader', () => {
  it('never throws anything but NotAPlanError on random text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => void readSafely(text)),
      { numRuns: 300 },
    );
  });

  it('never throws anything but NotAPlanError on texts made of the words it looks for', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 600 }), (words) => void readSafely(words.join(''))),
      { numRuns: 300 },
    );
  });

  it.each([
    ['digits', '1'.repeat(200_000)],
    ['dots', '.'.repeat(200_000)],
    ['"od od od"', 'od '.repeat(70_000)],
    ['dates without end', '01.02.2024 do '.repeat(15_000)],
    ['district words', 'rejonu służbowego nr '.repeat(10_000)],
    ['ranks', 'st. sierż. '.repeat(20_000)],
    ['capitalised words', 'Jan Nowak Komisariat Policji w '.repeat(7_000)],
    ['sentence ends', 'a. Cel '.repeat(30_000)],
    ['labels without colon', 'Cel działań '.repeat(18_000)],
    ['one table row', '1 | '.repeat(50_000)],
    ['table rows', 'Działanie | Termin\n'.repeat(10_000)],
    ['blank lines', '\n'.repeat(200_000)],
    ['percent', 'ograniczenie o 20 '.repeat(12_000)],
    [
      'a plan on a 200 KB line',
      `Plan działania priorytetowego rejon 4 na okres od 01.02.2024 do 31.07.2024 ${'Cel: ograniczenie o 20 %. '.repeat(8_000)}`,
    ],
    ['many plans', 'Plan dzielnicy nr 1 obejmuje problem.\nPlan dzielnicy nr 2 obejmuje problem.\n'.repeat(2_500)],
  ])('finishes on %s (200 KB)', (_name, text) => {
    readSafely(text);
  });
});
