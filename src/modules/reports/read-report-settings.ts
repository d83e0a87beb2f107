import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { readSettingsAs, readSettingsByUnit } from '../settings/index.js';
import { floodSettingIds, reportSettingIds, type FloodSettings, type ReportSettings } from './rules/index.js';

/**
 * The reports' settings in force for a unit (a voivodeship may tighten them for its units), read
 * through the settings module like every other setting (kept in memory until one changes).
 */
export function reportSettings(db: Db | Trx, unitId: string | null): Promise<ReportSettings> {
  return readSettingsAs(db, reportSettingIds, { unitId });
}

/** The flood limits for reports of a unit. */
export function floodSettings(db: Db | Trx, unitId: string | null): Promise<FloodSettings> {
  return readSettingsAs(db, floodSettingIds, { unitId });
}

/** The settings of each unit among `unitIds`, read once per unit (a queue lists reports of several units). */
export function reportSettingsByUnit(db: Db | Trx, unitIds: Iterable<string>): Promise<Map<string, ReportSettings>> {
  return readSettingsByUnit(db, reportSettingIds, unitIds);
}
