import type { Lang } from '../../platform/i18n/i18n.js';
import { formatDateTime } from '../../platform/i18n/i18n.js';
import { isRole } from '../../platform/auth/principal.js';
import { roleNames } from '../../platform/render/messages.js';
import { statusLabels, reportStatuses, type ReportStatus } from '../reports/rules/status.js';
import { statusNames as planStatusNames } from '../plans/messages.js';
import { adminRegisterMessages } from '../districts/admin/messages.js';
import { staffReportMessages } from '../reports/staff/messages.js';
import { auditMessages } from './messages.js';
import { displayValue } from './changes.js';

/**
 * The audit log in words: its rows hold what the database holds ("officer", "in_progress", a plan's
 * JSON), and a person reads roles, statuses and functions by their names. One function per column
 * kind, so that no code word reaches the page when a new value appears: an unknown one becomes
 * "other", never the code.
 */
export function auditAction(action: string, lang: Lang): string {
  const m = auditMessages[lang];
  return Object.hasOwn(m.actions, action) ? m.actions[action]! : m.otherAction;
}

export function auditEntityType(type: string, lang: Lang): string {
  const m = auditMessages[lang];
  return Object.hasOwn(m.entityTypes, type) ? m.entityTypes[type]! : m.otherEntityType;
}

/** A column's name: an officer's "position" is a function, a report's is a place. Unknown columns keep their name. */
export function auditFieldName(entityType: string, field: string, lang: Lang): string | null {
  const names = auditMessages[lang].fieldNames;
  const key = entityType === 'officers' && field === 'position' ? 'officerPosition' : field;
  return Object.hasOwn(names, key) ? names[key]! : null;
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** One value of one column of an audited row, as a person reads it. */
export function auditValue(entityType: string, field: string, value: unknown, lang: Lang): string {
  const m = auditMessages[lang];
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  if (typeof value === 'string') {
    if (field === 'role' && isRole(value)) return roleNames[lang][value];
    if (field === 'status' && entityType === 'reports' && (reportStatuses as readonly string[]).includes(value)) return statusLabels[value as ReportStatus][lang];
    if (field === 'status' && entityType === 'plans' && Object.hasOwn(planStatusNames[lang], value)) return planStatusNames[lang][value]!;
    if (field === 'hold' && entityType === 'reports' && (value === 'held' || value === 'rejected')) return value === 'held' ? staffReportMessages[lang].held : staffReportMessages[lang].rejectedTag;
    if (field === 'position' && entityType === 'officers' && Object.hasOwn(adminRegisterMessages[lang].positions, value)) return adminRegisterMessages[lang].positions[value]!;
    if (isoTime.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value), lang);
    return value;
  }
  // A plan's content or a list: its parts are codes and texts of their own, read on the record's page.
  if (value !== null && typeof value === 'object') return m.structured(Array.isArray(value) ? value.length : Object.keys(value).length);
  return displayValue(value);
}
