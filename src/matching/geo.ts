// Distances and distance wording. Locations arrive already coarsened to what the viewer may see, and
// nothing said here may be finer than the coarser of the two precisions (a safety rule, DESIGN 2).
import type { EngineOrg, LocationPrecision } from './types.js';

const RANK: Record<LocationPrecision, number> = { EXACT: 0, CITY: 1, REGION: 2, COUNTRY: 3 };
const EARTH_RADIUS_KM = 6371.0088;
const DEG = Math.PI / 180;

export function haversineKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const dLat = (lat2 - lat1) * DEG;
  const dLng = (lng2 - lng1) * DEG;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(s)));
}

/** The coarser of the two precisions; a missing location counts as COUNTRY (we only know the country). */
export function coarserPrecision(a: EngineOrg, b: EngineOrg): LocationPrecision {
  const pa = a.location ? a.location.precision : 'COUNTRY';
  const pb = b.location ? b.location.precision : 'COUNTRY';
  return RANK[pa] >= RANK[pb] ? pa : pb;
}

/** Raw km between two coarsened points, or null when either side is at country level or unknown. */
export function rawDistanceKm(a: EngineOrg, b: EngineOrg): number | null {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb || la.precision === 'COUNTRY' || lb.precision === 'COUNTRY') return null;
  return haversineKm(la.lat, la.lng, lb.lat, lb.lng);
}

/** Rounded to the granularity the coarser side allows: EXACT 1 km (at least 1), CITY 10 km, REGION 100 km. */
export function roundDistance(km: number | null, precision: LocationPrecision): number | null {
  if (km === null) return null;
  switch (precision) {
    case 'EXACT':
      return Math.max(1, Math.round(km));
    case 'CITY':
      return Math.round(km / 10) * 10;
    case 'REGION':
      return Math.round(km / 100) * 100;
    default:
      return null;
  }
}

function formatKm(km: number): string {
  return km.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/**
 * Words for the distance. Only EXACT/EXACT pairs may name a km figure; coarser pairs get bands whose width is
 * at least the uncertainty of the coarser side, so the text never reveals more than the precision chosen.
 */
export function distanceBand(km: number | null, precision: LocationPrecision, a: EngineOrg, b: EngineOrg): string | null {
  if (km === null || precision === 'COUNTRY') {
    if (!a.country || !b.country) return null;
    return a.country === b.country ? 'same country' : 'different countries';
  }
  if (precision === 'EXACT') return `about ${formatKm(Math.max(1, Math.round(km)))} km apart`;
  if (precision === 'CITY') {
    if (km <= 25) return 'within ~25 km (same area)';
    if (km <= 100) return 'within ~100 km';
    if (km <= 500) return 'within ~500 km';
    return 'more than 500 km apart';
  }
  if (km <= 150) return 'within ~150 km (same region)';
  if (km <= 500) return 'within ~500 km';
  return 'more than 500 km apart';
}

/**
 * 0.25..1: how much an in-person collaboration is helped by being close. Flat within a metro area, then a
 * smooth decay; never zero because far partners can still travel. Country-level knowledge is a weak signal.
 */
export function closenessFactor(km: number | null, a: EngineOrg, b: EngineOrg): number {
  if (km === null) {
    if (!a.country || !b.country) return 0.5;
    return a.country === b.country ? 0.7 : 0.3;
  }
  if (km <= 25) return 1;
  return 0.25 + 0.75 * Math.exp(-(km - 25) / 400);
}
