import { describe, expect, it } from 'vitest';
import { emptyContent } from '../model.js';
import { applyListIntent, monthToDay, readEditorForm } from './form.js';

describe('the plan editor form', () => {
  it('turns month pickers into days, keeping an exact day when the month did not change', () => {
    expect(monthToDay('2026-07', 'from', null)).toBe('2026-07-01');
    expect(monthToDay('2026-02', 'to', null)).toBe('2026-02-28');
    expect(monthToDay('2025-07', 'to', '2025-07-15')).toBe('2025-07-15');
    expect(monthToDay('2025-08', 'to', '2025-07-15')).toBe('2025-08-31');
    expect(monthToDay('', 'to', null)).toBeNull();
    expect(monthToDay('2025-13', 'to', null)).toBeNull();
  });

  it('reads every section from plain form fields', () => {
    const { content, periodFrom, errors } = readEditorForm(
      {
        periodFrom: '2026-07-01',
        periodTo: '2026-12-31',
        'threat.category': 'fraud',
        'threat.description': 'Oszustwa.',
        'threat.sources.residents': 'on',
        'threat.sources.kmzb': 'on',
        'goal.description': 'Mniej oszustw.',
        'goal.measurable': 'on',
        'goal.indicator.what': 'liczba oszustw',
        'goal.baseline.period': 'I półrocze 2026',
        'goal.baseline.value': '8',
        'goal.target.direction': 'decrease',
        'goal.target.percent': '20',
        'goal.indicatorSpec.source': 'imported',
        'goal.indicatorSpec.categories': 'oszustwo „na wnuczka”\r\n\r\n  oszustwo, metoda „na policjanta” \noszustwo „na wnuczka”',
        'actions.0.description': 'Spotkanie',
        'actions.0.from': '2026-07',
        'actions.0.to': '2026-07',
        'actions.1.description': 'Kampania',
        'actions.1.from': '2026-07',
        'actions.1.to': '2026-12',
        'partners.0.name': 'MOPS',
        'partners.0.tasks': 'informowanie',
        'communication.std.0': 'on',
        'communication.other': 'parafia\n\n  gazetka szkolna ',
      },
      emptyContent(),
      'pl',
    );
    expect(errors).toEqual([]);
    expect(periodFrom).toBe('2026-07-01');
    expect(content.threat).toEqual({ category: 'fraud', places: '', description: 'Oszustwa.', sources: ['residents', 'kmzb'] });
    expect(content.goal).toEqual({
      description: 'Mniej oszustw.',
      indicator: { what: 'liczba oszustw', where: '', source: '' },
      baseline: { period: 'I półrocze 2026', value: 8 },
      target: { direction: 'decrease', percent: 20 },
      // One category a line (names may hold commas), blank lines and repeats dropped.
      indicatorSpec: { source: 'imported', categories: ['oszustwo „na wnuczka”', 'oszustwo, metoda „na policjanta”'] },
    });
    expect(content.actions.map((a) => [a.description, a.from, a.to])).toEqual([
      ['Spotkanie', '2026-07-01', '2026-07-31'],
      ['Kampania', '2026-07-01', '2026-12-31'],
    ]);
    expect(content.communication).toEqual(['strona internetowa jednostki Policji', 'parafia', 'gazetka szkolna']);
  });

  it('reports numbers that are not numbers, and actions ending before they start', () => {
    const { errors } = readEditorForm(
      {
        'goal.measurable': 'on',
        'goal.baseline.value': 'osiem',
        'goal.target.percent': '0',
        'actions.0.from': '2026-09',
        'actions.0.to': '2026-07',
      },
      emptyContent(),
      'pl',
    );
    expect(errors.map((e) => e.field)).toEqual(['goal.baseline.value', 'goal.target.percent', 'actions.0.to']);
  });

  it('adds, removes and reorders rows', () => {
    let content = emptyContent();
    content = applyListIntent(content, 'add-action');
    content = applyListIntent(content, 'add-action');
    content.actions[0]!.description = 'A';
    content.actions[1]!.description = 'B';
    expect(applyListIntent(content, 'down-action:0').actions.map((a) => a.description)).toEqual(['B', 'A']);
    expect(applyListIntent(content, 'up-action:0').actions.map((a) => a.description)).toEqual(['A', 'B']);
    expect(applyListIntent(content, 'remove-action:0').actions.map((a) => a.description)).toEqual(['B']);
    expect(applyListIntent(content, 'add-partner').partners).toEqual([{ name: '', tasks: '' }]);
    expect(applyListIntent(content, 'nonsense')).toBe(content);
  });
});
