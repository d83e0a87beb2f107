/**
 * The accounts module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { registerAccountApi } from './api-routes.js';
export { registerAccountPages } from './page-routes.js';
export { assertAcceptablePassword, createAccount } from './create-account.js';
export { findCredentials, listAccounts, updateAccountRow, insertAccount, findAccount } from './repository.js';
export { defaultThrottle } from './login-throttle.js';
