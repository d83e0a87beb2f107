import type { District } from '../model.js';
import { formatNumberRanges } from '../matching/number-ranges.js';
import { csvColumns } from './import-rules.js';
import { formatCsv } from './csv.js';

/** Street rules as CSV in the import format, so an export can be edited and imported back. */
export function rulesToCsv(districts: readonly District[]): string {
  const rows: string[][] = [[...csvColumns]];
  for (const district of districts) {
    for (const rule of district.rules) {
      rows.push([
        district.unitId,
        String(district.number),
        rule.locality,
        rule.street ?? '',
        rule.numbers ? formatNumberRanges(rule.numbers) : '',
      ]);
    }
  }
  return formatCsv(rows);
}

/** District polygons as a GeoJSON FeatureCollection (WGS84) in the import format. */
export function polygonsToGeoJson(districts: readonly District[]) {
  return {
    type: 'FeatureCollection' as const,
    features: districts
      .filter((district) => district.polygon)
      .map((district) => ({
        type: 'Feature' as const,
        properties: { unit: district.unitId, district: district.number, name: district.name },
        geometry: district.polygon!,
      })),
  };
}
