/**
 * The privacy module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { scheduleRetention, defaultRetentionSchedule } from './schedule.js';
export { registerPrivacyRoutes } from './routes.js';
export { runRetention } from './erase.js';
export { howLong, PrivacyList, ErasedValue } from './pages.js';
export type { PersonalDataPiece, RetentionSettings } from './rules.js';
export { retentionSettings } from './settings.js';
