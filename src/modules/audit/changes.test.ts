import { describe, expect, it } from 'vitest';
import { changedFields } from './changes.js';

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
});
