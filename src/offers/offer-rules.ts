import type { EntityManager } from 'typeorm';
import { LocationPrecision } from '../core/enums.js';
import { UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import { coarsen, coarser } from '../privacy/location-rules.js';
import { audienceAllowed } from '../privacy/offer-audience.js';
import type { LocationInput } from '../profiles/organization.inputs.js';
import type { OfferEntity } from './offer.entity.js';

// The rules an offer must satisfy, each failing with a userError that names its field. They run on the offer as
// it will be after the write (the stored values merged with the input), inside the write's transaction.

export async function assertSkill(tx: EntityManager, skillId: string): Promise<void> {
  const rows: unknown[] = isUuid(skillId) ? await tx.query('SELECT 1 FROM skills WHERE id = $1', [skillId]) : [];
  if (!rows.length) throw new UserInputError('UNKNOWN_SKILL', 'input.skillId', 'This skill does not exist');
}

export async function assertIssueAreas(tx: EntityManager, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  if (unique.length === 0) return [];
  const known: { id: string }[] = unique.every(isUuid)
    ? await tx.query('SELECT id FROM issue_areas WHERE id = ANY($1::uuid[])', [unique])
    : [];
  if (known.length !== unique.length) throw new UserInputError('UNKNOWN_ISSUE_AREA', 'input.issueAreaIds', 'One or more issue areas do not exist');
  return unique;
}

/** A PRIVATE organization's offer never names it to someone who may not see it. */
export function assertAudience(visibility: string, audience: string): void {
  if (!audienceAllowed(visibility, audience)) {
    throw new UserInputError('INVALID', 'input.audience', 'A PRIVATE organization can only offer to its PARTNERS or ANONYMOUSLY');
  }
}

export interface OfferWindow {
  startsAt: Date | null;
  endsAt: Date | null;
  requestDeadline: Date | null;
}

/**
 * The window ends after it starts and requests close no later than it ends; a time this input sets must not be in
 * the past (an offer posted or moved into the past would read EXPIRED at once). Times kept from before may be.
 */
export function assertWindow(window: OfferWindow, changed: Partial<Record<keyof OfferWindow, boolean>>, now = new Date()): void {
  const { startsAt, endsAt, requestDeadline } = window;
  if (changed.endsAt && endsAt && endsAt <= now) throw new UserInputError('INVALID', 'input.endsAt', 'The end must be in the future');
  if (changed.requestDeadline && requestDeadline && requestDeadline <= now) {
    throw new UserInputError('INVALID', 'input.requestDeadline', 'The request deadline must be in the future');
  }
  if (startsAt && endsAt && endsAt <= startsAt) throw new UserInputError('INVALID', 'input.endsAt', 'The window must end after it starts');
  if (requestDeadline && endsAt && requestDeadline > endsAt) {
    throw new UserInputError('INVALID', 'input.requestDeadline', 'The request deadline must be before the end of the window');
  }
}

export function assertSeats(seats: number | null, seatsTaken: number): void {
  if (seats !== null && seats < seatsTaken) {
    throw new UserInputError('INVALID', 'input.seats', `${seatsTaken} places are already taken: seats cannot be fewer`);
  }
}

/** An offer happens somewhere or remotely (or both). */
export function assertReachable(remote: boolean, hasPlace: boolean): void {
  if (!remote && !hasPlace) throw new UserInputError('REQUIRED', 'input.place', 'An offer is remote, has a place, or both');
}

type PlaceColumns = Pick<OfferEntity, 'placeCountry' | 'placeRegion' | 'placeCity' | 'placeLatitude' | 'placeLongitude'
  | 'placePrecision' | 'placePublicLatitude' | 'placePublicLongitude'>;

export const NO_PLACE: PlaceColumns = {
  placeCountry: null, placeRegion: null, placeCity: null, placeLatitude: null, placeLongitude: null,
  placePrecision: null, placePublicLatitude: null, placePublicLongitude: null,
};

/** Place columns from the input: never more precise than the organization's location; the public position derived. */
export function placeColumns(place: LocationInput, organizationPrecision: LocationPrecision): PlaceColumns {
  const precision = place.precision;
  if (coarser(precision, organizationPrecision) !== precision) {
    throw new UserInputError('INVALID', 'input.place.precision',
      `A place cannot be more precise than your organization's location (${organizationPrecision})`);
  }
  const latitude = place.latitude ?? null;
  const longitude = place.longitude ?? null;
  if ((latitude === null) !== (longitude === null)) {
    throw new UserInputError('INCOMPLETE', 'input.place.longitude', 'latitude and longitude must be given together');
  }
  const point = latitude !== null && longitude !== null ? { latitude, longitude } : null;
  const publicPoint = coarsen(point, precision);
  return {
    placeCountry: place.country.toUpperCase(),
    placeRegion: place.region?.trim() || null,
    placeCity: place.city?.trim() || null,
    placeLatitude: latitude,
    placeLongitude: longitude,
    placePrecision: precision,
    placePublicLatitude: publicPoint?.latitude ?? null,
    placePublicLongitude: publicPoint?.longitude ?? null,
  };
}
