import { describe, expect, it } from 'vitest';
import type { PlanContent } from '../model.js';
import { anyChanges, versionChanges, type VersionText } from './version-changes.js';

const content: PlanContent = {
  threat: { category: 'fraud', places: 'osiedle Słoneczne', description: 'Oszustwa „na wnuczka” wobec seniorów.', sources: ['residents'] },
  goal: {
    description: 'Zmniejszenie liczby oszustw w stosunku do poprzedniego półrocza.',
    indicator: { what: 'oszustwa', where: 'rejon 3', source: 'SWD' },
    baseline: { period: 'II półrocze 2026', value: 8 },
    target: { direction: 'decrease', percent: 30 },
  },
  actions: [
    { description: 'Spotkania z seniorami w klubie.', from: '2027-01-01', to: '2027-03-31', who: 'dzielnicowy', status: 'planned' },
    { description: 'Ulotki w bankach.', from: null, to: '2027-05-31', who: 'dzielnicowy', status: 'planned' },
  ],
  partners: [
    { name: 'MOPS w Lubartowie', tasks: 'informowanie podopiecznych' },
    { name: 'Bank Spółdzielczy', tasks: 'ulotki' },
  ],
  communication: ['strona internetowa KPP', 'spotkania z mieszkańcami'],
  signature: 'sierż. Piotr Nowicki',
};
const version = (
  change: (c: PlanContent) => void = () => {},
  period = { periodFrom: '2027-01-01', periodTo: '2027-06-30' },
): VersionText => {
  const copy = structuredClone(content);
  change(copy);
  return { ...period, content: copy };
};
const section = (changes: ReturnType<typeof versionChanges>, key: string) => changes.find((s) => s.section === key)!;
const words = (segments: { kind: string; text: string }[], kind: string) =>
  segments.filter((s) => s.kind === kind).map((s) => s.text.trim());

describe('what changed between two versions of a plan, field by field', () => {
  it('finds nothing in equal versions', () => {
    expect(anyChanges(versionChanges(version(), version(), 'pl'))).toBe(false);
  });

  it('shows the goal figure 30 % becoming 20 % although the goal text did not change', () => {
    const changes = versionChanges(
      version(),
      version((c) => (c.goal.target!.percent = 20)),
      'pl',
    );
    const goal = section(changes, 'goal');
    expect(goal.changes).toHaveLength(1);
    expect(goal.changes[0]).toMatchObject({ label: 'O ile procent', before: '30\u00a0%', after: '20\u00a0%' });
    expect(words(goal.changes[0]!.segments, 'removed')).toEqual(['30']);
    expect(words(goal.changes[0]!.segments, 'added')).toEqual(['20']);
    expect(anyChanges(changes.filter((s) => s.section !== 'goal'))).toBe(false);
  });

  it('compares the direction, the baseline in Polish number form and the kind of measure', () => {
    const changes = versionChanges(
      version(),
      version((c) => {
        c.goal.target = { direction: 'increase', percent: 30, kind: 'survey' };
        c.goal.baseline = { period: 'II półrocze 2026', value: 12.5 };
      }),
      'pl',
    );
    const labels = Object.fromEntries(section(changes, 'goal').changes.map((c) => [c.label, [c.before, c.after]]));
    expect(labels['Kierunek zmiany']).toEqual(['zmniejszenie', 'zwiększenie']);
    expect(labels['Wartość w okresie odniesienia']).toEqual(['8', '12,5']);
    expect(labels['Rodzaj miernika']).toEqual(['liczba zdarzeń', 'odsetek pozytywnych odpowiedzi w ankiecie']);
  });

  it('writes a changed action deadline and plan period as Polish dates', () => {
    const changes = versionChanges(
      version(),
      version((c) => (c.actions[1]!.to = '2027-04-30'), { periodFrom: '2027-02-01', periodTo: '2027-06-30' }),
      'pl',
    );
    const action = section(changes, 'actions').items[1]!;
    expect(action.title).toBe('Działanie 2');
    expect(action.changes).toEqual([
      expect.objectContaining({ label: 'Termin działania', before: '31 maja 2027', after: '30 kwietnia 2027' }),
    ]);
    expect(section(changes, 'actions').items[0]!.changes).toEqual([]);
    expect(section(changes, 'period').changes).toEqual([expect.objectContaining({ before: '1 stycznia 2027', after: '1 lutego 2027' })]);
    expect(
      versionChanges(
        version(),
        version((c) => (c.actions[1]!.to = '2027-04-30')),
        'en',
      )[3]!.items[1]!.changes[0],
    ).toMatchObject({ before: '31 May 2027', after: '30 April 2027' });
  });

  it('lists added and removed partners by name, and changed tasks of the same partner', () => {
    const changes = versionChanges(
      version(),
      version((c) => {
        c.partners = [
          { name: 'MOPS w Lubartowie', tasks: 'informowanie podopiecznych i ich rodzin' },
          { name: 'Parafia św. Anny', tasks: 'ogłoszenia' },
        ];
      }),
      'pl',
    );
    const partners = section(changes, 'partners').changes;
    expect(partners.map((c) => [c.label, c.before, c.after])).toEqual([
      ['MOPS w Lubartowie: zadania podmiotu', 'informowanie podopiecznych', 'informowanie podopiecznych i ich rodzin'],
      ['Usunięty podmiot', 'Bank Spółdzielczy – ulotki', ''],
      ['Nowy podmiot', '', 'Parafia św. Anny – ogłoszenia'],
    ]);
  });

  it('lists a new action, ways of informing added and removed, sources and the category', () => {
    const changes = versionChanges(
      version(),
      version((c) => {
        c.actions.push({ description: 'Debata społeczna.', from: '2027-04-01', to: '2027-04-30', who: 'kierownik', status: 'planned' });
        c.communication = ['strona internetowa KPP', 'lokalna prasa'];
        c.threat.sources = ['residents', 'kmzb'];
        c.threat.category = 'theft_burglary';
      }),
      'pl',
    );
    const added = section(changes, 'actions').items[2]!;
    expect(added.changes.map((c) => [c.label, c.before, c.after])).toContainEqual(['Opis działania', '', 'Debata społeczna.']);
    expect(added.changes.map((c) => c.after)).toContain('1 kwietnia 2027');
    expect(section(changes, 'actions').changes).toEqual([expect.objectContaining({ before: '2', after: '3' })]);
    expect(section(changes, 'communication').changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Usunięty sposób informowania', 'spotkania z mieszkańcami', ''],
      ['Nowy sposób informowania', '', 'lokalna prasa'],
    ]);
    const threat = Object.fromEntries(section(changes, 'threat').changes.map((c) => [c.label, c.after]));
    expect(threat['Kategoria zagrożenia']).toBe('kradzieże i włamania');
    expect(threat['Na jakiej podstawie zdiagnozowano zagrożenie']).toBe('informacje od mieszkańców, Krajowa Mapa Zagrożeń Bezpieczeństwa');
  });
});
