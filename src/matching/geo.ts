// Distances between positions already coarsened to what the viewer may see. How a distance is rounded and
// worded is the privacy module's rule (privacy/location-rules.ts), shared with the API.
import { coarser } from '../privacy/location-rules.js';
import type { EngineOrg, LocationPrecision } from './types.js';

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
  return coarser(pa, pb);
}

/** Raw km between two coarsened points, or null when either side is at country level or unknown. */
export function rawDistanceKm(a: EngineOrg, b: EngineOrg): number | null {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb || la.precision === 'COUNTRY' || lb.precision === 'COUNTRY') return null;
  return haversineKm(la.lat, la.lng, lb.lat, lb.lng);
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
