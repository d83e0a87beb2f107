import type { Db } from '../../../platform/db/database.js';
import { warsawToday } from '../../../platform/i18n/calendar.js';
import { planSettingsByUnit, type PlanStatus } from '../../plans/index.js';
import { reportDeadlines, reportSettingsByUnit, type ReportStatus } from '../../reports/index.js';
import { dashboardSettings, openDeadlines } from '../read-dashboard.js';
import { dashboardData } from '../repository.js';
import { reminderContacts } from './repository.js';
import { audienceOf, mergeByRecipient, reminderStage, type Recipient, type Reminder, type ReminderItem } from './rules.js';

// Actions are reminded of only while the plan is carried out (a draft's actions are not due yet).
const carriedOut = (status: string) => (['published', 'in_progress'] as PlanStatus[]).includes(status as PlanStatus);

/**
 * The reminders due today, one per person, before any is claimed as sent: every active
 * district's open deadlines (the dashboard's own reading, from six statements in all), each
 * reminded of at its stage (rules.ts) to the people its kind belongs to.
 */
export async function dueReminders(db: Db, now = new Date()): Promise<Reminder[]> {
  const today = warsawToday(now);
  const data = await dashboardData(db, 'all', today);
  const units = data.districts.map((d) => d.unitId);
  const [plans, reports, settings] = await Promise.all([
    planSettingsByUnit(db, units),
    reportSettingsByUnit(db, units),
    dashboardSettings(db),
  ]);
  const contacts = await reminderContacts(
    db,
    data.districts.map((d) => d.id),
    [...new Set(data.districts.map((d) => d.unitId))],
    today,
  );
  const districts = new Map(data.districts.map((d) => [d.id, d]));
  const pairs: { recipient: Recipient; item: ReminderItem }[] = [];
  const remind = (item: Omit<ReminderItem, 'vacancy' | 'districtName' | 'unitId' | 'unitName'>) => {
    const district = districts.get(item.districtId)!;
    const serving = contacts.serving.get(district.id) ?? [];
    const reviewers = contacts.reviewers.get(district.unitId) ?? [];
    const vacancy = audienceOf[item.kind] === 'officer' && serving.length === 0;
    const people = audienceOf[item.kind] === 'officer' && !vacancy ? serving : reviewers;
    const full = { ...item, districtName: district.name, unitId: district.unitId, unitName: district.unitName, vacancy };
    for (const recipient of people) pairs.push({ recipient, item: full });
  };
  for (const plan of data.plans) {
    for (const d of openDeadlines(plan, data.completed, today, plans.get(districts.get(plan.districtId)!.unitId)!)) {
      if (d.kind === 'action' && !carriedOut(plan.status)) continue;
      const stage = reminderStage(d.due, today, settings.reminderDays);
      if (stage === null) continue;
      const key = `plan:${plan.id}:${d.kind}${d.action === null ? '' : `:${d.action}`}:${d.due}`;
      remind({
        key,
        kind: d.kind,
        due: d.due,
        stage,
        districtId: plan.districtId,
        planId: plan.id,
        action: d.action,
        description: d.description,
        reportId: null,
      });
    }
  }
  for (const report of data.reports) {
    for (const d of reportDeadlines(
      { ...report, status: report.status as ReportStatus },
      reports.get(districts.get(report.districtId)!.unitId)!,
      now,
    )) {
      const stage = reminderStage(d.due, today, settings.reminderDays, true);
      if (stage === null) continue;
      const key = `report:${report.id}:${d.kind}:${d.due}`;
      remind({
        key,
        kind: 'report',
        due: d.due,
        stage,
        districtId: report.districtId,
        planId: null,
        action: null,
        description: d.kind,
        reportId: report.id,
      });
    }
  }
  return mergeByRecipient(pairs);
}
