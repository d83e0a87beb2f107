import { formatNumber, type Lang } from '../../../platform/i18n/i18n.js';
import { monthName, shortMonthName } from '../publication/months.js';

/**
 * The chart of the report (wykres wskaźnika): the indicator's monthly counts as bars, the plan's
 * period shaded, the baseline windows marked. A pure function to an SVG string, rendered on the
 * server (no script, no chart library): the same string goes into the page and into the PDF
 * (pdfmake draws `svg` nodes), so colours are attributes, not CSS, which the PDF would not read.
 */

export interface MonthCount {
  /** 'YYYY-MM'. */
  month: string;
  count: number;
}

export interface DayWindow {
  from: string;
  to: string;
}

export interface ChartInput {
  series: readonly MonthCount[];
  period: DayWindow;
  baselineWindows: readonly DayWindow[];
  lang: Lang;
  /** Prefix of the ids the title and description get (unique on the page). */
  id: string;
  title: string;
  description: string;
  /** The page's chart fills its box (width 100 %); a PDF needs its size in points instead. */
  print?: boolean;
}

export interface ChartMonth extends MonthCount {
  inPeriod: boolean;
  inBaseline: boolean;
}

const nextMonth = (month: string) => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};
const overlaps = (month: string, w: DayWindow) => month >= w.from.slice(0, 7) && month <= w.to.slice(0, 7);

/**
 * Every month from the first baseline window (or the first counted month, if earlier) to the
 * period's end (or the last counted month): the axis has no holes. A month the series does not list
 * counted nothing. Months are whole: a period starting mid-month shades the whole month. Empty
 * when the series is: with nothing counted there is nothing to draw.
 */
export function chartMonths(input: Pick<ChartInput, 'series' | 'period' | 'baselineWindows'>): ChartMonth[] {
  if (input.series.length === 0) return [];
  const counts = new Map(input.series.map((s) => [s.month, s.count]));
  const listed = [...counts.keys()].sort();
  const starts = [listed[0]!, ...input.baselineWindows.map((w) => w.from.slice(0, 7)), input.period.from.slice(0, 7)].sort();
  const ends = [listed.at(-1)!, input.period.to.slice(0, 7)].sort();
  const months: ChartMonth[] = [];
  // Bounded: a window typed wrong (year 9999) must not draw 100,000 bars.
  for (let month = starts[0]!; month <= ends.at(-1)! && months.length < 120; month = nextMonth(month))
    months.push({
      month,
      count: counts.get(month) ?? 0,
      inPeriod: overlaps(month, input.period),
      inBaseline: input.baselineWindows.some((w) => overlaps(month, w)),
    });
  return months;
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);

/** A round step for the value axis: 1, 2, 5 × 10ⁿ, about four lines. */
function step(max: number): number {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  return [1, 2, 5, 10].map((f) => f * power).find((s) => s >= rough)!;
}

export const chartColours = { bar: '#1d4f7a', period: '#cfe3f5', baseline: '#f1e3b8', axis: '#4a4f55', text: '#1b1f23' } as const;

const legend = {
  pl: { baseline: 'okres bazowy', period: 'okres planu' },
  en: { baseline: 'baseline', period: 'plan period' },
};

/** The chart as an SVG string, width 100 % of its box (phones too); null when there is nothing to draw. */
export function countChartSvg(input: ChartInput): string | null {
  const months = chartMonths(input);
  if (months.length === 0) return null;
  const [W, H, left, right, top, bottom] = [480, 260, 36, 8, 30, 46];
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const slot = plotW / months.length;
  const max = Math.max(1, ...months.map((m) => m.count));
  const unit = step(max);
  const ceiling = Math.ceil(max / unit) * unit;
  const y = (value: number) => top + plotH - (value / ceiling) * plotH;
  const x = (index: number) => left + index * slot;
  const r = (n: number) => Math.round(n * 10) / 10;
  const parts: string[] = [];
  // Shaded bands first, behind the bars: one per run of months in a window.
  const bands = (flag: 'inPeriod' | 'inBaseline', fill: string, kind: string) => {
    months.forEach((m, i) => {
      if (!m[flag] || months[i - 1]?.[flag]) return;
      let end = i;
      while (months[end + 1]?.[flag]) end++;
      parts.push(
        `<rect class="${kind}" data-from="${m.month}" data-to="${months[end]!.month}" x="${r(x(i))}" y="${top}" width="${r((end - i + 1) * slot)}" height="${plotH}" fill="${fill}"/>`,
      );
    });
  };
  bands('inBaseline', chartColours.baseline, 'baseline');
  bands('inPeriod', chartColours.period, 'period');
  for (let value = 0; value <= ceiling; value += unit)
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${r(y(value))}" y2="${r(y(value))}" stroke="${chartColours.axis}" stroke-width="${value === 0 ? 1 : 0.3}"/>`,
      `<text x="${left - 4}" y="${r(y(value) + 4)}" font-size="11" text-anchor="end" fill="${chartColours.text}">${formatNumber(value, input.lang)}</text>`,
    );
  months.forEach((m, i) => {
    const width = slot * 0.64;
    const barX = x(i) + (slot - width) / 2;
    parts.push(
      `<rect class="bar" data-month="${m.month}" data-count="${m.count}" x="${r(barX)}" y="${r(y(m.count))}" width="${r(width)}" height="${r(top + plotH - y(m.count))}" fill="${chartColours.bar}"><title>${escapeXml(`${monthName(Number(m.month.slice(5)), input.lang)} ${m.month.slice(0, 4)}: ${formatNumber(m.count, input.lang)}`)}</title></rect>`,
    );
    const month = Number(m.month.slice(5));
    const centre = r(x(i) + slot / 2);
    // Every month named while they fit (about 24 on the axis); beyond that every other one.
    if (months.length <= 24 || i % 2 === 0)
      parts.push(
        `<text class="month" x="${centre}" y="${top + plotH + 14}" font-size="11" text-anchor="middle" fill="${chartColours.text}">${shortMonthName(month, input.lang)}</text>`,
      );
    if (i === 0 || month === 1)
      parts.push(
        `<text class="year" x="${centre}" y="${top + plotH + 30}" font-size="11" text-anchor="middle" fill="${chartColours.text}">${m.month.slice(0, 4)}</text>`,
      );
  });
  const words = legend[input.lang];
  parts.push(
    `<rect x="${left}" y="8" width="14" height="12" fill="${chartColours.baseline}" stroke="${chartColours.axis}" stroke-width="0.5"/>`,
    `<text x="${left + 20}" y="18" font-size="12" fill="${chartColours.text}">${words.baseline}</text>`,
    `<rect x="${left + 130}" y="8" width="14" height="12" fill="${chartColours.period}" stroke="${chartColours.axis}" stroke-width="0.5"/>`,
    `<text x="${left + 150}" y="18" font-size="12" fill="${chartColours.text}">${words.period}</text>`,
  );
  const [titleId, descId] = [`${input.id}-title`, `${input.id}-desc`];
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" ${input.print ? `width="${W}" height="${H}"` : 'width="100%"'} role="img" aria-labelledby="${titleId} ${descId}" font-family="Roboto, Arial, sans-serif">` +
    `<title id="${titleId}">${escapeXml(input.title)}</title><desc id="${descId}">${escapeXml(input.description)}</desc>${parts.join('')}</svg>`
  );
}
