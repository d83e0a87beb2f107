import { describe, expect, it } from 'vitest';
import { NotAPlanError, parsePlan, parsePlans } from '../parse-plan.js';
import { findDistricts, romanValue } from './district.js';
import { findTarget } from './goal.js';
import { findOfficers, findUnits } from './people.js';
import { findPeriods } from './period.js';
import { prepare, titleCased } from './text.js';

const period = (text: string) => findPeriods(text).map(({ from, to }) => ({ from, to }))[0] ?? null;

describe('periods in every way they are written', () => {
  it.each([
    ['na okres od 01.02.2024 roku do 31.07.2024 roku', '2024-02-01', '2024-07-31'],
    ['od 1 lutego do 31 lipca 2018', '2018-02-01', '2018-07-31'],
    ['w okresie od 26.06.2019r. do 25.12.2019r.', '2019-06-26', '2019-12-25'],
    ['04.2024 – 09.2024', '2024-04-01', '2024-09-30'],
    ['luty – lipiec 2023', '2023-02-01', '2023-07-31'],
    ['I półrocze 2024', '2024-01-01', '2024-06-30'],
    ['II półrocze 2023 r.', '2023-07-01', '2023-12-31'],
    ['na okres od 1 LUTEGO 2018 r do 31 LIPCA .2018r', '2018-02-01', '2018-07-31'],
    ['od 1.02.2024 do 31.07.2024', '2024-02-01', '2024-07-31'],
    ['od 01-02-2024 do 31-07-2024', '2024-02-01', '2024-07-31'],
    ['2024-02-01 – 2024-07-31', '2024-02-01', '2024-07-31'],
    ['od 1 października do 31 marca 2019 r.', '2018-10-01', '2019-03-31'],
    ['01.02.2024r.-31.07.2024r.', '2024-02-01', '2024-07-31'],
  ])('%s', (text, from, to) => {
    expect(period(text)).toEqual({ from, to });
  });

  it('keeps one end when the other is missing, only where a plan period is said', () => {
    expect(period('Plan na okres od 01.02.2024 r.')).toEqual({ from: '2024-02-01', to: null });
    expect(period('Plan obowiązuje na okres do 31.12.2024 r.')).toEqual({ from: null, to: '2024-12-31' });
    expect(period('Data publikacji 03.02.2025')).toBeNull();
  });

  it('gives the span of the words that said it, "na okres" included', () => {
    const text = 'Plan rejonu nr 3 na okres od 01.02.2024 r. do 31.07.2024 r. – KPP';
    const [found] = findPeriods(text);
    expect(text.slice(found!.start, found!.end)).toBe('na okres od 01.02.2024 r. do 31.07.2024 r.');
  });

  it('refuses impossible days and ranges longer than a year', () => {
    expect(period('od 31.02.2024 do 31.07.2024')).toBeNull();
    expect(period('od 01.02.2020 do 31.07.2024')).toBeNull();
  });
});

describe('districts in every way they are written', () => {
  it.each([
    ['Rejon 4', 4],
    ['REJON 14', 14],
    ['rejon służbowy nr 3', 3],
    ['dla rejonu dzielnicowego nr XIV', 14],
    ['Rewir I, rejon 1', 1],
    ['Plan dzielnicy nr 19 obejmuje', 19],
    ['rejonu nr 47 (Wilkowice)', 47],
    ['REJON VII', 7],
  ])('%s → %i', (text, number) => {
    expect(findDistricts(text)[0]?.number).toBe(number);
  });

  it('invents no number where a page names a gmina or a place near something', () => {
    expect(findDistricts('dla gminy Olszanka')).toEqual([]);
    expect(findDistricts('w rejonie 3 bloków przy ul. Leśnej')).toEqual([]);
    expect(findDistricts('w dzielnicy Śródmieście')).toEqual([]);
    expect(romanValue('IIII')).toBeNull();
  });
});

describe('officer and unit', () => {
  it('reads rank and name, stopping at the line end', () => {
    expect(findOfficers('Dzielnicowy\nst. asp. Krzysztof Nowaczyk\nZdiagnozowane')[0]).toMatchObject({
      rank: 'st. asp.',
      name: 'Krzysztof Nowaczyk',
      strong: true,
    });
    expect(findOfficers('za działania odpowiada dzielnicowy sierż. Wiktor Pawlak, który')[0]).toMatchObject({
      rank: 'sierż.',
      name: 'Wiktor Pawlak',
      strong: true,
    });
  });

  it('turns full names and abbreviations into the nominative unit name', () => {
    const unit = (text: string) => findUnits(titleCased(text))[0]?.name;
    expect(unit('Komendy Powiatowej Policji w Łęcznej')).toBe('Komenda Powiatowa Policji w Łęcznej');
    expect(unit('w Komisariacie Policji w Sosnowie mł. asp.')).toBe('Komisariat Policji w Sosnowie');
    expect(unit('KMP w Zielonogaju: dzielnicowy')).toBe('Komenda Miejska Policji w Zielonogaju');
    expect(unit('z KPP w Grabowie realizował')).toBe('Komenda Powiatowa Policji w Grabowie');
    expect(unit('Posterunku Policji w Dębnicy')).toBe('Posterunek Policji w Dębnicy');
    expect(unit('KOMENDA MIEJSKA POLICJI W STARYM BORZE')).toBe('Komenda Miejska Policji w Starym Borze');
    expect(unit('KPP Łęczna')).toBeUndefined();
  });
});

describe('goals as structured targets', () => {
  it.each([
    ['Ograniczenie o 20 % liczby interwencji.', { direction: 'decrease', percent: 20, kind: 'count' }],
    ['Zmniejszenie liczby interwencji o połowę.', { direction: 'decrease', percent: 50, kind: 'count' }],
    [
      'Poprawa bezpieczeństwa pieszych poprzez zmniejszenie o 20 % liczby kierujących przekraczających prędkość.',
      { direction: 'decrease', percent: 20, kind: 'count' },
    ],
    ['Zwiększenie liczby zgłoszeń od mieszkańców o 15 %.', { direction: 'increase', percent: 15, kind: 'count' }],
    ['Poczucie bezpieczeństwa na poziomie 80 % w badaniu ankietowym.', { direction: 'increase', percent: 80, kind: 'survey' }],
    ['Wyeliminowanie aktów wandalizmu na przystanku.', { direction: 'decrease', percent: 100, kind: 'count' }],
  ])('%s', (goal, target) => {
    expect(findTarget(goal)).toEqual(target);
  });

  it('keeps a goal in words as text, warning only when it names a number it could not read', () => {
    expect(findTarget('Podniesienie świadomości seniorów.')).toBeNull();
    const plan = parsePlan(
      'Plan działania priorytetowego rejon 2 na okres od 01.02.2024 do 31.07.2024\nCel: 80 % mieszkańców zna dzielnicowego.',
    );
    expect(plan.goal.target).toBeNull();
    expect(plan.warnings.map((w) => w.pl)).toContain(
      'Cel podaje liczbę, której nie rozpoznano jako celu liczbowego: zapisano go jako tekst.',
    );
  });
});

describe('a plan read with its spans, warnings and leftovers', () => {
  const text = `Aktualności
Komisariat Policji w Modrzewcu
Plan działania priorytetowego dla rejonu służbowego nr 5
na okres od 01.02.2024 r.

Zagrożenie: parkowanie na chodniku przy szkole.
Cel działań: ograniczenie wykroczeń o 30 %.

Działanie | Termin | Odpowiedzialny
Kontrole parkowania | od lutego do lipca 2024 | dzielnicowy, Straż Gminna

Powrót na górę strony
sierż. Tomasz Lipa`;
  const plan = parsePlan(text);
  const at = (key: keyof typeof plan.spans) => {
    const span = plan.spans[key]!;
    return [span].flat().map((s) => text.slice(s.start, s.end));
  };

  it('finds every field with the text it came from', () => {
    expect(plan).toMatchObject({
      unit: 'Komisariat Policji w Modrzewcu',
      districtNumber: 5,
      officer: { rank: 'sierż.', name: 'Tomasz Lipa' },
      signature: 'sierż. Tomasz Lipa',
    });
    expect(at('districtNumber')).toEqual(['rejonu służbowego nr 5']);
    expect(at('unit')).toEqual(['Komisariat Policji w Modrzewcu']);
    expect(at('period')).toEqual(['na okres od 01.02.2024 r.']);
    expect(at('threat')).toEqual(['parkowanie na chodniku przy szkole.']);
    expect(at('goal')).toEqual(['ograniczenie wykroczeń o 30 %.']);
    expect(plan.actions).toEqual([
      { description: 'Kontrole parkowania', from: '2024-02-01', to: '2024-07-31', who: 'dzielnicowy, Straż Gminna' },
    ]);
  });

  it('keeps the end it found, warns about the one it did not, and about each missing section', () => {
    expect(plan.period).toEqual({ from: '2024-02-01', to: null });
    expect(plan.warnings.map((w) => w.en)).toEqual([
      "The plan's period gives only its start: add the end date.",
      'Section 4 ("Partner organisations") is missing: it was left empty.',
      'Section 5 ("How residents are informed") is missing: it was left empty.',
    ]);
  });

  it('drops no text silently: what fits no field is kept with its place', () => {
    expect(plan.unrecognised.map((u) => u.text)).toEqual(['Aktualności', 'Powrót na górę strony']);
    for (const u of plan.unrecognised) expect(text.slice(u.start, u.end)).toBe(u.text);
  });
});

describe('documents of several plans, news items and non-plans', () => {
  it('reads each plan of a page, sharing what the page says before them', () => {
    const plans = parsePlans(`Plany dzielnicowych KMP w Starym Borze na okres od 01.02.2024 r. do 31.07.2024 r.

Plan dzielnicy nr 19 obejmuje problem spożywania alkoholu w parku. Celem jest ograniczenie interwencji o 20 %.

Plan dzielnicy nr 20 dotyczy parkowania przy ul. Sportowej. Celem jest zmniejszenie zgłoszeń o 30 %.`);
    expect(plans.map((p) => [p.districtNumber, p.period, p.unit, p.goal.target?.percent])).toEqual([
      [19, { from: '2024-02-01', to: '2024-07-31' }, 'Komenda Miejska Policji w Starym Borze', 20],
      [20, { from: '2024-02-01', to: '2024-07-31' }, 'Komenda Miejska Policji w Starym Borze', 30],
    ]);
  });

  it('gives a news item the fields it holds', () => {
    const plan = parsePlan(
      'Dzielnicowy z Komisariatu Policji w Modrzewcu sierż. Rafał Dąb przygotował plan działania priorytetowego dla rejonu nr 2. Celem działań jest zmniejszenie liczby kradzieży o 30 procent.',
    );
    expect(plan).toMatchObject({
      unit: 'Komisariat Policji w Modrzewcu',
      districtNumber: 2,
      period: null,
      officer: { name: 'Rafał Dąb' },
      goal: { target: { percent: 30 } },
    });
    expect(plan.warnings.map((w) => w.en)).toContain('No plan period was found ("na okres od … do …").');
  });

  it('refuses only a text with no sign of a plan', () => {
    expect(() => parsePlans('Zaproszenie na debatę społeczną w Sernikach.\nPrzyjdź 12 maja.')).toThrow(NotAPlanError);
    expect(() => parsePlans('Rejon służbowy nr 4\nmł. asp. Tomasz Bielski\ntel. 47 000 00 04')).toThrow(NotAPlanError);
    expect(parsePlans('Cel działań: ograniczenie kradzieży o 10 %.')).toHaveLength(1);
  });

  it('joins words a PDF broke at a line end, with spans in the input', () => {
    const text = 'PLAN DZIAŁANIA PRIORYTETOWEGO DLA REJONU SŁUŻBO-\nWEGO NR 23 NA OKRES 01.02.2024r.-31.07.2024r.';
    expect(prepare(text).text).toContain('SŁUŻBOWEGO NR 23');
    const plan = parsePlan(text);
    expect(plan.districtNumber).toBe(23);
    const span = plan.spans.districtNumber as { start: number; end: number };
    expect(text.slice(span.start, span.end)).toBe('REJONU SŁUŻBO-\nWEGO NR 23');
  });
});
