/**
 * The meetings module's border (docs/architecture.md, "Where a module's border is"): meetings and
 * debates with residents, their API, .ics feeds and the listing for district and unit pages.
 */
export { registerMeetingRoutes } from './api-routes.js';
export { registerMeetingPages } from './staff-routes.js';
export { districtMeetings, unitMeetings } from './read-meetings.js';
export type { Meeting } from './model.js';
export { districtMeetingSection, unitMeetingSection } from './pages.js';
export { kindLabels as meetingKindLabels } from './rules.js';
export { meetingMessages } from './messages.js';
export { createMeeting, cancelMeeting, recordOutcome } from './manage-meetings.js';
