import {
  EventCreateDocument, EventOpenDocument, EventRegisterDocument, EventScheduleGenerateDocument, EventSchedulePublishDocument,
  type EventCreateInput, type EventRegisterInput,
} from '../generated/graphql.js';
import { gql, ok } from './graphql-client.js';
import type { TestApp } from './test-app.js';
import type { TestUser } from './factories.js';

// Events for tests, made over HTTP like an organizer would.

const HOUR = 3600_000;

/** An event a week from now: 4 rounds of 20 minutes in a 2-hour slot, registration open until it starts. */
export function eventInput(organizerOrganizationId: string, input: Partial<EventCreateInput> = {}): EventCreateInput {
  const startsAt = new Date(Date.now() + 7 * 24 * HOUR);
  return {
    organizerOrganizationId,
    title: 'Networking day',
    description: 'Meet organizations that need what you offer.',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    rounds: 4,
    minutesPerMeeting: 20,
    format: 'ONE_TO_ONE',
    place: { venue: 'Community Hall, 12 Moi Avenue', country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.28333, longitude: 36.81667, precision: 'CITY' },
    ...input,
  };
}

export async function createEvent(app: TestApp, organizer: TestUser, organizationId: string, input: Partial<EventCreateInput> = {}) {
  const payload = ok(await gql(app, EventCreateDocument, { input: eventInput(organizationId, input) }, organizer.token)).eventCreate;
  if (!payload.event) throw new Error(JSON.stringify(payload.userErrors));
  return payload.event;
}

export async function openEvent(app: TestApp, organizer: TestUser, eventId: string) {
  const payload = ok(await gql(app, EventOpenDocument, { input: { eventId } }, organizer.token)).eventOpen;
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
}

export async function registerOrg(app: TestApp, user: TestUser, eventId: string, organizationId: string, input: Partial<EventRegisterInput> = {}) {
  const payload = ok(await gql(app, EventRegisterDocument, { input: { eventId, organizationId, ...input } }, user.token)).eventRegister;
  if (!payload.registration) throw new Error(JSON.stringify(payload.userErrors));
  return payload.registration;
}

export async function generateAndPublish(app: TestApp, organizer: TestUser, eventId: string, seed = 7) {
  const generated = ok(await gql(app, EventScheduleGenerateDocument, { input: { eventId, seed } }, organizer.token)).eventScheduleGenerate;
  if (generated.userErrors.length) throw new Error(JSON.stringify(generated.userErrors));
  const published = ok(await gql(app, EventSchedulePublishDocument, { input: { eventId } }, organizer.token)).eventSchedulePublish;
  if (published.userErrors.length) throw new Error(JSON.stringify(published.userErrors));
  return generated.schedule!;
}
