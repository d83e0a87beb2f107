import type { Principal, Role } from '../../platform/auth/principal.js';

/** Only administrators manage accounts, and only in their own unit and the units below it. */
export function canManageAccounts(principal: Principal): boolean {
  return principal.role === 'admin';
}

/** `ancestry` runs from the top unit down to the target unit (see unitAncestry). */
export function isInScope(scopeUnitId: string, ancestry: readonly string[]): boolean {
  return ancestry.includes(scopeUnitId);
}

/** An administrator must not lock themselves out: no disabling, demoting or moving their own account. */
export function isSelfLockout(
  principal: Principal,
  targetId: string,
  change: { active?: boolean | undefined; role?: Role | undefined; unitId?: string | undefined },
): boolean {
  if (principal.accountId !== targetId) return false;
  return (
    change.active === false ||
    (change.role !== undefined && change.role !== principal.role) ||
    (change.unitId !== undefined && change.unitId !== principal.unitId)
  );
}
