import { describe, expect, it } from 'vitest';
import { accountLinkProblem } from './account-link.js';

const kgp = ['kgp'];
const lublin = ['kgp', 'kwp-lublin'];
const lubartow = ['kgp', 'kwp-lublin', 'kpp-lubartow'];
const station = ['kgp', 'kwp-lublin', 'kpp-lubartow', 'kp-kock'];
const sejny = ['kgp', 'kwp-bialystok', 'kpp-sejny'];
const at = (ancestry: string[]) => ({ accountUnitId: ancestry.at(-1)!, accountAncestry: ancestry });

describe('accountLinkProblem', () => {
  it('allows an account of the officer’s unit or of a unit above it', () => {
    expect(accountLinkProblem({ linkerUnitId: 'kpp-lubartow', ...at(lubartow), targetAncestry: lubartow })).toBeNull();
    expect(accountLinkProblem({ linkerUnitId: 'kgp', ...at(lublin), targetAncestry: lubartow })).toBeNull();
    expect(accountLinkProblem({ linkerUnitId: 'kgp', ...at(kgp), targetAncestry: station })).toBeNull();
  });

  it('refuses an account the linker does not manage, before anything else', () => {
    expect(accountLinkProblem({ linkerUnitId: 'kwp-lublin', ...at(sejny), targetAncestry: lubartow })).toBe('account_out_of_scope');
    expect(accountLinkProblem({ linkerUnitId: 'kpp-lubartow', ...at(lublin), targetAncestry: lubartow })).toBe('account_out_of_scope');
  });

  it('refuses an account of a sibling unit or of a unit below the target, whoever links it', () => {
    expect(accountLinkProblem({ linkerUnitId: 'kgp', ...at(sejny), targetAncestry: lubartow })).toBe('account_outside_unit');
    expect(accountLinkProblem({ linkerUnitId: 'kpp-lubartow', ...at(station), targetAncestry: lubartow })).toBe('account_outside_unit');
    expect(accountLinkProblem({ linkerUnitId: null, ...at(sejny), targetAncestry: lubartow })).toBe('account_outside_unit');
  });
});
