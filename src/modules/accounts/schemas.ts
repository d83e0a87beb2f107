import { roles } from '../../platform/auth/principal.js';
import { passwordLength } from './model.js';

const login = { type: 'string', minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' } as const;
const displayName = { type: 'string', minLength: 1, maxLength: 120, pattern: '\\S' } as const;
const email = { type: ['string', 'null'], format: 'email', maxLength: 254 } as const;
const role = { type: 'string', enum: roles } as const;
const unitId = { type: 'string', minLength: 1, maxLength: 60 } as const;
// Length and quality are checked by passwordProblem, with a clearer message.
const password = { type: 'string', minLength: 1, maxLength: passwordLength.max * 4 } as const;

export const signInBody = {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'password'],
  properties: { login: { type: 'string', minLength: 1, maxLength: 64 }, password: { type: 'string', minLength: 1, maxLength: 1024 } },
} as const;

export const changePasswordBody = {
  type: 'object',
  additionalProperties: false,
  required: ['currentPassword', 'newPassword'],
  properties: { currentPassword: { type: 'string', minLength: 1, maxLength: 1024 }, newPassword: password },
} as const;

export const createAccountBody = {
  type: 'object',
  additionalProperties: false,
  required: ['login', 'displayName', 'role', 'unitId', 'password'],
  properties: { login, displayName, email, role, unitId, password },
} as const;

export const updateAccountBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { login, displayName, email, role, unitId, active: { type: 'boolean' }, password },
} as const;

export const accountSchema = {
  type: 'object',
  required: ['id', 'login', 'displayName', 'email', 'role', 'unitId', 'unitName', 'active', 'createdAt', 'updatedAt', 'lastSignInAt'],
  properties: {
    id: { type: 'string', format: 'uuid' },
    login: { type: 'string' },
    displayName: { type: 'string' },
    email: { type: ['string', 'null'] },
    role: { type: 'string', enum: roles },
    unitId: { type: 'string' },
    unitName: { type: 'string' },
    active: { type: 'boolean' },
    createdAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    lastSignInAt: { type: ['string', 'null'], format: 'date-time' },
  },
} as const;

export const listAccountsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    unitId: unitId,
    role,
    q: { type: 'string', maxLength: 100 },
    active: { type: 'boolean' },
    // Bounded like every list: a page past 2^63 rows made the offset fail in the database (a 500).
    page: { type: 'integer', minimum: 1, maximum: 100_000, default: 1 },
    pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
  },
} as const;

export const sessionSchema = {
  type: 'object',
  required: ['account', 'csrfToken'],
  properties: {
    account: {
      type: 'object',
      required: ['id', 'login', 'displayName', 'role', 'unitId', 'unitName'],
      properties: {
        id: { type: 'string' },
        login: { type: 'string' },
        displayName: { type: 'string' },
        role: { type: 'string', enum: roles },
        unitId: { type: 'string' },
        unitName: { type: 'string' },
      },
    },
    csrfToken: { type: 'string', description: 'Send as x-csrf-token with every write made with the session cookie' },
  },
} as const;

/** Labels used when form errors name a field. */
export const fieldLabels = {
  pl: {
    login: 'Login',
    displayName: 'Imię i nazwisko',
    email: 'Adres e-mail',
    role: 'Rola',
    unitId: 'Jednostka',
    password: 'Hasło',
    currentPassword: 'Obecne hasło',
    newPassword: 'Nowe hasło',
    confirmPassword: 'Powtórz nowe hasło',
  },
  en: {
    login: 'Login',
    displayName: 'Full name',
    email: 'E-mail address',
    role: 'Role',
    unitId: 'Unit',
    password: 'Password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Repeat the new password',
  },
};
