import type { Viewer } from '../core/viewer.js';
import { revealsCity, revealsRegion, roundDistanceKm, type Precision } from './location-rules.js';
import { canSeePrivateDetails } from './visibility.js';

// The members-only projection of an organization the viewer may see by name: members see every stored value;
// everyone else (admins included) sees the public position, place names down to the chosen precision, and no
// contact details, dealbreakers, member list, closed needs or opt-in flags. Field resolvers call these and
// nothing else, so a new field of the same kind has one obvious place to go.

export interface LocationFacts {
  id: string;
  locationPrecision: Precision;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  publicLatitude: number | null;
  publicLongitude: number | null;
}

export interface ProjectedLocation {
  precision: Precision;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
}

export function projectLocation(viewer: Viewer, org: LocationFacts): ProjectedLocation {
  if (canSeePrivateDetails(viewer, org.id)) {
    return { precision: org.locationPrecision, country: org.country, region: org.region, city: org.city, latitude: org.latitude, longitude: org.longitude };
  }
  return {
    precision: org.locationPrecision,
    country: org.country,
    region: revealsRegion(org.locationPrecision) ? org.region : null,
    city: revealsCity(org.locationPrecision) ? org.city : null,
    latitude: org.publicLatitude,
    longitude: org.publicLongitude,
  };
}

/** A distance measured to the public position, as anyone may read it: rounded to the organization's precision. */
export function projectDistanceKm(org: { locationPrecision: Precision; distanceKm?: number | null }): number | null {
  return roundDistanceKm(org.distanceKm ?? null, org.locationPrecision);
}

/** A members-only value: itself for members, `hidden` for everyone else. */
export function membersOnly<T, H>(viewer: Viewer, organizationId: string, value: T, hidden: H): T | H {
  return canSeePrivateDetails(viewer, organizationId) ? value : hidden;
}
