import { describe, expect, it } from 'vitest';
import { chartMonths, countChartSvg, type ChartInput } from './chart.js';

const input = (over: Partial<ChartInput> = {}): ChartInput => ({
  series: [
    { month: '2025-03', count: 4 },
    { month: '2025-09', count: 9 },
    { month: '2026-02', count: 1 },
  ],
  period: { from: '2026-01-01', to: '2026-06-30' },
  baselineWindows: [{ from: '2025-07-01', to: '2025-12-31' }],
  lang: 'pl',
  id: 'c1',
  title: 'Kradzieże <rowerów> & inne',
  description: 'Opis wykresu',
  ...over,
});

const all = (svg: string, pattern: RegExp) => [...svg.matchAll(pattern)].map((m) => m[1]);

describe('the report chart (SVG)', () => {
  it('draws one bar per month from the first counted month to the period’s end, zero where nothing was listed', () => {
    const svg = countChartSvg(input())!;
    expect(all(svg, /<rect class="bar" data-month="([\d-]+)"/g)).toEqual(chartMonths(input()).map((m) => m.month));
    expect(chartMonths(input())).toHaveLength(16); // March 2025 – June 2026
    expect(svg).toContain('data-month="2025-09" data-count="9"');
    expect(svg).toContain('data-month="2025-10" data-count="0"');
  });

  it('shades the plan’s period and marks the baseline windows where they lie, left to right', () => {
    const svg = countChartSvg(input())!;
    expect(svg).toMatch(/<rect class="period" data-from="2026-01" data-to="2026-06" x="([\d.]+)"/);
    expect(svg).toMatch(/<rect class="baseline" data-from="2025-07" data-to="2025-12"/);
    const x = (kind: string) => Number(new RegExp(`<rect class="${kind}"[^>]* x="([\\d.]+)"`).exec(svg)![1]);
    const bar = (month: string) => Number(new RegExp(`data-month="${month}"[^>]* x="([\\d.]+)"`).exec(svg)![1]);
    expect(x('baseline')).toBeLessThan(bar('2025-07'));
    expect(x('period')).toBeGreaterThan(bar('2025-12'));
    expect(x('period')).toBeLessThan(bar('2026-01'));
  });

  it('names the months in Polish with the year at January and at the start, and in English on the English page', () => {
    const pl = countChartSvg(input())!;
    expect(all(pl, /<text class="month"[^>]*>([^<]+)</g).slice(0, 12)).toEqual([
      'mar',
      'kwi',
      'maj',
      'cze',
      'lip',
      'sie',
      'wrz',
      'paź',
      'lis',
      'gru',
      'sty',
      'lut',
    ]);
    expect(all(pl, /<text class="year"[^>]*>([^<]+)</g)).toEqual(['2025', '2026']);
    expect(countChartSvg(input({ lang: 'en' }))).toContain('>Oct<');
  });

  it('is accessible and scales: a named image with title and description, escaped, width 100 %; fixed size for print', () => {
    const svg = countChartSvg(input())!;
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+" width="100%" role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Kradzieże &lt;rowerów&gt; &amp; inne</title>');
    expect(svg).toContain('<desc id="c1-desc">Opis wykresu</desc>');
    expect(countChartSvg(input({ print: true }))).toMatch(/^<svg [^>]*width="\d+" height="\d+"/);
  });

  it('draws nothing for an empty series', () => {
    expect(countChartSvg(input({ series: [] }))).toBeNull();
    expect(chartMonths(input({ series: [] }))).toEqual([]);
  });

  it('keeps the value axis above the highest bar', () => {
    const svg = countChartSvg(input({ series: [{ month: '2026-01', count: 137 }] }))!;
    const labels = all(svg, /text-anchor="end"[^>]*>([^<]+)</g).map((l) => Number(l!.replace(/\s/g, '')));
    expect(Math.max(...labels)).toBeGreaterThanOrEqual(137);
  });
});
