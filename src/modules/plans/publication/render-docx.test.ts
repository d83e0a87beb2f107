import { describe, expect, it } from 'vitest';
import { colourCount, decodePng, pixelAt } from '../../../../test/support/png.js';
import { worldPlanContent } from '../../../../test/support/world.js';
import { openZip } from '../../../platform/documents/zip-reader.js';
import { svgToPng } from '../../../platform/documents/svg-png.js';
import { chartColours } from '../evaluation/chart.js';
import { buildEvaluationReport } from '../evaluation/report.js';
import { reportDocument } from '../evaluation/report-document.js';
import { planDocx } from './render-docx.js';

const withIndicator = (content: ReturnType<typeof worldPlanContent>) => ({
  ...content,
  goal: { ...content.goal, indicator: { what: 'kradzieże z piwnic', where: 'ul. Polna', source: 'KSIP' } },
});

/** An evaluated plan whose evaluation kept monthly counts, so its report has a chart. */
const report = buildEvaluationReport({
  plan: {
    id: 'p1',
    periodFrom: '2026-01-01',
    periodTo: '2026-06-30',
    content: withIndicator(worldPlanContent('Kradzieże z piwnic.', '2026-01-01', '2026-06-30')),
    evaluatedAt: new Date('2026-07-10T10:00:00Z'),
    evaluation: {
      outcome: 'achieved',
      measuredValue: 4,
      note: '',
      goal: { kind: 'count', baseline: 14, period: 4, baselineLength: 184, periodLength: 181, targetChange: -0.3, comparison: null },
      p: 0.01,
      source: 'frozen',
      series: [
        { month: '2025-07', count: 3 },
        { month: '2025-10', count: 6 },
        { month: '2026-02', count: 2 },
        { month: '2026-05', count: 1 },
      ],
    },
  },
  context: { districtName: 'Rejon 3', districtNumber: 3, unitName: 'KPP Testowo' },
  entries: [],
  today: '2026-12-01',
});

const mediaOf = async (docx: Buffer) => {
  const zip = await openZip(docx);
  const media = zip.entries.map((e) => e.name).filter((name) => name.startsWith('word/media/'));
  return { zip, media };
};

describe('the evaluation report as a DOCX', () => {
  it('holds the chart as an SVG with a PNG of it for older Word, the PNG a real picture of the bars', async () => {
    const docx = await planDocx(reportDocument(report, 'pl'));
    const { zip, media } = await mediaOf(docx);
    expect(media.filter((name) => name.endsWith('.svg'))).toHaveLength(1);
    const pngs = media.filter((name) => name.endsWith('.png'));
    expect(pngs).toHaveLength(1);
    const png = decodePng(await zip.readBytes(pngs[0]!));
    // Twice the 600 px it is shown at, in the chart's own proportions (480 × 260).
    expect(png.width).toBe(1200);
    expect(png.height).toBe(650);
    expect(colourCount(png)).toBeGreaterThan(1);
    // The white background, and the period's shading and a bar where the chart puts them: July 2025 to
    // June 2026 is twelve slots over the plot (x 36 to 472, of 480); February 2026 (slot 7) has a bar.
    const scale = png.width / 480;
    const slot = (472 - 36) / 12;
    expect(pixelAt(png, 2, 2)).toBe('#ffffff');
    expect(pixelAt(png, Math.round((36 + 7.5 * slot) * scale), Math.round(210 * scale))).toBe(chartColours.bar);
    expect(pixelAt(png, Math.round((36 + 7.1 * slot) * scale), Math.round(60 * scale))).toBe(chartColours.period);
    // The picture's alternative text is the chart's title and description.
    const xml = await zip.readText('word/document.xml');
    expect(xml).toContain('title="Liczba zdarzeń w miesiącach: kradzieże z piwnic"');
    expect(xml).toMatch(/descr="Słupki: liczba zdarzeń w każdym miesiącu\./);
    // The table with the numbers is still under it.
    expect(xml).toContain('Liczba zdarzeń w miesiącach (dane wykresu)');
  });

  it('has no picture when there is no chart', async () => {
    const docx = await planDocx(reportDocument({ ...report, series: [] }, 'pl'));
    expect((await mediaOf(docx)).media).toEqual([]);
  });
});

describe('drawing an SVG as a PNG', () => {
  it('sets text, Polish letters too, in the Roboto it loads (no system font is asked)', async () => {
    const text = (word: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 40" width="200" height="40" font-family="Roboto, Arial, sans-serif"><text x="4" y="30" font-size="28">${word}</text></svg>`;
    const inked = (png: ReturnType<typeof decodePng>) => {
      let count = 0;
      for (let i = 0; i < png.pixels.length; i += png.channels) if (png.pixels[i]! < 128) count++;
      return count;
    };
    const polish = decodePng((await svgToPng(text('ŻÓŁĆ'), 200)).bytes);
    const plain = decodePng((await svgToPng(text('ZOLC'), 200)).bytes);
    expect(inked(plain)).toBeGreaterThan(100);
    // The same letters with their marks: more ink (the dot, the accents, the stroke, the tail), not a
    // box of a missing glyph or nothing.
    expect(inked(polish)).toBeGreaterThan(inked(plain));
  });
});
