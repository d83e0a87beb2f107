/**
 * The settings module's border: what other modules, src/app.ts, bench/ and test/ may import from it
 * (docs/architecture.md, "Where a module's border is"). Its other files are its own.
 */
export { settingCatalog, settingIds, type SettingId, type SettingValue, type SettingDefinition } from './catalog.js';
export { readSetting, type SettingScope } from './read-settings.js';
