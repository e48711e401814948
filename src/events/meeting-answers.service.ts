import type { EntityManager } from 'typeorm';
import { ForbiddenError, NotFoundError, UserInputError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import { insertIntroduction } from '../introductions/introduction.service.js';
import { pendingSql } from '../introductions/introduction-status.sql.js';
import { canNameCounterpart, CARD_REASON_CODES } from '../privacy/event-visibility.js';
import { lockEventWith } from './event-access.js';
import { roundTimes, type EventRow } from './event-view.js';
import { EventStatus, FEEDBACK_DAYS } from './event.enums.js';
import type { EventMeetingIntroductionRequestInput, EventMeetingMarkInput } from './events-after.inputs.js';
import type { StoredReason } from './meeting.entity.js';

// After a meeting, each side answers for itself: did it take place (and how useful was it), and would it like an
// introduction. Only owners and editors of a side answer for it; nobody else learns the answer (the other side
// reads its own agenda only; the organizers read the funnel's released counts). A meeting is addressed by the id an
// agenda shows; for anyone who is not a side it does not exist (NOT_FOUND, like a random id).

interface MeetingSides {
  id: string;
  eventId: string;
  round: number;
  registrationAId: string;
  registrationBId: string;
  orgA: string;
  orgB: string;
}

interface LockedMeeting extends MeetingSides {
  reasonsA: StoredReason[];
  reasonsB: StoredReason[];
}

export interface MeetingSide {
  row: EventRow;
  viewer: Viewer;
  meeting: LockedMeeting;
  /** The side answering: 'a' or 'b' of the stored meeting. */
  side: 'a' | 'b';
  organizationId: string;
  otherOrganizationId: string;
}

async function meetingSides(tx: EntityManager, meetingId: string): Promise<MeetingSides | null> {
  if (!isUuid(meetingId)) return null;
  const rows: MeetingSides[] = await tx.query(
    `SELECT m.id, m.event_id AS "eventId", m.round, m.registration_a_id AS "registrationAId", m.registration_b_id AS "registrationBId",
       ra.organization_id AS "orgA", rb.organization_id AS "orgB"
     FROM event_meetings m JOIN event_registrations ra ON ra.id = m.registration_a_id JOIN event_registrations rb ON rb.id = m.registration_b_id
     WHERE m.id = $1`,
    [meetingId],
  );
  return rows[0] ?? null;
}

/** The side the viewer answers for: the one named, else the only one it belongs to. */
function chooseSide(viewer: Viewer, sides: MeetingSides, named: string | null | undefined): 'a' | 'b' | null {
  const mine = (['a', 'b'] as const).filter((s) => viewer.isMemberOf(s === 'a' ? sides.orgA : sides.orgB));
  if (mine.length === 0) return null;
  if (named) {
    const wanted = named.toLowerCase();
    const side = mine.find((s) => (s === 'a' ? sides.orgA : sides.orgB) === wanted);
    if (!side) throw new UserInputError('NOT_A_SIDE', 'input.organizationId', 'This organization is not a side of the meeting');
    return side;
  }
  if (mine.length > 1) throw new UserInputError('REQUIRED', 'input.organizationId', 'You belong to both organizations: name the one you answer for');
  return mine[0];
}

/**
 * Locks a meeting for one side's answer: both the organizing and the answering organization (roles read fresh), the
 * event row, then the meeting row. The event must be published (or ended) and the meeting's round begun, within
 * FEEDBACK_DAYS after the event.
 */
export async function lockMeetingSide(ctx: RequestContext, tx: EntityManager, meetingId: string, named: string | null | undefined): Promise<MeetingSide> {
  const sides = await meetingSides(tx, meetingId);
  if (!sides) throw new NotFoundError('Meeting');
  const provisional = chooseSide(ctx.viewer, sides, named);
  if (!provisional) throw new NotFoundError('Meeting');
  const organizationId = provisional === 'a' ? sides.orgA : sides.orgB;
  const { row, viewer } = await lockEventWith(ctx, tx, sides.eventId, organizationId);
  if (!viewer.isMemberOf(organizationId)) throw new NotFoundError('Meeting');
  const visible = row.storedStatus === EventStatus.PUBLISHED && (row.status === EventStatus.PUBLISHED || row.status === EventStatus.ENDED);
  if (!visible) throw new NotFoundError('Meeting');
  if (!viewer.canEdit(organizationId)) throw new ForbiddenError('Only owners and editors of the organization answer for it');
  const [meeting]: LockedMeeting[] = await tx.query(
    `SELECT m.id, m.event_id AS "eventId", m.round, m.registration_a_id AS "registrationAId", m.registration_b_id AS "registrationBId",
       $2::uuid AS "orgA", $3::uuid AS "orgB", m.reasons_a AS "reasonsA", m.reasons_b AS "reasonsB"
     FROM event_meetings m WHERE m.id = $1 FOR UPDATE`,
    [sides.id, sides.orgA, sides.orgB],
  );
  if (!meeting) throw new NotFoundError('Meeting');
  const now = Date.now();
  if (now < roundTimes(row, meeting.round).startsAt.getTime()) {
    throw new UserInputError('NOT_STARTED', 'input.meetingId', `Round ${meeting.round + 1} has not begun yet`);
  }
  if (now > row.endsAt.getTime() + FEEDBACK_DAYS * 86_400_000) {
    throw new UserInputError('FEEDBACK_CLOSED', 'input.meetingId', `Answers close ${FEEDBACK_DAYS} days after the event`);
  }
  return {
    row, viewer, meeting, side: provisional, organizationId, otherOrganizationId: provisional === 'a' ? sides.orgB : sides.orgA,
  };
}

/** Records one side's answer (held or not, a rating for one held). Returns the event and the organization answering. */
export async function markMeeting(ctx: RequestContext, tx: EntityManager, input: EventMeetingMarkInput): Promise<{ eventId: string; organizationId: string }> {
  const { row, meeting, side, organizationId } = await lockMeetingSide(ctx, tx, input.meetingId, input.organizationId);
  if (!input.held && input.rating !== undefined && input.rating !== null) {
    throw new UserInputError('RATING_NEEDS_HELD', 'input.rating', 'Only a meeting that took place can be rated');
  }
  // A side's columns only: the other side's answer is neither read nor changed here.
  await tx.query(
    `UPDATE event_meetings SET held_${side} = $2, rating_${side} = CASE WHEN $2 THEN coalesce($3, rating_${side}) ELSE NULL END,
       marked_${side}_at = now() WHERE id = $1`,
    [meeting.id, input.held, input.rating ?? null],
  );
  return { eventId: row.id, organizationId };
}

/**
 * Asks for an introduction to the other side of a meeting, in one step: an ordinary introduction (double opt-in,
 * introductions/) carrying the meeting's reasons as the asking side's agenda shows them. The meeting vouches that
 * the two met, so a PRIVATE counterpart can be asked too: it stays anonymous to the asker unless it accepts.
 */
export async function requestIntroductionFromMeeting(ctx: RequestContext, tx: EntityManager, input: EventMeetingIntroductionRequestInput): Promise<string> {
  const { row, viewer, meeting, side, organizationId, otherOrganizationId } = await lockMeetingSide(ctx, tx, input.meetingId, input.organizationId);
  const asked: unknown[] = await tx.query(
    'SELECT 1 FROM event_meeting_introductions WHERE meeting_id = $1 AND from_organization_id = $2',
    [meeting.id, organizationId],
  );
  if (asked.length) throw new UserInputError('ALREADY_ASKED', 'input.meetingId', 'Your organization already asked for an introduction from this meeting');
  const pending: unknown[] = await tx.query(
    `SELECT 1 FROM introductions i WHERE i.from_organization_id = $1 AND i.to_organization_id = $2 AND ${pendingSql('i')}`,
    [organizationId, otherOrganizationId],
  );
  if (pending.length) throw new UserInputError('ALREADY_PENDING', 'input.meetingId', 'Your organization already has a pending introduction request to it');
  let reasons: StoredReason[] = side === 'a' ? meeting.reasonsA : meeting.reasonsB;
  const [other]: { id: string; visibility: string }[] = await tx.query('SELECT id, visibility FROM organizations WHERE id = $1', [otherOrganizationId]);
  if (!canNameCounterpart(viewer, other)) reasons = reasons.filter((r) => CARD_REASON_CODES.has(r.code));
  const carried = input.includeReasons === false ? [] : [`met at "${row.title}"`, ...reasons.map((r) => r.text)].slice(0, 10).map((t) => t.slice(0, 300));
  const introductionId = await insertIntroduction(tx, ctx.viewer.userId, organizationId, otherOrganizationId, input.message, carried);
  await tx.query(
    'INSERT INTO event_meeting_introductions (introduction_id, event_id, meeting_id, from_organization_id) VALUES ($1, $2, $3, $4)',
    [introductionId, row.id, meeting.id, organizationId],
  );
  return introductionId;
}
