import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.js';
import type { ChangeBus } from '../../src/platform/events/changes.js';
import type { SettingId, SettingValue } from '../../src/modules/settings/index.js';

/**
 * Stores setting values straight into the table (a test's fixture, not an administrator's change:
 * no audit event). An app that has read its settings already hears of them when `changes` is given.
 */
export async function storeSettings(
  db: Db,
  values: { [Id in SettingId]?: SettingValue<Id> },
  options: { unitId?: string | null; changes?: ChangeBus } = {},
): Promise<void> {
  const unitId = options.unitId ?? null;
  for (const [id, value] of Object.entries(values)) {
    await sql`delete from setting_values where id = ${id} and unit_id is not distinct from ${unitId}`.execute(db);
    await sql`insert into setting_values (id, unit_id, value) values (${id}, ${unitId}, ${JSON.stringify(value)}::jsonb)`.execute(db);
  }
  options.changes?.emit('settings');
}

/** Lets one client send `perDay` reports a day, all at once if it likes (tests that send many from one address). */
export function allowReportsPerIp(db: Db, perDay: number, changes?: ChangeBus): Promise<void> {
  return storeSettings(db, { 'reports.perIpPerDay': perDay, 'reports.perIpPer10Minutes': perDay }, { changes });
}
