import { describe, expect, it } from 'vitest';
import { officerTextLimits, officerTextProblem } from './officer-text.js';

describe('an officer’s rank and names', () => {
  it('takes text up to the limits, trimmed, and leaves out fields not given', () => {
    expect(officerTextProblem({ rank: ' asp. ', firstName: 'Jan', lastName: 'K'.repeat(officerTextLimits.lastName) })).toBeNull();
    expect(officerTextProblem({ rank: 'sierż.' })).toBeNull();
    expect(officerTextProblem({})).toBeNull();
  });

  it('refuses only spaces, or too many characters, naming the field in both languages', () => {
    expect(officerTextProblem({ rank: 'asp.', firstName: ' \t\u00a0' })).toEqual({
      field: 'firstName',
      text: expect.objectContaining({ pl: 'Pole „Imię” musi mieć od 1 do 80 znaków, nie same spacje.' }),
    });
    const long = officerTextProblem({ rank: 'x'.repeat(officerTextLimits.rank + 1) });
    expect(long?.field).toBe('rank');
    expect(long?.text.en).toBe('The field "Rank" must have 1 to 60 characters, not only spaces.');
  });
});
