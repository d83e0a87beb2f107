import { describe, expect, it } from 'vitest';
import { languages } from '../../platform/i18n/i18n.js';
import { commentPlace, eventName, planErrors, statusName, timingName } from './messages.js';
import { planStatuses } from './model.js';
import { defaultPlanSettings, planTimings } from './rules.js';
import { stepNotice } from './step-notices.js';
import { allTransitions } from './workflow.js';

const plan = {
  periodFrom: '2027-01-01',
  periodTo: '2027-06-30',
  submittedAt: new Date('2026-12-05T10:00:00Z'),
  approvedAt: null,
  publishedAt: null,
  evaluatedAt: null,
  version: 2,
  publishedVersion: null,
};
const allCodes = [...planStatuses, ...allTransitions, 'general', 'goal', 'actions', 'threat', 'partners', 'communication'];
/**
 * A code word standing alone ("approve", "in_progress"), not inside a longer word. English words
 * can be the codes themselves ("draft", "submitted"), so English is checked for the codes that are
 * no words ("in_progress"), Polish for all of them.
 */
const containsCode = (text: string, lang: 'pl' | 'en' = 'pl') =>
  allCodes
    .filter((code) => lang === 'pl' || code.includes('_'))
    .find((code) => new RegExp(`(^|[^\\p{L}_])${code}([^\\p{L}_]|$)`, 'u').test(text));

describe('what the page says after each step', () => {
  it('says the plan went for approval and how long the supervisor has, from the settings', () => {
    expect(stepNotice('submit', plan, defaultPlanSettings, '2026-12-05').pl).toBe(
      'Plan przekazano do zatwierdzenia. Kierownik ma 7 dni (do 12 grudnia 2026), aby go zatwierdzić albo zwrócić do poprawy.',
    );
    const slower = stepNotice('submit', plan, { ...defaultPlanSettings, approvalDays: 1 }, '2026-12-05');
    expect(slower.pl).toContain('Kierownik ma 1 dzień (do 6 grudnia 2026)');
    expect(slower.en).toContain('The supervisor has 1 day (until 6 December 2026)');
  });

  it('has words, never codes, for every step in both languages', () => {
    for (const step of [...allTransitions, 'create', 'save'] as const) {
      for (const lang of languages) {
        const text = stepNotice(step, plan, defaultPlanSettings, '2026-12-05')[lang];
        expect(text, `${step} ${lang}`).not.toMatch(/Zapisano\.$|^Saved\.$/);
        expect(containsCode(text, lang), `${step} ${lang}: ${text}`).toBeUndefined();
      }
    }
  });
});

describe('plan words instead of codes', () => {
  it('names every status, step, timing and comment place in words', () => {
    for (const lang of languages) {
      for (const status of planStatuses) expect(containsCode(statusName(status, lang), lang), status).toBeUndefined();
      for (const step of [...allTransitions, 'create', 'import']) expect(containsCode(eventName(step, lang), lang), step).toBeUndefined();
      for (const timing of planTimings) if (lang === 'pl') expect(timingName(timing, lang)).not.toContain(timing);
      for (const status of planStatuses)
        for (const transition of allTransitions)
          expect(containsCode(planErrors.transitionNotAllowed(transition, status)[lang], lang)).toBeUndefined();
    }
    expect(statusName('no_such_status', 'pl')).toBe('nieznany stan');
  });

  it('puts comments under the section’s Polish name', () => {
    expect(commentPlace({ section: 'goal', item: null }, 'pl')).toBe('Cel');
    expect(commentPlace({ section: 'actions', item: 0 }, 'pl')).toBe('Działanie 1');
    expect(commentPlace({ section: 'general', item: null }, 'pl')).toBe('Uwagi ogólne');
    expect(commentPlace({ section: 'actions', item: 2 }, 'en')).toBe('Action 3');
    for (const section of ['period', 'threat', 'goal', 'actions', 'partners', 'communication', 'general']) {
      expect(containsCode(commentPlace({ section, item: null }, 'pl'))).toBeUndefined();
    }
  });
});
