/**
 * The units module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { registerUnitRoutes } from './routes.js';
export { registerUnitAdminPages } from './admin-routes.js';
export { createUnit } from './create-unit.js';
export { asTree, type Unit } from './model.js';
export { listUnits, findUnit, listSubtree, findUnitIdByName, unitNames, setUnitArea } from './repository.js';
export { unitOptions } from './options.js';
export { unitUrl } from './urls.js';
export { unitIdPattern } from './schemas.js';
export { listActiveUnits, unitsUnder, unitNameOf } from './read-units.js';
