import { parse } from 'csv-parse/sync';
import {
  EventCheckInDocument, EventCheckInOpenDocument, EventDocumentLinkDocument, EventDoorDocument, EventMatchListCsvDocument,
  EventMeetingIntroductionRequestDocument, EventMeetingMarkDocument, EventNoShowMarkDocument, EventVolunteerSetDocument,
  IntroductionsDocument, RespondToIntroductionDocument, SignOutDocument,
} from '../generated/graphql.js';
import { addMember, createOrg, signUp, type TestUser } from '../support/factories.js';
import { agendaOf, firstRoundMeetings, startedEvent } from '../support/events-after-fixtures.js';
import { errorCode, gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// After the schedule, over HTTP: the CSV match list and the signed document links, each side's own answers about
// its meetings, introductions asked from a meeting in one step, the door (check-in by code, volunteers, no-shows
// that free their later meetings and repair the schedule). The funnel has its own file (events-after-funnel).

let app: TestApp;
let organizer: TestUser;
let stranger: TestUser;
let hostId: string;
beforeAll(async () => {
  app = await startTestApp();
  [organizer, stranger] = await Promise.all([signUp(app, 'Organizer'), signUp(app, 'Stranger')]);
  hostId = (await createOrg(app, organizer, { name: 'Door Host Network', kind: 'NETWORK' })).id;
});
afterAll(() => app?.close());

const fetchDocument = (url: string) => fetch(`${app.baseUrl}${url}`);

describe('exports', () => {
  it('the CSV match list is for the organizers, neutralises formula cells and shows a PRIVATE attendee as the organizers see it', async () => {
    const names = ['=HYPERLINK("http://evil.example","x")', '@SUM(A1)', 'Plain Partners', 'Quiet Shelter'];
    const { event, attendees } = await startedEvent(app, organizer, hostId, 4, {
      org: (i) => ({ name: `${names[i]} ${i}`, ...(i === 3 ? { visibility: 'PRIVATE' as const } : {}) }),
      registration: (i) => ({ people: i === 1 ? ['-2+3 Jane', '+Tabby'] : [`Person ${i}`] }),
    });
    const csv = ok(await gql(app, EventMatchListCsvDocument, { id: event.id, timeZone: 'Africa/Nairobi' }, organizer.token)).event.matchListCsv!;
    const records: string[][] = parse(csv, { bom: true, relax_column_count: false });
    expect(records[0]).toEqual(['round', 'time', 'starts_at', 'table', 'organization_a', 'check_in_code_a', 'people_a', 'organization_b',
      'check_in_code_b', 'people_b', 'score', 'reasons_for_a', 'reasons_for_b', 'locked']);
    expect(records.length).toBeGreaterThan(2);
    for (const record of records) for (const cell of record) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    const cells = records.flat();
    expect(cells).toContain(`'${names[0]} 0`);
    expect(cells.some((c) => c.startsWith("'@SUM(A1)"))).toBe(true);
    expect(cells.some((c) => c.includes("'-2+3 Jane"))).toBe(true);
    // The PRIVATE attendee: never its name, its card in words as on the organizers' screens, with its people and code.
    expect(csv).not.toContain('Quiet Shelter');
    expect(cells.some((c) => c.startsWith('Anonymous ngo'))).toBe(true);
    // Nairobi time (UTC+3) in `time`, UTC in starts_at.
    const first = records[1];
    expect(new Date(first[2]).toISOString()).toBe(first[2]);
    expect(first[1]).toMatch(/^\d{2}:\d{2}-\d{2}:\d{2}$/);
    expect(Number(first[1].slice(0, 2))).toBe((new Date(first[2]).getUTCHours() + 3) % 24);

    // Attendees and strangers: null for the field, FORBIDDEN for a link.
    expect(ok(await gql(app, EventMatchListCsvDocument, { id: event.id }, attendees[0].user.token)).event.matchListCsv).toBeNull();
    expect(errorCode(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'MATCH_LIST_CSV' }, attendees[0].user.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'ORGANIZER_SHEET' }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'MATCH_LIST_CSV', timeZone: 'Mars/Olympus' }, organizer.token))).toBe('BAD_USER_INPUT');

    // The same CSV behind a signed link, as a download.
    const link = ok(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'MATCH_LIST_CSV', timeZone: 'Africa/Nairobi' }, organizer.token)).event.documentLink;
    expect(new Date(link.expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(600_000);
    const response = await fetchDocument(link.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await response.arrayBuffer()).toString('utf8')).toBe(csv);
  });

  it('signed links: tampered, unknown or revoked ones answer 404 alike; an agenda link serves inert, escaped HTML to the members only', async () => {
    const { event, attendees } = await startedEvent(app, organizer, hostId, 4, {
      registration: (i) => ({ people: i === 0 ? ['<script>window.pwned=1</script>', '<img src=x onerror=alert(1)>'] : [`Person ${i}`] }),
    });
    const [me] = attendees;
    const link = ok(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'AGENDA', organizationId: me.org.id, timeZone: 'UTC' }, me.user.token)).event.documentLink;
    const page = await fetchDocument(link.url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await page.text();
    expect(body).toContain('&lt;script&gt;window.pwned=1&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(body).not.toMatch(/<script|<img/i);
    const agenda = await agendaOf(app, event.id, me);
    expect(body).toContain(agenda.registration.checkInCode!);

    // Someone else's agenda: FORBIDDEN (a member of another attendee), as for the organizers' documents.
    expect(errorCode(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'AGENDA', organizationId: me.org.id }, attendees[1].user.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'AGENDA', organizationId: me.org.id }, organizer.token))).toBe('FORBIDDEN');

    const [body64, signature] = new URL(link.url, app.baseUrl).searchParams.get('token')!.split('.');
    const forged = JSON.parse(Buffer.from(body64, 'base64url').toString());
    forged[2] = attendees[1].org.id;
    const tampered = `/documents/event?token=${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    for (const url of [tampered, '/documents/event?token=nonsense', '/documents/event', `${link.url}x`]) {
      const answer = await fetchDocument(url);
      expect({ url, status: answer.status }).toEqual({ url, status: 404 });
    }

    // A link dies with the access token it was made for.
    const editor = await signUp(app, 'Editor');
    await addMember(app, organizer, hostId, editor, 'EDITOR');
    const sheet = ok(await gql(app, EventDocumentLinkDocument, { id: event.id, kind: 'ORGANIZER_SHEET' }, editor.token)).event.documentLink;
    const before = await fetchDocument(sheet.url);
    expect(before.status).toBe(200);
    const sheetHtml = await before.text();
    expect(sheetHtml).toContain('Door list');
    for (const a of attendees) expect(sheetHtml).toContain((await agendaOf(app, event.id, a)).registration.checkInCode!);
    expect(ok(await gql(app, SignOutDocument, {}, editor.token)).accountSignOut.revoked).toBe(true);
    expect((await fetchDocument(sheet.url)).status).toBe(404);
  });
});

describe('after the meetings', () => {
  it('each side says whether a meeting took place, for itself only, once its round has begun', async () => {
    const { event, attendees } = await startedEvent(app, organizer, hostId, 4);
    const [meeting] = await firstRoundMeetings(app, event.id, attendees);
    const [x, y] = meeting.sides;
    const marked = ok(await gql(app, EventMeetingMarkDocument, { input: { meetingId: meeting.meetingId, held: true, rating: 4 } }, x.user.token)).eventMeetingMark;
    expect(marked.userErrors).toEqual([]);
    const mine = marked.agenda!.items.flatMap((i) => i.with).find((c) => c.meetingId === meeting.meetingId);
    expect(mine).toMatchObject({ viewerHeld: true, viewerRating: 4 });
    // The other side reads nothing of it.
    const theirs = (await agendaOf(app, event.id, y)).items.flatMap((i) => i.with).find((c) => c.meetingId === meeting.meetingId);
    expect(theirs).toMatchObject({ viewerHeld: null, viewerRating: null });
    const denied = ok(await gql(app, EventMeetingMarkDocument, { input: { meetingId: meeting.meetingId, held: false, rating: 2 } }, y.user.token)).eventMeetingMark;
    expect(denied.userErrors.map((e) => [e.code, e.field])).toEqual([['RATING_NEEDS_HELD', 'input.rating']]);
    const no = ok(await gql(app, EventMeetingMarkDocument, { input: { meetingId: meeting.meetingId, held: false } }, y.user.token)).eventMeetingMark;
    expect(no.agenda!.items.flatMap((i) => i.with).find((c) => c.meetingId === meeting.meetingId)).toMatchObject({ viewerHeld: false, viewerRating: null });
    // ...and x's answer is still its own.
    expect((await agendaOf(app, event.id, x)).items.flatMap((i) => i.with).find((c) => c.meetingId === meeting.meetingId)).toMatchObject({ viewerHeld: true, viewerRating: 4 });

    // A round not begun yet; people who are not a side (the organizer included) get NOT_FOUND like a random id.
    const later = (await agendaOf(app, event.id, x)).items.find((i) => i.round === 3 && !i.sitOut)!.with[0].meetingId;
    const early = ok(await gql(app, EventMeetingMarkDocument, { input: { meetingId: later, held: true } }, x.user.token)).eventMeetingMark;
    expect(early.userErrors.map((e) => e.code)).toEqual(['NOT_STARTED']);
    for (const token of [stranger.token, organizer.token]) {
      expect(errorCode(await gql(app, EventMeetingMarkDocument, { input: { meetingId: meeting.meetingId, held: true } }, token))).toBe('NOT_FOUND');
    }
    expect(errorCode(await gql(app, EventMeetingMarkDocument, { input: { meetingId: '00000000-0000-4000-8000-000000000000', held: true } }, x.user.token))).toBe('NOT_FOUND');
    const member = await signUp(app, 'Plain member');
    await addMember(app, x.user, x.org.id, member, 'MEMBER');
    expect(errorCode(await gql(app, EventMeetingMarkDocument, { input: { meetingId: meeting.meetingId, held: true } }, member.token))).toBe('FORBIDDEN');
  });

  it('asks for an introduction from a meeting in one step, with the meeting\'s reasons; a decline is told to the side that asked only', async () => {
    const { event, attendees } = await startedEvent(app, organizer, hostId, 4);
    const [meeting, other] = await firstRoundMeetings(app, event.id, attendees);
    const [x, y] = meeting.sides;
    const reasons = (await agendaOf(app, event.id, x)).items.flatMap((i) => i.with).find((c) => c.meetingId === meeting.meetingId)!.reasons.map((r) => r.text);
    const asked = ok(await gql(app, EventMeetingIntroductionRequestDocument, { input: { meetingId: meeting.meetingId, message: 'Great talk, let us continue' } }, x.user.token)).eventMeetingIntroductionRequest;
    expect(asked.userErrors).toEqual([]);
    expect(asked.introduction).toMatchObject({ status: 'PENDING', fromOrganization: { id: x.org.id }, toOrganization: { id: y.org.id }, message: 'Great talk, let us continue' });
    expect(asked.introduction!.reasons).toEqual([`met at "Networking day"`, ...reasons].slice(0, 10));
    const again = ok(await gql(app, EventMeetingIntroductionRequestDocument, { input: { meetingId: meeting.meetingId, message: 'Again' } }, x.user.token)).eventMeetingIntroductionRequest;
    expect(again.userErrors.map((e) => e.code)).toEqual(['ALREADY_ASKED']);

    // The side asked sees it received (the ordinary introductions), not on its agenda as its own ask.
    const received = ok(await gql(app, IntroductionsDocument, { organizationId: y.org.id, direction: 'RECEIVED' }, y.user.token)).introductions.nodes;
    expect(received.map((i) => i.id)).toEqual([asked.introduction!.id]);
    const declined = ok(await gql(app, RespondToIntroductionDocument, { input: { introductionId: asked.introduction!.id, accept: false } }, y.user.token)).respondToIntroduction;
    expect(declined.introduction?.status).toBe('DECLINED');
    const onX = (await agendaOf(app, event.id, x)).items.flatMap((i) => i.with).find((c) => c.meetingId === meeting.meetingId)!;
    expect(onX.viewerIntroduction).toMatchObject({ id: asked.introduction!.id, status: 'DECLINED' });
    const onY = (await agendaOf(app, event.id, y)).items.flatMap((i) => i.with).find((c) => c.meetingId === meeting.meetingId)!;
    expect(onY.viewerIntroduction).toBeNull();
    // Another attendee and the organizers see no trace of it.
    const [z] = other.sides;
    expect(JSON.stringify(await agendaOf(app, event.id, z))).not.toContain(asked.introduction!.id);
    expect(ok(await gql(app, IntroductionsDocument, { organizationId: z.org.id }, z.user.token)).introductions.nodes).toEqual([]);
    expect(errorCode(await gql(app, EventMeetingIntroductionRequestDocument, { input: { meetingId: meeting.meetingId, message: 'Hi' } }, z.user.token))).toBe('NOT_FOUND');
  });
});

describe('the door', () => {
  it('checks attendees in by code: organizers and designated volunteers only', async () => {
    const { event, attendees } = await startedEvent(app, organizer, hostId, 4);
    const volunteer = await signUp(app, 'Volunteer');
    await addMember(app, organizer, hostId, volunteer, 'MEMBER');
    const code = (await agendaOf(app, event.id, attendees[0])).registration.checkInCode!;
    expect(code).toMatch(/^[A-HJ-NP-Z2-9]{6}$/);
    expect(ok(await gql(app, EventDoorDocument, { id: event.id }, volunteer.token)).event.viewerCanCheckIn).toBe(false);
    for (const token of [volunteer.token, attendees[0].user.token]) {
      expect(errorCode(await gql(app, EventCheckInDocument, { input: { eventId: event.id, code } }, token))).toBe('FORBIDDEN');
    }
    const notMember = ok(await gql(app, EventVolunteerSetDocument, { input: { eventId: event.id, userId: stranger.id, volunteer: true } }, organizer.token)).eventVolunteerSet;
    expect(notMember.userErrors.map((e) => [e.code, e.field])).toEqual([['NOT_A_MEMBER', 'input.userId']]);
    expect(errorCode(await gql(app, EventVolunteerSetDocument, { input: { eventId: event.id, userId: volunteer.id, volunteer: true } }, volunteer.token))).toBe('FORBIDDEN');
    expect(ok(await gql(app, EventVolunteerSetDocument, { input: { eventId: event.id, userId: volunteer.id, volunteer: true } }, organizer.token)).eventVolunteerSet.userErrors).toEqual([]);
    expect(ok(await gql(app, EventDoorDocument, { id: event.id }, volunteer.token)).event.viewerCanCheckIn).toBe(true);

    const typed = `${code.slice(0, 3).toLowerCase()}-${code.slice(3)}`;
    const first = ok(await gql(app, EventCheckInDocument, { input: { eventId: event.id, code: typed } }, volunteer.token)).eventCheckIn;
    expect(first.userErrors).toEqual([]);
    expect(first.checkIn).toMatchObject({ code, alreadyCheckedIn: false, people: ['Person 0'], organization: { id: attendees[0].org.id } });
    const second = ok(await gql(app, EventCheckInDocument, { input: { eventId: event.id, code } }, volunteer.token)).eventCheckIn;
    expect(second.checkIn).toMatchObject({ alreadyCheckedIn: true, checkedInAt: first.checkIn!.checkedInAt });
    const unknown = ok(await gql(app, EventCheckInDocument, { input: { eventId: event.id, code: 'ZZZZZZ' } }, volunteer.token)).eventCheckIn;
    expect(unknown.userErrors.map((e) => [e.code, e.field])).toEqual([['UNKNOWN_CODE', 'input.code']]);
    expect(errorCode(await gql(app, EventCheckInDocument, { input: { eventId: event.id, code } }, stranger.token))).toBe('FORBIDDEN');
    // The volunteer reads no registration in full.
    expect(ok(await gql(app, EventDoorDocument, { id: event.id }, volunteer.token)).event.registrations.nodes).toEqual([]);
    // Withdrawn: the door closes for it.
    await gql(app, EventVolunteerSetDocument, { input: { eventId: event.id, userId: volunteer.id, volunteer: false } }, organizer.token);
    expect(errorCode(await gql(app, EventCheckInDocument, { input: { eventId: event.id, code } }, volunteer.token))).toBe('FORBIDDEN');
  });

  it('no-shows free their later meetings and the schedule repairs itself, saying what moved; affected attendees see their new agenda', async () => {
    const { event, attendees } = await startedEvent(app, organizer, hostId, 6);
    const arrived = attendees.slice(0, 4);
    for (const a of arrived) {
      const code = (await agendaOf(app, event.id, a)).registration.checkInCode!;
      expect(ok(await gql(app, EventCheckInDocument, { input: { eventId: event.id, code } }, organizer.token)).eventCheckIn.userErrors).toEqual([]);
    }
    const round1 = await firstRoundMeetings(app, event.id, attendees);
    const absent = attendees.slice(4).filter((a) => round1.some((m) => m.sides.includes(a)));
    expect(absent.length).toBeGreaterThan(0);
    const before = ok(await gql(app, EventDoorDocument, { id: event.id }, organizer.token)).event;
    // Opening check-in with no grace: round 1 has begun, so whoever meets in it and has not arrived is a no-show.
    const opened = ok(await gql(app, EventCheckInOpenDocument, { input: { eventId: event.id, graceMinutes: 0 } }, organizer.token)).eventCheckInOpen;
    expect(opened.userErrors).toEqual([]);
    const after = ok(await gql(app, EventDoorDocument, { id: event.id }, organizer.token)).event;
    for (const a of absent) expect(after.registrations.nodes.find((r) => r.id === a.registrationId)!.noShowAt).not.toBeNull();
    for (const a of arrived) expect(after.registrations.nodes.find((r) => r.id === a.registrationId)!.noShowAt).toBeNull();
    const noShowChanges = after.schedule!.changes.filter((c) => c.was.includes('no-show'));
    expect(noShowChanges.length).toBeGreaterThan(0);
    expect(noShowChanges.every((c) => c.round >= 2)).toBe(true);
    expect(after.schedule!.changes.length).toBeGreaterThan(before.schedule!.changes.length);
    // Their later meetings are gone, round 1 stays as history.
    for (const a of absent) {
      const agenda = await agendaOf(app, event.id, a);
      expect(agenda.items.filter((i) => i.round >= 2).every((i) => i.sitOut)).toBe(true);
      expect(agenda.items.find((i) => i.round === 1)!.sitOut).toBe(false);
    }
    // A partner who lost a meeting reads the change on its agenda, without a word about who did not come.
    const partners = arrived.filter((a) => noShowChanges.some((c) => c.registrations.some((r) => r.id === a.registrationId)));
    expect(partners.length).toBeGreaterThan(0);
    const told = await agendaOf(app, event.id, partners[0]);
    expect(told.changes.length).toBeGreaterThan(0);
    for (const a of absent) expect(JSON.stringify(told.changes)).not.toContain(a.org.name);
    for (const item of told.items.filter((i) => i.round >= 2)) {
      for (const c of item.with) expect(absent.map((a) => a.org.id)).not.toContain(c.organization?.id);
    }

    // An organizer marks an arrived attendee who left: its meetings from round 2 on are freed too.
    const leaver = arrived[0];
    const marked = ok(await gql(app, EventNoShowMarkDocument, { input: { registrationId: leaver.registrationId } }, organizer.token)).eventNoShowMark;
    expect(marked.userErrors).toEqual([]);
    expect((await agendaOf(app, event.id, leaver)).items.filter((i) => i.round >= 2).every((i) => i.sitOut)).toBe(true);
    const twice = ok(await gql(app, EventNoShowMarkDocument, { input: { registrationId: leaver.registrationId } }, organizer.token)).eventNoShowMark;
    expect(twice.userErrors.map((e) => e.code)).toEqual(['ALREADY_NO_SHOW']);
    expect(errorCode(await gql(app, EventNoShowMarkDocument, { input: { registrationId: arrived[1].registrationId } }, arrived[1].user.token))).toBe('NOT_FOUND');
    // A late arrival clears its mark (its lost meetings stay lost: the organizers may add some by hand).
    const late = absent[0];
    const code = (await agendaOf(app, event.id, late)).registration.checkInCode!;
    expect(ok(await gql(app, EventCheckInDocument, { input: { eventId: event.id, code } }, organizer.token)).eventCheckIn.checkIn?.alreadyCheckedIn).toBe(false);
    expect((await agendaOf(app, event.id, late)).registration).toMatchObject({ noShowAt: null });
  });
});
