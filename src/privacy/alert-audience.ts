import { MembershipRole } from '../core/enums.js';
import { Viewer } from '../core/viewer.js';
import { anonymousPrecision, coarsen, type Precision } from './location-rules.js';

// Who sees what in alerts (urgent-need alerts, saved-search matches), beyond the rules they share with lists.

/**
 * An organization as a viewer, for work done on its behalf with nobody signed in at that moment (matching a saved
 * search when something new appears): a signed-in member of that organization alone, never an admin. So a saved
 * search matches exactly what a plain member of its organization could find with the same filter through the list
 * queries, whoever created it; each reader's own view is applied again when the matches are read.
 */
export function organizationViewer(organizationId: string): Viewer {
  return new Viewer(`organization:${organizationId}`, false, new Map([[organizationId, MembershipRole.MEMBER]]), null);
}

export interface PublicPositionFacts {
  locationPrecision: Precision;
  publicLatitude: number | null;
  publicLongitude: number | null;
}

export interface ShownPosition {
  latitude: number;
  longitude: number;
  precision: Precision;
}

/**
 * The position of an organization as a reader who names it (its public position) or who sees only its anonymous
 * card (the centre of its region's cell, like anonymous suggestions) may use it: for choosing who is near enough,
 * for distances and for reasons alike, so none of them can say more than the reader may know. Null when its
 * precision shows no position.
 */
export function shownPosition(org: PublicPositionFacts, named: boolean): ShownPosition | null {
  if (org.publicLatitude === null || org.publicLongitude === null || org.locationPrecision === 'COUNTRY') return null;
  const point = { latitude: Number(org.publicLatitude), longitude: Number(org.publicLongitude) };
  if (named) return { ...point, precision: org.locationPrecision };
  const precision = anonymousPrecision(org.locationPrecision);
  const cell = coarsen(point, precision);
  return cell ? { ...cell, precision } : null;
}
