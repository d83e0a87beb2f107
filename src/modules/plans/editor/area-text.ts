import type { Position } from '../../../platform/geo/epsg2180.js';
import type { GeoPolygon } from '../../../platform/geo/ring.js';
import type { Localized } from '../../../platform/i18n/i18n.js';

/**
 * The goal's area as an officer can type it without a map script: one corner a line as
 * "latitude, longitude" in degrees, in order along the boundary, the way map sites copy a place
 * ("50.51234, 23.01234" from a right click in most of them; "50,51234; 23,01234" with decimal
 * commas works too). A GeoJSON Polygon (or a Feature holding one) from a GIS tool is taken as it is.
 * The shape's rules (corners, size, the district) are checked on saving (measure/goal-area.ts).
 */

export type AreaText = { ok: true; polygon: GeoPolygon | null } | { ok: false; problem: Localized };

const number = String.raw`(-?\d{1,3}(?:[.,]\d+)?)`;
const pair = new RegExp(String.raw`^${number}\s*[;\s]\s*${number}$`);
const dotted = new RegExp(String.raw`^(-?\d{1,3}(?:\.\d+)?)\s*,\s*(-?\d{1,3}(?:\.\d+)?)$`);

function readGeoJson(text: string): AreaText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: { pl: 'Tekst obszaru nie jest poprawnym GeoJSON-em.', en: 'The area text is not valid GeoJSON.' } };
  }
  const root = value as { type?: unknown; geometry?: unknown; coordinates?: unknown } | null;
  const geometry = (root?.type === 'Feature' ? root.geometry : root) as { type?: unknown; coordinates?: unknown } | null;
  const rings = geometry?.coordinates;
  const isRing = (ring: unknown) =>
    Array.isArray(ring) && ring.every((p) => Array.isArray(p) && p.length >= 2 && p.slice(0, 2).every((v) => typeof v === 'number'));
  if (geometry?.type !== 'Polygon' || !Array.isArray(rings) || rings.length === 0 || !rings.every(isRing))
    return {
      ok: false,
      problem: { pl: 'GeoJSON obszaru musi być typu Polygon.', en: 'The area GeoJSON must be a Polygon.' },
    };
  const coordinates = (rings as number[][][]).map((ring) => ring.map((p): Position => [p[0]!, p[1]!]));
  return { ok: true, polygon: { type: 'Polygon', coordinates } };
}

/** The typed area: a polygon, null when the field is empty (no area: the whole district), or why it cannot be read. */
export function readAreaText(text: string): AreaText {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, polygon: null };
  if (trimmed.startsWith('{')) return readGeoJson(trimmed);
  const ring: Position[] = [];
  const lines = trimmed.split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line) continue;
    const match = dotted.exec(line) ?? pair.exec(line);
    const [lat, lon] = match ? [Number(match[1]!.replace(',', '.')), Number(match[2]!.replace(',', '.'))] : [NaN, NaN];
    if (!Number.isFinite(lat) || !Number.isFinite(lon))
      return {
        ok: false,
        problem: {
          pl: `Wiersz ${index + 1} obszaru („${line.slice(0, 40)}”) nie jest parą „szerokość, długość”, np. 50.51234, 23.01234.`,
          en: `Line ${index + 1} of the area ("${line.slice(0, 40)}") is not a "latitude, longitude" pair, e.g. 50.51234, 23.01234.`,
        },
      };
    ring.push([lon, lat]);
  }
  return { ok: true, polygon: { type: 'Polygon', coordinates: [ring] } };
}

/** The area as the editor shows it: its corners one a line, "latitude, longitude", the closing repeat left out. */
export function areaText(polygon: GeoPolygon | null | undefined): string {
  const ring = polygon?.coordinates[0] ?? [];
  const [first, last] = [ring[0], ring[ring.length - 1]];
  const open = first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1] ? ring.slice(0, -1) : ring;
  return open.map(([lon, lat]) => `${lat}, ${lon}`).join('\n');
}
