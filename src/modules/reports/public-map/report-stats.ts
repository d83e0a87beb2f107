import type { ReportStatus } from '../rules/index.js';
import type { PublicFilter } from './filters.js';
import { NO_DISTRICT, NO_EVENT_DAY, dayNumber, monthOfDay, weekdayOfDay } from './report-columns.js';
import { compile, selectRows } from './report-queries.js';
import type { PublicReportStore } from './report-store.js';
import type { DistrictCount, ReportStats } from './repository.js';

/** Sorts after every rank the register gives. */
const LAST = 0x7fffffff;

/**
 * As `publicStats`; `sinceMonth` is the first day "YYYY-MM-01" of the monthly window. The groups of
 * the districts come in the SQL's order: count, then unit name, then district name (nulls last), by
 * the ranks the database's collation gave the names.
 */
export function reportStats(store: PublicReportStore, filter: PublicFilter, sinceMonth: string): ReportStats {
  const f = compile(store, filter);
  const c = store.columns;
  const facts = store.facts;
  const byCategory = new Int32Array(Math.max(1, store.categoryCodes.size));
  const byStatus = new Int32Array(Math.max(1, store.statusCodes.size));
  const districtCount = store.districtCodes.size;
  const byDistrict = new Int32Array(Math.max(1, districtCount));
  const byUnit = new Int32Array(Math.max(1, store.unitCodes.size));
  // Reports whose unit is not their district's (never made by the application, but possible).
  const odd = new Map<number, number>();
  const sinceDay = dayNumber(sinceMonth);
  const monthSlot = new Int32Array(Math.max(0, c.maxDay - sinceDay + 1));
  const monthKeys: string[] = [];
  for (let d = 0; d < monthSlot.length; d++) {
    const key = monthOfDay(sinceDay + d);
    if (monthKeys[monthKeys.length - 1] !== key) monthKeys.push(key);
    monthSlot[d] = monthKeys.length - 1;
  }
  const byMonth = new Int32Array(Math.max(1, monthKeys.length));
  const byHour = new Array<number>(24).fill(0);
  const byWeekday = new Array<number>(7).fill(0);
  const { days, districts, units, categories, statuses, eventDays, eventHours } = c;
  const districtUnit = facts.districtUnit;
  const { rows: selected, count: k } = selectRows(store, f, null);
  for (let j = 0; j < k; j++) {
    const i = selected[j]!;
    byCategory[categories[i]!]!++;
    byStatus[statuses[i]!]!++;
    const district = districts[i]!;
    const unit = units[i]!;
    if (district === NO_DISTRICT) byUnit[unit]!++;
    else if (districtUnit[district] === unit) byDistrict[district]!++;
    else odd.set(district * 0x10000 + unit, (odd.get(district * 0x10000 + unit) ?? 0) + 1);
    const day = days[i]! - sinceDay;
    if (day >= 0) byMonth[monthSlot[day]!]!++;
    const eventDay = eventDays[i]!;
    if (eventDay !== NO_EVENT_DAY) byWeekday[weekdayOfDay(eventDay)]!++;
    const hour = eventHours[i]!;
    if (hour >= 0) byHour[hour]!++;
  }
  const groups: { district: number; unit: number; count: number }[] = [];
  for (let d = 0; d < districtCount; d++) if (byDistrict[d]) groups.push({ district: d, unit: districtUnit[d]!, count: byDistrict[d]! });
  for (let u = 0; u < byUnit.length; u++) if (byUnit[u]) groups.push({ district: NO_DISTRICT, unit: u, count: byUnit[u]! });
  for (const [key, count] of odd) groups.push({ district: Math.floor(key / 0x10000), unit: key % 0x10000, count });
  const districtRank = (d: number) => (d === NO_DISTRICT ? LAST : (facts.districtRank[d] ?? LAST - 1));
  // order by n desc, u.name, d.name nulls last (ranks in the database's collation)
  groups.sort(
    (a, b) =>
      b.count - a.count ||
      (facts.unitRank[a.unit] ?? LAST) - (facts.unitRank[b.unit] ?? LAST) ||
      districtRank(a.district) - districtRank(b.district) ||
      a.unit - b.unit ||
      a.district - b.district,
  );
  return {
    total: k,
    byCategory: countsByCode(byCategory, store.categoryCodes.values),
    byStatus: countsByCode(byStatus, store.statusCodes.values as ReportStatus[]),
    byDistrict: groups.map((g): DistrictCount => ({
      districtId: g.district === NO_DISTRICT ? null : store.districtCodes.values[g.district]!,
      districtName: g.district === NO_DISTRICT ? null : (facts.districtNames[g.district] ?? store.districtCodes.values[g.district]!),
      unitId: store.unitCodes.values[g.unit]!,
      unitName: facts.unitNames[g.unit] ?? store.unitCodes.values[g.unit]!,
      count: g.count,
    })),
    byMonth: countsByCode(byMonth, monthKeys),
    byHour,
    byWeekday,
  };
}

/** The non-zero counts, named by their codes' values. */
function countsByCode<K>(counts: Int32Array, values: readonly K[]): Map<K, number> {
  const map = new Map<K, number>();
  counts.forEach((n, code) => {
    if (n) map.set(values[code]!, n);
  });
  return map;
}
