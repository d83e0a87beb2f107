/**
 * The reports module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { registerReports } from './routes.js';
export { waitingReportCount, reportCategories, districtReportEvidence } from './read-reports.js';
export type { EvidenceReport } from './evidence-repository.js';
export { statusLabels, reportStatuses, confirmedStatuses, type ReportStatus } from './rules/status.js';
export { staffReportMessages } from './staff/messages.js';
export { reportDeadlines, type ReportSettings } from './rules/deadlines.js';
export { reportSettings, reportSettingsByUnit } from './read-report-settings.js';
export { csvLine } from './public-map/exports.js';
