import type { Db } from '../../src/platform/db/database.js';
import { storeSettings } from './settings.js';

/**
 * Flood limits (rules/floods.ts) out of the way, for a test that sends many reports to one district
 * on purpose to test something else. Call it before the app's first submission: the app reads its
 * settings once and keeps them until told of a change.
 */
export async function allowReportBursts(db: Db): Promise<void> {
  await storeSettings(db, {
    'reports.categoryPerHour': 10_000,
    'reports.districtPerHour': 10_000,
    'reports.mailedPerHour': 10_000,
    'reports.digestMinutes': 60,
  });
}
