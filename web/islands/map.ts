/**
 * Map island: enhances server-rendered pages that contain <div data-map="…">. The page works
 * without it (address search, area lists); the map only adds clicking a place and seeing areas.
 * The base layer (tiles, or our own map when they are off or unreachable) is base-layer.ts.
 */
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './map.css';
import { addBaseLayer, baseLayerOptions, json, type BaseLayerOptions } from './base-layer.js';

interface MapOptions {
  kind: 'locator' | 'area' | 'picker' | 'points' | 'draw' | 'shape';
  base: BaseLayerOptions;
  areaUrl: string | null;
  center: [number, number];
  zoom: number;
  lang: 'pl' | 'en';
}

const text = {
  pl: {
    zoomIn: 'Przybliż',
    zoomOut: 'Oddal',
    hint: 'Kliknij miejsce na mapie, aby znaleźć dzielnicowego.',
    searching: 'Szukam dzielnicowego dla wskazanego miejsca…',
    picked: 'Wybrane miejsce',
    noLocation: 'Nie udało się ustalić Twojej lokalizacji.',
  },
  en: {
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    hint: 'Click a place on the map to find the district officer.',
    searching: 'Looking for the district officer of that place…',
    picked: 'Chosen place',
    noLocation: 'Your location could not be found.',
  },
};

function readOptions(element: HTMLElement): MapOptions {
  const data = element.dataset;
  const center = (data.center ?? '52.1,19.4').split(',').map(Number) as [number, number];
  return {
    kind: (['area', 'picker', 'points', 'draw', 'shape'] as const).find((k) => k === data.map) ?? 'locator',
    base: baseLayerOptions(element),
    areaUrl: data.areaUrl ?? null,
    center,
    zoom: Number(data.zoom ?? 6),
    lang: document.documentElement.lang === 'en' ? 'en' : 'pl',
  };
}

async function enhance(element: HTMLElement): Promise<void> {
  const options = readOptions(element);
  const t = text[options.lang];
  element.textContent = '';
  element.classList.add('map--ready');
  const map = L.map(element, { zoomControl: false, maxZoom: options.base.maxZoom }).setView(options.center, options.zoom);
  map.attributionControl.setPrefix(false);
  L.control.zoom({ zoomInTitle: t.zoomIn, zoomOutTitle: t.zoomOut }).addTo(map);
  addBaseLayer(map, element, options.base);

  if (options.areaUrl) {
    const area = await json<GeoJSON.GeoJsonObject>(options.areaUrl);
    if (area) {
      const layer = L.geoJSON(area, { style: { color: '#b0170c', weight: 3, fillOpacity: 0.15 } }).addTo(map);
      const bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds, { padding: [16, 16], maxZoom: 15 });
    }
  }

  if (options.kind === 'picker') enablePicker(map, element, t);
  if (options.kind === 'points') showPoints(map, element);
  if (options.kind === 'draw') enableDrawing(map, element);
  if (options.kind === 'shape') showShape(map, element);

  if (options.kind === 'locator') {
    const status = document.getElementById(element.dataset.status ?? '') ?? null;
    if (status) status.textContent = t.hint;
    map.on('click', (event: L.LeafletMouseEvent) => {
      const { lat, lng } = event.latlng;
      L.circleMarker([lat, lng], { radius: 8, color: '#b0170c' }).addTo(map);
      if (status) status.textContent = t.searching;
      window.location.assign(`/szukaj?lat=${lat.toFixed(6)}&lon=${lng.toFixed(6)}`);
    });
  }
}

/**
 * The drafting panel's places (data-points: [[lat, lon, count, label], …], listed on the page too):
 * a circle each, its area growing with its count, the map fitted to them.
 */
function showPoints(map: L.Map, element: HTMLElement): void {
  let points: [number, number, number, string][] = [];
  try {
    points = JSON.parse(element.dataset.points ?? '[]') as typeof points;
  } catch {
    return;
  }
  const layer = L.featureGroup(
    points.map(([lat, lon, count, label]) =>
      // Labels come from residents' addresses: text, never HTML.
      L.circleMarker([lat, lon], { radius: 6 + 3 * Math.sqrt(count), color: '#b0170c', weight: 2, fillOpacity: 0.35 }).bindTooltip(
        Object.assign(document.createElement('span'), { textContent: `${label}: ${count}` }),
      ),
    ),
  ).addTo(map);
  const bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16 });
}

const areaStyle = { color: '#1d70b8', weight: 3, fillOpacity: 0.2 };

/** A plan goal's area shown read only (data-polygon: a GeoJSON Polygon, named on the page too). */
function showShape(map: L.Map, element: HTMLElement): void {
  try {
    const layer = L.geoJSON(JSON.parse(element.dataset.polygon ?? 'null') as GeoJSON.Polygon, { style: areaStyle }).addTo(map);
    if (layer.getBounds().isValid()) map.fitBounds(layer.getBounds(), { padding: [24, 24], maxZoom: 17 });
  } catch {
    // A page without a shape keeps its map of the district.
  }
}

/** Corners of the typed area ("lat, lon" lines, or a GeoJSON Polygon pasted in), as Leaflet points. */
function typedCorners(text: string): [number, number][] {
  if (text.trim().startsWith('{')) {
    try {
      const value = JSON.parse(text) as { coordinates?: number[][][]; geometry?: { coordinates?: number[][][] } };
      return ((value.geometry ?? value).coordinates?.[0] ?? []).map(([lon, lat]) => [lat!, lon!]);
    } catch {
      return [];
    }
  }
  return text
    .split('\n')
    .map((line) => /^\s*(-?\d+(?:[.,]\d+)?)\s*[,;\s]\s*(-?\d+(?:[.,]\d+)?)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]!.replace(',', '.')), Number(m[2]!.replace(',', '.'))]);
}

/**
 * The goal's area in the plan editor: each click adds a corner ("lat, lon") to the field the page
 * names (data-field), which stays the one source: typing there redraws the shape; a button takes
 * the last corner away. The field's own input event lets the editor's autosave see the change.
 */
function enableDrawing(map: L.Map, element: HTMLElement): void {
  const field = document.getElementById(element.dataset.field ?? '') as HTMLTextAreaElement | null;
  if (!field) return;
  const shape = L.polygon([], areaStyle).addTo(map);
  const corners = L.layerGroup().addTo(map);
  const redraw = () => {
    const points = typedCorners(field.value);
    shape.setLatLngs(points);
    corners.clearLayers();
    for (const p of points) L.circleMarker(p, { radius: 4, color: areaStyle.color }).addTo(corners);
    return points;
  };
  const write = (points: [number, number][]) => {
    field.value = points.map(([lat, lon]) => `${lat.toFixed(6)}, ${lon.toFixed(6)}`).join('\n');
    field.dispatchEvent(new Event('input', { bubbles: true }));
    redraw();
  };
  const start = redraw();
  if (start.length > 0) map.fitBounds(L.latLngBounds(start), { padding: [24, 24], maxZoom: 17 });
  field.addEventListener('input', redraw);
  map.on('click', (event: L.LeafletMouseEvent) => write([...typedCorners(field.value), [event.latlng.lat, event.latlng.lng]]));
  const undo = document.createElement('button');
  undo.type = 'button';
  undo.className = 'button button--secondary';
  undo.textContent = element.dataset.undo ?? '⌫';
  undo.addEventListener('click', () => write(typedCorners(field.value).slice(0, -1)));
  element.after(undo);
}

/** The report form: a click (or the device's location) fills the form's latitude and longitude fields. */
function enablePicker(map: L.Map, element: HTMLElement, t: (typeof text)['pl']): void {
  const latField = document.getElementById(element.dataset.latField ?? '') as HTMLInputElement | null;
  const lonField = document.getElementById(element.dataset.lonField ?? '') as HTMLInputElement | null;
  if (!latField || !lonField) return;
  let marker: L.CircleMarker | null = null;
  const choose = (lat: number, lon: number) => {
    latField.value = lat.toFixed(6);
    lonField.value = lon.toFixed(6);
    latField.closest('details')?.setAttribute('open', '');
    marker?.remove();
    marker = L.circleMarker([lat, lon], { radius: 9, color: '#b0170c' }).bindTooltip(t.picked).addTo(map);
  };
  const current = [Number(latField.value.replace(',', '.')), Number(lonField.value.replace(',', '.'))];
  if (latField.value && lonField.value && current.every(Number.isFinite)) {
    choose(current[0]!, current[1]!);
    map.setView([current[0]!, current[1]!], 15);
  }
  map.on('click', (event: L.LeafletMouseEvent) => choose(event.latlng.lat, event.latlng.lng));
  if (!('geolocation' in navigator) || !element.dataset.useLocation) return;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button button--secondary map__locate';
  button.textContent = element.dataset.useLocation;
  const status = document.createElement('p');
  status.setAttribute('role', 'status');
  button.addEventListener('click', () =>
    navigator.geolocation.getCurrentPosition(
      (position) => {
        choose(position.coords.latitude, position.coords.longitude);
        map.setView([position.coords.latitude, position.coords.longitude], 16);
        status.textContent = '';
      },
      () => (status.textContent = t.noLocation),
      { enableHighAccuracy: true, timeout: 10_000 },
    ),
  );
  element.before(button, status);
}

for (const element of document.querySelectorAll<HTMLElement>('[data-map]')) void enhance(element);
