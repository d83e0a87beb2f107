/**
 * The dashboard module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { registerDashboard } from './routes.js';
export { readDashboard } from './read-dashboard.js';
export { runReminders, scheduleReminders, defaultReminderSchedule } from './reminders/job.js';
export { reminderReport } from './reminders/cli.js';
