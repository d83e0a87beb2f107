/**
 * The base layer of every map: the deployment's tiles (data-tiles, data-attribution,
 * data-attribution-url, data-max-zoom from src/platform/render/map-tiles.ts), or, when there are
 * none or they cannot be reached, a map drawn from our own data: county and voivodeship
 * boundaries, district outlines with their numbers, towns and police stations
 * (GET /api/v1/map/overview.geojson). A resident without internet access to the tile server still
 * sees where things are. Labels are CSS-styled div icons: no style attributes (the CSP forbids them).
 */
import L from 'leaflet';

export interface BaseLayerOptions {
  tiles: string | null;
  attribution: string;
  attributionUrl: string | null;
  maxZoom: number;
  lang: 'pl' | 'en';
}

const text = {
  pl: {
    unreachable: 'Podkład mapy jest teraz niedostępny: pokazujemy granice rejonów, miejscowości i jednostki Policji z danych serwisu.',
    ownData: 'Granice: PRG (GUGiK); rejony i jednostki: dane serwisu',
    district: (n: number, unit: string) => `Rejon ${n}, ${unit}`,
  },
  en: {
    unreachable: 'The base map cannot be reached now: district boundaries, towns and police units are drawn from this service’s data.',
    ownData: 'Boundaries: PRG (GUGiK); districts and units: this service’s data',
    district: (n: number, unit: string) => `District ${n}, ${unit}`,
  },
};

export function baseLayerOptions(element: HTMLElement): BaseLayerOptions {
  const data = element.dataset;
  const maxZoom = Number(data.maxZoom);
  return {
    tiles: data.tiles || null,
    attribution: data.attribution ?? '',
    attributionUrl: data.attributionUrl || null,
    maxZoom: Number.isInteger(maxZoom) && maxZoom > 0 ? maxZoom : 19,
    lang: document.documentElement.lang === 'en' ? 'en' : 'pl',
  };
}

const escapeHtml = (value: string) => value.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Leaflet shows attributions as HTML: ours is the configured text, escaped, linked when a URL is set. */
function attributionHtml(options: BaseLayerOptions): string {
  const label = escapeHtml(options.attribution);
  return options.attributionUrl ? `<a href="${escapeHtml(options.attributionUrl)}">${label}</a>` : label;
}

/** GET a JSON or GeoJSON answer; null when it fails or is aborted (maps keep what they have). */
export async function json<T>(url: string, signal?: AbortSignal): Promise<T | null> {
  try {
    const response = await fetch(url, { headers: { accept: 'application/geo+json, application/json' }, signal: signal ?? null });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

/**
 * Adds the tiles, switching to our own map when they fail before any has loaded (no network, a
 * wrong URL, a blocked host) or when none has loaded within 10 s, saying so below the map.
 */
export function addBaseLayer(map: L.Map, element: HTMLElement, options: BaseLayerOptions): void {
  const say = (message: string) => {
    const notice = document.createElement('p');
    notice.className = 'map__notice';
    notice.setAttribute('role', 'status');
    notice.textContent = message;
    element.after(notice);
  };
  if (!options.tiles) {
    drawOwnMap(map, options);
    return;
  }
  const tiles = L.tileLayer(options.tiles, { attribution: attributionHtml(options), maxZoom: options.maxZoom, crossOrigin: false });
  let loaded = false;
  let failed = false;
  const fallBack = () => {
    if (loaded || failed) return;
    failed = true;
    map.removeLayer(tiles);
    drawOwnMap(map, options);
    say(text[options.lang].unreachable);
  };
  tiles.on('tileload', () => (loaded = true));
  tiles.on('tileerror', fallBack);
  window.setTimeout(fallBack, 10_000);
  tiles.addTo(map);
}

interface OverviewProperties {
  kind: 'district' | 'place' | 'unit';
  number?: number;
  unit?: string;
  name?: string;
  label?: [number, number];
}

/** `bbox=…&zoom=…` of the map's view as our APIs read it (clamped to the globe), or null for an empty view. */
export function viewQuery(map: L.Map): string | null {
  const b = map.getBounds();
  const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));
  const box = [clamp(b.getWest(), -180, 180), clamp(b.getSouth(), -85, 85), clamp(b.getEast(), -180, 180), clamp(b.getNorth(), -85, 85)];
  if (!(box[0]! < box[2]! && box[1]! < box[3]!)) return null;
  return `bbox=${box.map((v) => v.toFixed(6)).join(',')}&zoom=${clamp(Math.round(map.getZoom()), 0, 22)}`;
}

/**
 * Loads `urlOf(view)` now and after every move of the map (debounced), aborting a load the next
 * move makes stale; `onAnswer` gets null when a load fails, never an outdated answer.
 */
export function followView<T>(
  map: L.Map,
  urlOf: (view: string) => string,
  onAnswer: (answer: T | null) => void,
  beforeLoad?: () => void,
): void {
  let pending: AbortController | null = null;
  let timer: number | undefined;
  const load = async () => {
    pending?.abort();
    const controller = new AbortController();
    pending = controller;
    const view = viewQuery(map);
    if (!view) return;
    beforeLoad?.();
    const answer = await json<T>(urlOf(view), controller.signal);
    if (!controller.signal.aborted) onAnswer(answer);
  };
  map.on('moveend', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void load(), 200);
  });
  void load();
}

function label(className: string, content: string, title: string): L.DivIcon {
  return L.divIcon({
    className: `map-label ${className}`,
    html: `<span title="${escapeHtml(title)}">${escapeHtml(content)}</span>`,
    iconSize: [0, 0],
  });
}

/** Boundaries once, and the overview of the view after every move (debounced). */
function drawOwnMap(map: L.Map, options: BaseLayerOptions): void {
  const t = text[options.lang];
  map.attributionControl?.addAttribution(escapeHtml(t.ownData));
  void Promise.all([
    json<GeoJSON.GeoJsonObject>('/api/v1/boundaries/voivodeships.geojson'),
    json<GeoJSON.GeoJsonObject>('/api/v1/boundaries/counties.geojson'),
  ]).then(([voivodeships, counties]) => {
    if (counties)
      L.geoJSON(counties, { style: { color: '#8a959e', weight: 1, fill: false }, interactive: false })
        .addTo(map)
        .bringToBack();
    if (voivodeships)
      L.geoJSON(voivodeships, { style: { color: '#12355b', weight: 2, fillColor: '#f3f5f7', fillOpacity: 0.6 }, interactive: false })
        .addTo(map)
        .bringToBack();
  });
  const overview = L.layerGroup().addTo(map);
  followView<GeoJSON.FeatureCollection<GeoJSON.Geometry, OverviewProperties>>(
    map,
    (view) => `/api/v1/map/overview.geojson?${view}`,
    (answer) => {
      if (!answer) return;
      overview.clearLayers();
      for (const feature of answer.features) {
        const p = feature.properties;
        if (p.kind === 'district' && p.label) {
          L.geoJSON(feature, {
            style: { color: '#12355b', weight: 1.5, fillColor: '#12355b', fillOpacity: 0.04 },
            interactive: false,
          }).addTo(overview);
          L.marker([p.label[1], p.label[0]], {
            icon: label('map-label--district', String(p.number), t.district(p.number!, p.unit ?? '')),
            interactive: false,
            keyboard: false,
          }).addTo(overview);
        } else if (feature.geometry.type === 'Point') {
          const [lon, lat] = feature.geometry.coordinates as [number, number];
          const kind = p.kind === 'unit' ? 'map-label--unit' : 'map-label--place';
          L.marker([lat, lon], { icon: label(kind, p.name ?? '', p.name ?? ''), interactive: false, keyboard: false }).addTo(overview);
        }
      }
    },
  );
}
