import type { RequestContext } from '../core/request-context.js';
import { canSeeRegistration } from '../privacy/event-visibility.js';
import { EventParties, loadSkills, skillList } from './event-parties.js';
import type { RegistrationSource, RegistrationStatus } from './event.enums.js';
import type { EventRegistration } from './event.types.js';

// Registration rows as SQL returns them, and how they become what a viewer may see. A full registration is for the
// organizers and the registrant's members (canSeeRegistration); callers pass only rows the viewer may see, and
// toRegistrations drops any other as a second line of defence.

export const REGISTRATION_COLUMNS = `r.id, r.event_id AS "eventId", r.organization_id AS "organizationId", r.status, r.source,
  r.people, r.contact_email AS "contactEmail", r.seeking_skill_ids AS "seekingSkillIds", r.offering_skill_ids AS "offeringSkillIds",
  r.available_rounds AS "availableRounds", r.do_not_meet_ids AS "doNotMeetIds", r.max_meetings AS "maxMeetings",
  r.created_at AS "createdAt", r.cancelled_at AS "cancelledAt", r.checkin_code AS "checkinCode", r.checked_in_at AS "checkedInAt",
  r.no_show_at AS "noShowAt"`;

export interface RegistrationRow {
  id: string;
  eventId: string;
  organizationId: string;
  status: RegistrationStatus;
  source: RegistrationSource;
  people: string[];
  contactEmail: string | null;
  seekingSkillIds: string[];
  offeringSkillIds: string[];
  /** 0-based; null = every round. */
  availableRounds: number[] | null;
  doNotMeetIds: string[];
  maxMeetings: number | null;
  createdAt: Date;
  cancelledAt: Date | null;
  checkinCode: string | null;
  checkedInAt: Date | null;
  noShowAt: Date | null;
}

export async function toRegistrations(ctx: RequestContext, organizerId: string, rows: RegistrationRow[], parties?: EventParties): Promise<EventRegistration[]> {
  const visible = rows.filter((r) => canSeeRegistration(ctx.viewer, organizerId, r.organizationId));
  const orgs = parties ?? await EventParties.load(ctx, visible.flatMap((r) => [r.organizationId, ...r.doNotMeetIds]));
  const skills = await loadSkills(ctx, visible.flatMap((r) => [...r.seekingSkillIds, ...r.offeringSkillIds]));
  return visible.map((r) => ({
    ...orgs.party(r.organizationId),
    id: r.id,
    status: r.status,
    source: r.source,
    people: r.people,
    contactEmail: r.contactEmail,
    seeking: skillList(skills, r.seekingSkillIds),
    offering: skillList(skills, r.offeringSkillIds),
    availableRounds: r.availableRounds ? r.availableRounds.map((x) => x + 1) : null,
    doNotMeet: r.doNotMeetIds.map((id) => orgs.party(id)),
    maxMeetings: r.maxMeetings,
    createdAt: r.createdAt,
    cancelledAt: r.cancelledAt,
    checkInCode: r.checkinCode,
    checkedInAt: r.checkedInAt,
    noShowAt: r.noShowAt,
  }));
}

export async function readRegistration(ctx: RequestContext, id: string): Promise<EventRegistration | null> {
  const rows: (RegistrationRow & { organizerId: string })[] = await ctx.db.query(
    `SELECT ${REGISTRATION_COLUMNS}, e.organizer_organization_id AS "organizerId"
     FROM event_registrations r JOIN events e ON e.id = r.event_id WHERE r.id = $1`,
    [id],
  );
  if (!rows[0]) return null;
  const [registration] = await toRegistrations(ctx, rows[0].organizerId, rows);
  return registration ?? null;
}
