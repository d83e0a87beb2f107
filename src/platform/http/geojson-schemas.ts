/**
 * GeoJSON answers (RFC 7946), for OpenAPI. Each route says what its features' `properties` hold;
 * geometries are any GeoJSON geometry. The answers go out as text already made, so these
 * describe them and serialize nothing.
 */

const geometrySchema = {
  type: 'object',
  description: 'A GeoJSON geometry in WGS84 degrees (Polygon, MultiPolygon, Point …)',
  required: ['type', 'coordinates'],
  properties: { type: { type: 'string' }, coordinates: { type: 'array' } },
} as const;

/** A Feature whose `properties` are described by the caller (an open map when not given). */
export function featureSchema(properties: object = { type: 'object', additionalProperties: true }) {
  return {
    type: 'object',
    required: ['type', 'properties', 'geometry'],
    properties: { type: { type: 'string', enum: ['Feature'] }, properties, geometry: geometrySchema },
  } as const;
}

/** A FeatureCollection of such features, with any extra top-level fields the route adds. */
export function featureCollectionSchema(feature: object = featureSchema(), extra: Record<string, object> = {}) {
  return {
    type: 'object',
    required: ['type', 'features', ...Object.keys(extra)],
    properties: { type: { type: 'string', enum: ['FeatureCollection'] }, features: { type: 'array', items: feature }, ...extra },
  } as const;
}
