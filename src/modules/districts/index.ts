/**
 * The districts module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { Locator } from './locator/locator.js';
export { registerDistrictApi } from './api-routes.js';
export { registerLocateApi } from './locate-api.js';
export { registerPublicDistrictPages } from './public/routes.js';
export { registerDistrictAdminPages } from './admin/routes.js';
export { registerTransferApi } from './transfer/api-routes.js';
export { registerTransferPages } from './transfer/page-routes.js';
export { importStreetRules } from './transfer/import-rules.js';
export { importPolygons } from './transfer/import-polygons.js';
export { rulesToCsv } from './transfer/export.js';
export { parseCsv } from './transfer/csv.js';
export {
  listDistricts,
  insertAssignment,
  insertDistrict,
  insertOfficer,
  findDistrict,
  districtNames,
  linkRegularOfficerAccount,
} from './repository.js';
export { parseNumberRanges } from './matching/number-ranges.js';
export { districtId, type MultiPolygon, districtUrl } from './model.js';
export type { StreetRule } from './area/types.js';
export { personDistricts, districtChoicesFor } from './person-districts.js';
export { adminRegisterMessages } from './admin/messages.js';
export { SearchForm } from './public/components.js';
export { MapContainer, type MapView } from './public/pages.js';
export { publicMessages } from './public/messages.js';
export { Register } from './locator/register.js';
export { localityKey, streetKey } from './matching/normalize.js';
export { activeDistrictIdsOfUnit } from './repository.js';
