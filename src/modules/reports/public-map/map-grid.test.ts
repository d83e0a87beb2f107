import { describe, expect, it } from 'vitest';
import { cellSize, maxCells, parseBbox, round6 } from './map-grid.js';

describe('the map grid', () => {
  it('halves the cell with every zoom step and keeps cells square on screen', () => {
    const z6 = cellSize(6, 52);
    const z7 = cellSize(7, 52);
    expect(z7.lon).toBeCloseTo(z6.lon / 2, 12);
    expect(z6.lat / z6.lon).toBeCloseTo(Math.cos((52 * Math.PI) / 180), 12);
    // At zoom 6 Poland (about 10° wide) is a handful of clusters across.
    expect(10 / z6.lon).toBeGreaterThan(5);
    expect(10 / z6.lon).toBeLessThan(12);
  });

  it('reads a Leaflet bbox and refuses malformed, reversed, out-of-range and oversized boxes', () => {
    expect(parseBbox('22.55,51.43,22.65,51.49', 12)).toEqual({ ok: true, box: { minLon: 22.55, minLat: 51.43, maxLon: 22.65, maxLat: 51.49 } });
    expect(parseBbox(' 22.55 , 51.43 , 22.65 , 51.49 ', 12).ok).toBe(true);
    for (const bad of ['', '1,2,3', '1,2,3,4,5', 'a,b,c,d', ',,,', '1e3,2,3,4', 'NaN,1,2,3', 'Infinity,1,2,3', '0x10,1,2,3']) {
      const result = parseBbox(bad, 10);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.code).toBe('invalid_bbox');
    }
    expect(parseBbox('22.6,51.5,22.5,51.4', 10)).toMatchObject({ ok: false, code: 'invalid_bbox' });
    expect(parseBbox('22.6,51.4,22.6,51.5', 10)).toMatchObject({ ok: false, code: 'invalid_bbox' });
    expect(parseBbox('-181,0,0,1', 3)).toMatchObject({ ok: false, code: 'invalid_bbox' });
    expect(parseBbox('0,-91,1,0', 3)).toMatchObject({ ok: false, code: 'invalid_bbox' });
    expect(parseBbox('14,49,24.2,55', 6).ok).toBe(true);
    const tooLarge = parseBbox('14,49,24.2,55', 16);
    expect(tooLarge).toMatchObject({ ok: false, code: 'bbox_too_large' });
    if (!tooLarge.ok) expect(tooLarge.message.pl).toContain('za duży');
  });

  it('allows about a 4K screen of cells at any zoom, single reports included', () => {
    for (const zoom of [8, 10, 15, 18]) {
      const cell = cellSize(Math.min(zoom, 15), 52);
      const fits = `20,52,${20 + cell.lon * 50},${52 + cell.lat * 50}`;
      const tooBig = `20,52,${20 + cell.lon * 80},${52 + cell.lat * 80}`;
      expect(parseBbox(fits, zoom).ok, `zoom ${zoom}`).toBe(true);
      expect(parseBbox(tooBig, zoom).ok, `zoom ${zoom}`).toBe(false);
    }
    expect(maxCells).toBe(4096);
  });

  it('rounds coordinates to 6 decimals', () => {
    expect(round6(51.45973218735)).toBe(51.459732);
    expect(round6(-0.0000004)).toBe(-0);
  });
});
