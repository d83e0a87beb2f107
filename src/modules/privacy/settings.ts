import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { readSettingsAs, readVoivodeshipSettingsAs } from '../settings/index.js';
import { retentionSettingIds, type RetentionSettings } from './rules.js';

/** The national retention periods in force (a damaged stored value gives way to its default). */
export function retentionSettings(db: Db | Trx): Promise<RetentionSettings> {
  return readSettingsAs(db, retentionSettingIds);
}

/** The periods in force in each voivodeship that shortened any of them for its units' reports. */
export async function voivodeshipRetentionSettings(db: Db | Trx): Promise<{ voivodeshipId: string; settings: RetentionSettings }[]> {
  return readVoivodeshipSettingsAs(db, retentionSettingIds);
}
