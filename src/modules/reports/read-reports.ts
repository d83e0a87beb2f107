import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/http/errors.js';
import { districtNames } from '../districts/index.js';
import { unitNames } from '../units/index.js';
import { districtEvidenceReports, type EvidenceReport } from './evidence-repository.js';
import { reportErrors } from './messages.js';
import type { Report, StoredCategory } from './model.js';
import { findReport, listCategories, listReportEvents, listReports, newReportCount, type ReportFilter } from './repository.js';

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

/** Every report category, retired ones too, in the order of the form. */
export async function reportCategories(db: Db): Promise<StoredCategory[]> {
  return listCategories(db);
}

/** The category with this code; 404 when there is none. */
export async function categoryOr404(db: Db, code: string): Promise<StoredCategory> {
  const category = (await listCategories(db)).find((c) => c.code === code);
  if (!category) throw new AppError(404, 'category_not_found', { pl: 'Nie ma takiej kategorii.', en: 'No such category.' });
  return category;
}

/** A report's history (zdarzenia), oldest first. */
export async function reportHistory(db: Db, reportId: number) {
  return listReportEvents(db, reportId);
}

/** One page of the reports that match `filter`, with the count of all that do. */
export async function reportsPage(db: Db, filter: ReportFilter): Promise<{ reports: Report[]; total: number }> {
  return listReports(db, filter);
}

/** How many new reports wait in a unit's subtree or in some districts (the staff home page). */
export async function waitingReportCount(db: Db, scope: { subtreeOf: string } | { districtIds: string[] }): Promise<number> {
  return newReportCount(db, scope);
}

/** A district's reports that count as a plan's evidence, made from `from` to `to` (days in Poland, inclusive, a day's margin each side). */
export async function districtReportEvidence(db: Db, districtId: string, from: string, to: string): Promise<EvidenceReport[]> {
  return districtEvidenceReports(db, districtId, from, to);
}
