import { formatNumber, type Lang } from '../../../platform/i18n/i18n.js';
import { mapMessages } from './messages.js';

export interface Bar {
  key: string;
  label: string;
  value: number;
}

const rowHeight = 44;
const longest = 42;
const shorten = (text: string) => ([...text].length > longest ? `${[...text].slice(0, longest - 1).join('')}…` : text);

/**
 * A horizontal bar chart as server-rendered SVG. It is drawn in percentages, not in a scaled
 * viewBox, so the text keeps its size from a 360 px phone to a desktop; it needs no CSS (the
 * strict CSP forbids inline styles) and no script. Screen readers get one label with the chart's
 * title and its largest value, and the same numbers as a table below it.
 */
export function BarChart({
  id,
  title,
  bars,
  lang,
  labelHeader,
}: {
  id: string;
  title: string;
  bars: Bar[];
  lang: Lang;
  labelHeader: string;
}) {
  const m = mapMessages[lang];
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const top = bars.reduce<Bar | null>((best, bar) => (bar.value > 0 && (!best || bar.value > best.value) ? bar : best), null);
  const label = m.chartLabel(title, top ? m.chartTop(top.label, top.value) : m.chartEmpty);
  // The longest bar takes 80 % of the width, leaving room for its number.
  const percent = (value: number) => (max === 0 ? 0 : Math.round((value / max) * 800) / 10);
  return (
    <div className="chart" id={id}>
      <svg width="100%" height={bars.length * rowHeight + 4} role="img" aria-label={label} focusable="false">
        <title>{label}</title>
        {bars.map((bar, index) => {
          const y = index * rowHeight;
          const width = percent(bar.value);
          return (
            <g key={bar.key}>
              <text x="0" y={y + 15} fontSize="14" fill="#0b0c0c">
                {shorten(bar.label)}
              </text>
              <rect x="0" y={y + 21} width={`${width}%`} height="16" fill="#12355b" />
              <text x={`${width + 1}%`} y={y + 34} fontSize="14" fontWeight="700" fill="#0b0c0c">
                {formatNumber(bar.value, lang)}
              </text>
            </g>
          );
        })}
      </svg>
      <details className="details">
        <summary>{m.tableToggle}</summary>
        <div className="table-wrap">
          <table className="table table--compact">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{labelHeader}</th>
                <th scope="col">{m.count}</th>
              </tr>
            </thead>
            <tbody>
              {bars.map((bar) => (
                <tr key={bar.key}>
                  <th scope="row">{bar.label}</th>
                  <td>{formatNumber(bar.value, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
