import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kmzbCategories, type ReportCategory } from './categories.js';
import { validateSubmission, type IntakeResult, type ReportSubmission } from './intake.js';

const now = new Date('2026-07-15T10:00:00Z');
const base: ReportSubmission = { categoryCode: 'illegal-parking', lat: 50.0614, lon: 19.9372 };
const check = (patch: Partial<ReportSubmission>, catalogue: readonly ReportCategory[] = kmzbCategories, when = now) =>
  validateSubmission({ ...base, ...patch }, catalogue, when);
const fields = (result: IntakeResult) => (result.ok ? [] : result.errors.map((e) => e.field));

describe('a valid submission', () => {
  it('is accepted and normalised', () => {
    const result = check({
      description: '  Auta na chodniku codziennie  ',
      email: ' jan@example.pl ',
      eventDate: '14.07.2026',
      eventTime: '20:00',
      honeypot: '',
    });
    expect(result).toEqual({
      ok: true,
      value: {
        category: kmzbCategories[0],
        position: { lon: 19.9372, lat: 50.0614 },
        address: null,
        description: 'Auta na chodniku codziennie',
        email: 'jan@example.pl',
        event: { date: '2026-07-14', time: '20:00' },
      },
    });
  });

  it('may give an address instead of a point', () => {
    const result = check({ lat: null, lon: undefined, address: ' ul. Floriańska 1, Kraków ' });
    expect(result.ok && result.value).toMatchObject({ position: null, address: 'ul. Floriańska 1, Kraków' });
  });

  it('turns blank optional fields into null', () => {
    const result = check({ description: '   ', email: '', address: ' ' });
    expect(result.ok && result.value).toMatchObject({ description: null, email: null, address: null });
  });
});

describe('category', () => {
  it('must exist in the catalogue', () => {
    expect(check({ categoryCode: 'fraud' })).toMatchObject({
      ok: false,
      spam: false,
      errors: [{ field: 'categoryCode', message: { pl: 'Wybierz kategorię zagrożenia z listy.' } }],
    });
  });

  it('must be active', () => {
    const retired = kmzbCategories.map((c) => (c.code === 'begging' ? { ...c, active: false } : c));
    const result = check({ categoryCode: 'begging' }, retired);
    expect(!result.ok && result.errors[0]!.message.pl).toBe('Kategoria „Żebractwo” nie jest już dostępna.');
  });

  it('must be in season', () => {
    const winter = check({ categoryCode: 'unofficial-bathing-sites' }, kmzbCategories, new Date('2026-01-10T10:00:00Z'));
    expect(!winter.ok && winter.errors[0]!.message).toEqual({
      pl: 'Kategoria „Dzikie kąpieliska” jest dostępna tylko w miesiącach maj–wrzesień.',
      en: 'The category "Unofficial bathing sites" is available only in May–September.',
    });
    expect(check({ categoryCode: 'unofficial-bathing-sites' }).ok).toBe(true);
  });
});

describe('description', () => {
  it('is required where the category says so', () => {
    const result = check({ categoryCode: 'dangerous-entertainment-venue', description: '  ' });
    expect(!result.ok && result.errors).toEqual([
      {
        field: 'description',
        message: {
          pl: 'W kategorii „Miejsce niebezpiecznej działalności rozrywkowej” opis zagrożenia jest wymagany.',
          en: 'A description is required in the category "Place of dangerous entertainment activity".',
        },
      },
    ]);
    expect(check({ categoryCode: 'dangerous-entertainment-venue', description: 'Nielegalne wyścigi gokartów nocą' }).ok).toBe(true);
  });

  it('holds at most 500 characters, counting Polish letters as one', () => {
    expect(check({ description: 'ż'.repeat(500) }).ok).toBe(true);
    const result = check({ description: 'ż'.repeat(501) });
    expect(!result.ok && result.errors[0]!.message.pl).toBe('Opis może mieć najwyżej 500 znaków (obecnie 501).');
  });
});

describe('email', () => {
  it.each(['jan.kowalski@example.pl', 'a+b@sub.domain.com.pl', 'ola@łódź.pl'])('accepts %s', (email) => {
    expect(check({ email }).ok).toBe(true);
  });

  it.each([
    'jan',
    'jan@',
    '@example.pl',
    'jan@example',
    'jan kowalski@example.pl',
    'jan@exa mple.pl',
    'a@b@c.pl',
    'jan@-example.pl',
    `${'a'.repeat(65)}@example.pl`,
  ])('refuses %s', (email) => {
    expect(fields(check({ email }))).toEqual(['email']);
  });

  it('holds at most 254 characters', () => {
    const long = `jan@${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.pl`;
    const result = check({ email: long });
    expect(!result.ok && result.errors[0]!.message.en).toBe('The email address may be at most 254 characters long.');
  });
});

describe('location', () => {
  it('needs a point or an address', () => {
    expect(fields(check({ lat: null, lon: null }))).toEqual(['location']);
  });

  it('needs both coordinates', () => {
    expect(fields(check({ lat: null }))).toEqual(['lat']);
    expect(fields(check({ lon: undefined, address: 'Rynek 1' }))).toEqual(['lon']);
  });

  it.each([
    [48.99, 19.9, ['lat']],
    [55.11, 19.9, ['lat']],
    [52.2, 14.09, ['lon']],
    [52.2, 24.21, ['lon']],
    [Number.NaN, Number.POSITIVE_INFINITY, ['lat', 'lon']],
  ])('refuses %s, %s outside Poland', (lat, lon, expected) => {
    expect(fields(check({ lat, lon }))).toEqual(expected);
  });

  it('accepts the edges of the box', () => {
    expect(check({ lat: 49.0, lon: 14.1 }).ok).toBe(true);
    expect(check({ lat: 55.1, lon: 24.2 }).ok).toBe(true);
  });

  it('accepts every point inside the box (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 49.0, max: 55.1, noNaN: true }), fc.double({ min: 14.1, max: 24.2, noNaN: true }), (lat, lon) => {
        expect(check({ lat, lon }).ok).toBe(true);
      }),
    );
  });

  it('limits the address length', () => {
    expect(fields(check({ lat: null, lon: null, address: 'ab' }))).toEqual(['address']);
    expect(fields(check({ address: 'x'.repeat(201) }))).toEqual(['address']);
  });
});

describe('date and time of the event', () => {
  it('are optional', () => {
    expect(check({ eventDate: ' ', eventTime: '' })).toMatchObject({ ok: true, value: { event: null } });
  });

  it('are read in Polish time, and refused in the future with the field named', () => {
    // now is 12:00 in Poland (summer time)
    expect(check({ eventDate: '2026-07-15', eventTime: '12:04' })).toMatchObject({ ok: true, value: { event: { time: '12:04' } } });
    const result = check({ eventDate: '2026-07-15', eventTime: '12:10' });
    expect(!result.ok && result.errors.map((e) => [e.field, e.message.pl])).toEqual([
      ['eventTime', 'Czas zdarzenia nie może być w przyszłości.'],
    ]);
  });
});

describe('several problems', () => {
  it('are all reported at once', () => {
    const result = check({ categoryCode: 'nope', lat: 10, email: 'x', description: 'y'.repeat(600), eventDate: '2026-07-16' });
    expect(fields(result)).toEqual(['categoryCode', 'lat', 'description', 'email', 'eventDate']);
  });
});

describe('honeypot', () => {
  it('flags a filled trap as spam, so the caller can drop it silently', () => {
    expect(check({ honeypot: 'http://spam.example' })).toMatchObject({ ok: false, spam: true, errors: [{ field: 'honeypot' }] });
  });

  it('flags spam even when everything else is fine or broken (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
        fc.boolean(),
        (honeypot, broken) => {
          const result = check({ honeypot, ...(broken ? { categoryCode: 'nope' } : {}) });
          expect(result.ok === false && result.spam).toBe(true);
        },
      ),
    );
  });

  it('ignores an empty or whitespace-only trap', () => {
    expect(check({ honeypot: ' ' }).ok).toBe(true);
  });
});
