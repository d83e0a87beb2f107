import type { Localized } from '../i18n/i18n.js';

/** A map view in WGS84 degrees. */
export interface LonLatBox {
  minLon: number;
  minLat: number;
  maxLon: number;
  maxLat: number;
}

export type BoxReading = { ok: true; box: LonLatBox } | { ok: false; code: string; message: Localized };

const numberPattern = /^-?\d{1,3}(\.\d{1,20})?$/;

/**
 * Reads `minLon,minLat,maxLon,maxLat` (WGS84 degrees, as Leaflet's `toBBoxString` writes it),
 * refusing boxes that are malformed, reversed or outside the globe, with the reason in words.
 */
export function readBoundingBox(text: string): BoxReading {
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
      message: {
        pl: 'Długość geograficzna w bbox musi leżeć między −180 a 180, a szerokość między −90 a 90.',
        en: 'Longitudes in bbox must be between −180 and 180 and latitudes between −90 and 90.',
      },
    };
  }
  if (!(minLon < maxLon && minLat < maxLat)) {
    return {
      ok: false,
      code: 'invalid_bbox',
      message: {
        pl: 'W bbox wartości minimalne muszą być mniejsze od maksymalnych (minLon < maxLon, minLat < maxLat).',
        en: 'In bbox the minimum values must be smaller than the maximum ones (minLon < maxLon, minLat < maxLat).',
      },
    };
  }
  return { ok: true, box: { minLon, minLat, maxLon, maxLat } };
}
