import { describe, expect, it } from 'vitest';
import { actionProgress, entryProblems, mayChangeEntry, takesEntries } from './rules.js';

const live = { completes: false, withdrawnAt: null };
const finishing = { completes: true, withdrawnAt: null };
const withdrawnFinishing = { completes: true, withdrawnAt: new Date('2026-03-02T10:00:00Z') };

describe('actionProgress', () => {
  const planned = { to: '2026-03-31', status: 'planned' as const };

  it('is not started before anything is recorded, even within its dates', () => {
    expect(actionProgress(planned, [], '2026-03-10')).toBe('not_started');
  });

  it('is in progress once an entry is recorded', () => {
    expect(actionProgress(planned, [live], '2026-03-10')).toBe('in_progress');
  });

  it('is done when an entry finishes it, even after its deadline', () => {
    expect(actionProgress(planned, [live, finishing], '2026-05-01')).toBe('done');
  });

  it('is done when the plan marks it done', () => {
    expect(actionProgress({ ...planned, status: 'done' }, [], '2026-05-01')).toBe('done');
  });

  it('is late after its deadline when not done, with or without entries', () => {
    expect(actionProgress(planned, [], '2026-04-01')).toBe('late');
    expect(actionProgress(planned, [live], '2026-04-01')).toBe('late');
  });

  it('is still on time on the deadline day itself', () => {
    expect(actionProgress(planned, [], '2026-03-31')).toBe('not_started');
  });

  it('is never late without a deadline', () => {
    expect(actionProgress({ to: null, status: 'planned' }, [], '2030-01-01')).toBe('not_started');
  });

  it('ignores withdrawn entries', () => {
    expect(actionProgress(planned, [withdrawnFinishing], '2026-03-10')).toBe('not_started');
    expect(actionProgress(planned, [withdrawnFinishing], '2026-04-01')).toBe('late');
  });
});

describe('entryProblems', () => {
  const context = { actionCount: 2, periodFrom: '2026-01-01', today: '2026-03-10' };
  const good = { actionIndex: 1, kind: 'patrol', day: '2026-03-10', time: '21:30', place: 'Park', withWhom: '', note: 'Spokój' };
  const fields = (input: Parameters<typeof entryProblems>[0]) => entryProblems(input, context).map((p) => `${p.field}:${p.code}`);

  it('accepts a complete entry of today', () => {
    expect(fields(good)).toEqual([]);
  });

  it('names each wrong field', () => {
    expect(fields({ ...good, actionIndex: 2 })).toEqual(['actionIndex:unknown_action']);
    expect(fields({ ...good, kind: 'picnic' })).toEqual(['kind:unknown_kind']);
    expect(fields({ ...good, day: '2026-02-30' })).toEqual(['day:invalid_day']);
    expect(fields({ ...good, day: '2026-03-11' })).toEqual(['day:future_day']);
    expect(fields({ ...good, day: '2025-11-01' })).toEqual(['day:before_period']);
    expect(fields({ ...good, time: '24:00' })).toEqual(['time:invalid_time']);
    expect(fields({ ...good, note: 'x'.repeat(1001) })).toEqual(['note:too_long']);
  });

  it('takes work up to sixty days before the period begins', () => {
    expect(fields({ ...good, day: '2025-11-02' })).toEqual([]);
  });

  it('takes an empty time as no time', () => {
    expect(fields({ ...good, time: '' })).toEqual([]);
  });
});

describe('who may correct an entry', () => {
  const entry = { recordedBy: 'dz.kowalski', withdrawnAt: null, recordedDay: '2026-03-01' };

  it('its author, up to seven days after recording it', () => {
    expect(mayChangeEntry(entry, 'dz.kowalski', 'in_progress', '2026-03-08')).toBe(true);
    expect(mayChangeEntry(entry, 'dz.kowalski', 'in_progress', '2026-03-09')).toBe(false);
  });

  it('nobody else, nothing withdrawn, nothing once the plan is evaluated', () => {
    expect(mayChangeEntry(entry, 'dz.nowak', 'in_progress', '2026-03-02')).toBe(false);
    expect(mayChangeEntry({ ...entry, withdrawnAt: new Date() }, 'dz.kowalski', 'in_progress', '2026-03-02')).toBe(false);
    expect(mayChangeEntry(entry, 'dz.kowalski', 'evaluated', '2026-03-02')).toBe(false);
  });

  it('entries are taken only while a plan is carried out', () => {
    expect(['draft', 'approved', 'published', 'in_progress', 'evaluated'].map((s) => takesEntries(s as never))).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });
});
