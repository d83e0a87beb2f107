import { AppError } from '../../platform/http/errors.js';
import { readDistrictPolygons } from './geometry/geojson.js';
import type { MultiPolygon } from './model.js';

/**
 * A district's own polygon given as a bare GeoJSON geometry (Polygon or MultiPolygon, WGS84 or
 * EPSG:2180): checked and converted with the same reader as file imports.
 */
export function readPolygonArea(geometry: unknown): MultiPolygon {
  const read = readDistrictPolygons({ type: 'Feature', properties: { unit: 'district', district: 1 }, geometry });
  const problem = read.errors[0];
  if (problem || read.polygons.length !== 1) {
    throw new AppError(400, 'invalid_polygon', problem?.message ?? { pl: 'Nieprawidłowy obszar na mapie.', en: 'Invalid map area.' }, {
      field: 'polygon',
    });
  }
  return read.polygons[0]!.geometry;
}
