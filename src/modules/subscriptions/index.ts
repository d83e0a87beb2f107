/**
 * The subscriptions module's border (docs/architecture.md, "Where a module's border is"): residents
 * following a district by e-mail and its Atom feed of news (plans published and evaluated, meetings).
 */
export { registerSubscriptionRoutes } from './routes.js';
export { scheduleNotifier, tellFollowers } from './notify.js';
export { districtFollowSection } from './section.js';
export { deleteUnconfirmed } from './repository.js';
export { confirmValidDays } from './rules.js';
