import type { Role } from '../../platform/auth/principal.js';

/** A staff account (konto) as shown to administrators and to its owner. */
export interface Account {
  id: string;
  login: string;
  displayName: string;
  email: string | null;
  role: Role;
  unitId: string;
  unitName: string;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastSignInAt: Date | null;
}

export const passwordLength = { min: 12, max: 256 } as const;

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_login' | 'too_simple';

// The most common long passwords in breach lists, and Polish favourites.
const common = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiop12',
  'qwertyuiopas',
  'password1234',
  'password12345',
  'haslo1234567',
  'haslohaslo12',
  'zaq12wsxcde3',
  '1qaz2wsx3edc',
  'iloveyou1234',
  'administrator',
  'policja12345',
  'dzielnicowy1',
  'dzielnicowy12',
]);

/** Why a new password is not acceptable, or null. Long passphrases are encouraged (NIST 800-63B). */
export function passwordProblem(password: string, login: string): PasswordProblem | null {
  if ([...password].length < passwordLength.min) return 'too_short';
  if ([...password].length > passwordLength.max) return 'too_long';
  const lower = password.toLowerCase();
  if (login.length >= 3 && lower.includes(login.toLowerCase())) return 'contains_login';
  if (common.has(lower) || new Set(lower).size < 4) return 'too_simple';
  return null;
}
