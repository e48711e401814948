import type { SqlParams } from '../core/sql-params.js';
import type { Viewer } from '../core/viewer.js';
import { anonymousEngineView, type CardSource } from './anonymous-card.js';
import { revealsCity, revealsRegion, coarsen, type Precision } from './location-rules.js';
import { canSeeOrganization, visibleOrganizationsSql, type VisibilityFacts } from './visibility.js';

// Who may see what of a networking event, decided here once (in memory and as SQL).
//
// - The event: its organizing organization's members always; anyone else once it is no longer a DRAFT, if they may
//   see the organizer (canSeeOrganization) or belong to a registered organization (an organizer of a PRIVATE
//   organization can invite others to its event without naming itself).
// - Organizers are the organizer's OWNERs and EDITORs: they see every registration in full (people, contact,
//   seeking, offering, availability, do-not-meet, cap) and the whole schedule.
// - A registration in full (and its do-not-meet list above all) is for the organizers and the registrant's members
//   only; nothing derived from a do-not-meet entry reaches anyone else (see events/schedule-view.ts).
// - Attendee list: organizers; ATTENDEES: members of organizations registered and active; PUBLIC: whoever sees the
//   event. It names only organizations the viewer may name acting for its organizations: a PRIVATE attendee is
//   never listed to a non-member, and the count counts only what is listed.
// - A meeting counterpart in an agenda that the viewer may not name (a PRIVATE organization) is an anonymous card;
//   its score is banded and its reasons are only those about the card (what it covers of your needs).
// - The place: organizers and registrants read it exactly; everyone else coarsened to the event's place precision.

export interface EventFacts {
  status: string;
  organizer: VisibilityFacts;
}

/** Owners and editors of the organizing organization. */
export function isOrganizer(viewer: Viewer, organizerId: string): boolean {
  return viewer.canEdit(organizerId);
}

/**
 * Who checks attendees in at the door: the organizers, and members of the organizing organization (any role) the
 * organizers designated as volunteers for this event. A volunteer reads what the door needs (the organization as
 * the organizers may name it, the people attending, the arrival) and nothing else of a registration.
 */
export function canCheckIn(viewer: Viewer, organizerId: string, designatedVolunteer: boolean): boolean {
  return isOrganizer(viewer, organizerId) || (designatedVolunteer && viewer.isMemberOf(organizerId));
}

export function canSeeEvent(viewer: Viewer, event: EventFacts, registeredOrganizationIds: readonly string[]): boolean {
  if (viewer.isMemberOf(event.organizer.id)) return true;
  if (event.status === 'DRAFT') return false;
  return canSeeOrganization(viewer, event.organizer) || registeredOrganizationIds.some((id) => viewer.isMemberOf(id));
}

/**
 * SQL on events `e` joined with their organizer `o`: the events the viewer may see (canSeeEvent). A registration of
 * one of the viewer's organizations is checked with EXISTS on the (event, organization) key.
 */
export function visibleEventsSql(viewer: Viewer, params: SqlParams, e = 'e', o = 'o'): string {
  const published = `(${e}.status <> 'DRAFT' AND ${visibleOrganizationsSql(viewer, params, o)})`;
  if (viewer.memberships.size === 0) return published;
  const mine = params.add(viewer.organizationIds);
  return `(${published} OR ${e}.organizer_organization_id = ANY(${mine}::uuid[])
    OR (${e}.status <> 'DRAFT' AND EXISTS (SELECT 1 FROM event_registrations r
      WHERE r.event_id = ${e}.id AND r.organization_id = ANY(${mine}::uuid[]) AND r.status = 'ACTIVE')))`;
}

/** The full registration (people, contact, do-not-meet...) is for the organizers and the registrant's members. */
export function canSeeRegistration(viewer: Viewer, organizerId: string, registrantId: string): boolean {
  return isOrganizer(viewer, organizerId) || viewer.isMemberOf(registrantId);
}

export type AttendeeListVisibilityValue = 'ORGANIZER_ONLY' | 'ATTENDEES' | 'PUBLIC';

/** May the viewer read the attendee list? `attending`: the viewer belongs to an organization registered and active. */
export function canSeeAttendeeList(viewer: Viewer, organizerId: string, visibility: AttendeeListVisibilityValue, attending: boolean): boolean {
  if (isOrganizer(viewer, organizerId)) return true;
  if (visibility === 'PUBLIC') return true;
  return visibility === 'ATTENDEES' && attending;
}

/**
 * SQL on `o`: attendees the list may name to this viewer. Acting for its organizations (admin rights dropped), like
 * every path that shows other organizations to an organization: a PRIVATE one is listed to its own members only.
 */
export function listableAttendeesSql(viewer: Viewer, params: SqlParams, o = 'o'): string {
  return visibleOrganizationsSql(viewer.actingForOrganizations(), params, o);
}

/** May this counterpart be named in the viewer's agenda (else it is an anonymous card)? */
export function canNameCounterpart(viewer: Viewer, org: VisibilityFacts): boolean {
  return canSeeOrganization(viewer.actingForOrganizations(), org);
}

/** Reason codes that speak only of what an anonymous card shows (its capabilities covering your needs). */
export const CARD_REASON_CODES: ReadonlySet<string> = new Set(['COVERS_NEED', 'COVERS_NEED_RELATED']);

/**
 * What the schedule may use of a PRIVATE attendee: its card (kind, country, region cell, capabilities) plus what it
 * told the event it seeks. Its issue areas, languages, exact or city position and collaborations neither score nor
 * explain; the seeking influences which meetings it gets, never a word shown to the other side.
 */
export function privateAttendeeView<T extends CardSource>(org: T): T {
  return { ...anonymousEngineView(org), needs: org.needs };
}

export interface PlaceFacts {
  precision: Precision;
  country: string | null;
  region: string | null;
  city: string | null;
  venue: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** The event's place: exact for organizers and registrants, else coarsened to its precision (no venue below EXACT). */
export function projectEventPlace(place: PlaceFacts, exact: boolean): PlaceFacts {
  if (exact) return place;
  const point = place.latitude !== null && place.longitude !== null
    ? coarsen({ latitude: place.latitude, longitude: place.longitude }, place.precision)
    : null;
  return {
    precision: place.precision,
    country: place.country,
    region: revealsRegion(place.precision) ? place.region : null,
    city: revealsCity(place.precision) ? place.city : null,
    venue: place.precision === 'EXACT' ? place.venue : null,
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
  };
}
