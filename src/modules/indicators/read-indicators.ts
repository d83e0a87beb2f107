import type { Db } from '../../platform/db/database.js';
import { addDays, warsawToday } from '../../platform/i18n/calendar.js';
import { monthsBetween } from './count.js';
import { recentImports, unitMonthlyCounts, unitNamed } from './repository.js';
import { indicatorErrors } from './import-data.js';

export interface UnitIndicators {
  unit: { id: string; name: string };
  months: string[];
  categories: { category: string; total: number; months: number[] }[];
  imports: {
    id: string;
    fileName: string;
    importedBy: string;
    importedAt: Date;
    lines: number;
    accepted: number;
    rejected: { line: number; pl: string; en: string }[];
  }[];
}

/** A unit's imported categories with counts for each of the last 12 months, and its last imports. */
export async function unitIndicators(db: Db, unitId: string, today = warsawToday()): Promise<UnitIndicators> {
  const unit = await unitNamed(db, unitId);
  if (!unit) throw indicatorErrors.noUnit();
  const from = `${addDays(today, -334).slice(0, 7)}-01`;
  const months = monthsBetween(from, today);
  const rows = await unitMonthlyCounts(db, unitId, from);
  const byCategory = new Map<string, number[]>();
  for (const row of rows) {
    const counts = byCategory.get(row.category) ?? months.map(() => 0);
    byCategory.set(row.category, counts);
    const i = months.indexOf(row.month);
    if (i >= 0) counts[i] = row.count;
  }
  const imports = await recentImports(db, unitId, 10);
  return {
    unit,
    months,
    categories: [...byCategory].map(([category, counts]) => ({ category, total: counts.reduce((a, b) => a + b, 0), months: counts })),
    imports: imports.map((i) => ({
      id: i.id,
      fileName: i.file_name,
      importedBy: i.imported_by,
      importedAt: i.imported_at,
      lines: i.lines,
      accepted: i.accepted,
      rejected: i.rejected,
    })),
  };
}
