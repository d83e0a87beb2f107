import { describe, expect, it } from 'vitest';
import { matchKey, nearDuplicates, nearOtherPartners, similarity } from './names.js';

const registry = [
  { id: 'ug', name: 'Urząd Gminy Lubartów' },
  { id: 'um', name: 'Urząd Miasta Lubartów' },
  { id: 'sp2', name: 'Szkoła Podstawowa nr 2 w Lubartowie' },
  { id: 'mops', name: 'Miejski Ośrodek Pomocy Społecznej w Lubartowie' },
  { id: 'sm', name: 'Spółdzielnia Mieszkaniowa „Batory”' },
];
const ids = (name: string) => nearDuplicates(name, registry).map((m) => m.candidate.id);

describe('names of partner organisations', () => {
  it.each([
    ['Urząd Gminy Lubartów', 'urzad gminy lubartow'],
    ['  URZĄD   gminy, Lubartów ', 'urzad gminy lubartow'],
    ['UG Lubartów', 'urzad gminy lubartow'],
    ['U.G. Lubartów', 'urzad gminy lubartow'],
    ['Urzad Gminy w Lubartowie', 'urzad gminy lubartowie'],
    ['Spółdzielnia Mieszkaniowa "Batory"', 'spoldzielnia mieszkaniowa batory'],
    ['SP nr 2', 'szkola podstawowa 2'],
    ['Szkoła Podstawowa Nr. 2', 'szkola podstawowa 2'],
    ['MOPS', 'miejski osrodek pomocy spolecznej'],
    ['Łąka Sp. z o.o.', 'laka spolka z oo'],
  ])('compares %j as %j', (name, key) => {
    expect(matchKey(name)).toBe(key);
  });

  it('scores trigram overlap as pg_trgm does: 1 for the same words, 0 for none shared', () => {
    expect(similarity('urzad gminy', 'urzad gminy')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    const close = similarity('urzad gminy lubartow', 'urzad gminy lubartowie');
    const far = similarity('urzad gminy lubartow', 'urzad miasta lubartow');
    expect(close).toBeGreaterThan(far);
  });

  it('offers the registry entry for an abbreviation, letters without diacritics, another case or inflection', () => {
    expect(ids('UG Lubartów')[0]).toBe('ug');
    expect(nearDuplicates('UG Lubartów', registry)[0]?.same).toBe(true);
    expect(ids('urzad gminy lubartow')[0]).toBe('ug');
    expect(ids('Urząd Gminy w Lubartowie')[0]).toBe('ug');
    expect(nearDuplicates('Urząd Gminy w Lubartowie', registry)[0]?.same).toBe(false);
    expect(ids('MOPS w Lubartowie')).toEqual(['mops']);
    expect(ids('SM Batory')).toEqual([]);
    expect(ids('spółdzielnia mieszkaniowa batory')).toEqual(['sm']);
  });

  it('never takes another number for the same organisation, nor an office of the town for the commune’s', () => {
    expect(ids('Szkoła Podstawowa nr 3 w Lubartowie')).toEqual([]);
    expect(ids('SP 2 w Lubartowie')).toEqual(['sp2']);
    expect(ids('Urząd Miasta Lubartów')).toEqual(['um']);
    expect(ids('Nadleśnictwo Lubartów')).toEqual([]);
    expect(ids('   ')).toEqual([]);
  });

  it('offers a plan entry the registry’s near names other than the one it is linked to', () => {
    const names = (entry: { partnerId?: string; name: string }) => nearOtherPartners(entry, registry).map((p) => p.name);
    expect(names({ name: 'Urząd Gminy w Lubartowie' })).toEqual(['Urząd Gminy Lubartów']);
    expect(names({ partnerId: 'ug', name: 'Urząd Gminy Lubartów' })).toEqual([]);
    expect(names({ partnerId: 'sp2', name: 'Szkoła Podstawowa nr 2 w Lubartowie' })).toEqual([]);
  });
});
