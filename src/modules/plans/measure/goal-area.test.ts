import { describe, expect, it } from 'vitest';
import type { Position } from '../../../platform/geo/epsg2180.js';
import { emptyContent, type PlanContent } from '../model.js';
import { readAreaText, areaText } from '../editor/area-text.js';
import { monthsInRing } from '../../indicators/rules/in-ring.js';
import { goalAreaProblem, normalGoalArea, type GoalArea } from './goal-area.js';
import { measureToFreeze, type CountMeasure } from './model.js';
import { whereCounted } from './measure-block.js';

// The test world's district a1: a square of 0.02° with its south-west corner at 50.5° N, 23.0° E.
const district = {
  type: 'MultiPolygon' as const,
  coordinates: [
    [
      [
        [23, 50.5],
        [23.02, 50.5],
        [23.02, 50.52],
        [23, 50.52],
        [23, 50.5],
      ],
    ],
  ],
};
/** A square of `size` degrees at (lon, lat), open (the rules close it). */
const square = (lon: number, lat: number, size: number): Position[] => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
];
const park = (ring: Position[], name = 'park przy ul. Lipowej'): GoalArea => ({ name, polygon: { type: 'Polygon', coordinates: [ring] } });
const withArea = (area: GoalArea | null, source: 'reports' | 'imported' = 'reports'): PlanContent => {
  const content = emptyContent();
  return { ...content, goal: { ...content.goal, indicatorSpec: { source, categories: ['illegal-parking'] }, area } };
};
const problemOf = (area: GoalArea | null, source: 'reports' | 'imported' = 'reports', outline: typeof district | null = district) =>
  goalAreaProblem(withArea(area, source), outline);

describe('a goal area (obszar celu)', () => {
  it('accepts a park inside the district, an area crossing its edge, and any area of a district without an outline', () => {
    expect(problemOf(null)).toBeNull();
    expect(problemOf(park(square(23.005, 50.505, 0.003)))).toBeNull();
    expect(problemOf(park(square(23.018, 50.505, 0.005)))).toBeNull();
    // A band across the district with no corner inside it, nor any of its corners inside the band: the edges cross.
    const band: Position[] = [
      [22.99, 50.509],
      [23.03, 50.509],
      [23.03, 50.511],
      [22.99, 50.511],
    ];
    expect(problemOf(park(band))).toBeNull();
    expect(problemOf(park(square(23.1, 50.6, 0.003)), 'reports', null)).toBeNull();
  });

  it.each([
    ['a missing name', park(square(23.005, 50.505, 0.003), '   '), 'goal.area.name', /Nazwij obszar/],
    ['two corners', park(square(23.005, 50.505, 0.003).slice(0, 2)), 'goal.area.polygon', /3–199 wierzchołkach \(podano 2\)/],
    [
      '200 corners',
      park(Array.from({ length: 200 }, (_, k): Position => [23.01 + 0.003 * Math.cos(k / 31.8), 50.51 + 0.003 * Math.sin(k / 31.8)])),
      'goal.area.polygon',
      /podano 200/,
    ],
    ['swapped axes', park(square(50.505, 23.005, 0.003)), 'goal.area.polygon', /poza Polskę/],
    [
      'a bow tie',
      park([
        [23.005, 50.505],
        [23.008, 50.508],
        [23.008, 50.505],
        [23.005, 50.508],
      ]),
      'goal.area.polygon',
      /przecina samą siebie/,
    ],
    ['a tiny ring (about 7 × 11 m)', park(square(23.005, 50.505, 0.0001)), 'goal.area.polygon', /m², a powinien mieć od 400 m²/],
    ['a huge ring (about 70 × 110 km)', park(square(22.5, 50.0, 1)), 'goal.area.polygon', /km², a powinien/],
    ['an area in another district', park(square(23.1, 50.6, 0.003)), 'goal.area.polygon', /poza rejonem planu/],
  ])('refuses %s with a reason in both languages', (_, area, field, pl) => {
    const problem = problemOf(area);
    expect(problem?.field).toBe(field);
    expect(problem?.message.pl).toMatch(pl);
    expect(problem?.message.en.length).toBeGreaterThan(20);
  });

  it('refuses an area for imported data, which are stored per district and day', () => {
    const area = park(square(23.005, 50.505, 0.003));
    expect(problemOf(area, 'imported')?.message.pl).toMatch(/tylko zgłoszenia mieszkańców/);
    expect(problemOf(area, 'reports')).toBeNull();
  });

  it('stores the ring closed and the name trimmed', () => {
    const stored = normalGoalArea(park(square(23.005, 50.505, 0.003), '  park   miejski '));
    expect(stored.name).toBe('park miejski');
    expect(stored.polygon.coordinates[0]).toHaveLength(5);
    expect(stored.polygon.coordinates[0]![4]).toEqual([23.005, 50.505]);
  });
});

describe('the area typed in the editor', () => {
  it('reads "latitude, longitude" lines (decimal points, or decimal commas with semicolons) into [lon, lat]', () => {
    const read = readAreaText('50.505, 23.005\n\n50,505; 23,008\r\n50.508 23.008\n');
    expect(read).toEqual({
      ok: true,
      polygon: {
        type: 'Polygon',
        coordinates: [
          [
            [23.005, 50.505],
            [23.008, 50.505],
            [23.008, 50.508],
          ],
        ],
      },
    });
    if (read.ok) expect(readAreaText(areaText(normalGoalArea(park(read.polygon!.coordinates[0]!)).polygon))).toEqual(read);
  });

  it('takes a GeoJSON Polygon or a Feature holding one; an empty field is no area', () => {
    const polygon = { type: 'Polygon', coordinates: [[...square(23.005, 50.505, 0.003), [23.005, 50.505]]] };
    expect(readAreaText(JSON.stringify(polygon))).toEqual({ ok: true, polygon });
    expect(readAreaText(JSON.stringify({ type: 'Feature', properties: {}, geometry: polygon }))).toEqual({ ok: true, polygon });
    expect(readAreaText('  \n ')).toEqual({ ok: true, polygon: null });
  });

  it('names the line it cannot read, and refuses GeoJSON that is not a polygon', () => {
    const bad = readAreaText('50.505, 23.005\nul. Lipowa 12');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.pl).toContain('Wiersz 2');
    const point = readAreaText('{"type":"Point","coordinates":[23,50]}');
    expect(!point.ok && point.problem.en).toBe('The area GeoJSON must be a Polygon.');
    expect(readAreaText('{"type":').ok).toBe(false);
  });
});

describe('counting in the area and freezing it', () => {
  it('counts only the points inside the ring, by the month the database gave them (the last day of a month stays in it)', () => {
    const ring = [...square(23.005, 50.505, 0.003), [23.005, 50.505] as Position];
    const months = monthsInRing(
      [
        { month: '2026-01', lon: 23.006, lat: 50.506 },
        { month: '2026-02', lon: 23.007, lat: 50.507 },
        { month: '2026-01', lon: 23.0079, lat: 50.5079 },
        { month: '2026-01', lon: 23.009, lat: 50.506 }, // in the box of a larger ring, outside this one
        { month: '2025-12', lon: 23.004, lat: 50.506 },
      ],
      ring,
    );
    expect(months).toEqual([
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 1 },
    ]);
  });

  const plan = (content: PlanContent) => ({
    id: 'p',
    version: 2,
    districtId: 'kpp-borowo/1',
    periodFrom: '2027-01-01',
    periodTo: '2027-06-30',
    content: { ...content, goal: { ...content.goal, target: { direction: 'decrease' as const, percent: 20 } } },
  });

  it('freezes the area with its name beside the district; without one, or with imported data, the district alone', () => {
    const area = normalGoalArea(park(square(23.005, 50.505, 0.003)));
    const frozen = measureToFreeze(plan(withArea(area)), ['kpp-borowo/1', 'kpp-borowo/2'], 'kierownik', new Date());
    expect(frozen).toMatchObject({
      kind: 'count',
      area: { districtIds: ['kpp-borowo/1'], polygon: area.polygon, name: 'park przy ul. Lipowej' },
      comparison: { districtIds: ['kpp-borowo/2'] },
    });
    expect(whereCounted((frozen as CountMeasure).area, 'pl')).toBe('w obszarze: park przy ul. Lipowej (w rejonie nr 1)');
    const imported = measureToFreeze(plan(withArea(area, 'imported')), ['kpp-borowo/1'], 'kierownik', new Date());
    expect(imported).toMatchObject({ area: { districtIds: ['kpp-borowo/1'] }, comparison: null });
    expect((imported as CountMeasure).area.polygon).toBeUndefined();
    expect(whereCounted({ districtIds: ['kpp-borowo/1'] }, 'en')).toBe('district no. 1');
  });
});
