import type { Viewer } from '../core/viewer.js';
import { anonymousPrecision, coarsen, revealsCity, revealsRegion, type Precision } from './location-rules.js';
import type { ProjectedLocation } from './member-projection.js';
import { canSeePrivateDetails } from './visibility.js';

// Where something an organization holds takes place (an offer's place), as each viewer may learn it. The place's
// own precision is never finer than the organization's (checked on write, followed by a trigger when the
// organization coarsens later). Members see what was entered; others the public position and the names the
// precision reveals; an offer shown as an anonymous card only what the card may say: its region's 1-degree cell,
// country and region, never a city.

export interface PlaceFacts {
  organizationId: string;
  precision: Precision;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  publicLatitude: number | null;
  publicLongitude: number | null;
}

export function projectPlace(viewer: Viewer, place: PlaceFacts, anonymous: boolean): ProjectedLocation {
  if (canSeePrivateDetails(viewer, place.organizationId)) {
    const { precision, country, region, city, latitude, longitude } = place;
    return { precision, country, region, city, latitude, longitude };
  }
  const publicPoint = place.publicLatitude === null || place.publicLongitude === null
    ? null : { latitude: place.publicLatitude, longitude: place.publicLongitude };
  const precision = anonymous ? anonymousPrecision(place.precision) : place.precision;
  const point = anonymous ? coarsen(publicPoint, precision) : publicPoint;
  return {
    precision,
    country: place.country,
    region: revealsRegion(place.precision) ? place.region : null,
    city: !anonymous && revealsCity(place.precision) ? place.city : null,
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
  };
}
