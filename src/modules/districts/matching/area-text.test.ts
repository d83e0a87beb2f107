import { describe, expect, it } from 'vitest';
import type { NumberRange, StreetRule } from '../area/types.js';
import { nominative, parseAreaText } from './area-text.js';
import { parseNumberRanges } from './number-ranges.js';
import { world } from '../../../../test/support/world.js';

const r = (from: string, to: string | null, parity: NumberRange['parity'] = 'all'): NumberRange => ({ from, to, parity });
const street = (name: string, numbers: NumberRange[] | null = null, locality = 'Lubartów'): StreetRule => ({
  locality,
  street: name,
  numbers,
});

type RegisterRule = { locality: string; street: string | null; numbers: string | null };
const borowo = (street: string, numbers: string | null = null): RegisterRule => ({ locality: 'Borowo', street, numbers });
const village = (locality: string): RegisterRule => ({ locality, street: null, numbers: null });

/**
 * Descriptions as units publish them, each beside the rules the register keeps (numbers written
 * as staff write them): the test world's districts, and districts of names of every shape
 * (numbers, Roman numerals, genitives, hyphens, "Plac …"), parities, ranges and single numbers.
 */
const { a1, a2, a3, b1, b2, c1 } = world.districts;
const publishedDescriptions: { district: { name: string; rules: RegisterRule[] }; areaText: string }[] = [
  {
    district: a1,
    areaText: 'Rejon służbowy nr 1 obejmuje ulice: Lipową (od numeru 1 do numeru 39), Kwiatową, Szkolną, Ogrodową, Krótką, Słoneczną.',
  },
  { district: a2, areaText: 'Rejon służbowy nr 2 obejmuje ulice: Lipową (od numeru 40), Polną.' },
  { district: a3, areaText: 'Rejon służbowy nr 3 obejmuje miejscowości: Dąbrówka Borowska, Wola Borowska.' },
  { district: b1, areaText: 'Rejon służbowy nr 1 obejmuje ulice: Polną, Leśną.' },
  { district: b2, areaText: 'Rejon służbowy nr 2 obejmuje miejscowości: Zagrabie.' },
  { district: c1, areaText: 'Rejon służbowy nr 1 obejmuje miejscowości: Olszyny.' },
  {
    district: {
      name: 'names of every shape',
      rules: [
        borowo('Rynek I'),
        borowo('Jana Pawła II'),
        borowo('Armii Krajowej'),
        borowo('Orlicz-Dreszera'),
        borowo('Krzywe Koło'),
        borowo('Plac Kościuszki'),
        borowo('Plac 3 Maja'),
        borowo('11 Listopada'),
        borowo('PCK'),
        borowo('Podwale'),
        borowo('Kapitana Żabickiego'),
        borowo('Stawowa', '1-60'),
        borowo('Słowackiego', '2-20 parzyste; 1-15 nieparzyste'),
      ],
    },
    areaText:
      'Rejon służbowy nr 4 obejmuje ulice: Rynek I, Jana Pawła II, Armii Krajowej, Orlicz-Dreszera, Krzywe Koło, Plac Kościuszki, ' +
      'Plac 3 Maja, 11 Listopada, PCK, Podwale, Kapitana Żabickiego, Stawową (od numeru 1 do numeru 60), ' +
      'Słowackiego (parzyste od numeru 2 do numeru 20, nieparzyste od numeru 1 do numeru 15).',
  },
  {
    district: {
      name: 'open ranges, parities and single numbers',
      rules: [
        borowo('Słowackiego', 'od 22 parzyste; od 17 nieparzyste'),
        borowo('Stawowa', 'od 61'),
        borowo('Chełmska', '1-111; od 113'),
        borowo('Marszałka Piłsudskiego', 'od 1 nieparzyste'),
        borowo('Łąkowa', '112'),
      ],
    },
    areaText:
      'Rejon służbowy nr 5 obejmuje ulice: Słowackiego (parzyste od numeru 22, nieparzyste od numeru 17), Stawową (od numeru 61), ' +
      'Chełmską (od numeru 1 do numeru 111, od numeru 113), Marszałka Piłsudskiego (nieparzyste od numeru 1), Łąkową 112.',
  },
  {
    district: {
      name: 'villages of several words',
      rules: ['Borówek', 'Borówek-Kolonia', 'Majdan Borowski', 'Wola Borowska Druga', 'Dąbrówka Kolonia', 'Stara Wieś-Zagrody'].map(
        village,
      ),
    },
    areaText:
      'Rejon służbowy nr 6 obejmuje miejscowości: Borówek, Borówek-Kolonia, Majdan Borowski, Wola Borowska Druga, Dąbrówka Kolonia, Stara Wieś-Zagrody.',
  },
];

describe('reading published area descriptions', () => {
  it('reads the full example: accusative names, parity ranges, exclusions, blocks, villages, and warns about the rest', () => {
    const text =
      'Rejon służbowy nr 3 obejmuje ulice: Lubelską (parzyste od numeru 10 do numeru 120, nieparzyste od numeru 7 do numeru 55), ' +
      'Polną (nieparzyste od numeru 21), Kwiatową 4, 6, 8 oraz od numeru 12 do 90 (bez numerów parzystych od 40 do 52), ' +
      'os. Słoneczne (bloki 3-9), Park Miejski, do Ronda Zachodniego. Miejscowości: Serniki, Wola Sernicka, Czerniejów, Brzostówka.';
    const { rules, warnings } = parseAreaText(text, 'Lubartów');
    expect(rules).toEqual([
      street('Lubelska', [r('10', '120', 'even'), r('7', '55', 'odd')]),
      street('Polna', [r('21', null, 'odd')]),
      street('Kwiatowa', [r('4', '4'), r('6', '6'), r('8', '8'), r('12', '39'), r('40', '52', 'odd'), r('53', '90')]),
      street('os. Słoneczne', [r('3', '9')]),
      { locality: 'Serniki', street: null, numbers: null },
      { locality: 'Wola Sernicka', street: null, numbers: null },
      { locality: 'Czerniejów', street: null, numbers: null },
      { locality: 'Brzostówka', street: null, numbers: null },
    ]);
    // A park and a stretch "do Ronda …" are no rule: listed with a warning, to be drawn as a polygon.
    expect(warnings.map((w) => w.pl)).toEqual([
      expect.stringContaining('„Park Miejski”'),
      expect.stringContaining('„do Ronda Zachodniego”'),
    ]);
  });

  it('turns accusative street names into the nominative, leaving genitive names alone', () => {
    expect(nominative('Lubelską')).toBe('Lubelska');
    expect(nominative('Starą Drogę')).toBe('Stara Droga');
    expect(nominative('Aleję Tysiąclecia')).toBe('Aleja Tysiąclecia');
    expect(nominative('Powstańców Warszawy')).toBe('Powstańców Warszawy');
    expect(nominative('Jana Pawła II')).toBe('Jana Pawła II');
    expect(nominative('Krzywe Koło')).toBe('Krzywe Koło');
  });

  it('handles bullets, numbered lists, Markdown bold, new lines and "ul." prefixes', () => {
    const text =
      '**Rejon służbowy nr 2** obejmuje ulice:\n• ul. Szkolną 1-15\n- Długą (numery parzyste)\n1. 3 Maja\n· 11 Listopada (od nr 5 do nr 9)\n';
    expect(parseAreaText(text, 'Łęczna')).toEqual({
      rules: [
        street('Szkolna', [r('1', '15')], 'Łęczna'),
        street('Długa', [r('2', null, 'even')], 'Łęczna'),
        street('3 Maja', null, 'Łęczna'),
        street('11 Listopada', [r('5', '9')], 'Łęczna'),
      ],
      warnings: [],
      unresolved: [],
    });
  });

  it('leaves out what a saved web page adds around the description (publication date, author, print links)', () => {
    const page =
      'Rejon nr 3\nData publikacji 02.01.2019\nRejon obejmuje ulice: Lubelska, Polna.\nAutor: Jan Nowak\nOpublikowano: 03.01.2019 10:00\nDrukuj\nPowrót';
    const { rules, unresolved } = parseAreaText(page, 'Lubartów');
    expect(rules.map((r) => r.street)).toEqual(['Lubelska', 'Polna']);
    expect(unresolved).toEqual([]);
  });

  it('takes the town from the text when it says "w miejscowości …"', () => {
    const { rules } = parseAreaText('Rejon obejmuje w miejscowości Łęczna ulice: Jaśminową, Wiosenną.');
    expect(rules).toEqual([street('Jaśminowa', null, 'Łęczna'), street('Wiosenna', null, 'Łęczna')]);
  });

  it('asks for the town when streets are given without one', () => {
    const { rules, warnings } = parseAreaText('Rejon służbowy nr 1 obejmuje ulice: Polną. Miejscowości: Serniki.');
    expect(rules).toEqual([{ locality: 'Serniki', street: null, numbers: null }]);
    expect(warnings[0]!.pl).toBe('Nie wiadomo, w której miejscowości leży ulica „Polna”: podaj miejscowość.');
  });

  it('reports numbers it cannot read instead of guessing', () => {
    const { rules, warnings } = parseAreaText('obejmuje ulice: Polną (numery od szkoły do lasu)', 'Lubartów');
    expect(rules).toEqual([street('Polna', null)]);
    expect(warnings[0]!.pl).toContain('Nie rozpoznano numerów');
  });

  it('says so when the text has no list at all', () => {
    expect(parseAreaText('To jest zwykły tekst bez listy.').warnings[0]!.en).toContain('nothing was recognised');
  });

  it('reads every district description back to exactly its rules', () => {
    for (const { district, areaText } of publishedDescriptions) {
      const town = district.rules.find((rule) => rule.street !== null)?.locality;
      const expected = district.rules.map((rule) => ({
        locality: rule.locality,
        street: rule.street,
        numbers: parseNumberRanges(rule.numbers ?? '').ranges,
      }));
      const parsed = parseAreaText(areaText, town);
      expect(parsed.warnings, district.name).toEqual([]);
      expect(parsed.rules, district.name).toEqual(expected);
    }
  });
});
