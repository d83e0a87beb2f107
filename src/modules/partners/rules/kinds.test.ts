import { describe, expect, it } from 'vitest';
import { guessKind, kindLabels, partnerKinds } from './kinds.js';

describe('types of partner organisation', () => {
  it('has a Polish and an English label for every type', () => {
    for (const kind of partnerKinds) {
      expect(kindLabels[kind].pl.length).toBeGreaterThan(2);
      expect(kindLabels[kind].en.length).toBeGreaterThan(2);
    }
  });

  // Names from real plans (resources/seeds, shared/docs/domain.md).
  it.each([
    ['Urząd Gminy Lubartów', 'local_government'],
    ['Urząd Miejski w Łęcznej', 'local_government'],
    ['Rada Osiedla Bobrowniki w Łęcznej', 'local_government'],
    ['sołtys wsi Brzostówka', 'local_government'],
    ['Szkoła Podstawowa nr 2', 'school'],
    ['Zespół Szkół Zawodowych', 'school'],
    ['MOPS', 'social_welfare'],
    ['Gminny Ośrodek Pomocy Społecznej w Sernikach', 'social_welfare'],
    ['Straż Miejska', 'municipal_guard'],
    ['Zarząd Dróg Powiatowych w Lubartowie', 'road_authority'],
    ['Spółdzielnia Mieszkaniowa „Batory”', 'housing'],
    ['Towarzystwo Budownictwa Społecznego w Krasnymstawie', 'housing'],
    ['Stowarzyszenie Przyjaciół Ziemi Lubartowskiej', 'ngo'],
    ['Krasnostawski Dom Kultury', 'culture'],
    ['Klub Seniora działający przy Krasnostawskim Domu Kultury', 'culture'],
    ['Uniwersytet Trzeciego Wieku', 'culture'],
    ['Nadleśnictwo Lubartów', 'services'],
    ['OSP Serniki', 'services'],
    ['Bank Spółdzielczy w Lubartowie', 'business'],
    ['Parafia św. Anny w Lubartowie', 'religious'],
    ['Oficer prasowy Komendanta Powiatowego Policji', 'other'],
  ])('guesses %j is %s', (name, kind) => {
    expect(guessKind(name)).toBe(kind);
  });
});
