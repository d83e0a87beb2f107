import type { Lang } from '../../../platform/i18n/i18n.js';
import { reportUrl } from '../model.js';
import { statusLabels } from '../rules/index.js';
import { round6 } from './map-grid.js';
import type { PublicRow } from './repository.js';

/** The most reports one CSV or GeoJSON file carries (the newest); the file says when it was cut. */
export const exportLimit = 50_000;
/** Public positions lie on a 50 m grid: at most about 35 m from the real place. */
export const precisionMeters = 50;

export interface ExportContext {
  lang: Lang;
  publicUrl: string;
  categoryName: (code: string) => string;
}

/** The public fields of one report, the same in CSV and GeoJSON (never a private one). */
export function publicRecord(row: PublicRow, context: ExportContext) {
  return {
    id: row.id,
    url: `${context.publicUrl}${reportUrl(row.id)}`,
    category: row.categoryId,
    categoryName: context.categoryName(row.categoryId),
    status: row.status,
    statusName: statusLabels[row.status][context.lang],
    createdAt: row.createdAt.toISOString(),
    statusChangedAt: row.statusChangedAt.toISOString(),
    unitId: row.unitId,
    unitName: row.unitName,
    districtId: row.districtId,
    districtName: row.districtName,
    confirmations: row.confirmations,
    eventDate: row.eventDate,
    eventHour: row.eventHour,
  };
}

export const csvColumns = [
  'id',
  'url',
  'category',
  'category_name',
  'status',
  'status_name',
  'created_at',
  'status_changed_at',
  'unit_id',
  'unit_name',
  'district_id',
  'district_name',
  'lat_approx',
  'lon_approx',
  'confirmations',
  // Added last, so the earlier columns keep their places for existing readers.
  'event_date',
  'event_hour',
] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (fields: (string | number | null)[]) => `${fields.map(csvField).join(',')}\r\n`;

/** UTF-8 byte order mark: spreadsheets then read Polish letters correctly. */
export const csvHeader = () => `\uFEFF${csvLine([...csvColumns])}`;

export function csvRow(row: PublicRow, context: ExportContext): string {
  const r = publicRecord(row, context);
  return csvLine([
    r.id,
    r.url,
    r.category,
    r.categoryName,
    r.status,
    r.statusName,
    r.createdAt,
    r.statusChangedAt,
    r.unitId,
    r.unitName,
    r.districtId,
    r.districtName,
    row.lat === null ? null : round6(row.lat),
    row.lon === null ? null : round6(row.lon),
    r.confirmations,
    r.eventDate,
    r.eventHour,
  ]);
}

/** A GeoJSON Feature at the approximate point; reports given by address only have no geometry. */
export function geoJsonFeature(row: PublicRow, context: ExportContext) {
  return {
    type: 'Feature' as const,
    id: row.id,
    geometry: row.lon === null || row.lat === null ? null : { type: 'Point' as const, coordinates: [round6(row.lon), round6(row.lat)] },
    properties: { ...publicRecord(row, context), approximate: true, precisionMeters },
  };
}

/** Everything before the first feature; the foreign members say how many there are and whether the file was cut. */
export function geoJsonOpening(meta: { total: number; truncated: boolean; generatedAt: Date }): string {
  const head = JSON.stringify({
    type: 'FeatureCollection',
    approximate: true,
    precisionMeters,
    totalCount: meta.total,
    limit: exportLimit,
    truncated: meta.truncated,
    generatedAt: meta.generatedAt.toISOString(),
  });
  return `${head.slice(0, -1)},"features":[`;
}
