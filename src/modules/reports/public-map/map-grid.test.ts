import { describe, expect, it } from 'vitest';
import { cellIndex, cellRange, cellSize, maxCells, parseBbox, rangeBox, round6 } from './map-grid.js';
import { seededRandom } from '../../../../test/support/random.js';

describe('the map grid', () => {
  it('halves the cell exactly with every zoom step and keeps cells square on screen in the middle of Poland', () => {
    for (let zoom = 0; zoom < 20; zoom++) {
      expect(cellSize(zoom + 1).lon, `zoom ${zoom}`).toBe(cellSize(zoom).lon / 2);
      expect(cellSize(zoom + 1).lat, `zoom ${zoom}`).toBe(cellSize(zoom).lat / 2);
    }
    const z6 = cellSize(6);
    expect(z6.lon).toBe(84.375 / 64);
    expect(z6.lat / z6.lon).toBeCloseTo(Math.cos((52 * Math.PI) / 180), 12);
    // At zoom 6 Poland (about 10° wide) is a handful of clusters across.
    expect(10 / z6.lon).toBeGreaterThan(5);
    expect(10 / z6.lon).toBeLessThan(12);
  });

  it('nests the grid: a cell is exactly four cells of the next zoom, edges included', () => {
    const rand = seededRandom(7);
    for (let zoom = 0; zoom < 16; zoom++) {
      const coarse = cellSize(zoom);
      const fine = cellSize(zoom + 1);
      const values: [number, number, number][] = [];
      for (let k = 0; k < 300; k++) {
        values.push([-180 + rand() * 360, coarse.lon, fine.lon], [-90 + rand() * 180, coarse.lat, fine.lat]);
        // On a fine cell's edge, and one unit in the last place either side of it.
        for (const [step, fineStep, limit] of [
          [coarse.lon, fine.lon, 180],
          [coarse.lat, fine.lat, 90],
        ] as const) {
          const edge = Math.round(((rand() * 2 - 1) * limit) / fineStep) * fineStep;
          values.push([edge, step, fineStep], [edge * (1 + 2 ** -52), step, fineStep], [edge * (1 - 2 ** -52), step, fineStep]);
        }
      }
      for (const [value, step, fineStep] of values) {
        // (`| 0` turns the -0 of Math.floor(-0) into 0, as `>>` does)
        expect(cellIndex(value, fineStep) >> 1, `zoom ${zoom}: ${value}`).toBe(cellIndex(value, step) | 0);
      }
    }
  });

  it('names the whole cells a box touches and a box around them that holds all their points', () => {
    const box = { minLon: 22.55, minLat: 51.43, maxLon: 22.65, maxLat: 51.49 };
    const range = cellRange(box, 10);
    const { lon, lat } = cellSize(10);
    expect(range).toEqual({
      zoom: 10,
      lon,
      lat,
      x0: Math.floor(22.55 / lon),
      x1: Math.floor(22.65 / lon),
      y0: Math.floor(51.43 / lat),
      y1: Math.floor(51.49 / lat),
    });
    expect(range.x0 * lon).toBeLessThanOrEqual(box.minLon);
    expect((range.x1 + 1) * lon).toBeGreaterThan(box.maxLon);
    const around = rangeBox(range);
    // The values at the range's outer edges (as `cellIndex` decides, stepping one unit in the last
    // place at a time) lie in the box.
    for (const [first, last, step, min, max] of [
      [range.x0, range.x1, lon, around.minLon, around.maxLon],
      [range.y0, range.y1, lat, around.minLat, around.maxLat],
    ] as const) {
      let low = first * step;
      while (cellIndex(low, step) >= first) low -= low * 2 ** -52;
      let high = (last + 1) * step;
      while (cellIndex(high, step) > last) high -= high * 2 ** -52;
      expect(min).toBeLessThan(low);
      expect(max).toBeGreaterThan(high);
      // …and the box is no more than a millionth of a cell larger.
      expect(low - min).toBeLessThan(step * 2e-6);
      expect(max - high).toBeLessThan(step * 2e-6);
    }
  });

  it('reads a Leaflet bbox and refuses malformed, reversed, out-of-range and oversized boxes', () => {
    expect(parseBbox('22.55,51.43,22.65,51.49', 12)).toEqual({
      ok: true,
      box: { minLon: 22.55, minLat: 51.43, maxLon: 22.65, maxLat: 51.49 },
    });
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
      const cell = cellSize(Math.min(zoom, 15));
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
