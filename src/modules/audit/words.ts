import type { Lang } from '../../platform/i18n/i18n.js';
import { formatDateTime, wordFor } from '../../platform/i18n/i18n.js';
import { isRole } from '../../platform/auth/principal.js';
import { roleNames } from '../../platform/render/messages.js';
import { statusLabels, reportStatuses, type ReportStatus, staffReportMessages } from '../reports/index.js';
import {
  categoryNames as planCategoryNames,
  commentPlace,
  isCommentSection,
  statusNames as planStatusNames,
  isPlanStatus,
} from '../plans/index.js';
import { adminRegisterMessages } from '../districts/index.js';
import { isSettingId, settingCatalog } from '../settings/index.js';
import { auditMessages } from './messages.js';
import { changedParts, displayValue, isSecretMarker } from './changes.js';

/**
 * The audit log in words: its rows hold what the database holds ("officer", "in_progress", a plan's
 * JSON), and a person reads roles, statuses and functions by their names. One function per column
 * kind, so that no code word reaches the page when a new value appears: an unknown one becomes
 * "other", never the code.
 */
export function auditAction(action: string, lang: Lang): string {
  const m = auditMessages[lang];
  return wordFor(m.actions, action) ?? m.otherAction;
}

export function auditEntityType(type: string, lang: Lang): string {
  const m = auditMessages[lang];
  return wordFor(m.entityTypes, type) ?? m.otherEntityType;
}

/** A column's name: an officer's "position" is a function, a report's is a place. Unknown columns keep their name. */
export function auditFieldName(entityType: string, field: string, lang: Lang): string | null {
  const names = auditMessages[lang].fieldNames;
  const key = entityType === 'officers' && field === 'position' ? 'officerPosition' : field;
  return wordFor(names, key) ?? null;
}

const isoTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * What the log's rows point at by code and the database names: the report categories (kategorie
 * zgłoszeń) by their code, read once per page from the reports module.
 */
export interface AuditNames {
  reportCategories: ReadonlyMap<string, { pl: string; en: string }>;
  /** Units by id: the voivodeship of a settings change. */
  units: ReadonlyMap<string, string>;
}

export const noAuditNames: AuditNames = { reportCategories: new Map(), units: new Map() };

/**
 * Columns whose values audit_row_change replaces with a marker (the trigger arguments in
 * migrations 0001, 0011 and 0012): there a stored "changed" is the marker, elsewhere it is text.
 */
const secretColumns: Record<string, readonly string[]> = {
  accounts: ['password_hash'],
  reports: ['email', 'reporter_ip', 'description', 'address', 'position'],
  plan_sources: ['bytes'],
};

function isSecretColumn(entityType: string, field: string): boolean {
  return Object.hasOwn(secretColumns, entityType) && secretColumns[entityType]!.includes(field);
}

/** Columns that hold a report category's code: a report's category and a category's own id. */
function holdsReportCategory(entityType: string, field: string): boolean {
  return (entityType === 'reports' && field === 'category_id') || (entityType === 'report_categories' && field === 'id');
}

/** A report category's name when `code` is a known one, else the code as it is. */
export function reportCategoryName(code: string, names: AuditNames, lang: Lang): string {
  return names.reportCategories.get(code)?.[lang] ?? code;
}

/**
 * A record's id as the log's record column shows it: a category by its name, a setting by its label
 * and its scope (national, or the voivodeship that tightened it: the event's unit).
 */
export function auditRecordId(entityType: string, id: string, names: AuditNames, lang: Lang, unitId: string | null = null): string | null {
  if (entityType === 'setting' && isSettingId(id)) {
    const scope = unitId === null ? auditMessages[lang].nationalScope : (names.units.get(unitId) ?? unitId);
    return `${settingCatalog[id].label[lang]} (${scope})`;
  }
  return entityType === 'report_categories' && names.reportCategories.has(id) ? reportCategoryName(id, names, lang) : null;
}

/** Which parts of a plan's content an edit changed, by the names the plan's pages use ("Cel, Działania"). */
export function planContentChange(before: unknown, after: unknown, lang: Lang): string {
  const m = auditMessages[lang];
  const name = (key: string) =>
    isCommentSection(key) ? commentPlace({ section: key, item: null }, lang) : (wordFor(m.contentPartNames, key) ?? key);
  const parts = changedParts(before, after).map(name);
  return parts.length > 0 ? m.contentParts(parts.join(', ')) : m.contentSame;
}

/** One value of one column of an audited row, as a person reads it. */
export function auditValue(entityType: string, field: string, value: unknown, lang: Lang, names: AuditNames = noAuditNames): string {
  const m = auditMessages[lang];
  if (value === undefined) return '';
  if (isSecretColumn(entityType, field) && isSecretMarker(value)) return m.secretMarkers[value];
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  if (typeof value === 'string') {
    if (field === 'role' && isRole(value)) return roleNames[lang][value];
    if (field === 'status' && entityType === 'reports' && (reportStatuses as readonly string[]).includes(value))
      return statusLabels[value as ReportStatus][lang];
    if (field === 'status' && entityType === 'plans' && isPlanStatus(value)) return planStatusNames[lang][value];
    if (field === 'hold' && entityType === 'reports' && (value === 'held' || value === 'rejected'))
      return value === 'held' ? staffReportMessages[lang].held : staffReportMessages[lang].rejectedTag;
    const position = field === 'position' && entityType === 'officers' ? wordFor(adminRegisterMessages[lang].positions, value) : undefined;
    if (position !== undefined) return position;
    if (holdsReportCategory(entityType, field)) return reportCategoryName(value, names, lang);
    if (field === 'threat_category' && Object.hasOwn(planCategoryNames[lang], value)) return planCategoryNames[lang][value]!;
    if (isoTime.test(value) && !Number.isNaN(Date.parse(value))) return formatDateTime(new Date(value), lang);
    return value;
  }
  // A plan's content or a list: its parts are codes and texts of their own, read on the record's page.
  if (value !== null && typeof value === 'object') return m.structured(Array.isArray(value) ? value.length : Object.keys(value).length);
  return displayValue(value);
}
