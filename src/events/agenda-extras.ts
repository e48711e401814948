import type { RequestContext } from '../core/request-context.js';
import { INTRODUCTION_COLUMNS, toIntroductions, type IntroductionRow } from '../introductions/introduction-view.js';
import type { Introduction } from '../introductions/introduction.types.js';
import type { EventAgendaChange } from './event.types.js';

// What an attendee's agenda adds after publishing: the introductions its own organization asked from its meetings
// (never one the other side asked, so a decline reaches only the side that asked), and the rounds of its agenda a
// repair changed, told without naming who cancelled or failed to come.

/** The introductions `organizationId` asked from these meetings, by meeting id (the requester's view of them). */
export async function askedFromMeetings(ctx: RequestContext, meetingIds: string[], organizationId: string): Promise<Map<string, Introduction>> {
  if (meetingIds.length === 0) return new Map();
  const rows: (IntroductionRow & { meetingId: string })[] = await ctx.db.query(
    `SELECT ${INTRODUCTION_COLUMNS}, emi.meeting_id AS "meetingId"
     FROM event_meeting_introductions emi JOIN introductions i ON i.id = emi.introduction_id
     WHERE emi.meeting_id = ANY($1::uuid[]) AND emi.from_organization_id = $2 AND i.from_organization_id = $2`,
    [meetingIds, organizationId],
  );
  const shown = await toIntroductions(ctx, rows);
  return new Map(rows.map((r, i) => [r.meetingId, shown[i]]));
}

export async function agendaChanges(ctx: RequestContext, eventId: string, registrationId: string): Promise<EventAgendaChange[]> {
  const rows: { round: number; createdAt: Date }[] = await ctx.db.query(
    `SELECT DISTINCT round, created_at AS "createdAt" FROM event_schedule_changes
     WHERE event_id = $1 AND $2 = ANY(registration_ids) ORDER BY created_at DESC, round LIMIT 100`,
    [eventId, registrationId],
  );
  return rows.map((r) => ({
    round: r.round + 1,
    createdAt: r.createdAt,
    message: `Your round ${r.round + 1} changed: see your agenda for who you meet now`,
  }));
}
