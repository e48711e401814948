import type { RequestContext } from '../core/request-context.js';
import { ForbiddenError } from '../core/errors.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { isOrganizer } from '../privacy/event-visibility.js';
import { EVENT_COLUMNS, EVENT_FROM, type EventRow } from './event-view.js';
import type { EventFunnel, EventFunnelTotals, FunnelCount } from './events-after.types.js';

// The organizers' funnel: registered -> checked in -> meetings held -> introductions asked -> accepted ->
// collaborations, as counts only, never anyone's answer.
//
// Small counts: any count below 3 (0 included) reads "fewer than 3". Diffing: the answer-based counts (held, asked,
// accepted, collaborations) are not live. They are read from a release that is replaced only when at least three
// organizations have answered since the last one (a meeting marked, an introduction asked or answered, a
// collaboration begun), counting only organizations that share no member with the organizing organization (the
// organizers' own sock puppets do not count). So an organizer who reads the funnel before and after one attendee
// marks one meeting reads the same numbers; two different releases differ by the answers of at least three
// independent organizations. Registered and checked in are live: they are the organizers' own records.
// Totals across past events sum the releases; a stage's counts below 3 are left out of the sum unless together they
// reach 3 (then the total says "at least"), so a total minus the events shown never yields a hidden small count.

const SMALL = 3;
const MIN_CONTRIBUTORS = 3;

interface AnswerCounts {
  meetingsHeld: number;
  introductionsAsked: number;
  introductionsAccepted: number;
  collaborations: number;
}

interface DoorCounts {
  registered: number;
  checkedIn: number;
}

type Queryable = RequestContext['db'];

/** Meetings of the event joined with both sides' organizations, as `m`, `ra`, `rb`. */
const MEETING_SIDES = `event_meetings m JOIN event_registrations ra ON ra.id = m.registration_a_id JOIN event_registrations rb ON rb.id = m.registration_b_id`;

/** Collaborations between pairs that met at the event, begun since it started, as `c`. */
const MET_COLLABORATIONS = `${MEETING_SIDES} JOIN collaborations c
  ON c.organization_a_id = LEAST(ra.organization_id, rb.organization_id) AND c.organization_b_id = GREATEST(ra.organization_id, rb.organization_id)`;

async function doorCounts(db: Queryable, eventId: string): Promise<DoorCounts> {
  const [row] = await db.query(
    `SELECT count(*) FILTER (WHERE status = 'ACTIVE')::int AS registered,
       count(*) FILTER (WHERE status = 'ACTIVE' AND checked_in_at IS NOT NULL)::int AS "checkedIn"
     FROM event_registrations WHERE event_id = $1`,
    [eventId],
  );
  return row;
}

async function liveAnswerCounts(db: Queryable, eventId: string, startsAt: Date): Promise<AnswerCounts> {
  const [row] = await db.query(
    `SELECT
       (SELECT count(*) FROM event_meetings m WHERE m.event_id = $1 AND (m.held_a IS TRUE OR m.held_b IS TRUE))::int AS "meetingsHeld",
       (SELECT count(*) FROM event_meeting_introductions emi WHERE emi.event_id = $1)::int AS "introductionsAsked",
       (SELECT count(*) FROM event_meeting_introductions emi JOIN introductions i ON i.id = emi.introduction_id
         WHERE emi.event_id = $1 AND i.status = 'ACCEPTED')::int AS "introductionsAccepted",
       (SELECT count(DISTINCT c.id) FROM ${MET_COLLABORATIONS} WHERE m.event_id = $1 AND c.started_at >= $2)::int AS collaborations`,
    [eventId, startsAt],
  );
  return row;
}

/** Organizations (independent of the organizers) whose answers changed after `since` (null: ever). */
async function contributorsSince(db: Queryable, row: EventRow, since: Date | null): Promise<number> {
  const [result] = await db.query(
    `WITH answered(org) AS (
       SELECT ra.organization_id FROM ${MEETING_SIDES} WHERE m.event_id = $1 AND m.marked_a_at > $2
       UNION SELECT rb.organization_id FROM ${MEETING_SIDES} WHERE m.event_id = $1 AND m.marked_b_at > $2
       UNION SELECT emi.from_organization_id FROM event_meeting_introductions emi WHERE emi.event_id = $1 AND emi.created_at > $2
       UNION SELECT i.to_organization_id FROM event_meeting_introductions emi JOIN introductions i ON i.id = emi.introduction_id
         WHERE emi.event_id = $1 AND i.responded_at > $2
       UNION SELECT c.organization_a_id FROM ${MET_COLLABORATIONS} WHERE m.event_id = $1 AND c.started_at > $2 AND c.started_at >= $4
       UNION SELECT c.organization_b_id FROM ${MET_COLLABORATIONS} WHERE m.event_id = $1 AND c.started_at > $2 AND c.started_at >= $4)
     SELECT count(*)::int AS n FROM answered a
     WHERE NOT EXISTS (SELECT 1 FROM memberships x JOIN memberships y ON y.user_id = x.user_id
       WHERE x.organization_id = a.org AND y.organization_id = $3)`,
    [row.id, since ?? new Date(0), row.organizerId, row.startsAt],
  );
  return result.n;
}

interface Release extends AnswerCounts {
  releasedAt: Date | null;
}

const NONE: Release = { meetingsHeld: 0, introductionsAsked: 0, introductionsAccepted: 0, collaborations: 0, releasedAt: null };

/** The current release of an event's answer-based counts, replacing it first when enough organizations answered. */
async function currentRelease(db: Queryable, row: EventRow): Promise<Release> {
  const [stored]: Release[] = await db.query(
    `SELECT meetings_held AS "meetingsHeld", introductions_asked AS "introductionsAsked", introductions_accepted AS "introductionsAccepted",
       collaborations, released_at AS "releasedAt" FROM event_funnel_releases WHERE event_id = $1`,
    [row.id],
  );
  const release = stored ?? NONE;
  if ((await contributorsSince(db, row, release.releasedAt)) < MIN_CONTRIBUTORS) return release;
  const live = await liveAnswerCounts(db, row.id, row.startsAt);
  // Stamped after the counts were read: an answer committed meanwhile but stamped earlier is folded into the next
  // release without being counted as one of its contributors (more mixing, never less).
  const [written]: { releasedAt: Date }[] = await db.query(
    `INSERT INTO event_funnel_releases (event_id, meetings_held, introductions_asked, introductions_accepted, collaborations, released_at)
     VALUES ($1, $2, $3, $4, $5, clock_timestamp())
     ON CONFLICT (event_id) DO UPDATE SET meetings_held = $2, introductions_asked = $3, introductions_accepted = $4,
       collaborations = $5, released_at = clock_timestamp()
     RETURNING released_at AS "releasedAt"`,
    [row.id, live.meetingsHeld, live.introductionsAsked, live.introductionsAccepted, live.collaborations],
  );
  return { ...live, releasedAt: written.releasedAt };
}

export function funnelCount(value: number, atLeast = false): FunnelCount {
  if (value < SMALL && !atLeast) return { value: null, fewerThanThree: true, atLeast: false, label: 'fewer than 3' };
  return { value, fewerThanThree: false, atLeast, label: atLeast ? `at least ${value}` : String(value) };
}

const NOTE = 'Counts below 3 read "fewer than 3". Meetings held, introductions and collaborations are released in batches: '
  + 'they change only once at least three organizations have answered since the last release.';

/** The funnel of one event, for its organizers (null for anyone else). */
export async function eventFunnel(ctx: RequestContext, row: EventRow): Promise<EventFunnel | null> {
  if (!isOrganizer(ctx.viewer, row.organizerId)) return null;
  const door = await doorCounts(ctx.db, row.id);
  const release = await currentRelease(ctx.db, row);
  return {
    registered: funnelCount(door.registered),
    checkedIn: funnelCount(door.checkedIn),
    meetingsHeld: funnelCount(release.meetingsHeld),
    introductionsAsked: funnelCount(release.introductionsAsked),
    introductionsAccepted: funnelCount(release.introductionsAccepted),
    collaborations: funnelCount(release.collaborations),
    releasedAt: release.releasedAt,
    note: NOTE,
  };
}

/** A stage summed over events: counts below 3 only when together they reach 3 (else left out, "at least"). */
export function sumStage(values: number[]): FunnelCount {
  const shown = values.filter((v) => v >= SMALL).reduce((s, v) => s + v, 0);
  const small = values.filter((v) => v < SMALL).reduce((s, v) => s + v, 0);
  if (small >= SMALL) return funnelCount(shown + small);
  if (small > 0) return shown === 0 ? funnelCount(0) : funnelCount(shown, true);
  return funnelCount(shown);
}

/** The funnel over an organizing organization's past events (ended, not cancelled), for its organizers. */
export async function funnelTotals(ctx: RequestContext, organizerOrganizationId: string): Promise<EventFunnelTotals> {
  const organizerId = await requireMembership(ctx.db, ctx.viewer, organizerOrganizationId, 'Only the organizers see the funnel');
  if (!isOrganizer(ctx.viewer, organizerId)) throw new ForbiddenError('Only the organizers (owners and editors) see the funnel');
  const events: EventRow[] = await ctx.db.query(
    `SELECT ${EVENT_COLUMNS} FROM ${EVENT_FROM} WHERE e.organizer_organization_id = $1 AND e.ends_at <= now()
       AND e.status IN ('OPEN', 'SCHEDULED', 'PUBLISHED', 'ENDED') ORDER BY e.starts_at DESC LIMIT 500`,
    [organizerId],
  );
  const rows: (DoorCounts & Release)[] = [];
  for (const row of events) rows.push({ ...(await doorCounts(ctx.db, row.id)), ...(await currentRelease(ctx.db, row)) });
  const stage = (pick: (r: DoorCounts & Release) => number) => sumStage(rows.map(pick));
  return {
    events: events.length,
    registered: stage((r) => r.registered),
    checkedIn: stage((r) => r.checkedIn),
    meetingsHeld: stage((r) => r.meetingsHeld),
    introductionsAsked: stage((r) => r.introductionsAsked),
    introductionsAccepted: stage((r) => r.introductionsAccepted),
    collaborations: stage((r) => r.collaborations),
  };
}
