/** Pure rules of threat reports (KMZB): plain functions over plain data, no database, no HTTP. */
export { categoryProblem, findCategory, inSeason, isOffered, kmzbCategories, type ReportCategory, type Season } from './categories.js';
export {
  availableStatuses,
  confirmedStatuses,
  evidenceStatuses,
  isClosed,
  isTransition,
  nextStatusProblem,
  openStatuses,
  publicStatus,
  reportStatuses,
  statusLabels,
  type ReportStatus,
  type Standing,
  type TransitionExtras,
} from './status.js';
export {
  defaultReportSettings,
  reportDeadlines,
  reportSettingIds,
  type ReportDeadline,
  type ReportDeadlineKind,
  type ReportSettings,
} from './deadlines.js';
export { boundingBoxAround, distanceMeters, inBoundingBox, snapToGrid, type BoundingBox, type LonLat } from './geo.js';
export {
  descriptionMaxLength,
  emailMaxLength,
  describeRateLimit,
  polandBounds,
  validateSubmission,
  type AcceptedSubmission,
  type FieldError,
  type IntakeResult,
  type ReportSubmission,
} from './intake.js';
export {
  eventAgeProblem,
  eventStart,
  formatEventTime,
  oldestEventDay,
  parseEventDate,
  parseEventTime,
  readEventTime,
  type EventTime,
  type EventTimeError,
} from './event-time.js';
export {
  awaitingReviewLabel,
  defaultFloodSettings,
  floodSettingIds,
  floodWindowSeconds,
  isListedPublicly,
  reviewActions,
  reviewMove,
  reviewProblem,
  statusChangeHoldProblem,
  type FloodSettings,
  type Hold,
  type ReviewAction,
} from './floods.js';
export { proximityLabels, proximityOfDistance, similarRadiusMeters, type Proximity } from './nearby.js';
