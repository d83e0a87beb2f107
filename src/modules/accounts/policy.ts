import type { Principal, Role } from '../../platform/auth/principal.js';

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
