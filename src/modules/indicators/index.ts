/**
 * The indicators module's border: indicator data imported from CSV, and the one way to count an
 * indicator (imported counts or confirmed threat reports) for plans' goals and their evaluation.
 */
export { registerIndicatorRoutes } from './routes.js';
export { countIndicator, monthlySeries, monthsBetween } from './count.js';
export {
  indicatorSources,
  type IndicatorSource,
  type IndicatorSpec,
  type IndicatorArea,
  type DayWindow,
  type MonthCount,
} from './model.js';
export { districtCountsByCategory } from './repository.js';
export { storeIndicatorFile } from './import-data.js';
