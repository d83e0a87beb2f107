import { describe, expect, it } from 'vitest';
import { AreaIndex, type KnownPlaces } from './area-index.js';

const index = new AreaIndex([
  { districtId: 'leczna/1', locality: 'Łęczna', street: 'Lubelska', numbers: null },
  { districtId: 'leczna/1', locality: 'Łęczna', street: 'Polna', numbers: null },
  { districtId: 'leczna/2', locality: 'Łęczna', street: 'Chełmska', numbers: [{ from: '1', to: '99', parity: 'all' }] },
  { districtId: 'lubartow/1', locality: 'Lubartów', street: 'Lubelska', numbers: null },
  { districtId: 'lubartow/1', locality: 'Lubartów', street: 'Jaśminowa', numbers: null },
  { districtId: 'klarow/1', locality: 'Klarów', street: null, numbers: null },
]);
const places: KnownPlaces = { has: (key) => ['krakow', 'zakopane', 'gdansk', 'lubartow'].includes(key) };

describe('answers for an address that names no rule', () => {
  it('a town alone lists every district of the town with its rules there, however it is typed', () => {
    for (const text of ['Łęczna', 'leczna', 'ŁĘCZNA 5']) {
      const { town, matches } = index.locate(text, places);
      expect(matches).toEqual([]);
      expect(town?.name).toBe('Łęczna');
      expect(town?.districts.map((d) => [d.districtId, d.rules.map((r) => r.street)])).toEqual([
        ['leczna/1', ['Lubelska', 'Polna']],
        ['leczna/2', ['Chełmska']],
      ]);
    }
  });

  it('a street held by one town is answered there, saying which town was assumed', () => {
    const answer = index.locate('ul. Jaśminowa 5', places);
    expect(answer.assumedLocality).toBe('Lubartów');
    expect(answer.matches.map((m) => m.districtId)).toEqual(['lubartow/1']);
    expect(index.locate('Chełmska 7').assumedLocality).toBe('Łęczna');
  });

  it('a street held by several towns lists each town with its districts', () => {
    const answer = index.locate('Lubelska 10', places);
    expect(answer.matches).toEqual([]);
    expect(answer.choices).toEqual({
      towns: 2,
      list: [
        { locality: 'Lubartów', street: 'Lubelska', districtIds: ['lubartow/1'] },
        { locality: 'Łęczna', street: 'Lubelska', districtIds: ['leczna/1'] },
      ],
    });
  });

  it('a known place we do not hold is named as such, never corrected into one of ours', () => {
    for (const [text, key] of [
      ['Kraków, ul. Floriańska 10', 'krakow'],
      ['Gdańsk', 'gdansk'],
      ['Zakopane ul. Krupówki 1', 'zakopane'],
      ['Floriańska 10, Kraków', 'krakow'],
    ] as const) {
      const answer = index.locate(text, places);
      expect(answer.suggestions).toEqual([]);
      expect(answer.place).toEqual({ key, known: true });
    }
    // Without the directory, "Kraków" would be one edit from "Klarów": the directory is what stops it.
    expect(index.locate('Kraków').suggestions).toEqual(['Klarów']);
  });

  it('suggests only likely typos of names we hold; an unknown town before "ul." is named as not covered', () => {
    expect(index.locate('Lubartw, Jaśminowa 3', places).suggestions).toEqual(['Lubartów']);
    expect(index.locate('Łęczna, Chelmsak 3', places).suggestions).toEqual(['Łęczna, Chełmska']);
    expect(index.locate('Łęczna, Zupełnieinna 3', places).suggestions).toEqual([]);
    expect(index.locate('Pcim, ul. Długa 5', places)).toMatchObject({ suggestions: [], place: { key: 'pcim', known: false } });
    expect(index.locate('qwerty', places)).toEqual({ matches: [], suggestions: [] });
  });
});
