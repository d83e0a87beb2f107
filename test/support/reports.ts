import { sql } from 'kysely';
import type { Db } from '../../src/platform/db/database.js';
import { floodSettingsKey, type FloodSettings } from '../../src/modules/reports/rules/index.js';

/**
 * Flood limits (rules/floods.ts) out of the way, for a test that sends many reports to one district
 * on purpose to test something else. Call it before the app's first submission: a process reads
 * the settings then and keeps them a few seconds.
 */
export async function allowReportBursts(db: Db): Promise<void> {
  const generous: FloodSettings = { categoryPerHour: 10_000, districtPerHour: 10_000, mailedPerHour: 10_000, digestMinutes: 60 };
  await sql`update app_settings set value = ${JSON.stringify(generous)}::jsonb where key = ${floodSettingsKey}`.execute(db);
}
