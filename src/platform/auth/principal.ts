/** Account roles (rola), each scoped to a unit and the units below it. */
export const roles = ['admin', 'commander', 'supervisor', 'officer'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (roles as readonly string[]).includes(value);
}

/** The signed-in staff member making a request. */
export interface Principal {
  accountId: string;
  login: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
}
