import { describe, expect, it } from 'vitest';
import { roles } from '../../platform/auth/principal.js';
import { reportStatuses } from '../reports/index.js';
import { planStatuses } from '../plans/model.js';
import { officerPositions } from '../districts/model.js';
import { auditAction, auditEntityType, auditFieldName, auditRecordId, auditValue, planContentChange, type AuditNames } from './words.js';
import { auditEntityTypes } from './routes.js';

describe('the audit log in words', () => {
  it('names every role, report status, plan status and officer function, never by its code', () => {
    const cases: [string, string, readonly string[]][] = [
      ['accounts', 'role', roles],
      ['reports', 'status', reportStatuses],
      ['plans', 'status', planStatuses],
      ['officers', 'position', officerPositions],
    ];
    for (const [entity, field, codes] of cases) {
      for (const code of codes) {
        for (const lang of ['pl', 'en'] as const) {
          const word = auditValue(entity, field, code, lang);
          expect(word, `${entity}.${field}=${code} (${lang})`).not.toBe('');
          if (code.includes('_') || lang === 'pl') expect(word, `${entity}.${field}=${code} (${lang})`).not.toBe(code);
        }
      }
    }
  });

  it('reads yes/no, times and structured data as words; leaves free text alone', () => {
    expect(auditValue('accounts', 'active', true, 'pl')).toBe('tak');
    expect(auditValue('accounts', 'active', false, 'en')).toBe('no');
    expect(auditValue('plans', 'content', { goal: {}, actions: [] }, 'pl')).toBe('dane złożone (elementy: 2)');
    expect(auditValue('reports', 'verifying_since', '2026-12-05T04:35:16.253+00:00', 'pl')).toMatch(/^5\.12\.2026, 05:35$/);
    expect(auditValue('districts', 'name', 'Rejon nr 3', 'en')).toBe('Rejon nr 3');
    expect(auditValue('reports', 'hold', 'held', 'pl')).toBe('Wstrzymane');
    // The same text in another column is not a status.
    expect(auditValue('districts', 'name', 'in_progress', 'pl')).toBe('in_progress');
  });

  it("names columns, an officer's position as a function and a report's as a place", () => {
    expect(auditFieldName('officers', 'position', 'pl')).toBe('funkcja');
    expect(auditFieldName('reports', 'position', 'pl')).toBe('miejsce');
    expect(auditFieldName('reports', 'event_time', 'en')).toBe('time of the event');
    expect(auditFieldName('reports', 'no_such_column', 'en')).toBeNull();
  });

  it('names every audited record type and action; an unknown one is "other", not its code', () => {
    for (const type of [
      'accounts',
      'units',
      'districts',
      'officers',
      'assignments',
      'plans',
      'plan_sources',
      'reports',
      'report_categories',
      'report_digests',
    ]) {
      expect(auditEntityType(type, 'pl')).not.toBe(type);
    }
    expect(auditEntityType('new_table', 'pl')).toBe('inny rekord');
    expect(auditAction('auth.login_failed', 'en')).toBe('failed sign-in');
    expect(auditAction('something.new', 'en')).toBe('other action');
  });

  it("reads the secret markers in the page's language, only in the columns the trigger hides", () => {
    expect(auditValue('reports', 'email', 'changed', 'pl')).toBe('zmienione');
    expect(auditValue('reports', 'description', 'hidden', 'pl')).toBe('ukryte');
    expect(auditValue('accounts', 'password_hash', 'unchanged', 'en')).toBe('unchanged');
    expect(auditValue('reports', 'address', 'erased', 'pl')).not.toBe('erased');
    // In a column that is not secret, "changed" is text someone wrote.
    expect(auditValue('districts', 'name', 'changed', 'pl')).toBe('changed');
  });

  it("names the parts of a plan's content an edit changed, by the plan pages' section names", () => {
    const before = { goal: { description: 'a' }, actions: [], partners: [], signature: null };
    const after = { goal: { description: 'b' }, actions: [{}], partners: [], signature: 'x', newPart: 1 };
    expect(planContentChange(before, after, 'pl')).toBe('zmienione części: Cel, Działania, podpis, newPart');
    expect(planContentChange(before, after, 'en')).toBe('changed parts: Goal, Actions, signature, newPart');
    expect(planContentChange(before, before, 'pl')).toBe('bez zmian treści');
  });

  it('names a known report category by its name; an unknown code stays as it is', () => {
    const names: AuditNames = { reportCategories: new Map([['drownings', { pl: 'Utonięcia', en: 'Drownings' }]]), units: new Map() };
    expect(auditValue('reports', 'category_id', 'drownings', 'pl', names)).toBe('Utonięcia');
    expect(auditValue('report_categories', 'id', 'drownings', 'en', names)).toBe('Drownings');
    expect(auditValue('reports', 'category_id', 'unknown_code', 'pl', names)).toBe('unknown_code');
    expect(auditValue('districts', 'id', 'drownings', 'pl', names)).toBe('drownings');
    expect(auditRecordId('report_categories', 'drownings', names, 'pl')).toBe('Utonięcia');
    expect(auditRecordId('reports', 'drownings', names, 'pl')).toBeNull();
    expect(auditValue('plans', 'threat_category', 'vandalism', 'pl')).toBe('akty wandalizmu');
  });

  it('offers every record type it names in the filter', () => {
    expect(auditEntityTypes).toEqual(expect.arrayContaining(['plans', 'reports', 'report_categories', 'accounts', 'login']));
    for (const type of auditEntityTypes) expect(auditEntityType(type, 'pl')).not.toBe('inny rekord');
  });
});
