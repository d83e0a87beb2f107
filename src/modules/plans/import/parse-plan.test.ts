import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { projectRoot } from '../../../platform/config/config.js';
import { NotAPlanError, parsePlan } from './parse-plan.js';
import { findPeriod, findTimeFrame } from './time-frames.js';

const seed = (name: string) => readFileSync(path.join(projectRoot, 'resources', 'seeds', name), 'utf8');
const pl = (warnings: { pl: string }[]) => warnings.map((w) => w.pl);

describe('time frames of actions', () => {
  it.each([
    ['W lipcu 2026 roku spotkanie', '2026-07-01', '2026-07-31'],
    ['W sierpniu 2026 roku spotkania', '2026-08-01', '2026-08-31'],
    ['sierpień – grudzień 2024 rok - prowadzenie', '2024-08-01', '2024-12-31'],
    ['styczeń – czerwiec 2024 roku - kontrole', '2024-01-01', '2024-06-30'],
    ['Od lipca do grudnia 2026 roku prowadzenie', '2026-07-01', '2026-12-31'],
    ['termin realizacji do dnia 31.07.2025 roku', null, '2025-07-31'],
    ['w okresie od 1 lipca 2025 roku do 31 grudnia 2025 roku', '2025-07-01', '2025-12-31'],
    ['lipiec 2024 rok - nawiązanie', '2024-07-01', '2024-07-31'],
    ['luty 2024 r.', '2024-02-01', '2024-02-29'],
    ['od 01.02.2023 r. - 31.07.2023 r.', '2023-02-01', '2023-07-31'],
  ])('%s', (text, from, to) => {
    expect(findTimeFrame(text)).toMatchObject({ from, to });
  });

  it('takes the year of the plan when the text gives none', () => {
    expect(findTimeFrame('od lipca do grudnia', 2026)).toMatchObject({ from: '2026-07-01', to: '2026-12-31' });
  });

  it('finds the plan period in the forms real documents use', () => {
    expect(findPeriod('na okres od 01.07.2026 roku do 31.12.2026 roku')).toEqual({ from: '2026-07-01', to: '2026-12-31' });
    expect(findPeriod('od 1 lutego do 31 lipca 2018 r.')).toEqual({ from: '2018-02-01', to: '2018-07-31' });
    expect(findPeriod('w okresie 01.02.2023 r. - 31.07.2023 r.')).toEqual({ from: '2023-02-01', to: '2023-07-31' });
    expect(findPeriod('od 1 października do 31 marca 2019 r.')).toEqual({ from: '2018-10-01', to: '2019-03-31' });
    expect(findPeriod('bez dat')).toBeNull();
  });

  it('never throws and never gives an impossible day', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const frame = findTimeFrame(text);
        return frame === null || [frame.from, frame.to].every((d) => d === null || !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));
      }),
    );
  });
});

describe('reading the seed plans field by field', () => {
  it('000: KPP Krasnystaw, district 2, fraud against seniors, −20 %, signed', () => {
    const plan = parsePlan(seed('000_d4209128a33a3e86.txt'));
    expect(plan).toMatchObject({
      unit: 'Komenda Powiatowa Policji w Krasnymstawie',
      districtNumber: 2,
      period: { from: '2026-07-01', to: '2026-12-31' },
      goal: { target: { direction: 'decrease', percent: 20 } },
      signature: 'sierżant Krzysztof Turek',
      warnings: [],
    });
    expect(plan.threat.description).toMatch(/^W podległym rejonie służbowym numer 2, problemem/);
    expect(plan.threat.description).toContain('o 8 przypadkach prób dokonania takich wyłudzeń');
    expect(plan.threat.description).toMatch(/przede wszystkim wśród seniorów\.$/);
    expect(plan.threat.description.split('\n')).toHaveLength(3);
    expect(plan.goal.description).toMatch(
      /^Zmniejszenie liczby popełnianych oszustw o 20 procent w stosunku do pierwszego półrocza 2026 roku/,
    );
    expect(plan.actions.map((a) => [a.from, a.to])).toEqual([
      ['2026-07-01', '2026-07-31'],
      ['2026-08-01', '2026-08-31'],
      ['2026-07-01', '2026-07-31'],
      ['2026-07-01', '2026-12-31'],
      ['2026-07-01', '2026-12-31'],
    ]);
    expect(plan.actions[0]!.description).toBe(
      'Spotkanie z pracownikami Towarzystwa Budownictwa Społecznego w Krasnymstawie celem propagowania wśród osób starszych zamieszkujących w podległym im rejonie zachowań, które uniemożliwią popełnianie przestępstw na ich szkodę.',
    );
    expect(plan.actions[3]!.description).toBe(
      'Prowadzenie kampanii informacyjnej przez oficera prasowego Komendanta Powiatowego Policji w Krasnymstawie.',
    );
    expect(plan.partners.map((p) => p.name)).toEqual([
      'Towarzystwo Budownictwa Społecznego w Krasnymstawie',
      'Miejski Ośrodek Pomocy Społecznej w Krasnymstawie',
      'Krasnostawski Dom Kultury',
      'Klub Seniora działający przy Krasnostawskim Domu Kultury',
      'Oficer prasowy Komendanta Powiatowego Policji w Krasnymstawie',
    ]);
    expect(plan.partners[2]!.tasks).toBe('organizowanie spotkań z seniorami, przeprowadzanie kampanii informacyjnej');
    expect(plan.communication).toEqual([
      'zamieszczone zostaną na stronie internetowej Komendy Powiatowej Policji w Krasnymstawie',
      'za pośrednictwem lokalnych mediów',
      'przekazywane będą w czasie spotkań i debat społecznych',
      'w miarę możliwości za pośrednictwem tablic ogłoszeniowych współpracujących instytucji',
    ]);
  });

  it('001: KPP Lubartów, district 7 (Serniki), title in Markdown bold over three lines, qualitative goal', () => {
    const plan = parsePlan(seed('001_d1ba7e184d5e79e5.txt'));
    expect(plan).toMatchObject({
      unit: 'Komenda Powiatowa Policji w Lubartowie',
      districtNumber: 7,
      period: { from: '2024-07-01', to: '2024-12-31' },
      signature: null,
    });
    expect(plan.goal).toEqual({
      description:
        'Podniesienie świadomości wśród mieszkańców gminy Serniki poprzez przekazanie informacji o metodach działania oszustów i w jaki sposób mogą się przed nimi ochronić.\nOgraniczenie występowania negatywnych zjawisk.',
      target: null,
    });
    expect(plan.actions).toEqual([
      {
        description:
          'Nawiązanie współpracy z OPS Serniki jako organu koordynującego prace Klubów seniora, Kołami Gospodyń Wiejskich oraz sołtysami miejscowości w celu ustalenia harmonogramu spotkań.',
        from: '2024-07-01',
        to: '2024-07-31',
      },
      {
        description: 'Prowadzenie działań profilaktycznych w formie spotkań z mieszkańcami, w tym członkami Klubu Seniora w Gminie Serniki',
        from: '2024-08-01',
        to: '2024-12-31',
      },
      {
        description:
          'Rozwieszenie ulotek w gablotach ogłoszeń ostrzegających o zagrożeniach ze strony sprawców oszustw za zgodą Władz Gminy Serniki, proboszczy parafii w Sernikach i Brzostówce, miejscowego banku spółdzielczego oraz sołtysów miejscowości.',
        from: '2024-08-01',
        to: '2024-08-31',
      },
      { description: 'Spotkania z dziećmi i młodzieżą w szkołach.', from: '2024-09-01', to: '2024-12-31' },
    ]);
    expect(plan.partners).toEqual([
      {
        name: 'Współpraca lokalnym samorządem w tym na poziomie sołectw z sołtysami, pracownikami Ośrodka Pomocy Społecznej, Banku Spółdzielczego oraz parafii w Sernikach i Brzostówce',
        tasks: '',
      },
    ]);
    expect(plan.communication).toEqual([
      'Zamieszczenie informacji o realizacji planu działania priorytetowego na stronie internetowej Komendy Powiatowej Policji w Lubartowie',
    ]);
    expect(pl(plan.warnings)).toEqual(['Podmioty współpracujące nie są wypunktowane: zapisano je jako jedną pozycję.']);
  });

  it('002: KPP Lubartów, district 3, drinking at a playground, −50 %, title split by blank lines', () => {
    const plan = parsePlan(seed('002_22956f2d2e43d89d.txt'));
    expect(plan).toMatchObject({
      unit: 'Komenda Powiatowa Policji w Lubartowie',
      districtNumber: 3,
      period: { from: '2024-01-01', to: '2024-06-30' },
      goal: { target: { direction: 'decrease', percent: 50 } },
      warnings: [],
    });
    expect(plan.threat.description).toContain('plac zabaw Nivea');
    expect(plan.actions.map((a) => [a.from, a.to])).toEqual([
      ['2024-01-01', '2024-06-30'],
      ['2024-03-01', '2024-06-30'],
      ['2024-01-01', '2024-06-30'],
    ]);
    expect(plan.actions[2]!.description).toBe(
      'Podejmowanie działań profilaktycznych poprzez rozmowy z mieszkańcami rejonu mające na celu podniesienie świadomości w zakresie właściwych postaw w przypadku zaobserwowania zachowań innych osób dopuszczających się wykroczeń lub przestępstw.',
    );
    expect(plan.partners).toEqual([
      {
        name: 'Spółdzielnia Mieszkaniowa w Lubartowie',
        tasks: 'zacieśnienie współpracy z pracownikiem odpowiedzialnym za obsługę monitoringu Spółdzielni',
      },
    ]);
    expect(plan.communication).toEqual([
      'Rozmowy indywidualne z mieszkańcami osiedla Powstańców Warszawy 1-21 w Lubartowie',
      'Zamieszczenie planu działania priorytetowego na stronie internetowej Komendy Powiatowej Policji w Lubartowie',
    ]);
  });

  it('003: KPP Łęczna, district 3, CCTV cameras, unit in the title, deadlines "do dnia"', () => {
    const plan = parsePlan(seed('003_ece8c854d0f47b18.txt'));
    expect(plan).toMatchObject({
      unit: 'Komenda Powiatowa Policji w Łęcznej',
      districtNumber: 3,
      period: { from: '2025-07-01', to: '2025-12-31' },
      goal: { target: null },
      warnings: [],
    });
    expect(plan.actions[0]).toEqual({
      description:
        'Wystąpienie z wnioskiem do Urzędu Miejskiego w Łęcznej w sprawie wymiany starego monitoringu istniejącego na terenie Osiedla Bobrowniki w Łęcznej (ze szczególnym uwzględnieniem rejonu ulicy Jaśminowej, Wiosennej, Wierzbowej oraz ul. Wiklinowej).',
      from: null,
      to: '2025-07-31',
    });
    expect(plan.actions.slice(1).every((a) => a.from === '2025-07-01' && a.to === '2025-12-31')).toBe(true);
    expect(plan.partners.map((p) => p.name)).toEqual([
      'Urząd Miejski w Łęcznej – Referat Inwestycji i Rozwoju Gminy oraz Referat Gospodarki Komunalnej i Ochrony Środowiska',
      'Rada Osiedla Bobrowniki w Łęcznej',
      'Spółdzielnia Mieszkaniowa „Batory” oraz Spółdzielnia Mieszkaniowa „Wspólnota” w Łęcznej',
    ]);
    expect(plan.communication).toEqual([
      'Zamieszczenie na stronie internetowej Komendy Powiatowej Policji w Łęcznej',
      'Informowanie podczas realizacji zadań służbowych',
      'Informowanie podczas obchodu rejonu służbowego',
      'Za pośrednictwem lokalnych mediów',
    ]);
  });
});

describe('variants real documents have', () => {
  const variant = `PLAN DZIAŁANIA PRIORYTETOWEGO
dla rejonu służbowego nr 5
Komisariatu Policji w Kocku
na okres od 1 lutego do 31 lipca 2018 r.


**I. CHARAKTERYSTYKA ZDIAGNOZOWANEGO ZAGROŻENIA**
Spożywanie alkoholu w miejscu publicznym przy sklepie.

2) zakładany cel do osiągnięcia:  Ograniczenie o 30% liczby interwencji.

III. Proponowane działania
1. W lutym 2018 roku spotkanie z właścicielem sklepu.
2. Od marca do lipca 2018 roku kontrole miejsca.
• bez terminu: rozmowy z mieszkańcami

5. Sposób informowania społeczności rejonu:
• strona internetowa komisariatu
• tablica ogłoszeń sołectwa
`;

  it('reads other heading styles, numbering, bullets and inline content, and warns about a missing section', () => {
    const plan = parsePlan(variant);
    expect(plan).toMatchObject({
      unit: 'Komisariat Policji w Kocku',
      districtNumber: 5,
      period: { from: '2018-02-01', to: '2018-07-31' },
      threat: { description: 'Spożywanie alkoholu w miejscu publicznym przy sklepie.' },
      goal: { description: 'Ograniczenie o 30% liczby interwencji.', target: { direction: 'decrease', percent: 30 } },
      partners: [],
      communication: ['strona internetowa komisariatu', 'tablica ogłoszeń sołectwa'],
    });
    expect(plan.actions).toEqual([
      { description: 'Spotkanie z właścicielem sklepu.', from: '2018-02-01', to: '2018-02-28' },
      { description: 'Kontrole miejsca.', from: '2018-03-01', to: '2018-07-31' },
      { description: 'bez terminu: rozmowy z mieszkańcami', from: null, to: null },
    ]);
    expect(pl(plan.warnings)).toEqual([
      expect.stringContaining('Nie rozpoznano terminu działania'),
      'Brak sekcji 4 („Podmioty współpracujące”): pozostawiono ją pustą.',
    ]);
  });

  it('refuses a document that is not a plan, naming the missing sections', () => {
    expect(() => parsePlan('Zaproszenie na debatę społeczną w Sernikach.\nPrzyjdź 12 maja.')).toThrow(NotAPlanError);
    try {
      parsePlan(seed('004_6f8424b4ef66c14a.txt'));
      expect.unreachable();
    } catch (error) {
      expect((error as NotAPlanError).missing).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('never throws anything but NotAPlanError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        try {
          parsePlan(text);
        } catch (error) {
          if (!(error instanceof NotAPlanError)) throw error;
        }
      }),
    );
  });
});
