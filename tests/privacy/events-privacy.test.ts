import {
  EventAgendaDocument, EventAttendeesDocument, EventDocument, EventMeetingAddDocument, EventRegistrationUpdateDocument,
  EventRegistrationsDocument, EventScheduleDocument, EventScheduleGenerateDocument, EventSchedulePublishDocument, EventUpdateDocument,
  EventsDocument,
} from '../generated/graphql.js';
import { addCapability, addNeed, createOrg, signUp, type TestUser } from '../support/factories.js';
import { createEvent, openEvent, registerOrg } from '../support/event-factories.js';
import { errorCode, gql, ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Events attacked as an ordinary account would: reading another registration's do-not-meet list (directly, through
// every answer it can get, through the schedule), the attendee list under each visibility, and a PRIVATE attendee
// who must stay unnamed (in the list, in agendas, in the organizer's own view).

let app: TestApp;
const users = {} as Record<'organizer' | 'x' | 'y' | 'p' | 'z' | 'stranger', TestUser>;
const orgs = {} as Record<'host' | 'x' | 'y' | 'p' | 'z', string>;
const regs = {} as Record<'x' | 'y' | 'p' | 'z', string>;
let eventId: string;

beforeAll(async () => {
  app = await startTestApp();
  for (const name of ['organizer', 'x', 'y', 'p', 'z', 'stranger'] as const) users[name] = await signUp(app, name);
  orgs.host = (await createOrg(app, users.organizer, { name: 'Privacy Host', kind: 'NETWORK' })).id;
  orgs.x = (await createOrg(app, users.x, { name: 'Xenia Rights', kind: 'NGO' })).id;
  orgs.y = (await createOrg(app, users.y, { name: 'Yusra Legal', kind: 'LEGAL_AID' })).id;
  orgs.z = (await createOrg(app, users.z, { name: 'Zawadi Group', kind: 'COMMUNITY_GROUP' })).id;
  orgs.p = (await createOrg(app, users.p, {
    name: 'Quiet Defenders', kind: 'MEDIA', visibility: 'PRIVATE', languages: ['sw'],
    location: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.29, longitude: 36.82, precision: 'EXACT' },
  })).id;
  for (const k of ['x', 'y', 'z', 'p'] as const) {
    await addCapability(app, users[k], orgs[k], k === 'p' ? 'media-relations' : 'grant-writing', 'EXPERT');
    await addNeed(app, users[k], orgs[k], k === 'x' ? 'media-relations' : 'legal-clinics', 'HIGH');
  }
  const event = await createEvent(app, users.organizer, orgs.host, { attendeeListVisibility: 'ATTENDEES', rounds: 3 });
  eventId = event.id;
  await openEvent(app, users.organizer, eventId);
  for (const k of ['x', 'y', 'z', 'p'] as const) regs[k] = (await registerOrg(app, users[k], eventId, orgs[k], { people: [`${k} person`], contactEmail: `${k}@example.org` })).id;
  // Y will not meet X.
  const blocked = ok(await gql(app, EventRegistrationUpdateDocument, { input: { registrationId: regs.y, doNotMeetOrganizationIds: [orgs.x] } }, users.y.token)).eventRegistrationUpdate;
  expect(blocked.registration?.doNotMeet.map((d) => d.organization?.id)).toEqual([orgs.x]);
}, 60_000);
afterAll(() => app?.close());

describe('do-not-meet stays between the registrant and the organizers', () => {
  it('only the organizers and the registrant read the list', async () => {
    const asOrganizer = ok(await gql(app, EventRegistrationsDocument, { id: eventId }, users.organizer.token)).event.registrations.nodes;
    expect(asOrganizer.find((r) => r.id === regs.y)?.doNotMeet.map((d) => d.organization?.id)).toEqual([orgs.x]);
    const asX = ok(await gql(app, EventRegistrationsDocument, { id: eventId }, users.x.token)).event.registrations.nodes;
    expect(asX.map((r) => r.id)).toEqual([regs.x]);
    expect(ok(await gql(app, EventRegistrationsDocument, { id: eventId }, users.stranger.token)).event.registrations.totalCount).toBe(0);
  });

  it('the blocked organization cannot touch or probe the blocker\'s registration: NOT_FOUND exactly like a random id', async () => {
    const probe = (registrationId: string) => gql(app, EventRegistrationUpdateDocument, { input: { registrationId, people: ['probe'] } }, users.x.token);
    const real = await probe(regs.y);
    const random = await probe('00000000-0000-4000-8000-000000000000');
    expect(errorCode(real)).toBe('NOT_FOUND');
    expect({ data: real.data, errors: real.errors?.map((e) => [e.message, e.extensions?.code]) })
      .toEqual({ data: random.data, errors: random.errors?.map((e) => [e.message, e.extensions?.code]) });
  });

  it('nothing the blocked organization can read carries a trace of the list, before or after publishing', async () => {
    const generated = ok(await gql(app, EventScheduleGenerateDocument, { input: { eventId, seed: 3 } }, users.organizer.token)).eventScheduleGenerate;
    expect(generated.userErrors).toEqual([]);
    const meetings = ok(await gql(app, EventScheduleDocument, { id: eventId }, users.organizer.token)).event.schedule!.meetings.nodes;
    expect(meetings.some((m) => m.registrations.map((r) => r.id).sort().join() === [regs.x, regs.y].sort().join())).toBe(false);
    // The organizer is told which rule a hand-placed meeting breaks.
    const refused = ok(await gql(app, EventMeetingAddDocument, { input: { eventId, round: 1, registrationIds: [regs.x, regs.y] } }, users.organizer.token)).eventMeetingAdd;
    expect(refused.userErrors.map((e) => e.code)).toEqual(['DO_NOT_MEET']);
    // Everything X may ask: the event with its lists and schedule, its registrations, the events list, its agenda.
    const answers: unknown[] = [];
    const everything = `query($id: ID!, $org: ID!) { event(id: $id) { id status registrationCount viewerIsOrganizer
      registrations(first: 100) { nodes { id doNotMeet { organization { id } anonymous { kind } } } }
      attendees(first: 100) { totalCount nodes { organization { id } } }
      schedule { meetingCount sitOuts { round } changes { was } }
      agenda(organizationId: $org) { items { round sitOut with { organization { id } anonymous { kind } score reasons { code text } } } } } }`;
    answers.push(ok(await rawGql(app, everything, { id: eventId, org: orgs.x }, users.x.token)));
    answers.push(ok(await gql(app, EventsDocument, { registeredOrganizationId: orgs.x }, users.x.token)));
    await gql(app, EventSchedulePublishDocument, { input: { eventId } }, users.organizer.token);
    const published = ok(await rawGql<{ event: { schedule: unknown; agenda: { items: { sitOut: boolean; with: { organization: { id: string } | null }[] }[] } } }>(app, everything, { id: eventId, org: orgs.x }, users.x.token));
    answers.push(published);
    const text = JSON.stringify(answers);
    expect(text).not.toContain(regs.y); // the blocker's registration never reaches X
    expect(published.event.schedule).toBeNull(); // sit-outs and changes of others are the organizers' only
    // X's agenda lists its own rounds only: a round without a meeting says "sitOut", never why.
    const items = published.event.agenda.items;
    expect(items.map((i) => Object.keys(i).sort())).toEqual(items.map(() => ['round', 'sitOut', 'with']));
    expect(items.flatMap((i) => i.with.map((w) => w.organization?.id))).not.toContain(orgs.y);
  });
});

describe('the attendee list', () => {
  const listAs = async (token: string | null) => ok(await gql(app, EventAttendeesDocument, { id: eventId }, token)).event.attendees;

  it('follows the event\'s visibility and never names a PRIVATE attendee to non-members', async () => {
    const setVisibility = async (v: 'ORGANIZER_ONLY' | 'ATTENDEES' | 'PUBLIC') =>
      expect(ok(await gql(app, EventUpdateDocument, { input: { id: eventId, attendeeListVisibility: v } }, users.organizer.token)).eventUpdate.userErrors).toEqual([]);
    await setVisibility('ORGANIZER_ONLY');
    expect(await listAs(users.x.token)).toBeNull();
    expect(await listAs(users.stranger.token)).toBeNull();
    const organizerList = await listAs(users.organizer.token);
    // Even the organizers' list names only organizations they may see: the PRIVATE one is a registration (as a card), not a listing.
    expect(organizerList!.nodes.map((n) => n.organization.id).sort()).toEqual([orgs.x, orgs.y, orgs.z].sort());
    await setVisibility('ATTENDEES');
    const attendeeList = await listAs(users.x.token);
    expect(attendeeList!.totalCount).toBe(3); // counted as listed: the PRIVATE attendee moves no count
    expect(attendeeList!.nodes.map((n) => n.organization.id)).not.toContain(orgs.p);
    expect(await listAs(users.stranger.token)).toBeNull();
    expect((await listAs(users.p.token))!.nodes.map((n) => n.organization.id)).toContain(orgs.p); // its own members see it
    await setVisibility('PUBLIC');
    const publicList = await listAs(null);
    expect(publicList!.nodes.map((n) => n.organization.id).sort()).toEqual([orgs.x, orgs.y, orgs.z].sort());
  });

  it('the organizers see a PRIVATE registrant as a card with what it registered, never its name', async () => {
    const regsAsOrganizer = ok(await gql(app, EventRegistrationsDocument, { id: eventId }, users.organizer.token)).event.registrations.nodes;
    const p = regsAsOrganizer.find((r) => r.id === regs.p)!;
    expect(p).toMatchObject({ organization: null, anonymous: { kind: 'MEDIA', country: 'KE', region: 'Nairobi County' }, people: ['p person'], contactEmail: 'p@example.org' });
    expect(JSON.stringify(regsAsOrganizer)).not.toContain('Quiet Defenders');
  });
});

describe('a PRIVATE attendee in agendas', () => {
  it('is an anonymous card to the organizations it meets, with a banded score and only reasons about its card', async () => {
    const agenda = ok(await gql(app, EventAgendaDocument, { id: eventId, organizationId: orgs.x }, users.x.token)).event.agenda!;
    const withP = agenda.items.flatMap((i) => i.with).filter((w) => w.anonymous);
    // X needs media relations, which only P offers: the schedule pairs them.
    expect(withP.length).toBe(1);
    const [card] = withP;
    expect(card).toMatchObject({ organization: null, people: [], anonymous: { kind: 'MEDIA', country: 'KE', region: 'Nairobi County' } });
    expect(Math.abs(card.score * 20 - Math.round(card.score * 20))).toBeLessThan(1e-9);
    expect(card.reasons.every((r) => ['COVERS_NEED', 'COVERS_NEED_RELATED'].includes(r.code))).toBe(true);
    expect(card.reasons.map((r) => r.text)).toEqual([expect.stringContaining("covers your HIGH need 'Media relations'")]);
    expect(JSON.stringify(agenda)).not.toMatch(/Quiet Defenders|Swahili|p person|p@example/);
    // P's own members read their agenda with X named.
    const own = ok(await gql(app, EventAgendaDocument, { id: eventId, organizationId: orgs.p }, users.p.token)).event.agenda!;
    expect(own.items.flatMap((i) => i.with.map((w) => w.organization?.id))).toContain(orgs.x);
  });

  it('the event\'s place is exact for registrants and organizers, coarsened for everyone else', async () => {
    const place = async (token: string | null) => ok(await gql(app, EventDocument, { id: eventId }, token)).event.place;
    expect(await place(users.x.token)).toMatchObject({ venue: 'Community Hall, 12 Moi Avenue', latitude: -1.28333, longitude: 36.81667 });
    expect(await place(users.stranger.token)).toMatchObject({ venue: null, latitude: -1.25, longitude: 36.85, city: 'Nairobi' });
    expect(await place(null)).toMatchObject({ venue: null, latitude: -1.25 });
  });

  it('an event of a PRIVATE organizer exists only for its members and the organizations it registered', async () => {
    const hidden = (await createOrg(app, users.organizer, { name: 'Hidden host', visibility: 'PRIVATE' })).id;
    const event = await createEvent(app, users.organizer, hidden);
    await openEvent(app, users.organizer, event.id);
    expect(errorCode(await gql(app, EventDocument, { id: event.id }, users.stranger.token))).toBe('NOT_FOUND');
    await registerOrg(app, users.organizer, event.id, orgs.z);
    const seen = ok(await gql(app, EventDocument, { id: event.id }, users.z.token)).event;
    expect(seen.organizer).toBeNull();
    expect(seen.viewerRegisteredOrganizationIds).toEqual([orgs.z]);
  });
});
