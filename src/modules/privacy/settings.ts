import type { Db } from '../../platform/db/database.js';
import type { Trx } from '../../platform/audit/actor.js';
import { readSettingsAs } from '../settings/index.js';
import { retentionSettingIds, type RetentionSettings } from './rules.js';

/** The retention periods in force (national settings; a damaged stored value gives way to its default). */
export function retentionSettings(db: Db | Trx): Promise<RetentionSettings> {
  return readSettingsAs(db, retentionSettingIds);
}
