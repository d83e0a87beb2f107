import type { Localized } from '../../../platform/i18n/i18n.js';
import { readBoundingBox } from '../../../platform/geo/bbox.js';
import type { BoundingBox } from '../rules/index.js';

/** From this zoom on the map shows single reports; below it, clusters. */
export const individualZoom = 15;
export const maxZoom = 20;
/** A cluster covers about this many screen pixels square (Web Mercator, 256 px tiles). */
const clusterPixels = 60;
/** The most grid cells one request may cover: a 4K screen is 64 × 36 cells of 60 px. */
export const maxCells = 4096;
/** The most single reports one answer carries; more are cut (`truncated`). */
export const maxPoints = 2000;

/**
 * The latitude at which cluster cells look square: the middle of Poland. One fixed latitude (not the
 * request's) keeps the grid the same for every request, so a cell's answer does not depend on the
 * box around it and can be kept precomputed; across Poland (49°–55°N) cells look at most 7 % taller
 * or shorter than wide.
 */
export const referenceLatitude = 52;
/** The cell at zoom 0 in degrees: 60 px of a 256 px world (84.375°, exact in binary). */
const lonStep0 = (clusterPixels * 360) / 256;
/** A latitude degree looks 1/cos(lat) longer on a Web Mercator screen: cos(52°) keeps cells square there. */
const latStep0 = lonStep0 * Math.cos((referenceLatitude * Math.PI) / 180);

/**
 * The size of a cluster cell in degrees at a zoom level. Both steps halve exactly with every zoom
 * step (a power of two times a constant), so `Math.floor(v / step)` at zoom z is the cell index at
 * zoom z + 1 shifted right by one: a cell is exactly the union of four cells one zoom deeper.
 */
export function cellSize(zoom: number): { lon: number; lat: number } {
  const scale = 2 ** -zoom;
  return { lon: lonStep0 * scale, lat: latStep0 * scale };
}

/** The grid cells a box touches at a zoom: columns x0…x1 and rows y0…y1, edges included. */
export interface CellRange {
  zoom: number;
  /** The cell size in degrees. */
  lon: number;
  lat: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The index of the cell holding coordinate `value` along an axis of cells `step` wide. */
export const cellIndex = (value: number, step: number): number => Math.floor(value / step);

/**
 * The clusters of a box are the whole cells it touches (cells partly outside it included), so a
 * cluster looks the same whichever box asked for it.
 */
export function cellRange(box: BoundingBox, zoom: number): CellRange {
  const { lon, lat } = cellSize(zoom);
  return {
    zoom,
    lon,
    lat,
    x0: cellIndex(box.minLon, lon),
    x1: cellIndex(box.maxLon, lon),
    y0: cellIndex(box.minLat, lat),
    y1: cellIndex(box.maxLat, lat),
  };
}

/**
 * A box around the cells of a range, a little larger than they are: a prefilter for an index (the
 * exact test is `cellIndex`). The margin of a millionth of a cell is far above the rounding of
 * `value / step` (a few units in the 16th digit) and far below the 50 m public grid.
 */
export function rangeBox(range: CellRange): BoundingBox {
  const marginLon = range.lon * 1e-6;
  const marginLat = range.lat * 1e-6;
  return {
    minLon: range.x0 * range.lon - marginLon,
    minLat: range.y0 * range.lat - marginLat,
    maxLon: (range.x1 + 1) * range.lon + marginLon,
    maxLat: (range.y1 + 1) * range.lat + marginLat,
  };
}

export type BboxResult = { ok: true; box: BoundingBox } | { ok: false; code: string; message: Localized };

/**
 * Reads a view's box (platform/geo/bbox.ts) and refuses one so large for the zoom that it would
 * cover more than `maxCells` cluster cells.
 */
export function parseBbox(text: string, zoom: number): BboxResult {
  const read = readBoundingBox(text);
  if (!read.ok) return read;
  const { minLon, minLat, maxLon, maxLat } = read.box;
  const cell = cellSize(Math.min(zoom, individualZoom));
  const cells = ((maxLon - minLon) / cell.lon) * ((maxLat - minLat) / cell.lat);
  if (cells > maxCells) {
    return {
      ok: false,
      code: 'bbox_too_large',
      message: {
        pl: 'Obszar bbox jest za duży dla tego przybliżenia (zoom). Zmniejsz obszar albo podaj mniejszy zoom.',
        en: 'The bbox area is too large for this zoom. Make the area smaller or ask for a lower zoom.',
      },
    };
  }
  return { ok: true, box: { minLon, minLat, maxLon, maxLat } };
}

/** Coordinates of the public grid carry no more than 6 decimals (0.1 m): enough, and stable. */
export const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
