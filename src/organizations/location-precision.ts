import { LocationPrecision } from '../common/enums.js';
import type { SqlParams } from '../common/sql-params.js';

// What a non-member may learn of a position is decided here and nowhere else. Coarsening snaps to the centre
// of a grid cell, so every value derived from the public position (a filter match, a distance, a map pin)
// reveals at most which cell the organization is in, whatever the number of queries.

/** Grid cell size in degrees per precision; null means no coordinates at all. */
const CELL_DEGREES: Record<LocationPrecision, number | null> = {
  [LocationPrecision.EXACT]: 0.0001, // ~11 m: the stored value, trimmed of false precision
  [LocationPrecision.CITY]: 0.1, // ~11 km
  [LocationPrecision.REGION]: 1, // ~111 km
  [LocationPrecision.COUNTRY]: null,
};

/** Distances computed from public positions are rounded to this many km, so they say no more than the cell. */
const DISTANCE_STEP_KM: Record<LocationPrecision, number | null> = {
  [LocationPrecision.EXACT]: 1,
  [LocationPrecision.CITY]: 10,
  [LocationPrecision.REGION]: 100,
  [LocationPrecision.COUNTRY]: null,
};

const ORDER = [LocationPrecision.EXACT, LocationPrecision.CITY, LocationPrecision.REGION, LocationPrecision.COUNTRY];

export interface Point {
  latitude: number;
  longitude: number;
}

function snap(value: number, cell: number): number {
  const snapped = Math.floor(value / cell) * cell + (cell === 0.0001 ? 0 : cell / 2);
  return Number(snapped.toFixed(4));
}

export function coarsen(point: Point | null, precision: LocationPrecision): Point | null {
  const cell = CELL_DEGREES[precision];
  if (!point || cell === null) return null;
  return {
    latitude: Math.min(90, Math.max(-90, snap(point.latitude, cell))),
    longitude: Math.min(180, Math.max(-180, snap(point.longitude, cell))),
  };
}

/** The coarser of two precisions: a distance between two positions is only as precise as the vaguer one. */
export function coarser(a: LocationPrecision, b: LocationPrecision): LocationPrecision {
  return ORDER[Math.max(ORDER.indexOf(a), ORDER.indexOf(b))];
}

/** Rounds a distance to what the given precision allows; null when it allows none. */
export function roundDistanceKm(km: number, precision: LocationPrecision): number | null {
  const step = DISTANCE_STEP_KM[precision];
  if (step === null) return null;
  return Math.max(step, Math.round(km / step) * step);
}

/** Which place names a precision reveals. */
export function revealsCity(precision: LocationPrecision): boolean {
  return precision === LocationPrecision.EXACT || precision === LocationPrecision.CITY;
}

export function revealsRegion(precision: LocationPrecision): boolean {
  return precision !== LocationPrecision.COUNTRY;
}

/**
 * SQL condition on `o`: the PUBLIC position lies within radiusKm of a point. earth_box uses the GiST index on
 * the public position; earth_distance trims the box's corners. Organizations that reveal no position (COUNTRY
 * precision) have none and never match. Returns the centre expression too, for distance columns.
 */
export function publicPositionWithinSql(params: SqlParams, latitude: number, longitude: number, radiusKm: number): { condition: string; center: string } {
  const center = `ll_to_earth(${params.add(latitude)}, ${params.add(longitude)})`;
  const meters = params.add(radiusKm * 1000);
  const position = 'll_to_earth(o.public_latitude, o.public_longitude)';
  return {
    center,
    condition: `o.public_latitude IS NOT NULL AND earth_box(${center}, ${meters}) @> ${position} AND earth_distance(${center}, ${position}) <= ${meters}`,
  };
}
