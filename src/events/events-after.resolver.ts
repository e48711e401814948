import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import { IntroductionPayload } from '../introductions/introduction.inputs.js';
import { readIntroduction } from '../introductions/introduction-query.service.js';
import { canCheckIn } from '../privacy/event-visibility.js';
import { isVolunteer, readVisibleEvent } from './event-access.js';
import { EventParties } from './event-parties.js';
import { toEvent } from './event-view.js';
import { EventDocumentKind } from './event.enums.js';
import { Event, EventPayload, EventSchedulePayload } from './event.types.js';
import { eventPayload } from './event.resolver.js';
import { documentLink, matchListCsvFor } from './event-documents.js';
import {
  EventCheckInInput, EventCheckInOpenInput, EventMeetingIntroductionRequestInput, EventMeetingMarkInput, EventNoShowMarkInput,
  EventVolunteerSetInput,
} from './events-after.inputs.js';
import {
  EventAgendaPayload, EventCheckInPayload, EventDocumentLink, EventFunnel, EventFunnelTotals,
} from './events-after.types.js';
import { checkIn, markNoShow, openCheckIn, setVolunteer, type CheckInResult } from './door.service.js';
import { eventFunnel, funnelTotals } from './funnel.js';
import { markMeeting, requestIntroductionFromMeeting } from './meeting-answers.service.js';
import { agendaFor, organizerSchedule } from './schedule-view.js';

// After the schedule (issue 13): documents, the door, the attendees' answers and the funnel. Thin: arguments in,
// one service call, payload out.

async function checkInPayload(ctx: RequestContext, result: CheckInResult | null, userErrors: EventCheckInPayload['userErrors']): Promise<EventCheckInPayload> {
  if (!result) return { checkIn: null, userErrors };
  const [reg]: { organizationId: string; people: string[]; code: string; checkedInAt: Date }[] = await ctx.db.query(
    `SELECT organization_id AS "organizationId", people, checkin_code AS code, checked_in_at AS "checkedInAt" FROM event_registrations WHERE id = $1`,
    [result.registrationId],
  );
  // The door sees the organization as the organizers may name it (a PRIVATE one as its card) and who is coming.
  const parties = await EventParties.load(ctx, [reg.organizationId]);
  return {
    checkIn: { ...parties.party(reg.organizationId), registrationId: result.registrationId, code: reg.code, people: reg.people, checkedInAt: reg.checkedInAt, alreadyCheckedIn: result.alreadyCheckedIn },
    userErrors,
  };
}

async function schedulePayload(ctx: RequestContext, eventId: string | null, userErrors: EventSchedulePayload['userErrors']): Promise<EventSchedulePayload> {
  if (!eventId) return { event: null, schedule: null, userErrors };
  const row = await readVisibleEvent(ctx, eventId);
  return { event: toEvent(row), schedule: await organizerSchedule(ctx, row), userErrors };
}

@Resolver(() => Event)
export class EventsAfterResolver {
  @FieldResolver(() => EventDocumentLink, {
    description: 'A link to a document, valid 10 minutes for you only: the CSV match list or the printable organizer sheet '
      + '(organizers), or an organization\'s printable agenda (its members, once published). timeZone: IANA name for the times printed (default UTC).',
  })
  documentLink(
    @Root() event: Event, @Ctx() ctx: RequestContext,
    @Arg('kind', () => EventDocumentKind) kind: EventDocumentKind,
    @Arg('organizationId', () => ID, { nullable: true, description: 'AGENDA: whose agenda.' }) organizationId?: string,
    @Arg('timeZone', () => String, { nullable: true }) timeZone?: string,
  ) {
    return documentLink(ctx, event.row, kind, organizationId, timeZone);
  }

  @FieldResolver(() => String, { nullable: true, description: 'The match list as CSV (organizers; null for anyone else). Same as documentLink(kind: MATCH_LIST_CSV).' })
  matchListCsv(@Root() event: Event, @Ctx() ctx: RequestContext, @Arg('timeZone', () => String, { nullable: true }) timeZone?: string) {
    return matchListCsvFor(ctx, event.row, timeZone);
  }

  @FieldResolver(() => EventFunnel, { nullable: true, description: 'What came of the event, as counts (organizers; null for anyone else).' })
  funnel(@Root() event: Event, @Ctx() ctx: RequestContext) {
    return eventFunnel(ctx, event.row);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may check attendees in at the door (an organizer, or a volunteer they designated).' })
  async viewerCanCheckIn(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<boolean> {
    return canCheckIn(ctx.viewer, event.row.organizerId, await isVolunteer(ctx.db, event.row.id, ctx.viewer.userId));
  }

  @Query(() => EventFunnelTotals, { description: 'The funnel summed over an organizing organization\'s past events (its owners and editors).' })
  eventFunnelTotals(@Ctx() ctx: RequestContext, @Arg('organizerOrganizationId', () => ID) organizerOrganizationId: string) {
    return funnelTotals(ctx, organizerOrganizationId);
  }

  @Mutation(() => EventAgendaPayload, { description: 'Says whether a meeting of your agenda took place (and rates it); your answer is seen by your organization only.' })
  async eventMeetingMark(@Ctx() ctx: RequestContext, @Arg('input', () => EventMeetingMarkInput, { validate: false }) input: EventMeetingMarkInput): Promise<EventAgendaPayload> {
    const outcome = await runMutation(ctx, input, (tx) => markMeeting(ctx, tx, input));
    if (!outcome.result) return { agenda: null, userErrors: outcome.userErrors };
    const row = await readVisibleEvent(ctx, outcome.result.eventId);
    return { agenda: await agendaFor(ctx, row, outcome.result.organizationId), userErrors: outcome.userErrors };
  }

  @Mutation(() => IntroductionPayload, {
    description: 'Asks for an introduction to the other side of a meeting, in one step, carrying the meeting\'s reasons (owners and editors of your side).',
  })
  async eventMeetingIntroductionRequest(
    @Ctx() ctx: RequestContext, @Arg('input', () => EventMeetingIntroductionRequestInput, { validate: false }) input: EventMeetingIntroductionRequestInput,
  ): Promise<IntroductionPayload> {
    const outcome = await runMutation(ctx, input, (tx) => requestIntroductionFromMeeting(ctx, tx, input));
    return { introduction: outcome.result ? await readIntroduction(ctx, outcome.result) : null, userErrors: outcome.userErrors };
  }

  @Mutation(() => EventCheckInPayload, { description: 'Checks an attendee in by the code on its agenda (organizers and volunteers).' })
  async eventCheckIn(@Ctx() ctx: RequestContext, @Arg('input', () => EventCheckInInput, { validate: false }) input: EventCheckInInput) {
    const outcome = await runMutation(ctx, input, (tx) => checkIn(ctx, tx, input));
    return checkInPayload(ctx, outcome.result, outcome.userErrors);
  }

  @Mutation(() => EventSchedulePayload, {
    description: 'Opens check-in (organizers): from now on an attendee not checked in graceMinutes after the start of a round it meets in is a no-show, '
      + 'and the schedule repairs itself for the rounds not yet begun.',
  })
  async eventCheckInOpen(@Ctx() ctx: RequestContext, @Arg('input', () => EventCheckInOpenInput, { validate: false }) input: EventCheckInOpenInput) {
    const outcome = await runMutation(ctx, input, (tx) => openCheckIn(ctx, tx, input));
    return schedulePayload(ctx, outcome.result, outcome.userErrors);
  }

  @Mutation(() => EventSchedulePayload, { description: 'Marks a registration as a no-show (organizers): its meetings from the next round on are freed and the schedule repairs itself.' })
  async eventNoShowMark(@Ctx() ctx: RequestContext, @Arg('input', () => EventNoShowMarkInput, { validate: false }) input: EventNoShowMarkInput) {
    const outcome = await runMutation(ctx, input, (tx) => markNoShow(ctx, tx, input));
    return schedulePayload(ctx, outcome.result, outcome.userErrors);
  }

  @Mutation(() => EventPayload, { description: 'Designates (or withdraws) a member of the organizing organization as a volunteer who checks attendees in (organizers).' })
  async eventVolunteerSet(@Ctx() ctx: RequestContext, @Arg('input', () => EventVolunteerSetInput, { validate: false }) input: EventVolunteerSetInput) {
    return eventPayload(ctx, await runMutation(ctx, input, (tx) => setVolunteer(ctx, tx, input)));
  }
}
