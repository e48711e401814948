import {
  EventFunnelDocument, EventFunnelTotalsDocument, EventMeetingIntroductionRequestDocument, EventMeetingMarkDocument,
} from '../generated/graphql.js';
import { createOrg, signUp, type TestUser } from '../support/factories.js';
import { firstRoundMeetings, startedEvent, type Attendee } from '../support/events-after-fixtures.js';
import { errorCode, gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { funnelCount, sumStage } from '../../src/events/funnel.js';
import { neutralizeFormula } from '../../src/events/schedule-export.js';
import { signDocumentClaims, verifyDocumentToken } from '../../src/events/document-token.js';
import { EventDocumentKind } from '../../src/events/event.enums.js';

// The organizers' funnel over HTTP: counts only, small counts as "fewer than 3", and released in batches so that
// reading it before and after one attendee's answer shows the same numbers; an answer from an organization that
// shares a member with the organizers does not count towards a release. Totals over past events.

let app: TestApp;
let organizer: TestUser;
let hostId: string;
beforeAll(async () => {
  app = await startTestApp();
  organizer = await signUp(app, 'Funnel organizer');
  hostId = (await createOrg(app, organizer, { name: 'Funnel Host Network', kind: 'NETWORK' })).id;
});
afterAll(() => app?.close());

const funnel = async (eventId: string, token = organizer.token) => ok(await gql(app, EventFunnelDocument, { id: eventId }, token)).event.funnel;
const mark = async (meetingId: string, who: Attendee, held: boolean) => {
  const payload = ok(await gql(app, EventMeetingMarkDocument, { input: { meetingId, held } }, who.user.token)).eventMeetingMark;
  expect(payload.userErrors).toEqual([]);
};

it('counts only, fewer than 3 below 3, released once three independent organizations answered; one more answer changes nothing', async () => {
  const owners = [...(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => signUp(app, `Funnel owner ${i}`)))), organizer];
  const { event, attendees } = await startedEvent(app, organizer, hostId, 7, { owners });
  const puppet = attendees[6]; // owned by the organizer: its answers never count towards a release
  const fresh = await funnel(event.id);
  expect(fresh).toMatchObject({
    registered: { value: 7, fewerThanThree: false, label: '7' },
    checkedIn: { value: null, fewerThanThree: true, label: 'fewer than 3' },
    meetingsHeld: { value: null, fewerThanThree: true }, introductionsAsked: { value: null, fewerThanThree: true }, releasedAt: null,
  });
  // Attendees read no funnel at all.
  expect(await funnel(event.id, attendees[0].user.token)).toBeNull();

  const meetings = await firstRoundMeetings(app, event.id, attendees);
  expect(meetings.length).toBe(3);
  const answerers = meetings.map((m) => m.sides.find((s) => s !== puppet)!);
  const puppetMeeting = meetings.find((m) => m.sides.includes(puppet));
  if (puppetMeeting) await mark(puppetMeeting.meetingId, puppet, true);
  await mark(meetings[0].meetingId, answerers[0], true);
  await mark(meetings[1].meetingId, answerers[1], true);
  // Two independent organizations (and the organizers' own) have answered: nothing is released yet.
  const before = await funnel(event.id);
  expect(before).toMatchObject({ meetingsHeld: { value: null, fewerThanThree: true }, releasedAt: null });
  await mark(meetings[2].meetingId, answerers[2], true);
  const released = await funnel(event.id);
  expect(released!.meetingsHeld).toEqual({ value: 3, fewerThanThree: false, atLeast: false, label: '3' });
  expect(released!.releasedAt).not.toBeNull();

  // The diffing organizer: one attendee changes its answer (and asks for an introduction); the funnel reads the same.
  await mark(meetings[0].meetingId, answerers[0], false);
  const asked = ok(await gql(app, EventMeetingIntroductionRequestDocument, { input: { meetingId: meetings[1].meetingId, message: 'Follow up?' } }, answerers[1].user.token)).eventMeetingIntroductionRequest;
  expect(asked.userErrors).toEqual([]);
  expect(await funnel(event.id)).toEqual(released);

  // Totals over past events: this one, once it has ended, from its release.
  await app.db.query(
    `UPDATE events SET starts_at = starts_at - interval '1 day', ends_at = ends_at - interval '1 day',
       registration_deadline = registration_deadline - interval '1 day' WHERE id = $1`,
    [event.id],
  );
  const totals = ok(await gql(app, EventFunnelTotalsDocument, { organizerOrganizationId: hostId }, organizer.token)).eventFunnelTotals;
  expect(totals).toMatchObject({
    events: 1, registered: { value: 7, label: '7' }, meetingsHeld: { value: 3 },
    checkedIn: { label: 'fewer than 3' }, introductionsAsked: { label: 'fewer than 3' }, collaborations: { label: 'fewer than 3' },
  });
  expect(errorCode(await gql(app, EventFunnelTotalsDocument, { organizerOrganizationId: hostId }, attendees[0].user.token))).toBe('FORBIDDEN');
  expect(errorCode(await gql(app, EventFunnelTotalsDocument, { organizerOrganizationId: attendees[0].org.id }, organizer.token))).toBe('FORBIDDEN');
});

describe('pure pieces', () => {
  it('small counts and totals: a total never lets a hidden small count be worked out', () => {
    expect(funnelCount(0).label).toBe('fewer than 3');
    expect(funnelCount(2)).toEqual({ value: null, fewerThanThree: true, atLeast: false, label: 'fewer than 3' });
    expect(funnelCount(3).label).toBe('3');
    // 10 + 8 shown, a hidden 2 left out: "at least 18" (18 + 2 would reveal the 2 by subtraction).
    expect(sumStage([10, 8, 2])).toEqual({ value: 18, fewerThanThree: false, atLeast: true, label: 'at least 18' });
    // Hidden ones that reach 3 together are summed: 10 + (2 + 1).
    expect(sumStage([10, 2, 1])).toEqual({ value: 13, fewerThanThree: false, atLeast: false, label: '13' });
    expect(sumStage([1, 1])).toMatchObject({ label: 'fewer than 3' });
    expect(sumStage([])).toMatchObject({ label: 'fewer than 3' });
  });

  it('formula cells are neutralised; other cells kept', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(neutralizeFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Plain', 'a=b', '', '1-2']) expect(neutralizeFormula(cell)).toBe(cell);
  });

  it('document links: signed, bound, expiring', () => {
    const secret = Buffer.alloc(32, 7);
    const claims = { kind: EventDocumentKind.AGENDA, eventId: 'e', organizationId: 'o', tokenId: 't', timeZone: 'UTC', expiresAt: Math.floor(Date.now() / 1000) + 60 };
    const token = signDocumentClaims(secret, claims);
    expect(verifyDocumentToken(secret, token)).toEqual(claims);
    expect(verifyDocumentToken(Buffer.alloc(32, 8), token)).toBeNull();
    expect(verifyDocumentToken(secret, token, Date.now() + 61_000)).toBeNull();
    expect(verifyDocumentToken(secret, `${token.split('.')[0]}x.${token.split('.')[1]}`)).toBeNull();
  });
});
