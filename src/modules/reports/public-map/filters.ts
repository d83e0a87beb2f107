import { isCalendarDay } from '../../../platform/i18n/calendar.js';
import { reportStatuses, type ReportStatus } from '../rules/index.js';

/** The filters shared by the public list, map, statistics and downloads. Every field is optional. */
export interface PublicFilter {
  category?: string;
  status?: ReportStatus;
  /** The unit and every unit below it. */
  unitId?: string;
  districtId?: string;
  /** Polish calendar days "YYYY-MM-DD", both inclusive; compared with the day the report was made. */
  from?: string;
  to?: string;
}

const filterKeys = ['category', 'status', 'unitId', 'districtId', 'from', 'to'] as const;

/** A real calendar day written as YYYY-MM-DD (the calendar's definition, under the name the filters use). */
export const isDay = isCalendarDay;

const isStatus = (value: string): value is ReportStatus => (reportStatuses as readonly string[]).includes(value);
const districtIdPattern = /^[a-z0-9-]{1,60}\/\d{1,6}$/;

/**
 * Reads the filters of a page's query string leniently: a value that is not valid or not known is
 * dropped (a person gets the unfiltered list rather than an error), and a reversed period is turned
 * round.
 */
export function readFilter(
  raw: Record<string, unknown>,
  known: { categories: ReadonlySet<string>; units: ReadonlySet<string> },
): PublicFilter {
  const text = (key: string) => (typeof raw[key] === 'string' ? raw[key].trim() : '');
  const filter: PublicFilter = {};
  const category = text('category');
  if (known.categories.has(category)) filter.category = category;
  const status = text('status');
  if (isStatus(status)) filter.status = status;
  const unitId = text('unitId');
  if (known.units.has(unitId)) filter.unitId = unitId;
  const districtId = text('districtId');
  if (districtIdPattern.test(districtId)) filter.districtId = districtId;
  const from = text('from');
  const to = text('to');
  if (isDay(from)) filter.from = from;
  if (isDay(to)) filter.to = to;
  if (filter.from && filter.to && filter.from > filter.to) [filter.from, filter.to] = [filter.to, filter.from];
  return filter;
}

/** The filter as query-string pairs, without empty values (for links that keep the filters). */
export function filterParams(filter: PublicFilter): [string, string][] {
  return filterKeys.flatMap((key) => (filter[key] ? [[key, filter[key]] as [string, string]] : []));
}

export function withFilter(path: string, filter: PublicFilter, extra: [string, string][] = []): string {
  const query = new URLSearchParams([...filterParams(filter), ...extra]).toString();
  return query ? `${path}?${query}` : path;
}

const day = { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$' } as const;

/** Query-string schema of the filters for the JSON, CSV and GeoJSON endpoints; empty = no filter. */
export const filterQueryProperties = {
  category: { type: 'string', maxLength: 60 },
  status: { type: 'string', enum: ['', ...reportStatuses] },
  unitId: { type: 'string', maxLength: 80 },
  districtId: { type: 'string', maxLength: 80 },
  from: day,
  to: day,
} as const;

export const filterQuery = { type: 'object', additionalProperties: false, properties: filterQueryProperties } as const;

/** The filters of an API query that passed the schema: empty strings dropped, days checked. */
export function apiFilter(query: Partial<Record<(typeof filterKeys)[number], string>>): {
  filter: PublicFilter;
  badDay: 'from' | 'to' | null;
} {
  const filter: PublicFilter = {};
  if (query.category) filter.category = query.category;
  if (query.status && isStatus(query.status)) filter.status = query.status;
  if (query.unitId) filter.unitId = query.unitId;
  if (query.districtId) filter.districtId = query.districtId;
  for (const key of ['from', 'to'] as const) {
    const value = query[key];
    if (!value) continue;
    if (!isDay(value)) return { filter, badDay: key };
    filter[key] = value;
  }
  return { filter, badDay: null };
}
