// What anyone but an organization's own members may learn of its position, decided here and nowhere else.
// Pure functions with no imports: the API, the SQL helpers and the matching engine all use these same rules,
// so a distance in a list, a suggestion or a reason is rounded and worded the same way everywhere.
//
// Coarsening snaps to the centre of a grid cell, so every value derived from a public position (a filter
// match, a distance, a map pin, a score) reveals at most which cell the organization is in, whatever the
// number of queries or the positions they are asked from.

export type Precision = 'EXACT' | 'CITY' | 'REGION' | 'COUNTRY';

export interface Point {
  latitude: number;
  longitude: number;
}

const ORDER: readonly Precision[] = ['EXACT', 'CITY', 'REGION', 'COUNTRY'];

/** Grid cell size in degrees per precision; null means no coordinates at all. */
const CELL_DEGREES: Record<Precision, number | null> = {
  EXACT: 0.0001, // ~11 m: the stored value, trimmed of false precision
  CITY: 0.1, // ~11 km
  REGION: 1, // ~111 km
  COUNTRY: null,
};

/** Distances computed from public positions are rounded to this many km, so they say no more than the cell. */
const DISTANCE_STEP_KM: Record<Precision, number | null> = { EXACT: 1, CITY: 10, REGION: 100, COUNTRY: null };

/**
 * An anonymous organization (PRIVATE, suggested without its name) is placed at most at this precision, whatever
 * it chose: its card shows a region, so a position finer than the region's grid cell would say more than the card.
 */
export const ANONYMOUS_PRECISION: Precision = 'REGION';

/** The precision an anonymous card's position is used at: its own, or REGION when that is finer. */
export function anonymousPrecision(precision: Precision): Precision {
  return coarser(precision, ANONYMOUS_PRECISION);
}

function snap(value: number, cell: number): number {
  const snapped = Math.floor(value / cell) * cell + (cell === CELL_DEGREES.EXACT ? 0 : cell / 2);
  return Number(snapped.toFixed(4));
}

/** The centre of the precision's grid cell that holds the point; null when the precision shows no position. */
export function coarsen(point: Point | null, precision: Precision): Point | null {
  const cell = CELL_DEGREES[precision];
  if (!point || cell === null) return null;
  return {
    latitude: Math.min(90, Math.max(-90, snap(point.latitude, cell))),
    longitude: Math.min(180, Math.max(-180, snap(point.longitude, cell))),
  };
}

/** The coarser of two precisions: a distance between two positions is only as precise as the vaguer one. */
export function coarser(a: Precision, b: Precision): Precision {
  return ORDER[Math.max(ORDER.indexOf(a), ORDER.indexOf(b))];
}

/** Rounds a distance to what the precision allows (at least one step: "within 10 km", never "0 km"); null when it allows none. */
export function roundDistanceKm(km: number | null | undefined, precision: Precision): number | null {
  const step = DISTANCE_STEP_KM[precision];
  if (step === null || km === null || km === undefined) return null;
  return Math.max(step, Math.round(km / step) * step);
}

/** Which place names a precision reveals. */
export function revealsCity(precision: Precision): boolean {
  return precision === 'EXACT' || precision === 'CITY';
}

export function revealsRegion(precision: Precision): boolean {
  return precision !== 'COUNTRY';
}

function formatKm(km: number): string {
  return km.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

/**
 * Words for a distance between two public positions. Only an EXACT/EXACT pair may name a km figure; coarser
 * pairs get bands at least as wide as the uncertainty of the vaguer side. Without a distance (a side at country
 * level or unknown) only the countries are compared.
 */
export function distanceWords(km: number | null, precision: Precision, countryA: string | null, countryB: string | null): string | null {
  if (km === null || precision === 'COUNTRY') {
    if (!countryA || !countryB) return null;
    return countryA === countryB ? 'same country' : 'different countries';
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
