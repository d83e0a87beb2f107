import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { categoryProblem, findCategory, inSeason, isOffered, kmzbCategories, type ReportCategory } from './categories.js';

const name = { pl: 'Nowa kategoria', en: 'New category' };
const at = (iso: string) => new Date(iso);

describe('KMZB catalogue', () => {
  it('holds the 27 published categories, each passing the admin validation against the rest', () => {
    expect(kmzbCategories).toHaveLength(27);
    for (const entry of kmzbCategories) {
      const others = kmzbCategories.filter((c) => c !== entry);
      expect(categoryProblem(entry, others), entry.code).toBeNull();
    }
  });

  it('keeps the Polish names as published, capitalised', () => {
    expect(findCategory(kmzbCategories, 'dangerous-entertainment-venue')?.name.pl).toBe('Miejsce niebezpiecznej działalności rozrywkowej');
    expect(findCategory(kmzbCategories, 'minors-at-risk-gathering')?.name.pl).toBe('Grupowanie się małoletnich zagrożonych demoralizacją');
    for (const entry of kmzbCategories) expect(entry.name.pl[0]).toBe(entry.name.pl[0]!.toLocaleUpperCase('pl'));
  });

  it('requires a description only for dangerous entertainment', () => {
    expect(kmzbCategories.filter((c) => c.descriptionRequired).map((c) => c.code)).toEqual(['dangerous-entertainment-venue']);
  });

  it('marks the road-traffic categories for traffic police, the level crossing but not the footpath over tracks', () => {
    const road = (code: string) => findCategory(kmzbCategories, code)!.roadCategory;
    expect(
      [
        'illegal-parking',
        'speeding',
        'poor-road-infrastructure',
        'illegal-car-racing',
        'poor-traffic-organisation',
        'road-accidents-with-forest-animals',
        'unguarded-level-crossing',
      ].every(road),
    ).toBe(true);
    expect(['unguarded-track-crossing', 'quad-bikes-in-forests', 'drinking-in-public', 'dangerous-places-on-water'].some(road)).toBe(false);
  });

  it('uses whole months 1–12 for every season', () => {
    for (const { season } of kmzbCategories) {
      if (!season) continue;
      for (const month of [season.fromMonth, season.toMonth]) expect(Number.isInteger(month) && month >= 1 && month <= 12).toBe(true);
    }
  });

  it('finds nothing for an unknown code', () => {
    expect(findCategory(kmzbCategories, 'fraud')).toBeUndefined();
  });
});

describe('seasons', () => {
  const bathing = findCategory(kmzbCategories, 'unofficial-bathing-sites')!;
  const grass = findCategory(kmzbCategories, 'grass-burning')!;

  it('offers bathing sites from May to September in Polish time', () => {
    expect(inSeason(bathing, at('2026-04-30T21:59:00Z'))).toBe(false); // 23:59 on 30 April in Warsaw
    expect(inSeason(bathing, at('2026-04-30T22:00:00Z'))).toBe(true); // midnight, 1 May in Warsaw
    expect(inSeason(bathing, at('2026-09-30T21:59:00Z'))).toBe(true);
    expect(inSeason(bathing, at('2026-09-30T22:00:00Z'))).toBe(false);
    expect(inSeason(grass, at('2026-03-15T12:00:00Z'))).toBe(true);
    expect(inSeason(grass, at('2026-07-15T12:00:00Z'))).toBe(false);
  });

  it('wraps a window over the new year', () => {
    const winter = { season: { fromMonth: 11, toMonth: 2 } };
    expect([1, 2, 11, 12].map((m) => inSeason(winter, new Date(Date.UTC(2026, m - 1, 15))))).toEqual([true, true, true, true]);
    expect([3, 6, 10].map((m) => inSeason(winter, new Date(Date.UTC(2026, m - 1, 15))))).toEqual([false, false, false]);
  });

  it('offers a category without a season all year, and never an inactive one', () => {
    const vandalism = findCategory(kmzbCategories, 'vandalism')!;
    fc.assert(
      fc.property(fc.date({ min: at('2000-01-01'), max: at('2100-01-01'), noInvalidDate: true }), (when) => {
        expect(isOffered(vandalism, when)).toBe(true);
        expect(isOffered({ ...vandalism, active: false }, when)).toBe(false);
      }),
    );
  });
});

describe('admin category validation', () => {
  it('accepts a well-formed new category', () => {
    expect(categoryProblem({ code: 'e-hulajnogi-2', name }, kmzbCategories)).toBeNull();
    expect(categoryProblem({ code: 'ab', name: { pl: '  Abc ', en: 'Xyz' } })).toBeNull();
  });

  it.each(['a', 'x'.repeat(61)])('refuses the code length of %s', (code) => {
    expect(categoryProblem({ code, name })!.pl).toContain('od 2 do 60 znaków');
  });

  it.each(['Parking', 'e_hulajnogi', '-lead', 'trail-', 'double--hyphen', 'spożycie', 'with space'])('refuses the code %s', (code) => {
    expect(categoryProblem({ code, name })!.en).toContain('lowercase letters a–z');
  });

  it('measures trimmed names in both languages', () => {
    expect(categoryProblem({ code: 'ok', name: { pl: '  Ab  ', en: 'Fine' } })!.pl).toBe('Nazwa polska musi mieć od 3 do 120 znaków.');
    expect(categoryProblem({ code: 'ok', name: { pl: 'Dobra', en: 'x'.repeat(121) } })!.en).toBe(
      'The English name must be 3 to 120 characters long.',
    );
    expect(categoryProblem({ code: 'ok', name: { pl: 'ż'.repeat(120), en: 'y'.repeat(120) } })).toBeNull();
  });

  it('refuses a code or name already in the catalogue, ignoring case of names', () => {
    expect(categoryProblem({ code: 'speeding', name }, kmzbCategories)!.pl).toBe('Kategoria o kodzie „speeding” już istnieje.');
    expect(categoryProblem({ code: 'x-1', name: { pl: 'żebractwo', en: 'Other' } }, kmzbCategories)!.pl).toContain(
      '„żebractwo” już istnieje',
    );
    expect(categoryProblem({ code: 'x-1', name: { pl: 'Inne', en: 'BEGGING' } }, kmzbCategories)!.en).toContain('"BEGGING" already exists');
  });

  it('lets a rename keep its own code when the category is left out of the others', () => {
    const others: ReportCategory[] = kmzbCategories.filter((c) => c.code !== 'begging');
    expect(categoryProblem({ code: 'begging', name: { pl: 'Żebractwo agresywne', en: 'Aggressive begging' } }, others)).toBeNull();
  });

  it('accepts exactly the codes matching the slug pattern (property)', () => {
    const slug = fc.array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('-'));
    fc.assert(
      fc.property(slug, (code) => {
        const problem = categoryProblem({ code, name });
        expect(problem === null).toBe(code.length >= 2 && code.length <= 60);
      }),
    );
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 60 }), (code) => {
        fc.pre(!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code));
        expect(categoryProblem({ code, name })).not.toBeNull();
      }),
    );
  });
});
