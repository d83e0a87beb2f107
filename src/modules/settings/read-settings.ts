import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { settingCatalog, type SettingId, type SettingValue } from './catalog.js';

/** Whose value to read: a unit's (its voivodeship may have tightened it) or the national one (null). */
export interface SettingScope {
  unitId: string | null;
}

/**
 * The value of a setting in force for `scope`. The one way code reads a regulation-driven rule.
 * (First step: the catalogue's defaults; stored national values and voivodeship tightening follow.)
 */
export function readSetting<Id extends SettingId>(
  _db: Db | Trx,
  id: Id,
  _scope: SettingScope = { unitId: null },
): Promise<SettingValue<Id>> {
  const value: number | readonly number[] = settingCatalog[id].default;
  return Promise.resolve((typeof value === 'number' ? value : [...value]) as SettingValue<Id>);
}
