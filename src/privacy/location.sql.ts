import type { SqlParams } from '../core/sql-params.js';

// The location rules of location-rules.ts as SQL, for filters that run in the database. Only public
// (coarsened) positions ever appear here; the exact columns are for the organization's members alone.

/** Whose position a circle is tested against: a named organization's public one, or an anonymous card's. */
export type PositionKind = 'public' | 'anonymous';

/**
 * Latitude/longitude of alias `o` as an anonymous card may use them: the centre of the 1-degree (REGION) grid cell
 * of its public position, exactly as coarsen(point, ANONYMOUS_PRECISION) computes it in TypeScript. Null at
 * COUNTRY precision (no public position). The AnonymousCardProfiles migration indexes this same expression
 * (organizations_anonymous_earth_idx): change both together.
 */
function anonymousPosition(alias: string): { lat: string; lng: string } {
  return {
    lat: `LEAST(90, GREATEST(-90, floor(${alias}.public_latitude) + 0.5))`,
    lng: `LEAST(180, GREATEST(-180, floor(${alias}.public_longitude) + 0.5))`,
  };
}

export function positionSql(kind: PositionKind, alias = 'o'): { lat: string; lng: string } {
  return kind === 'public' ? { lat: `${alias}.public_latitude`, lng: `${alias}.public_longitude` } : anonymousPosition(alias);
}

/**
 * SQL condition on `o`: the position (public, or anonymous) lies within radiusKm of a point. For public positions
 * earth_box uses the GiST index; earth_distance trims the box's corners. Organizations that reveal no position
 * (COUNTRY precision) never match. Returns the centre expression and the distance in km, for ordering.
 */
export function positionWithinSql(
  params: SqlParams, latitude: number, longitude: number, radiusKm: number, kind: PositionKind = 'public',
): { condition: string; center: string; distanceKm: string } {
  const center = `ll_to_earth(${params.add(latitude)}, ${params.add(longitude)})`;
  const meters = params.add(radiusKm * 1000);
  const { lat, lng } = positionSql(kind);
  const position = `ll_to_earth(${lat}, ${lng})`;
  return {
    center,
    condition: `o.public_latitude IS NOT NULL AND earth_box(${center}, ${meters}) @> ${position} AND earth_distance(${center}, ${position}) <= ${meters}`,
    distanceKm: `earth_distance(${center}, ${position}) / 1000`,
  };
}

/** Latitude/longitude expressions of a public position (already coarsened to its own precision). */
export interface PositionExpr {
  lat: string;
  lng: string;
}

/**
 * The anonymous form of any public position: the centre of its 1-degree (REGION) grid cell, the same expression
 * as anonymousPosition above (and coarsen(point, ANONYMOUS_PRECISION) in TypeScript), for positions that are not
 * an organization's own columns (an offer's place).
 */
export function regionCellSql(position: PositionExpr): PositionExpr {
  return {
    lat: `LEAST(90, GREATEST(-90, floor(${position.lat}) + 0.5))`,
    lng: `LEAST(180, GREATEST(-180, floor(${position.lng}) + 0.5))`,
  };
}

/**
 * positionWithinSql for any public position expression (null when it reveals none, which never matches): the
 * circle test and the distance in km, for filters on records placed elsewhere than their organization.
 */
export function pointWithinSql(
  params: SqlParams, latitude: number, longitude: number, radiusKm: number, position: PositionExpr,
): { condition: string; distanceKm: string } {
  const center = `ll_to_earth(${params.add(latitude)}, ${params.add(longitude)})`;
  const meters = params.add(radiusKm * 1000);
  const point = `ll_to_earth(${position.lat}, ${position.lng})`;
  return {
    condition: `(${position.lat} IS NOT NULL AND ${position.lng} IS NOT NULL AND earth_box(${center}, ${meters}) @> ${point} AND earth_distance(${center}, ${point}) <= ${meters})`,
    distanceKm: `(earth_distance(${center}, ${point}) / 1000)`,
  };
}
