import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import { PageArgs, toPage } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { runMutation, type MutationOutcome } from '../core/run-mutation.js';
import { readVisibleEvent } from './event-access.js';
import { toEvent } from './event-view.js';
import { EventIdInput } from './event.inputs.js';
import { EventMeetingConnection, EventSchedule, EventSchedulePayload } from './event.types.js';
import { EventMeetingAddInput, EventMeetingIdInput, EventMeetingLockInput, EventMeetingsSwapInput, EventScheduleGenerateInput } from './schedule.inputs.js';
import { organizerMeetings, organizerSchedule } from './schedule-view.js';
import { addMeeting, generate, lockMeeting, publish, removeMeeting, swapMeetings } from './schedule.service.js';

async function schedulePayload(ctx: RequestContext, outcome: MutationOutcome<string>): Promise<EventSchedulePayload> {
  if (!outcome.result) return { event: null, schedule: null, userErrors: outcome.userErrors };
  const row = await readVisibleEvent(ctx, outcome.result);
  return { event: toEvent(row), schedule: await organizerSchedule(ctx, row), userErrors: outcome.userErrors };
}

@Resolver(() => EventSchedule)
export class EventScheduleResolver {
  @FieldResolver(() => EventMeetingConnection, { description: 'The meetings, by round and table (one round when given, from 1).' })
  async meetings(
    @Root() schedule: EventSchedule, @Ctx() ctx: RequestContext, @Args() pageArgs: PageArgs,
    @Arg('round', () => Int, { nullable: true }) round?: number,
  ) {
    return organizerMeetings(ctx, await readVisibleEvent(ctx, schedule.eventId), round ?? null, toPage(pageArgs));
  }

  @Mutation(() => EventSchedulePayload, {
    description: 'Generates a draft schedule around the locked meetings (organizers). Same registrations, rules, locks and seed give the same schedule.',
  })
  async eventScheduleGenerate(@Ctx() ctx: RequestContext, @Arg('input', () => EventScheduleGenerateInput, { validate: false }) input: EventScheduleGenerateInput) {
    const outcome = await runMutation(ctx, input, async (tx) => (await generate(ctx, tx, input)).eventId);
    return schedulePayload(ctx, outcome);
  }

  @Mutation(() => EventSchedulePayload, { description: 'Publishes the schedule: each attendee sees its own agenda (organizers).' })
  async eventSchedulePublish(@Ctx() ctx: RequestContext, @Arg('input', () => EventIdInput, { validate: false }) input: EventIdInput) {
    return schedulePayload(ctx, await runMutation(ctx, input, (tx) => publish(ctx, tx, input)));
  }

  @Mutation(() => EventSchedulePayload, { description: 'Adds a meeting by hand, locked; refused with the rule it would break (organizers).' })
  async eventMeetingAdd(@Ctx() ctx: RequestContext, @Arg('input', () => EventMeetingAddInput, { validate: false }) input: EventMeetingAddInput) {
    return schedulePayload(ctx, await runMutation(ctx, input, (tx) => addMeeting(ctx, tx, input)));
  }

  @Mutation(() => EventSchedulePayload, { description: 'Removes a meeting (organizers).' })
  async eventMeetingRemove(@Ctx() ctx: RequestContext, @Arg('input', () => EventMeetingIdInput, { validate: false }) input: EventMeetingIdInput) {
    return schedulePayload(ctx, await runMutation(ctx, input, (tx) => removeMeeting(ctx, tx, input)));
  }

  @Mutation(() => EventSchedulePayload, { description: 'Locks (or releases) a meeting: regeneration and repairs keep a locked one (organizers).' })
  async eventMeetingLock(@Ctx() ctx: RequestContext, @Arg('input', () => EventMeetingLockInput, { validate: false }) input: EventMeetingLockInput) {
    return schedulePayload(ctx, await runMutation(ctx, input, (tx) => lockMeeting(ctx, tx, input)));
  }

  @Mutation(() => EventSchedulePayload, { description: 'Swaps two meetings (see EventMeetingsSwapInput); refused with the rule a result would break (organizers).' })
  async eventMeetingsSwap(@Ctx() ctx: RequestContext, @Arg('input', () => EventMeetingsSwapInput, { validate: false }) input: EventMeetingsSwapInput) {
    return schedulePayload(ctx, await runMutation(ctx, input, (tx) => swapMeetings(ctx, tx, input)));
  }
}
