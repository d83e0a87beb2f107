/**
 * Linking a staff account to an officer record (policjant) makes the account serve the districts
 * the officer is assigned to: it reads their reports in full and edits their plans. A link must
 * therefore never carry an account beyond its own unit. Ancestries run from the top unit (KGP)
 * down to the unit itself, as `unitAncestry` returns them.
 */
export type AccountLinkProblem =
  /** The linker does not manage the account: handing it districts would reach outside their scope. */
  | 'account_out_of_scope'
  /** The account's unit is neither the officer's (or district's) unit nor above it. */
  | 'account_outside_unit';

export interface AccountLink {
  /** The unit of the person making the link; null when the check is about the account alone (an assignment). */
  linkerUnitId: string | null;
  accountUnitId: string;
  accountAncestry: readonly string[];
  /** Ancestry of the officer's unit (on linking) or of the district's unit (on assigning). */
  targetAncestry: readonly string[];
}

export function accountLinkProblem(link: AccountLink): AccountLinkProblem | null {
  if (link.linkerUnitId !== null && !link.accountAncestry.includes(link.linkerUnitId)) return 'account_out_of_scope';
  // An account of a unit above serves below it anyway; one of a sibling or lower unit must not.
  if (!link.targetAncestry.includes(link.accountUnitId)) return 'account_outside_unit';
  return null;
}
