/**
 * The settings module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export {
  settingCatalog,
  settingIds,
  isSettingId,
  defaultsOf,
  mapViewSettingIds,
  type SettingId,
  type SettingValue,
  type SettingDefinition,
} from './catalog.js';
export {
  readSetting,
  readSettingsAs,
  readSettingsByUnit,
  readVoivodeshipSettingsAs,
  watchSettings,
  type SettingScope,
} from './read-settings.js';
export { changeSettings } from './change-settings.js';
export { registerSettingsRoutes } from './routes.js';
