/**
 * Reports map island: enhances <div data-reports-map> on /zgloszenia. The page works without it
 * (the list below the map has every report); the map adds the reports of the current view,
 * clustered by the server (GET /api/v1/reports/map) below zoom 15 and one by one from it on.
 * Positions are approximate (a 50 m grid). Markers are inline SVG in div icons: no CSS of our own
 * is needed (the page links map.css, which carries Leaflet's), and nothing sets a style attribute.
 */
import L from 'leaflet';
import { addBaseLayer, baseLayerOptions, followView } from '../base-layer.js';

interface Legend {
  [status: string]: { label: string; colour: string };
}

interface MapReport {
  id: number;
  url: string;
  categoryName: string;
  status: string;
  statusName: string;
  lat: number;
  lon: number;
}

/** Reports given by address (no point), drawn at their district's label point. */
interface Unplaced {
  district: { id: string; name: string; url: string };
  count: number;
  lat: number;
  lon: number;
}

interface MapAnswer {
  mode: 'clusters' | 'reports';
  unplaced?: Unplaced[];
  clusters: { lat: number; lon: number; count: number }[];
  reports: MapReport[];
  truncated: boolean;
}

const text = {
  pl: {
    zoomIn: 'Przybliż',
    zoomOut: 'Oddal',
    loading: 'Wczytuję zgłoszenia…',
    failed: 'Nie udało się wczytać zgłoszeń na mapę. Lista poniżej jest aktualna.',
    visible: (n: number) => `Na mapie: ${n} ${plural(n, 'zgłoszenie', 'zgłoszenia', 'zgłoszeń')} w widocznym obszarze.`,
    truncated: 'Pokazano tylko część zgłoszeń; przybliż mapę.',
    cluster: (n: number) => `${n} ${plural(n, 'zgłoszenie', 'zgłoszenia', 'zgłoszeń')} w pobliżu – przybliż`,
    report: (r: MapReport) => `Zgłoszenie nr ${r.id}: ${r.categoryName}`,
    unplaced: (u: Unplaced) =>
      `${u.count} ${plural(u.count, 'zgłoszenie podane', 'zgłoszenia podane', 'zgłoszeń podanych')} adresem – ${u.district.name}`,
    unplacedNote: 'Bez punktu na mapie: znacznik stoi w środku rejonu, nie w miejscu zgłoszenia.',
    unplacedList: 'Zobacz je na liście',
    unplacedVisible: (n: number) =>
      `W tym ${n} ${plural(n, 'zgłoszenie', 'zgłoszenia', 'zgłoszeń')} bez punktu, pokazane w środku rejonu (kwadratowy znacznik).`,
  },
  en: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    loading: 'Loading reports…',
    failed: 'The reports could not be loaded onto the map. The list below is up to date.',
    visible: (n: number) => `On the map: ${n} ${n === 1 ? 'report' : 'reports'} in the visible area.`,
    truncated: 'Only some reports are shown; zoom in.',
    cluster: (n: number) => `${n} reports close together – zoom in`,
    report: (r: MapReport) => `Report no. ${r.id}: ${r.categoryName}`,
    unplaced: (u: Unplaced) => `${u.count} ${u.count === 1 ? 'report' : 'reports'} given by address – ${u.district.name}`,
    unplacedNote: 'No point on the map: the marker stands in the middle of the district, not where it was reported.',
    unplacedList: 'See them in the list',
    unplacedVisible: (n: number) => `Of these, ${n} without a point, shown in the middle of their district (square marker).`,
  },
};

function plural(n: number, one: string, few: string, many: string): string {
  if (n === 1) return one;
  const units = n % 10;
  const tens = n % 100;
  return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? few : many;
}

const escapeXml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A square marker with a dashed edge: a district's reports without a point, at its middle. */
function squareIcon(count: number): L.DivIcon {
  return L.divIcon({
    className: 'reports-map__marker',
    iconSize: [30, 30],
    iconAnchor: [15, 15],
    popupAnchor: [0, -15],
    html: `<svg width="30" height="30" aria-hidden="true" focusable="false"><rect x="2" y="2" width="26" height="26" fill="#ffffff" stroke="#12355b" stroke-width="3" stroke-dasharray="4 2"/><text x="15" y="20" text-anchor="middle" font-size="14" font-weight="700" fill="#12355b">${count}</text></svg>`,
  });
}

/** The popup of a district's reports without a point: what they are and where to find them. */
function unplacedPopup(unplaced: Unplaced, t: (typeof text)['pl']): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('p');
  title.textContent = t.unplaced(unplaced);
  const note = document.createElement('p');
  note.textContent = t.unplacedNote;
  const link = document.createElement('a');
  link.href = `/zgloszenia?districtId=${encodeURIComponent(unplaced.district.id)}`;
  link.textContent = t.unplacedList;
  box.append(title, note, link);
  return box;
}

/** A round marker drawn as inline SVG: colour, optional number, white ring for contrast. */
function circleIcon(size: number, colour: string, label: string | null): L.DivIcon {
  const r = size / 2;
  const number =
    label === null
      ? ''
      : `<text x="${r}" y="${r + 5}" text-anchor="middle" font-size="14" font-weight="700" fill="#ffffff">${escapeXml(label)}</text>`;
  return L.divIcon({
    className: 'reports-map__marker',
    iconSize: [size, size],
    iconAnchor: [r, r],
    popupAnchor: [0, -r],
    html: `<svg width="${size}" height="${size}" aria-hidden="true" focusable="false"><circle cx="${r}" cy="${r}" r="${r - 2}" fill="${colour}" stroke="#ffffff" stroke-width="3"/>${number}</svg>`,
  });
}

/** The popup of one place: every report there, each a link to its page, and the approximation note. */
function popupFor(reports: MapReport[], approximate: string, t: (typeof text)['pl']): HTMLElement {
  const box = document.createElement('div');
  const list = document.createElement('ul');
  for (const report of reports) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = new URL(report.url, window.location.href).pathname;
    link.textContent = t.report(report);
    item.append(link, ` – ${report.statusName}`);
    list.append(item);
  }
  const note = document.createElement('p');
  note.textContent = approximate;
  box.append(list, note);
  return box;
}

function enhance(element: HTMLElement): void {
  const data = element.dataset;
  const lang = document.documentElement.lang === 'en' ? 'en' : 'pl';
  const t = text[lang];
  const api = data.api ?? '/api/v1/reports/map';
  const legend = JSON.parse(data.legend ?? '{}') as Legend;
  const approximate = data.approximate ?? '';
  const status = document.createElement('p');
  status.className = 'small muted';
  status.setAttribute('aria-live', 'polite');
  element.after(status);

  element.textContent = '';
  element.classList.add('map--ready');
  const base = baseLayerOptions(element);
  const map = L.map(element, { zoomControl: false, maxZoom: base.maxZoom });
  map.attributionControl.setPrefix(false);
  L.control.zoom({ zoomInTitle: t.zoomIn, zoomOutTitle: t.zoomOut }).addTo(map);
  const bounds = (data.bounds ?? '').split(',').map(Number);
  if (bounds.length === 4 && bounds.every(Number.isFinite)) {
    const [south, west, north, east] = bounds as [number, number, number, number];
    map.fitBounds(
      [
        [south, west],
        [north, east],
      ],
      { padding: [24, 24], maxZoom: 14 },
    );
  } else {
    // No report to show: the first view the administrators set (map.* settings), Poland if absent.
    const [lat, lon] = (data.center ?? '52.1,19.4').split(',').map(Number) as [number, number];
    map.setView([lat, lon], Number(data.zoom ?? 6));
  }
  addBaseLayer(map, element, base);

  const layer = L.layerGroup().addTo(map);

  const draw = (answer: MapAnswer) => {
    layer.clearLayers();
    for (const cluster of answer.clusters) {
      const size = Math.min(56, 30 + Math.round(6 * Math.log10(cluster.count)));
      const label = t.cluster(cluster.count);
      L.marker([cluster.lat, cluster.lon], {
        icon: circleIcon(size, '#12355b', String(cluster.count)),
        title: label,
        alt: label,
        keyboard: true,
      })
        .on('click', () => map.setView([cluster.lat, cluster.lon], Math.min(map.getZoom() + 2, 19)))
        .addTo(layer);
    }
    // Several reports can share one 50 m cell: one marker for the place, all of them in its popup.
    const places = new Map<string, MapReport[]>();
    for (const report of answer.reports) {
      const key = `${report.lat},${report.lon}`;
      places.set(key, [...(places.get(key) ?? []), report]);
    }
    for (const reports of places.values()) {
      const first = reports[0]!;
      const colour = reports.every((r) => r.status === first.status) ? (legend[first.status]?.colour ?? '#12355b') : '#12355b';
      const label = reports.length === 1 ? `${t.report(first)} (${first.statusName})` : t.cluster(reports.length);
      L.marker([first.lat, first.lon], {
        icon: circleIcon(reports.length > 1 ? 30 : 22, colour, reports.length > 1 ? String(reports.length) : null),
        title: label,
        alt: label,
        keyboard: true,
      })
        .bindPopup(popupFor(reports, approximate, t))
        .addTo(layer);
    }
    let unplacedCount = 0;
    for (const unplaced of answer.unplaced ?? []) {
      unplacedCount += unplaced.count;
      const label = t.unplaced(unplaced);
      L.marker([unplaced.lat, unplaced.lon], { icon: squareIcon(unplaced.count), title: label, alt: label, keyboard: true })
        .bindPopup(unplacedPopup(unplaced, t))
        .addTo(layer);
    }
    const count = answer.clusters.reduce((sum, c) => sum + c.count, 0) + answer.reports.length + unplacedCount;
    status.textContent = [t.visible(count), unplacedCount > 0 ? t.unplacedVisible(unplacedCount) : '', answer.truncated ? t.truncated : '']
      .filter(Boolean)
      .join(' ');
  };

  followView<MapAnswer>(
    map,
    (view) => `${api}${api.includes('?') ? '&' : '?'}${view}`,
    (answer) => (answer ? draw(answer) : (status.textContent = t.failed)),
    () => (status.textContent = t.loading),
  );
}

for (const element of document.querySelectorAll<HTMLElement>('[data-reports-map]')) enhance(element);
