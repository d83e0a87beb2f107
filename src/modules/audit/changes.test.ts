import { describe, expect, it } from 'vitest';
import { changedFields, changedParts } from './changes.js';

describe('changedFields', () => {
  it('lists only the fields an update changed, without bookkeeping', () => {
    const before = { id: '1', role: 'officer', email: null, updated_at: 'x', password_hash: 'hidden' };
    const after = { id: '1', role: 'supervisor', email: 'a@b.pl', updated_at: 'y', password_hash: 'unchanged' };
    expect(changedFields(before, after)).toEqual([
      { field: 'role', before: 'officer', after: 'supervisor' },
      { field: 'email', before: null, after: 'a@b.pl' },
    ]);
  });

  it('shows a changed secret as changed, never its value', () => {
    expect(changedFields({ password_hash: 'hidden' }, { password_hash: 'changed' })).toEqual([
      { field: 'password_hash', before: 'hidden', after: 'changed' },
    ]);
  });

  it('lists every field of an insert', () => {
    expect(changedFields(null, { id: '1', login: 'jan' }).map((c) => c.field)).toEqual(['id', 'login']);
  });

  it("leaves out the columns the database derives (a plan's search words), not changes a person made", () => {
    const before = { name: 'Plan A', search_stems: 'plan a', search_vector: "'a':2 'plan':1" };
    const after = { name: 'Plan B', search_stems: 'plan b', search_vector: "'b':2 'plan':1" };
    expect(changedFields(before, after).map((c) => c.field)).toEqual(['name']);
    expect(changedFields(null, after).map((c) => c.field)).toEqual(['name']);
  });

  it('names the top-level parts of a JSON value that differ', () => {
    const before = { goal: { description: 'a' }, actions: [1], partners: [] };
    const after = { goal: { description: 'b' }, actions: [1], partners: [], communication: ['x'] };
    expect(changedParts(before, after)).toEqual(['goal', 'communication']);
    expect(changedParts(before, before)).toEqual([]);
    expect(changedParts(null, { goal: 1 })).toEqual(['goal']);
  });
});
