import type { Localized } from '../../../platform/i18n/i18n.js';
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
 * The size of a cluster cell in degrees at a zoom level. Longitude degrees are the same size on a
 * Web Mercator screen everywhere; a latitude degree looks 1/cos(lat) longer, so the latitude step
 * shrinks by cos(lat) and the cells look square.
 */
export function cellSize(zoom: number, latitude: number): { lon: number; lat: number } {
  const lon = (clusterPixels * 360) / (256 * 2 ** zoom);
  const cos = Math.max(0.1, Math.cos((Math.max(-85, Math.min(85, latitude)) * Math.PI) / 180));
  return { lon, lat: lon * cos };
}

export type BboxResult = { ok: true; box: BoundingBox } | { ok: false; code: string; message: Localized };

const numberPattern = /^-?\d{1,3}(\.\d{1,20})?$/;

/**
 * Reads `minLon,minLat,maxLon,maxLat` (WGS84 degrees, as Leaflet's `toBBoxString` writes it) and
 * refuses boxes that are malformed, reversed, outside the globe, or so large for the zoom that they
 * would cover more than `maxCells` cluster cells.
 */
export function parseBbox(text: string, zoom: number): BboxResult {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 4 || !parts.every((part) => numberPattern.test(part))) {
    return {
      ok: false,
      code: 'invalid_bbox',
      message: {
        pl: 'Parametr bbox musi mieć postać minLon,minLat,maxLon,maxLat: cztery liczby w stopniach, np. 22.55,51.43,22.65,51.49.',
        en: 'The bbox parameter must be minLon,minLat,maxLon,maxLat: four numbers in degrees, e.g. 22.55,51.43,22.65,51.49.',
      },
    };
  }
  const [minLon, minLat, maxLon, maxLat] = parts.map(Number) as [number, number, number, number];
  if (![minLon, maxLon].every((v) => v >= -180 && v <= 180) || ![minLat, maxLat].every((v) => v >= -90 && v <= 90)) {
    return {
      ok: false,
      code: 'invalid_bbox',
      message: { pl: 'Długość geograficzna w bbox musi leżeć między −180 a 180, a szerokość między −90 a 90.', en: 'Longitudes in bbox must be between −180 and 180 and latitudes between −90 and 90.' },
    };
  }
  if (!(minLon < maxLon && minLat < maxLat)) {
    return {
      ok: false,
      code: 'invalid_bbox',
      message: { pl: 'W bbox wartości minimalne muszą być mniejsze od maksymalnych (minLon < maxLon, minLat < maxLat).', en: 'In bbox the minimum values must be smaller than the maximum ones (minLon < maxLon, minLat < maxLat).' },
    };
  }
  const cell = cellSize(Math.min(zoom, individualZoom), (minLat + maxLat) / 2);
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
