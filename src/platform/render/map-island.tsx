import type { MapTiles } from '../config/config.js';
import { mapTileAttributes } from './map-tiles.js';

/**
 * A map of the site (web/islands/map.ts reads `data-map` for its kind): a labelled region whose
 * server-rendered text stands in for the map without JavaScript, then the island's script and
 * style. `data` holds the kind's own `data-*` attributes.
 */
export function MapIsland({
  kind,
  tiles,
  label,
  fallback,
  data = {},
}: {
  kind: string;
  tiles: MapTiles;
  label: string;
  fallback: string;
  data?: Record<`data-${string}`, string | undefined>;
}) {
  return (
    <>
      <div className="map" data-map={kind} {...data} {...mapTileAttributes(tiles)} role="region" aria-label={label}>
        <p className="map__fallback">{fallback}</p>
      </div>
      <script type="module" src="/assets/build/map.js" />
      <link rel="stylesheet" href="/assets/build/map.css" />
    </>
  );
}
