import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { districtNames } from '../districts/repository.js';
import { unitNames } from '../units/repository.js';
import { reportErrors } from './messages.js';
import type { Report } from './model.js';
import { findReport, listCategories, listReportEvents } from './repository.js';

/** The report with this number; 404 when there is none. Who may see it is the caller's check. */
export async function reportOr404(db: Db, id: number): Promise<Report> {
  const report = await findReport(db, id);
  if (!report) throw new AppError(404, 'report_not_found', reportErrors.notFound());
  return report;
}

/** What a report's pages show around it: the category list, its history and where it lies, by name. */
export async function reportSurroundings(db: Db, report: Report) {
  const [categories, events, districts, units] = await Promise.all([
    listCategories(db),
    listReportEvents(db, report.id),
    districtNames(db, report.districtId ? [report.districtId] : []),
    unitNames(db, [report.unitId]),
  ]);
  return {
    categories,
    events,
    category: categories.find((c) => c.code === report.categoryId),
    districtName: (report.districtId && districts.get(report.districtId)) || null,
    unitName: units.get(report.unitId) ?? report.unitId,
  };
}
