import {
  EventAfterAgendaDocument, EventUpdateDocument, type EventRegisterInput, type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, signUp, type TestUser } from './factories.js';
import { createEvent, generateAndPublish, openEvent, registerOrg } from './event-factories.js';
import { gql, ok } from './graphql-client.js';
import type { TestApp } from './test-app.js';

// Events that have begun, for the tests of what happens at the door and after: each attendee is owned by its own
// user (so "the other side" is another person), registered while registration is open, then the event is moved to
// have started two minutes ago (round 1 begun, rounds 2.. ahead) and its schedule generated and published.

const SKILLS = ['grant-writing', 'legal-clinics', 'trauma-counselling', 'data-analysis', 'media-relations', 'interpretation'];

export interface Attendee {
  user: TestUser;
  org: Awaited<ReturnType<typeof createOrg>>;
  registrationId: string;
}

export async function startedEvent(
  app: TestApp, organizer: TestUser, hostId: string, n: number,
  options: { org?: (i: number) => Partial<OrganizationCreateInput>; registration?: (i: number) => Partial<EventRegisterInput>; owners?: TestUser[]; startedMinutesAgo?: number } = {},
) {
  const event = await createEvent(app, organizer, hostId);
  await openEvent(app, organizer, event.id);
  const attendees: Attendee[] = [];
  for (let i = 0; i < n; i++) {
    const user = options.owners?.[i] ?? await signUp(app, `Attendee owner ${i}`);
    const org = await createOrg(app, user, { name: `Attendee ${i} ${Math.random().toString(36).slice(2, 6)}`, kind: 'NGO', ...options.org?.(i) });
    await addCapability(app, user, org.id, SKILLS[i % SKILLS.length], 'EXPERT');
    await addNeed(app, user, org.id, SKILLS[(i + 1) % SKILLS.length], 'HIGH');
    const registration = await registerOrg(app, user, event.id, org.id, { people: [`Person ${i}`], ...options.registration?.(i) });
    attendees.push({ user, org, registrationId: registration.id });
  }
  const startsAt = new Date(Date.now() - (options.startedMinutesAgo ?? 2) * 60_000);
  const moved = ok(await gql(app, EventUpdateDocument, { input: {
    id: event.id, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(), registrationDeadline: startsAt.toISOString(),
  } }, organizer.token)).eventUpdate;
  if (moved.userErrors.length) throw new Error(JSON.stringify(moved.userErrors));
  await generateAndPublish(app, organizer, event.id);
  return { event, attendees };
}

export async function agendaOf(app: TestApp, eventId: string, attendee: Attendee) {
  const agenda = ok(await gql(app, EventAfterAgendaDocument, { id: eventId, organizationId: attendee.org.id }, attendee.user.token)).event.agenda;
  if (!agenda) throw new Error('no agenda');
  return agenda;
}

/** The round-1 meetings as (meeting id, the two attendees). */
export async function firstRoundMeetings(app: TestApp, eventId: string, attendees: Attendee[]) {
  const seen = new Map<string, Attendee[]>();
  for (const attendee of attendees) {
    const agenda = await agendaOf(app, eventId, attendee);
    for (const c of agenda.items.find((i) => i.round === 1)?.with ?? []) seen.set(c.meetingId, [...(seen.get(c.meetingId) ?? []), attendee]);
  }
  return [...seen.entries()].map(([meetingId, sides]) => ({ meetingId, sides }));
}
