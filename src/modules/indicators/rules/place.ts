import type { CountLine, RejectedLine } from './read-csv.js';

/**
 * Putting each read line in a district of the importing unit (pure): a district given by its
 * number in the unit ("3") or its id ("kpp-borowo/3"); a point placed by the locator's polygons.
 * A district of another unit, or a point outside every district of the unit, rejects the line:
 * a unit imports only its own data.
 */

/** The database's limit of one cell (migration 0015). */
const MAX_CELL = 100_000;

export interface PlacedCount {
  day: string;
  category: string;
  districtId: string;
  count: number;
}

export interface Placing {
  placed: PlacedCount[];
  rejected: RejectedLine[];
  /** Lines accepted (before cells named twice in the file were added up). */
  accepted: number;
}

export function placeLines(
  lines: readonly CountLine[],
  unitId: string,
  districtIds: readonly string[],
  locate: (lat: number, lon: number) => string[],
): Placing {
  const known = new Set(districtIds);
  const rejected: RejectedLine[] = [];
  // Lines naming the same cell (two points in one district on one day) add up within a file.
  const cells = new Map<string, PlacedCount>();
  let accepted = 0;
  for (const line of lines) {
    let districtId: string | undefined;
    if (line.place.kind === 'district') {
      const value = line.place.value;
      const id = /^\d+$/.test(value) ? `${unitId}/${Number(value)}` : value;
      if (!known.has(id)) {
        rejected.push({
          line: line.line,
          reason: { pl: `nie ma rejonu „${value}” w tej jednostce`, en: `no district "${value}" in this unit` },
        });
        continue;
      }
      districtId = id;
    } else {
      districtId = locate(line.place.lat, line.place.lon).find((id) => known.has(id));
      if (!districtId) {
        rejected.push({
          line: line.line,
          reason: { pl: 'punkt nie leży w żadnym rejonie tej jednostki', en: 'the point lies in no district of this unit' },
        });
        continue;
      }
    }
    const key = JSON.stringify([line.day, line.category, districtId]);
    const cell = cells.get(key);
    if (cell && cell.count + line.count > MAX_CELL) {
      rejected.push({
        line: line.line,
        reason: { pl: `suma dnia w rejonie ponad ${MAX_CELL}`, en: `the day's total in the district over ${MAX_CELL}` },
      });
      continue;
    }
    accepted++;
    if (cell) cell.count += line.count;
    else cells.set(key, { day: line.day, category: line.category, districtId, count: line.count });
  }
  return { placed: [...cells.values()], rejected, accepted };
}
