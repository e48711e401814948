import type { DataSource } from 'typeorm';
import { Visibility } from '../src/core/enums.js';
import { createEvent, openEvent } from '../src/events/event.service.js';
import { register } from '../src/events/registration.service.js';
import { generate, publish } from '../src/events/schedule.service.js';
import { DEMO_COORDINATOR, DEMO_DEFENDER, DEMO_ORGANIZATIONS } from './demo-data.js';
import { demoContextFor } from './demo-context.js';

// The demo networking event: RefugeLink East Africa (owned by demo-coordinator) hosts a regional networking day two
// weeks ahead; about 40 demo organizations take part, two PRIVATE ones registered by their own owner (demo-defender),
// so agendas show anonymous cards. It goes through the real services (create, open, register, generate, publish) as
// the demo accounts, so the demo obeys every rule an organizer would meet.

export const DEMO_EVENT_TITLE = 'Regional Human Rights Networking Day';
export const DEMO_EVENT_ORGANIZER = 'refuge-link-east-africa';
/** PRIVATE demo organizations that register themselves (keys of their demo entries). */
export const DEMO_EVENT_PRIVATE = ['usalama-defenders-desk', 'kafala-watch-collective'];
const ATTENDEES = 40;

/** Seeds the demo event unless one with its title exists; returns the number of registrations it made. */
export async function seedDemoEvent(ds: DataSource, log: (msg: string) => void = () => undefined): Promise<number> {
  const [host]: { id: string }[] = await ds.query('SELECT id FROM organizations WHERE slug = $1', [DEMO_EVENT_ORGANIZER]);
  if (!host) return 0;
  const existing = await ds.query('SELECT 1 FROM events WHERE organizer_organization_id = $1 AND title = $2', [host.id, DEMO_EVENT_TITLE]);
  if (existing.length) return 0;
  const organizer = await demoContextFor(ds, DEMO_COORDINATOR);
  const defender = await demoContextFor(ds, DEMO_DEFENDER);

  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 14);
  day.setUTCHours(7, 0, 0, 0); // 10:00 in Nairobi
  const eventId = await ds.transaction((tx) => createEvent(organizer, tx, {
    organizerOrganizationId: host.id,
    title: DEMO_EVENT_TITLE,
    description: 'Twenty-minute one-to-one meetings between organizations that need what the other offers: legal aid, '
      + 'community organizing, media, psychosocial support, funding. Your agenda appears here once the schedule is published.',
    startsAt: day,
    endsAt: new Date(day.getTime() + 3 * 3600_000),
    registrationDeadline: new Date(day.getTime() - 2 * 24 * 3600_000),
    place: { venue: 'RefugeLink Community Hall, Eastleigh', country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.2741, longitude: 36.8510, precision: 'CITY' as never },
    rounds: 6,
    minutesPerMeeting: 20,
    format: 'ONE_TO_ONE' as never,
    capacity: 60,
    attendeeListVisibility: 'ATTENDEES' as never,
    kindRules: [{ kind: 'FOUNDATION' as never, mode: 'ONLY' as never, kinds: ['COMMUNITY_GROUP', 'FAITH_BASED', 'NETWORK', 'NGO'] as never }],
    metBefore: 'RANK_LOWER' as never,
  }));
  await ds.transaction((tx) => openEvent(organizer, tx, { eventId }));

  const visible = DEMO_ORGANIZATIONS.filter((o) => o.visibility !== Visibility.PRIVATE && o.slug !== DEMO_EVENT_ORGANIZER).map((o) => o.slug);
  const ids: { id: string; slug: string }[] = await ds.query('SELECT id, slug FROM organizations WHERE slug = ANY($1::text[]) ORDER BY slug', [visible]);
  let count = 0;
  for (const [i, org] of ids.slice(0, ATTENDEES - DEMO_EVENT_PRIVATE.length).entries()) {
    await ds.transaction((tx) => register(organizer, tx, {
      eventId, organizationId: org.id,
      // A few constraints an organizer meets every time: late arrivals, a meeting cap.
      ...(i % 9 === 4 ? { availableRounds: [3, 4, 5, 6] } : {}),
      ...(i % 11 === 7 ? { maxMeetings: 3 } : {}),
    }));
    count++;
  }
  const privateNames = DEMO_ORGANIZATIONS.filter((o) => DEMO_EVENT_PRIVATE.includes(o.slug)).map((o) => o.name);
  const hidden: { id: string }[] = await ds.query('SELECT id FROM organizations WHERE name = ANY($1::text[]) ORDER BY name', [privateNames]);
  for (const org of hidden) {
    await ds.transaction((tx) => register(defender, tx, { eventId, organizationId: org.id, people: ['(name given at the door)'] }));
    count++;
  }
  await ds.transaction((tx) => generate(organizer, tx, { eventId, seed: 2026 }));
  await ds.transaction((tx) => publish(organizer, tx, { eventId }));
  log(`demo event: "${DEMO_EVENT_TITLE}" with ${count} registrations, schedule published`);
  return count;
}
