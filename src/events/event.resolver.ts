import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import { canSeeOrganization } from '../privacy/visibility.js';
import { isOrganizer, projectEventPlace } from '../privacy/event-visibility.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import { Organization } from '../profiles/organization.types.js';
import { readVisibleEvent } from './event-access.js';
import { listAttendees, listEvents, listRegistrations, registrationCount } from './event-query.service.js';
import { toEvent } from './event-view.js';
import { EventStatus, RegistrationStatus } from './event.enums.js';
import { EventCreateInput, EventIdInput, EventUpdateInput } from './event.inputs.js';
import { cancelEvent, createEvent, openEvent, updateEvent } from './event.service.js';
import {
  Event, EventAgenda, EventAttendeeConnection, EventConnection, EventPayload, EventPlace, EventRegistrationConnection, EventSchedule,
} from './event.types.js';
import { agendaFor, organizerSchedule } from './schedule-view.js';

/** The payload of a mutation that answers with its event, read again as the viewer may see it. */
export async function eventPayload(ctx: RequestContext, outcome: MutationOutcome<string>): Promise<EventPayload> {
  return { event: outcome.result ? toEvent(await readVisibleEvent(ctx, outcome.result)) : null, userErrors: outcome.userErrors };
}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => Event, { description: 'An event you may see (NOT_FOUND otherwise, like an id that does not exist).' })
  async event(@Ctx() ctx: RequestContext, @Arg('id', () => ID) id: string): Promise<Event> {
    return toEvent(await readVisibleEvent(ctx, id));
  }

  @Query(() => EventConnection, { description: 'Events you may see, soonest first.' })
  async events(
    @Ctx() ctx: RequestContext,
    @Args() pageArgs: PageArgs,
    @Arg('organizerOrganizationId', () => ID, { nullable: true }) organizerOrganizationId?: string,
    @Arg('statuses', () => [EventStatus], { nullable: true }) statuses?: EventStatus[],
    @Arg('upcoming', () => Boolean, { nullable: true, description: 'Only events that have not ended.' }) upcoming?: boolean,
    @Arg('registeredOrganizationId', () => ID, { nullable: true, description: 'Only events where this organization of yours is registered.' }) registeredOrganizationId?: string,
  ) {
    return listEvents(ctx, { organizerOrganizationId, statuses, upcoming, registeredOrganizationId }, toPage(pageArgs));
  }

  @FieldResolver(() => Organization, { nullable: true, description: 'The organizing organization; null when you may not see it.' })
  async organizer(@Root() event: Event, @Ctx() ctx: RequestContext) {
    const { row } = event;
    if (!canSeeOrganization(ctx.viewer, { id: row.organizerId, visibility: row.organizerVisibility })) return null;
    return (await loadVisibleRecords(ctx, [row.organizerId])).get(row.organizerId) ?? null;
  }

  @FieldResolver(() => EventPlace, { nullable: true, description: 'Null for an online event (or a place not set yet).' })
  place(@Root() event: Event, @Ctx() ctx: RequestContext): EventPlace | null {
    const { row } = event;
    if (row.online || row.country === null) return null;
    const exact = isOrganizer(ctx.viewer, row.organizerId) || (row.viewerRegistrations ?? []).length > 0;
    return projectEventPlace({
      precision: row.placePrecision, country: row.country.trim(), region: row.region, city: row.city, venue: row.venue,
      latitude: row.latitude, longitude: row.longitude,
    }, exact) as EventPlace;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you are one of its organizers (owner or editor of the organizing organization).' })
  viewerIsOrganizer(@Root() event: Event, @Ctx() ctx: RequestContext): boolean {
    return isOrganizer(ctx.viewer, event.row.organizerId);
  }

  @FieldResolver(() => [ID], { description: 'Your organizations registered (and not cancelled) at this event.' })
  viewerRegisteredOrganizationIds(@Root() event: Event): string[] {
    return event.row.viewerRegistrations ?? [];
  }

  @FieldResolver(() => Boolean, { description: 'Whether self-registration is open now (OPEN and before the deadline).' })
  registrationOpen(@Root() event: Event): boolean {
    return event.row.status === EventStatus.OPEN && Date.now() <= event.row.registrationDeadline.getTime();
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Active registrations: organizers only.' })
  registrationCount(@Root() event: Event, @Ctx() ctx: RequestContext) {
    return registrationCount(ctx, event.row);
  }

  @FieldResolver(() => EventRegistrationConnection, {
    description: 'Registrations in full: all of them for the organizers, your own organizations\' for anyone else.',
  })
  registrations(
    @Root() event: Event, @Ctx() ctx: RequestContext, @Args() pageArgs: PageArgs,
    @Arg('status', () => RegistrationStatus, { nullable: true }) status?: RegistrationStatus,
  ) {
    return listRegistrations(ctx, event.row, status ?? null, toPage(pageArgs));
  }

  @FieldResolver(() => EventAttendeeConnection, {
    nullable: true,
    description: 'The attendee list as attendeeListVisibility allows (null when you may not read it); it names only organizations you may see.',
  })
  attendees(@Root() event: Event, @Ctx() ctx: RequestContext, @Args() pageArgs: PageArgs) {
    return listAttendees(ctx, event.row, toPage(pageArgs));
  }

  @FieldResolver(() => EventSchedule, { nullable: true, description: 'The whole schedule, draft or published: organizers only (null for anyone else).' })
  schedule(@Root() event: Event, @Ctx() ctx: RequestContext) {
    return organizerSchedule(ctx, event.row);
  }

  @FieldResolver(() => EventAgenda, {
    nullable: true,
    description: "One of your organizations' own agenda, once the schedule is published (null before, or when it is not registered).",
  })
  agenda(@Root() event: Event, @Ctx() ctx: RequestContext, @Arg('organizationId', () => ID) organizationId: string) {
    return agendaFor(ctx, event.row, organizationId);
  }

  @Mutation(() => EventPayload, { description: 'Creates a DRAFT event (owners and editors of the organizing organization).' })
  async eventCreate(@Ctx() ctx: RequestContext, @Arg('input', () => EventCreateInput, { validate: false }) input: EventCreateInput) {
    return eventPayload(ctx, await runMutation(ctx, input, (tx) => createEvent(ctx, tx, input)));
  }

  @Mutation(() => EventPayload, { description: 'Changes an event (organizers). Changing rounds, times, format or tables drops a draft schedule; a published one refuses.' })
  async eventUpdate(@Ctx() ctx: RequestContext, @Arg('input', () => EventUpdateInput, { validate: false }) input: EventUpdateInput) {
    return eventPayload(ctx, await runMutation(ctx, input, (tx) => updateEvent(ctx, tx, input)));
  }

  @Mutation(() => EventPayload, { description: 'Opens registration: DRAFT -> OPEN (organizers).' })
  async eventOpen(@Ctx() ctx: RequestContext, @Arg('input', () => EventIdInput, { validate: false }) input: EventIdInput) {
    return eventPayload(ctx, await runMutation(ctx, input, (tx) => openEvent(ctx, tx, input)));
  }

  @Mutation(() => EventPayload, { description: 'Cancels an event that has not ended (organizers).' })
  async eventCancel(@Ctx() ctx: RequestContext, @Arg('input', () => EventIdInput, { validate: false }) input: EventIdInput) {
    return eventPayload(ctx, await runMutation(ctx, input, (tx) => cancelEvent(ctx, tx, input)));
  }
}
