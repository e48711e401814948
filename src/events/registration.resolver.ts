import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../core/request-context.js';
import { runMutation } from '../core/run-mutation.js';
import { readVisibleEvent } from './event-access.js';
import { toEvent } from './event-view.js';
import {
  EventRegisterInput, EventRegistrationIdInput, EventRegistrationImportInput, EventRegistrationUpdateInput,
} from './event.inputs.js';
import { EventRegistrationImportPayload, EventRegistrationPayload, type EventImportLine } from './event.types.js';
import { ImportNotApplied, importRegistrations } from './registration-import.service.js';
import { readRegistration } from './registration-view.js';
import { cancelRegistration, register, updateRegistration } from './registration.service.js';

async function registrationPayload(ctx: RequestContext, outcome: { result: string | null; userErrors: EventRegistrationPayload['userErrors'] }): Promise<EventRegistrationPayload> {
  return { registration: outcome.result ? await readRegistration(ctx, outcome.result) : null, userErrors: outcome.userErrors };
}

@Resolver()
export class EventRegistrationResolver {
  @Mutation(() => EventRegistrationPayload, {
    description: 'Registers an organization: its owners and editors while the event is OPEN and before the deadline, or an organizer at any time before the event ends.',
  })
  async eventRegister(@Ctx() ctx: RequestContext, @Arg('input', () => EventRegisterInput, { validate: false }) input: EventRegisterInput) {
    return registrationPayload(ctx, await runMutation(ctx, input, (tx) => register(ctx, tx, input)));
  }

  @Mutation(() => EventRegistrationPayload, { description: 'Changes a registration: organizers, or the registrant\'s owners and editors while registration is open.' })
  async eventRegistrationUpdate(@Ctx() ctx: RequestContext, @Arg('input', () => EventRegistrationUpdateInput, { validate: false }) input: EventRegistrationUpdateInput) {
    return registrationPayload(ctx, await runMutation(ctx, input, (tx) => updateRegistration(ctx, tx, input)));
  }

  @Mutation(() => EventRegistrationPayload, {
    description: 'Cancels a registration (organizers, or the registrant\'s owners and editors). A published schedule is repaired with the fewest changes.',
  })
  async eventRegistrationCancel(@Ctx() ctx: RequestContext, @Arg('input', () => EventRegistrationIdInput, { validate: false }) input: EventRegistrationIdInput) {
    return registrationPayload(ctx, await runMutation(ctx, input, (tx) => cancelRegistration(ctx, tx, input)));
  }

  @Mutation(() => EventRegistrationImportPayload, { description: 'Adds or updates registrations from a CSV upload, all or nothing (organizers).' })
  async eventRegistrationImport(
    @Ctx() ctx: RequestContext, @Arg('input', () => EventRegistrationImportInput, { validate: false }) input: EventRegistrationImportInput,
  ): Promise<EventRegistrationImportPayload> {
    let lines: EventImportLine[] = [];
    const outcome = await runMutation(ctx, input, async (tx) => {
      try {
        return await importRegistrations(ctx, tx, input);
      } catch (error) {
        // The transaction rolls back; the line-by-line report still answers.
        if (error instanceof ImportNotApplied) lines = error.lines;
        throw error;
      }
    });
    const eventId = input.eventId;
    const event = outcome.result || lines.length ? toEvent(await readVisibleEvent(ctx, eventId)) : null;
    return { event, imported: outcome.result?.imported ?? 0, lines: outcome.result?.lines ?? lines, userErrors: outcome.userErrors };
  }
}
