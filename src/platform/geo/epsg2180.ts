import proj4 from 'proj4';

/** PUWG 1992 (EPSG:2180), the Polish national grid used by official boundary and address data. */
const EPSG_2180 =
  '+proj=tmerc +lat_0=0 +lon_0=19 +k=0.9993 +x_0=500000 +y_0=-5300000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const converter = proj4('EPSG:4326', EPSG_2180);

export type Position = [number, number];

/** [easting x, northing y] in metres → [lon, lat] in degrees. */
export function fromEpsg2180(point: Position): Position {
  const [lon, lat] = converter.inverse(point);
  return [lon, lat];
}

/** [lon, lat] in degrees → [easting x, northing y] in metres. */
export function toEpsg2180(point: Position): Position {
  const [x, y] = converter.forward(point);
  return [x, y];
}
