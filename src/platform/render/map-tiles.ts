import type { MapTiles } from '../config/config.js';

/**
 * The data attributes that tell a map island its base layer. Every map of the site takes them
 * from here, so a deployment's tile source, attribution and zoom reach all maps alike; the island
 * falls back to our own data (web/islands/base-layer.ts) when there are no tiles or they fail.
 */
export function mapTileAttributes(tiles: MapTiles): Record<string, string | undefined> {
  return {
    'data-tiles': tiles.url ?? undefined,
    'data-attribution': tiles.attribution || undefined,
    'data-attribution-url': tiles.attributionUrl ?? undefined,
    'data-max-zoom': String(tiles.maxZoom),
  };
}

/** The origins the CSP must allow images from for these tiles ({s} subdomains as a wildcard). */
export function tileOrigins(tiles: MapTiles): string[] {
  if (!tiles.url) return [];
  const origin = new URL(tiles.url.replace('{s}', 'subdomain').replace(/\{[a-z]\}/g, '0')).origin;
  return [origin.replace('//subdomain.', '//*.')];
}
