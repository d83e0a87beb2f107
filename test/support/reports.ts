import type { FastifyInstance } from 'fastify';
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

/** The code of the seeded category "Nieprawidłowe parkowanie", as a resident's client finds it (the API's list). */
export async function parkingCategoryCode(app: FastifyInstance): Promise<string> {
  const answer = await app.inject({ method: 'GET', url: '/api/v1/report-categories' });
  const categories = answer.json<{ categories: { code: string; names: { pl: string } }[] }>().categories;
  return categories.find((c) => c.names.pl === 'Nieprawidłowe parkowanie')!.code;
}
