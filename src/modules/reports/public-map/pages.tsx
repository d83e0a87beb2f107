import type { MapTiles } from '../../../platform/config/config.js';
import { mapTileAttributes } from '../../../platform/render/map-tiles.js';
import type { PageContext } from '../../../platform/render/page-context.js';
import { Layout } from '../../../platform/render/layout.js';
import { Pagination, SelectField, Tag, TextField, type Option } from '../../../platform/render/components.js';
import { formatDate, type Lang } from '../../../platform/i18n/i18n.js';
import { reportUrl } from '../model.js';
import { reportStatuses, statusLabels, type BoundingBox, type ReportStatus } from '../rules/index.js';
import { BarChart, type Bar } from './charts.js';
import { exportLimit } from './exports.js';
import { withFilter, type PublicFilter } from './filters.js';
import { round6 } from './map-grid.js';
import { mapMessages } from './messages.js';
import type { PublicRow } from './repository.js';

export const statusTone: Record<ReportStatus, 'grey' | 'green' | 'blue' | 'red' | 'yellow'> = {
  new: 'blue',
  verifying: 'yellow',
  confirmed: 'red',
  forwarded: 'green',
  not_confirmed: 'grey',
  eliminated: 'green',
  joke: 'grey',
  duplicate: 'grey',
};

/** Marker colours on the map: each at least 3:1 against the light base map and white. */
export const statusColour: Record<ReportStatus, string> = {
  new: '#1d70b8',
  verifying: '#a35200',
  confirmed: '#b0170c',
  forwarded: '#4c2c92',
  not_confirmed: '#505a5f',
  eliminated: '#00703c',
  joke: '#505a5f',
  duplicate: '#505a5f',
};

export interface FilterChoices {
  categories: Option[];
  units: Option[];
}

function FilterForm({ lang, action, filter, choices }: { lang: Lang; action: string; filter: PublicFilter; choices: FilterChoices }) {
  const m = mapMessages[lang];
  return (
    <form method="get" action={action} className="filters" role="search">
      <SelectField name="category" label={m.category} value={filter.category} placeholder={m.anyCategory} options={choices.categories} />
      <SelectField
        name="status"
        label={m.status}
        value={filter.status}
        placeholder={m.anyStatus}
        options={reportStatuses.map((s) => ({ value: s, label: statusLabels[s][lang] }))}
      />
      <SelectField name="unitId" label={m.unit} value={filter.unitId} placeholder={m.anyUnit} options={choices.units} />
      <TextField name="from" label={m.from} type="date" value={filter.from} />
      <TextField name="to" label={m.to} type="date" value={filter.to} />
      {filter.districtId && <input type="hidden" name="districtId" value={filter.districtId} />}
      <div className="filters__actions">
        <button type="submit" className="button button--secondary">
          {m.show}
        </button>
        <a href={action}>{m.clear}</a>
      </div>
    </form>
  );
}

function Downloads({ lang, filter, otherPage }: { lang: Lang; filter: PublicFilter; otherPage: 'list' | 'stats' }) {
  const m = mapMessages[lang];
  return (
    <section aria-labelledby="downloads" className="section-box">
      <h2 id="downloads">{m.downloads}</h2>
      <ul>
        <li>
          <a href={withFilter('/zgloszenia.csv', filter)} type="text/csv" download>
            {m.csv}
          </a>
        </li>
        <li>
          <a href={withFilter('/zgloszenia.geojson', filter)} type="application/geo+json" download>
            {m.geojson}
          </a>
        </li>
      </ul>
      <p className="small muted">{m.downloadNote(exportLimit)}</p>
      <p>
        {otherPage === 'stats' ? (
          <a href={withFilter('/zgloszenia/statystyki', filter)}>{m.statsLink}</a>
        ) : (
          <a href={withFilter('/zgloszenia', filter)}>{m.listLink}</a>
        )}
      </p>
    </section>
  );
}

export const placeName = (row: Pick<PublicRow, 'districtName' | 'unitName'>) =>
  row.districtName ? `${row.districtName} (${row.unitName})` : row.unitName;

function ReportList({ lang, rows, categoryName }: { lang: Lang; rows: PublicRow[]; categoryName: (code: string) => string }) {
  const m = mapMessages[lang];
  return (
    <ul className="plan-list">
      {rows.map((row) => (
        <li key={row.id} className="plan-list__item">
          <h3>
            <a href={reportUrl(row.id)}>{m.reportTitle(row.id, categoryName(row.categoryId))}</a>
          </h3>
          <p className="plan-list__meta">
            <Tag tone={statusTone[row.status]}>{statusLabels[row.status][lang]}</Tag>
            {` · ${m.reported} ${formatDate(row.createdAt, lang)} · ${m.meToo(row.confirmations)}`}
          </p>
          <p className="plan-list__goal">
            {`${m.place}: ${placeName(row)}`}
            {row.lat === null && ` (${m.addressOnly})`}
          </p>
        </li>
      ))}
    </ul>
  );
}

function Legend({ lang }: { lang: Lang }) {
  const m = mapMessages[lang];
  return (
    <div>
      <p className="small">
        <strong>{m.legend}</strong>
      </p>
      <ul className="small">
        {reportStatuses.map((status) => (
          <li key={status}>
            <svg width="14" height="14" aria-hidden="true" focusable="false">
              <circle cx="7" cy="7" r="6" fill={statusColour[status]} stroke="#ffffff" strokeWidth="1" />
            </svg>{' '}
            {statusLabels[status][lang]}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The map's first view where no report gives it one (administrators' settings, map.*). */
export const mapViewSettingIds = { lat: 'map.centreLatitude', lon: 'map.centreLongitude', zoom: 'map.zoom' } as const;

export interface MapSettings {
  tiles: MapTiles;
  view: { lat: number; lon: number; zoom: number };
  /** Whether the island's script has been built (public/build/reports-map.js). */
  island: boolean;
}

function MapSection({ lang, filter, extent, map }: { lang: Lang; filter: PublicFilter; extent: BoundingBox | null; map: MapSettings }) {
  const m = mapMessages[lang];
  const legend = Object.fromEntries(reportStatuses.map((s) => [s, { label: statusLabels[s][lang], colour: statusColour[s] }]));
  return (
    <section aria-labelledby="map-heading" className="section-box">
      <h2 id="map-heading">{m.mapHeading}</h2>
      <p>{m.approximateLong}</p>
      <div
        className="map"
        data-reports-map=""
        data-api={withFilter('/api/v1/reports/map', filter)}
        data-bounds={extent ? [extent.minLat, extent.minLon, extent.maxLat, extent.maxLon].map(round6).join(',') : undefined}
        data-center={`${round6(map.view.lat)},${round6(map.view.lon)}`}
        data-zoom={map.view.zoom}
        {...mapTileAttributes(map.tiles)}
        data-legend={JSON.stringify(legend)}
        data-approximate={m.approximate}
        role="region"
        aria-label={m.mapLabel}
      >
        <p className="map__fallback">{m.mapNoScript}</p>
      </div>
      <Legend lang={lang} />
      <p className="small muted">{m.clusterHint}</p>
      {map.island && (
        <>
          <script type="module" src="/assets/build/reports-map.js" />
          <link rel="stylesheet" href="/assets/build/map.css" />
        </>
      )}
    </section>
  );
}

export function ReportListPage({
  ctx,
  filter,
  choices,
  rows,
  total,
  page,
  pageSize,
  extent,
  map,
  categoryName,
}: {
  ctx: PageContext;
  filter: PublicFilter;
  choices: FilterChoices;
  rows: PublicRow[];
  total: number;
  page: number;
  pageSize: number;
  extent: BoundingBox | null;
  map: MapSettings;
  categoryName: (code: string) => string;
}) {
  const m = mapMessages[ctx.lang];
  const hrefFor = (target: number) => withFilter('/zgloszenia', filter, [['page', String(target)]]);
  return (
    <Layout ctx={ctx} title={m.listTitle}>
      <h1>{m.listTitle}</h1>
      <p className="lead">{m.listLead}</p>
      <p>
        <a href={withFilter('/zgloszenia/statystyki', filter)}>{m.statsLink}</a>
      </p>
      <FilterForm lang={ctx.lang} action="/zgloszenia" filter={filter} choices={choices} />
      <p role="status">{m.results(total)}</p>
      <MapSection lang={ctx.lang} filter={filter} extent={extent} map={map} />
      <section aria-labelledby="list-heading" className="section-box">
        <h2 id="list-heading">{m.listHeading}</h2>
        <p className="small muted">{m.approximate}</p>
        {rows.length === 0 ? <p>{m.none}</p> : <ReportList lang={ctx.lang} rows={rows} categoryName={categoryName} />}
        <Pagination lang={ctx.lang} page={page} pageCount={Math.max(1, Math.ceil(total / pageSize))} hrefFor={hrefFor} />
      </section>
      <Downloads lang={ctx.lang} filter={filter} otherPage="stats" />
    </Layout>
  );
}

export interface StatsCharts {
  total: number;
  byCategory: Bar[];
  byStatus: Bar[];
  byDistrict: Bar[];
  byMonth: Bar[];
  /** By the event's hour and day of the week, with how many reports gave no time or no day. */
  byHour: Bar[];
  byWeekday: Bar[];
  withoutTime: number;
  withoutDate: number;
}

export function StatsPage({
  ctx,
  filter,
  choices,
  charts,
}: {
  ctx: PageContext;
  filter: PublicFilter;
  choices: FilterChoices;
  charts: StatsCharts;
}) {
  const m = mapMessages[ctx.lang];
  const sections: [string, string, Bar[], string, string?][] = [
    ['by-category', m.byCategory, charts.byCategory, m.category],
    ['by-status', m.byStatus, charts.byStatus, m.status],
    ['by-district', m.byDistrict, charts.byDistrict, m.place],
    ['by-month', m.byMonth, charts.byMonth, m.month],
    ['by-hour', m.byHour, charts.byHour, m.hour, m.withoutTime(charts.withoutTime)],
    ['by-weekday', m.byWeekday, charts.byWeekday, m.weekday, m.withoutDate(charts.withoutDate)],
  ];
  return (
    <Layout ctx={ctx} title={m.statsTitle}>
      <h1>{m.statsTitle}</h1>
      <p className="lead">{m.statsLead}</p>
      <FilterForm lang={ctx.lang} action="/zgloszenia/statystyki" filter={filter} choices={choices} />
      <p role="status">{m.total(charts.total)}</p>
      {sections.map(([id, title, bars, header, note]) => (
        <section key={id} aria-labelledby={`${id}-heading`} className="section-box">
          <h2 id={`${id}-heading`}>{title}</h2>
          {note && charts.total > 0 && <p>{note}</p>}
          {bars.length === 0 ? (
            <p>{m.chartEmpty}</p>
          ) : (
            <BarChart id={`${id}-chart`} title={title} bars={bars} lang={ctx.lang} labelHeader={header} />
          )}
        </section>
      ))}
      <Downloads lang={ctx.lang} filter={filter} otherPage="list" />
    </Layout>
  );
}
