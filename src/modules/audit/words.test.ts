import { describe, expect, it } from 'vitest';
import { roles } from '../../platform/auth/principal.js';
import { reportStatuses } from '../reports/rules/status.js';
import { planStatuses } from '../plans/model.js';
import { officerPositions } from '../districts/model.js';
import { auditAction, auditEntityType, auditFieldName, auditValue } from './words.js';

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

  it('names columns, an officer\'s position as a function and a report\'s as a place', () => {
    expect(auditFieldName('officers', 'position', 'pl')).toBe('funkcja');
    expect(auditFieldName('reports', 'position', 'pl')).toBe('miejsce');
    expect(auditFieldName('reports', 'event_at', 'en')).toBe('date of the event');
    expect(auditFieldName('reports', 'no_such_column', 'en')).toBeNull();
  });

  it('names every audited record type and action; an unknown one is "other", not its code', () => {
    for (const type of ['accounts', 'units', 'districts', 'officers', 'assignments', 'plans', 'plan_sources', 'reports', 'report_categories', 'report_digests']) {
      expect(auditEntityType(type, 'pl')).not.toBe(type);
    }
    expect(auditEntityType('new_table', 'pl')).toBe('inny rekord');
    expect(auditAction('auth.login_failed', 'en')).toBe('failed sign-in');
    expect(auditAction('something.new', 'en')).toBe('other action');
  });
});
