import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { DistrictRule, NumberRange } from '../area/types.js';
import { AreaIndex, findOverlaps } from './area-index.js';
import { foldText, streetKey } from './normalize.js';

const rule = (districtId: string, locality: string, street: string | null, numbers: NumberRange[] | null = null): DistrictRule => ({
  districtId,
  locality,
  street,
  numbers,
});
const rules: DistrictRule[] = [
  rule('lubartow/3', 'Lubartów', 'ul. Powstańców Warszawy'),
  rule('lubartow/1', 'Lubartów', 'Lubelska', [{ from: '1', to: '60', parity: 'all' }]),
  rule('lubartow/4', 'Lubartów', 'Lubelska', [{ from: '61', to: null, parity: 'all' }]),
  rule('lubartow/1', 'Lubartów', 'Słowackiego', [
    { from: '1', to: '15', parity: 'odd' },
    { from: '2', to: '20', parity: 'even' },
  ]),
  rule('lubartow/2', 'Lubartów', 'Słowackiego', [
    { from: '17', to: null, parity: 'odd' },
    { from: '22', to: null, parity: 'even' },
  ]),
  rule('lubartow/1', 'Lubartów', 'Rynek I'),
  rule('lubartow/5', 'Lubartów', '3 Maja'),
  rule('lubartow/7', 'Serniki', null),
  rule('lubartow/7', 'Wola Sernicka', null),
  rule('lubartow/7', 'Wola Sernicka-Kolonia', null),
  rule('leczna/3', 'Łęczna', 'Jaśminowa'),
  rule('leczna/2', 'Łęczna', 'Chełmska', [{ from: '112', to: '112', parity: 'all' }]),
  rule('leczna/1', 'Łęczna', 'Chełmska', [{ from: '1', to: '111', parity: 'all' }]),
  rule('lublin/9', 'Lublin', 'al. Jana Pawła II'),
  rule('lublin/8', 'Lublin', 'Marszałka Józefa Piłsudskiego'),
  rule('lublin/7', 'Lublin', 'gen. Władysława Sikorskiego'),
  rule('krasnystaw/2', 'Krasnystaw', null),
  rule('krasnystaw/3', 'Krasnystaw', 'Okrzei'),
];
const index = new AreaIndex(rules);
const ids = (text: string) => index.locate(text).matches.map((m) => m.districtId);

describe('the address locator', () => {
  it.each([
    ['Lubartów, ul. Powstańców Warszawy 17', ['lubartow/3']],
    ['lubartow powstancow warszawy 17', ['lubartow/3']],
    ['Powstańców Warszawy 17, Lubartów', ['lubartow/3']],
    ['Powstańców Warszawy 17 Lubartów', ['lubartow/3']],
    ['21-100 Lubartów, Powstańców Warszawy 17 m. 4', ['lubartow/3']],
    ['Serniki 12', ['lubartow/7']],
    ['Wola Sernicka 5', ['lubartow/7']],
    ['Wola Sernicka-Kolonia 5', ['lubartow/7']],
    ['Serniki 12, gmina Serniki', ['lubartow/7']],
    ['al. Jana Pawła II 5/3, Lublin', ['lublin/9']],
    ['Lublin, Jana Pawła II 5', ['lublin/9']],
    ['ul. Jaśminowa 4 Łęczna', ['leczna/3']],
    ['Leczna Jasminowa 4', ['leczna/3']],
    ['Łęczna, Chełmska 112', ['leczna/2']],
    ['Łęczna, Chełmska 111A', ['leczna/1']],
    ['Lubartów, Lubelska 60', ['lubartow/1']],
    ['Lubartów, Lubelska 60A', ['lubartow/1']],
    ['Lubartów, Lubelska 61', ['lubartow/4']],
    ['Lubartów, Słowackiego 16', ['lubartow/1']],
    ['Lubartów, Słowackiego 17', ['lubartow/2']],
    ['Lubartów, Rynek I 3', ['lubartow/1']],
    ['Lubartów, ul. 3 Maja 5', ['lubartow/5']],
    ['Lubartów 3 Maja', ['lubartow/5']],
    ['Lublin, Piłsudskiego 12', ['lublin/8']],
    ['Lublin, Sikorskiego 3', ['lublin/7']],
    ['Lublin, gen. Sikorskiego 3', ['lublin/7']],
    ['Krasnystaw, Okrzei 4', ['krasnystaw/3']],
    ['Krasnystaw, Zamkowa 4', ['krasnystaw/2']],
  ])('%s → %j', (text, expected) => {
    expect(ids(text)).toEqual(expected);
  });

  it('reports the rule and how it matched', () => {
    expect(index.locate('Serniki 12').matches[0]).toMatchObject({ matchedBy: 'locality', rule: { locality: 'Serniki', street: null } });
    expect(index.locate('Lubartów, Lubelska 5').matches[0]).toMatchObject({ matchedBy: 'street', rule: { street: 'Lubelska' } });
  });

  it('returns every part of a split street when no number is given, ranked', () => {
    expect(ids('Lubartów, Lubelska')).toEqual(['lubartow/1', 'lubartow/4']);
  });

  it('finds nothing for unknown places and suggests close names for typos', () => {
    expect(index.locate('Sernikki 12')).toEqual({ matches: [], suggestions: ['Serniki'] });
    expect(index.locate('Lubartów, Powstancow Warszwy 17').suggestions).toEqual(['Lubartów, ul. Powstańców Warszawy']);
    expect(index.locate('Lubartów, Nieznana 1')).toEqual({ matches: [], suggestions: [] });
    expect(index.locate('Lubartów 17').matches).toEqual([]);
    expect(index.locate('').matches).toEqual([]);
    expect(index.locate('!!!').matches).toEqual([]);
  });

  it('never throws on any input', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => Array.isArray(index.locate(text).matches)));
  });

  it('ranks two districts that cover an address equally, deterministically', () => {
    const twin = new AreaIndex([rule('b/2', 'Wieś', null), rule('a/1', 'Wieś', null)]);
    expect(twin.locate('Wieś 3').matches.map((m) => m.districtId)).toEqual(['a/1', 'b/2']);
  });
});

describe('every address generated from a rule finds that rule’s district', () => {
  // Random towns with random non-overlapping streets and number ranges.
  const syllables = [
    'ka',
    'lu',
    'bar',
    'tów',
    'ęcz',
    'na',
    'wo',
    'la',
    'sie',
    'dl',
    'ce',
    'ost',
    'rów',
    'po',
    'lna',
    'kwi',
    'at',
    'ża',
    'ół',
  ];
  const word = fc.array(fc.constantFrom(...syllables), { minLength: 2, maxLength: 4 }).map((parts) => {
    const text = parts.join('');
    return text[0]!.toUpperCase() + text.slice(1);
  });
  const town = fc.tuple(word, fc.option(word, { nil: undefined })).map(([a, b]) => (b ? `${a} ${b}` : a));
  const register = fc.uniqueArray(
    fc.record({ town, streets: fc.uniqueArray(word, { minLength: 1, maxLength: 4, selector: (s) => streetKey(s).key }) }),
    {
      minLength: 1,
      maxLength: 5,
      selector: (t) => foldText(t.town),
    },
  );
  const format = fc.record({
    prefix: fc.constantFrom('', 'ul. ', 'ulica '),
    townFirst: fc.boolean(),
    comma: fc.boolean(),
    lower: fc.boolean(),
    ascii: fc.boolean(),
    letter: fc.constantFrom('', 'A', 'b'),
    flat: fc.constantFrom('', '/3', ' m. 2'),
  });

  it('for streets split into odd and even sides, whole streets and whole villages', () => {
    fc.assert(
      fc.property(register, fc.integer({ min: 1, max: 500 }), format, (towns, n, f) => {
        const all: DistrictRule[] = [];
        towns.forEach((t, ti) => {
          t.streets.forEach((street, si) => {
            if (si % 2 === 0) {
              all.push(rule(`d${ti}-${si}-odd`, t.town, street, [{ from: '1', to: null, parity: 'odd' }]));
              all.push(rule(`d${ti}-${si}-even`, t.town, street, [{ from: '2', to: null, parity: 'even' }]));
            } else {
              all.push(rule(`d${ti}-${si}`, t.town, street));
            }
          });
        });
        const village = `${towns[0]!.town}owo Małe`;
        all.push(rule('village', village, null));
        const idx = new AreaIndex(all);
        const style = (text: string) => {
          const folded = f.ascii
            ? text
                .normalize('NFD')
                .replace(/[\u0300-\u036f]/g, '')
                .replace(/ł/g, 'l')
                .replace(/Ł/g, 'L')
            : text;
          return f.lower ? folded.toLowerCase() : folded;
        };
        for (const r of all) {
          const number = `${n}${f.letter}${f.flat}`;
          const address =
            r.street === null
              ? `${r.locality} ${number}`
              : f.townFirst
                ? `${r.locality}${f.comma ? ',' : ''} ${f.prefix}${r.street} ${number}`
                : `${f.prefix}${r.street} ${number}${f.comma ? ',' : ''} ${r.locality}`;
          const expected =
            r.numbers === null ? r.districtId : `${r.districtId.replace(/-(odd|even)$/, '')}-${n % 2 === 1 ? 'odd' : 'even'}`;
          expect(idx.locate(style(address)).matches.map((m) => m.districtId)).toEqual([expected]);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('findOverlaps', () => {
  it('flags two districts claiming the same address, not different sides or levels', () => {
    const overlaps = findOverlaps([
      rule('a', 'Lubartów', 'Lubelska', [{ from: '1', to: '25', parity: 'odd' }]),
      rule('b', 'Lubartów', 'ul. Lubelska', [{ from: '2', to: '40', parity: 'even' }]),
      rule('c', 'Lubartów', 'Lubelska', [{ from: '21', to: '31', parity: 'all' }]),
      rule('d', 'Serniki', null),
      rule('e', 'Serniki', 'Polna'),
      rule('f', 'Serniki', null),
      rule('a', 'Lubartów', 'Lubelska', [{ from: '3', to: '5', parity: 'all' }]),
    ]);
    expect(overlaps.map(({ a, b }) => `${a.districtId}-${b.districtId}`).sort()).toEqual(['a-c', 'b-a', 'b-c', 'd-f']); // b's even 4 lies in a's 3-5
  });
});
