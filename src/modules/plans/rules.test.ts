import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, addMonths, completenessProblems, defaultPlanSettings, periodProblem, planDeadlines, planTiming } from './rules.js';
import {
  allTransitions,
  availableTransitions,
  isEditable,
  isNewDraft,
  isPublishedStatus,
  isTransition,
  mayTransition,
  nextStatus,
  publicStatus,
  type Transition,
} from './workflow.js';
import { emptyContent, isPlanStatus, planStatuses } from './model.js';

describe('plan periods', () => {
  it.each([
    ['2026-07-01', '2026-12-31'],
    ['2024-01-01', '2024-06-30'],
    ['2018-02-01', '2018-07-31'],
    ['2025-06-26', '2025-12-25'],
    ['2025-11-05', '2026-05-04'],
    ['2024-10-01', '2025-03-31'],
  ])('accepts the real period %s – %s', (from, to) => {
    expect(periodProblem(from, to)).toBeNull();
  });

  it('refuses periods that are too long or run backwards', () => {
    expect(periodProblem('2026-01-01', '2026-07-01')!.pl).toContain('najwyżej 6 miesięcy (do 2026-06-30)');
    expect(periodProblem('2026-07-01', '2026-07-01')).not.toBeNull();
    expect(periodProblem('2026-01-01', '2026-12-31', { ...defaultPlanSettings, maxPeriodMonths: 12 })).toBeNull();
  });

  it('adds months on the calendar, keeping the last day of short months', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2025-11-05', 6)).toBe('2026-05-05');
  });
});

describe('whether a plan is current, upcoming or past', () => {
  const period = { periodFrom: '2026-07-01', periodTo: '2026-12-31' };
  it('is upcoming before its first day, current from the first to the last day, past after', () => {
    expect(planTiming(period, '2026-06-30')).toBe('upcoming');
    expect(planTiming(period, '2026-07-01')).toBe('current');
    expect(planTiming(period, '2026-12-31')).toBe('current');
    expect(planTiming(period, '2027-01-01')).toBe('past');
    // A plan that ended long ago is never current.
    expect(planTiming({ periodFrom: '2018-02-01', periodTo: '2018-07-31' }, '2026-12-05')).toBe('past');
  });

  it('keeps a period without an end current once begun', () => {
    expect(planTiming({ periodFrom: '2026-11-05', periodTo: null }, '2026-11-04')).toBe('upcoming');
    expect(planTiming({ periodFrom: '2026-11-05', periodTo: null }, '2030-01-01')).toBe('current');
  });

  it('agrees with the days of the period on any period and day', () => {
    const day = fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2020-01-01', n));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 200 }), day, (from, length, today) => {
        const to = addDays(from, length);
        const timing = planTiming({ periodFrom: from, periodTo: to }, today);
        const inside = today >= from && today <= to;
        return inside ? timing === 'current' : timing === (today < from ? 'upcoming' : 'past');
      }),
    );
  });
});

describe('plan deadlines', () => {
  const base = {
    periodFrom: '2026-07-01',
    periodTo: '2026-12-31',
    submittedAt: null,
    approvedAt: null,
    publishedAt: null,
    evaluatedAt: null,
  };
  it('expects submission 14 days before the period and flags it once missed', () => {
    expect(planDeadlines(base, '2026-06-17')).toEqual([
      { kind: 'submission', due: '2026-06-17', doneOn: null, overdue: false },
      { kind: 'evaluation', due: '2027-01-14', doneOn: null, overdue: false },
    ]);
    expect(planDeadlines(base, '2026-06-18')[0]!.overdue).toBe(true);
  });

  it('counts approval and publication from submission and approval, in Polish days', () => {
    const submitted = { ...base, submittedAt: new Date('2026-06-10T22:30:00Z') }; // 11 June in Warsaw
    const approval = planDeadlines(submitted, '2026-06-19').find((d) => d.kind === 'approval')!;
    expect(approval).toEqual({ kind: 'approval', due: '2026-06-18', doneOn: null, overdue: true });
    const approved = { ...submitted, approvedAt: new Date('2026-06-12T08:00:00Z') };
    expect(planDeadlines(approved, '2026-06-19').find((d) => d.kind === 'approval')).toMatchObject({
      doneOn: '2026-06-12',
      overdue: false,
    });
    expect(planDeadlines(approved, '2026-06-20').find((d) => d.kind === 'publication')).toMatchObject({ due: '2026-06-19', overdue: true });
  });
});

describe('plan completeness', () => {
  it('lists what is missing before submission, per field', () => {
    const problems = completenessProblems(emptyContent(), { from: '2026-07-01', to: '2026-12-31' });
    expect(problems.map((p) => p.field)).toEqual(['threat.description', 'threat.category', 'goal.description', 'actions', 'communication']);
  });

  it('checks each action, and that it falls within the period', () => {
    const content = emptyContent();
    content.actions = [
      { description: '', from: '2026-07-01', to: '2026-07-31', who: '', status: 'planned' },
      { description: 'Spotkanie', from: null, to: null, who: '', status: 'planned' },
      { description: 'Za późno', from: '2027-01-01', to: '2027-01-31', who: '', status: 'planned' },
    ];
    const fields = completenessProblems(content, { from: '2026-07-01', to: '2026-12-31' }).map((p) => p.field);
    expect(fields).toEqual(expect.arrayContaining(['actions.0.description', 'actions.1.to', 'actions.2.to']));
  });
});

describe('the plan workflow', () => {
  const officer = { isDistrictOfficer: true, isReviewer: false };
  const reviewer = { isDistrictOfficer: false, isReviewer: true };
  const nobody = { isDistrictOfficer: false, isReviewer: false };

  it('follows draft → submitted → approved → published → in progress → evaluated → closed', () => {
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'approve')).toBe('approved');
    expect(nextStatus('submitted', 'return')).toBe('returned');
    expect(nextStatus('returned', 'submit')).toBe('submitted');
    expect(nextStatus('approved', 'publish')).toBe('published');
    expect(nextStatus('published', 'start')).toBe('in_progress');
    expect(nextStatus('in_progress', 'evaluate')).toBe('evaluated');
    expect(nextStatus('evaluated', 'close')).toBe('closed');
    expect(nextStatus('published', 'revise')).toBe('draft');
  });

  it('lets the officer write and the reviewer decide, never the other way round', () => {
    expect(availableTransitions('draft', officer)).toEqual(['submit']);
    expect(availableTransitions('draft', reviewer)).toEqual([]);
    expect(availableTransitions('submitted', officer)).toEqual([]);
    expect(availableTransitions('submitted', reviewer)).toEqual(['approve', 'return']);
    expect(availableTransitions('approved', officer)).toEqual(['revise']);
    expect(availableTransitions('approved', reviewer)).toEqual(['publish']);
    expect(availableTransitions('closed', officer)).toEqual([]);
  });

  it('gives nobody a transition without a standing, and keeps frozen plans frozen', () => {
    fc.assert(
      fc.property(fc.constantFrom(...planStatuses), fc.constantFrom(...allTransitions), (status, t) => !mayTransition(status, t, nobody)),
    );
    expect(planStatuses.filter(isEditable)).toEqual(['draft', 'returned']);
  });

  it('shows residents "published" until the plan moves on from publication, and lets only a never-submitted draft go', () => {
    expect(planStatuses.filter(isPublishedStatus)).toEqual(['published', 'in_progress', 'evaluated', 'closed']);
    expect(planStatuses.map(publicStatus)).toEqual([
      'published',
      'published',
      'published',
      'published',
      'published',
      'in_progress',
      'evaluated',
      'closed',
    ]);
    expect(isPublishedStatus(nextStatus('approved', 'publish')!)).toBe(true);
    expect(isNewDraft({ status: 'draft', version: 1 }, 0)).toBe(true);
    expect(isNewDraft({ status: 'draft', version: 2 }, 0)).toBe(false);
    expect(isNewDraft({ status: 'draft', version: 1 }, 1)).toBe(false);
    expect(isNewDraft({ status: 'returned', version: 1 }, 0)).toBe(false);
    expect(isPlanStatus('in_progress')).toBe(true);
    expect(isPlanStatus('toString')).toBe(false);
  });

  it('knows only its own transitions: a posted "toString" or "__proto__" is none and leads nowhere', () => {
    expect(allTransitions.every(isTransition)).toBe(true);
    for (const value of ['bogus', 'toString', '__proto__', 'constructor', 'hasOwnProperty', '', undefined, 1]) {
      expect(isTransition(value), String(value)).toBe(false);
      expect(nextStatus('draft', value as Transition), String(value)).toBeNull();
      expect(mayTransition('submitted', value as Transition, reviewer), String(value)).toBe(false);
    }
  });
});
