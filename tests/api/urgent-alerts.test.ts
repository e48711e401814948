import {
  NeedMarkUrgentDocument, UrgentNeedAlertDocument, UrgentNeedAlertsDocument, type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addCapability, addMember, addNeed, createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { wsSession, type WsSession } from '../support/ws-subscriber.js';

// Urgent-need alerts over HTTP and real WebSocket clients: who is addressed (skill or category, near enough by
// public position, or remote), what the alert shows (named, or the anonymous card of a PRIVATE organization, with
// reasons and distances computed from what the recipient may see), the daily limit under concurrency, and the
// attacks: an alert's reasons, distance or mere presence must not reveal a position finer than the card.

const OFFICE = { latitude: -1.29213, longitude: 36.82194 }; // Nairobi
const NEAR = { latitude: -1.2, longitude: 36.9 }; // ~13 km from the office
const BERLIN = { latitude: 52.52, longitude: 13.405 };
// The office's REGION cell centre is (-1.5, 36.5), ~42 km from the office. P1 lies 140 km beyond the office on the
// line from that centre (140 km from the office, ~182 km from the centre); P2 140 km before the centre on the
// same line (~182 km from the office, 140 km from the centre). The alert radius is 150 km.
const P1 = { latitude: -0.6073, longitude: 37.8814 };
const P2 = { latitude: -2.1849, longitude: 35.4405 };

let app: TestApp;
let needer: TestUser; // owns the needing organizations
let helper: TestUser; // owns the organizations that may help
let stranger: TestUser;
const sessions: WsSession[] = [];
let relocation: string;
let related: { slug: string; name: string };

beforeAll(async () => {
  app = await startTestApp();
  [needer, helper, stranger] = await Promise.all([signUp(app, 'Needer'), signUp(app, 'Helper'), signUp(app, 'Stranger')]);
  relocation = await skillId(app, 'emergency-relocation');
  // Another skill of the same category, for the "related" reason.
  [related] = await app.db.query(
    `SELECT s.slug, s.name FROM skills s WHERE s.category_id = (SELECT category_id FROM skills WHERE slug = 'emergency-relocation')
       AND s.slug <> 'emergency-relocation' ORDER BY s.slug LIMIT 1`,
  );
});
afterAll(async () => {
  await Promise.all(sessions.map((s) => s.close()));
  await app?.close();
});

function session(user: TestUser): WsSession {
  const s = wsSession(app, user.token);
  sessions.push(s);
  return s;
}

type Org = Awaited<ReturnType<typeof createOrg>>;

function place(point: { latitude: number; longitude: number }, precision = 'EXACT', country = 'KE') {
  return { country, region: 'Nairobi County', city: 'Nairobi', ...point, precision } as OrganizationCreateInput['location'];
}

async function needing(input: Partial<OrganizationCreateInput> = {}, priority: 'HIGH' | 'CRITICAL' | 'LOW' = 'CRITICAL') {
  const org = await createOrg(app, needer, { name: 'Defenders at risk', kind: 'LEGAL_AID', location: place(OFFICE, 'CITY'), ...input });
  const need = await addNeed(app, needer, org.id, 'emergency-relocation', priority);
  return { org, need };
}

async function helperOrg(point: { latitude: number; longitude: number }, slug = 'emergency-relocation', remote = false, name = 'Helpers'): Promise<Org> {
  const org = await createOrg(app, helper, { name, location: place(point, 'EXACT', point === BERLIN ? 'DE' : 'KE') });
  const cap = await addCapability(app, helper, org.id, slug, 'EXPERT');
  if (remote) await app.db.query('UPDATE capabilities SET remote = true WHERE id = $1', [cap.id]);
  return org;
}

function mark(needId: string, token = needer.token) {
  return gql(app, NeedMarkUrgentDocument, { input: { needId } }, token);
}

async function markOk(needId: string) {
  const payload = ok(await mark(needId)).needMarkUrgent;
  expect(payload.userErrors).toEqual([]);
  return payload;
}

async function alertsOf(org: Org, token = helper.token) {
  return ok(await gql(app, UrgentNeedAlertsDocument, { organizationId: org.id, first: 20 }, token)).urgentNeedAlerts;
}

async function recipientsOf(needId: string): Promise<string[]> {
  const rows: { id: string }[] = await app.db.query(
    `SELECT r.organization_id AS id FROM urgent_alert_recipients r JOIN urgent_alerts a ON a.id = r.alert_id WHERE a.need_id = $1 ORDER BY 1`, [needId],
  );
  return rows.map((r) => r.id);
}

describe('needMarkUrgent', () => {
  it('addresses organizations offering the skill or its category nearby, or remotely, and pushes the alert with reasons', async () => {
    const near = await helperOrg(NEAR, 'emergency-relocation', false, 'Near exact');
    const relatedNear = await helperOrg(NEAR, related.slug, false, 'Near related');
    const remote = await helperOrg(BERLIN, 'emergency-relocation', true, 'Remote');
    const far = await helperOrg(BERLIN, 'emergency-relocation', false, 'Far');
    const other = await helperOrg(NEAR, 'video-production', false, 'Other category');
    const { org, need } = await needing({ visibility: 'NETWORK' });

    const ws = session(helper);
    const nearStream = ws.subscribe(UrgentNeedAlertDocument, { organizationId: near.id });
    const farStream = ws.subscribe(UrgentNeedAlertDocument, { organizationId: far.id });
    await new Promise((r) => setTimeout(r, 300)); // both subscriptions registered

    const payload = await markOk(need.id);
    expect(payload.need!.urgentSince).toEqual(expect.any(String));
    expect(payload.urgentAlertsRemaining).toBe(2);
    expect(await recipientsOf(need.id)).toEqual([near.id, relatedNear.id, remote.id].sort());

    const pushed = (await nearStream.next()).urgentNeedAlert;
    expect(pushed.cursor).toMatch(/^\d+$/);
    expect(pushed.alert).toMatchObject({
      recipientOrganizationId: near.id,
      organization: { id: org.id, name: 'Defenders at risk' },
      anonymousOrganization: null,
      need: { skill: { id: relocation }, priority: 'CRITICAL', status: 'OPEN', remoteOk: true },
    });
    expect(pushed.alert.reasons.map((r) => r.code)).toEqual(['NEEDS_YOUR_SKILL', 'DISTANCE']);
    expect(pushed.alert.reasons[0].text).toBe("needs 'Emergency relocation' urgently (CRITICAL), which you offer with an EXPERT capability");
    // The needing organization shows CITY precision: the band is the CITY band, the km a multiple of 10.
    expect(pushed.alert.distanceBand).toBe('within ~25 km (same area)');
    expect(pushed.alert.distanceKm! % 10).toBe(0);

    // The list shows the same alert to a member who was offline.
    const [listed] = (await alertsOf(near)).nodes;
    expect(listed).toEqual(pushed.alert);
    const relatedAlert = (await alertsOf(relatedNear)).nodes[0];
    expect(relatedAlert.reasons[0]).toEqual({ code: 'NEEDS_RELATED_SKILL', text: expect.stringContaining(`you offer related '${related.name}'`) });
    const remoteAlert = (await alertsOf(remote)).nodes[0];
    expect(remoteAlert.reasons.map((r) => r.code)).toEqual(['NEEDS_YOUR_SKILL', 'REMOTE', 'DISTANCE']);
    expect(remoteAlert.distanceBand).toBe('more than 500 km apart');
    expect((await alertsOf(far)).totalCount).toBe(0);
    expect((await alertsOf(other)).totalCount).toBe(0);

    // The far organization's subscriber got nothing: the next thing it receives is a later alert it is addressed to.
    const farNeed = await needing({ visibility: 'PUBLIC', location: place(BERLIN, 'CITY', 'DE') });
    await markOk(farNeed.need.id);
    expect((await farStream.next()).urgentNeedAlert.alert.organization!.id).toBe(farNeed.org.id);
    expect(farStream.data).toHaveLength(1);
  });

  it('refuses needs that are not open, not HIGH or CRITICAL, or already urgent, with stable codes', async () => {
    const low = await needing({}, 'LOW');
    expect(ok(await mark(low.need.id)).needMarkUrgent.userErrors).toEqual([expect.objectContaining({ code: 'PRIORITY_TOO_LOW', field: 'input.needId' })]);
    const met = await needing({}, 'HIGH');
    await app.db.query(`UPDATE needs SET status = 'MET' WHERE id = $1`, [met.need.id]);
    expect(ok(await mark(met.need.id)).needMarkUrgent.userErrors[0].code).toBe('NEED_NOT_OPEN');
    const twice = await needing({}, 'HIGH');
    await markOk(twice.need.id);
    const again = ok(await mark(twice.need.id)).needMarkUrgent;
    expect(again.userErrors[0].code).toBe('ALREADY_URGENT');
    expect(again.need).toBeNull();
  });

  it('is for owners and editors; to others a hidden need answers like a random id', async () => {
    const { org, need } = await needing({ visibility: 'NETWORK' }, 'HIGH');
    const member = await signUp(app, 'Plain member');
    await addMember(app, needer, org.id, member, 'MEMBER');
    expect(errorCode(await mark(need.id, member.token))).toBe('FORBIDDEN');
    expect(errorCode(await mark(need.id, stranger.token))).toBe('FORBIDDEN');
    const hidden = await needing({ visibility: 'PRIVATE', anonymousSuggestions: true }, 'HIGH');
    const asStranger = await mark(hidden.need.id, stranger.token);
    const random = await mark('00000000-0000-4000-8000-000000000000', stranger.token);
    expect(errorCode(asStranger)).toBe('NOT_FOUND');
    expect(asStranger).toEqual(random);
    expect(errorCode(await mark(need.id, null as unknown as string))).toBe('UNAUTHENTICATED');
    expect(await recipientsOf(need.id)).toEqual([]);
  });

  it('allows at most 3 urgent markings per organization in 24 hours, counted race-free under concurrency', async () => {
    const org = await createOrg(app, needer, { name: 'Flooder', location: place(OFFICE, 'CITY') });
    const needs = [];
    for (const slug of ['emergency-relocation', 'transport', 'video-production', 'peer-support', 'media-relations', 'mentoring', 'interpretation', 'grant-writing']) {
      needs.push(await addNeed(app, needer, org.id, slug, 'HIGH'));
    }
    const answers = await Promise.all(needs.map((n) => mark(n.id)));
    const payloads = answers.map((a) => ok(a).needMarkUrgent);
    const succeeded = payloads.filter((p) => p.userErrors.length === 0);
    const refused = payloads.filter((p) => p.userErrors.length > 0);
    expect(succeeded).toHaveLength(3);
    expect(succeeded.map((p) => p.urgentAlertsRemaining).sort()).toEqual([0, 1, 2]);
    expect(refused).toHaveLength(5);
    for (const p of refused) {
      expect(p.userErrors).toEqual([{ code: 'URGENT_LIMIT_REACHED', field: 'input.needId', message: expect.stringContaining('at most 3 needs urgent in 24 hours') }]);
    }
    const [{ count, urgent }] = await app.db.query(
      `SELECT (SELECT count(*)::int FROM urgent_alerts WHERE organization_id = $1) AS count,
              (SELECT count(*)::int FROM needs WHERE organization_id = $1 AND urgent_at IS NOT NULL) AS urgent`, [org.id],
    );
    expect({ count, urgent }).toEqual({ count: 3, urgent: 3 });
    // Another organization of the same owner has its own allowance.
    const other = await needing({}, 'HIGH');
    await markOk(other.need.id);
    // A day later the window has moved on.
    await app.db.query(`UPDATE urgent_alerts SET created_at = created_at - interval '25 hours' WHERE organization_id = $1`, [org.id]);
    const later = await addNeed(app, needer, org.id, 'crowdfunding', 'CRITICAL');
    expect((await markOk(later.id)).urgentAlertsRemaining).toBe(2);
  });

  it('a refused marking changes nothing, addresses nobody and pushes nothing', async () => {
    const near = await helperOrg(NEAR, 'emergency-relocation', false, 'Rollback witness');
    const stream = session(helper).subscribe(UrgentNeedAlertDocument, { organizationId: near.id });
    await new Promise((r) => setTimeout(r, 300));
    const { org, need } = await needing({ visibility: 'PUBLIC' }, 'HIGH');
    // The organization's window is full: the marking is refused and must leave no trace.
    await app.db.query(`INSERT INTO urgent_alerts (need_id, organization_id) SELECT $1, $2 FROM generate_series(1, 3)`, [need.id, org.id]);
    expect(ok(await mark(need.id)).needMarkUrgent.userErrors[0].code).toBe('URGENT_LIMIT_REACHED');
    const [{ events }] = await app.db.query(`SELECT count(*)::int AS events FROM activity_events WHERE kind = 'URGENT_NEED' AND $1 = ANY(organization_ids)`, [near.id]);
    expect(events).toBe(0);
    const [{ urgent }] = await app.db.query('SELECT urgent_at IS NOT NULL AS urgent FROM needs WHERE id = $1', [need.id]);
    expect(urgent).toBe(false);
    const ok2 = await needing({ visibility: 'PUBLIC' }, 'HIGH');
    await markOk(ok2.need.id);
    expect((await stream.next()).urgentNeedAlert.alert.organization!.id).toBe(ok2.org.id);
    expect(stream.data).toHaveLength(1);
  });
});

describe('privacy of urgent alerts', () => {
  it('a PRIVATE needing organization reaches others only as its anonymous card, never named', async () => {
    const near = await helperOrg(NEAR, 'emergency-relocation', false, 'Card reader');
    const optedOut = await needing({ visibility: 'PRIVATE', anonymousSuggestions: false }, 'HIGH');
    expect(ok(await mark(optedOut.need.id)).needMarkUrgent.userErrors[0].code).toBe('ANONYMOUS_SUGGESTIONS_OFF');

    const { org, need } = await needing({ visibility: 'PRIVATE', anonymousSuggestions: true, name: 'Secret shelter', location: place(OFFICE, 'EXACT') }, 'CRITICAL');
    await app.db.query(`UPDATE needs SET description = 'Call Secret shelter at +254 700 000 000' WHERE id = $1`, [need.id]);
    const stream = session(helper).subscribe(UrgentNeedAlertDocument, { organizationId: near.id });
    await new Promise((r) => setTimeout(r, 300));
    await markOk(need.id);
    const pushed = (await stream.next()).urgentNeedAlert.alert;
    const listed = (await alertsOf(near)).nodes[0];
    for (const alert of [pushed, listed]) {
      expect(alert.organization).toBeNull();
      expect(alert.anonymousOrganization).toMatchObject({ kind: 'LEGAL_AID', country: 'KE', region: 'Nairobi County' });
      expect(alert.anonymousOrganization!.token).toMatch(/^anon_/);
      expect(alert.need.description).toBeNull();
      expect(alert.need.issueArea).toBeNull();
      // Distances from the card's REGION cell, in 100 km steps and REGION words; nothing names or locates it better.
      expect(alert.distanceKm === null || alert.distanceKm % 100 === 0).toBe(true);
      expect(alert.distanceBand).toBe('within ~150 km (same region)');
      expect(JSON.stringify(alert)).not.toMatch(/Secret|\+254|-1\.29|36\.82/);
      expect(JSON.stringify(alert)).not.toContain(org.id);
    }
    // A fresh token per response: two reads cannot be linked by token.
    expect(pushed.anonymousOrganization!.token).not.toBe(listed.anonymousOrganization!.token);
    // Its own members see it by name.
    const both = await createOrg(app, needer, { name: 'Members of both', location: place(NEAR, 'EXACT') });
    await addCapability(app, needer, both.id, 'emergency-relocation');
    const second = await addNeed(app, needer, org.id, 'transport', 'HIGH');
    await markOk(second.id);
    const own = (await alertsOf(both, needer.token)).nodes[0];
    expect(own.organization).toEqual({ id: org.id, name: 'Secret shelter' });
  });

  it('who is addressed depends only on the position the recipient may see: the card\'s cell for a PRIVATE organization', async () => {
    // P1 is within 150 km of the exact office, P2 only of the REGION cell centre.
    const atP1 = await helperOrg(P1, 'emergency-relocation', false, 'At P1');
    const atP2 = await helperOrg(P2, 'emergency-relocation', false, 'At P2');
    const hidden = await needing({ visibility: 'PRIVATE', anonymousSuggestions: true, location: place(OFFICE, 'EXACT') }, 'HIGH');
    await markOk(hidden.need.id);
    const hiddenRecipients = await recipientsOf(hidden.need.id);
    expect([hiddenRecipients.includes(atP1.id), hiddenRecipients.includes(atP2.id)]).toEqual([false, true]);
    // A named organization at the same exact spot is placed at its public position: the other way round.
    const named = await needing({ visibility: 'PUBLIC', location: place(OFFICE, 'EXACT') }, 'HIGH');
    await markOk(named.need.id);
    const namedRecipients = await recipientsOf(named.need.id);
    expect([namedRecipients.includes(atP1.id), namedRecipients.includes(atP2.id)]).toEqual([true, false]);
    // So moving one's own organization around and watching for alerts (bisection, trilateration) finds at most
    // the cell centre a card already shows; the distance the alert shows is the cell's, rounded to 100 km.
    const alert = (await alertsOf(atP2)).nodes.find((a) => a.anonymousOrganization);
    expect(alert!.distanceKm).toBe(100);
    expect(alert!.distanceBand).toBe('within ~150 km (same region)');
  });

  it('urgentNeedAlerts and urgentNeedAlert are for members of the recipient organization only', async () => {
    const near = await helperOrg(NEAR, 'emergency-relocation', false, 'Members only');
    expect(errorCode(await gql(app, UrgentNeedAlertsDocument, { organizationId: near.id }, stranger.token))).toBe('FORBIDDEN');
    expect(errorCode(await gql(app, UrgentNeedAlertsDocument, { organizationId: near.id }, null))).toBe('UNAUTHENTICATED');
    const stream = session(stranger).subscribe(UrgentNeedAlertDocument, { organizationId: near.id });
    await stream.ended;
    expect(stream.errors[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(stream.data).toEqual([]);
    const hidden = await createOrg(app, helper, { visibility: 'PRIVATE', name: 'Hidden helper' });
    const asStranger = await gql(app, UrgentNeedAlertsDocument, { organizationId: hidden.id }, stranger.token);
    expect(errorCode(asStranger)).toBe('NOT_FOUND');
    expect(asStranger).toEqual(await gql(app, UrgentNeedAlertsDocument, { organizationId: '00000000-0000-4000-8000-000000000000' }, stranger.token));
  });

  it('a member who lost its membership stops receiving (the socket is closed)', async () => {
    const near = await helperOrg(NEAR, 'emergency-relocation', false, 'Leaving member');
    const leaver = await signUp(app, 'Leaver');
    await addMember(app, helper, near.id, leaver, 'MEMBER');
    const stream = session(leaver).subscribe(UrgentNeedAlertDocument, { organizationId: near.id });
    await new Promise((r) => setTimeout(r, 300));
    await rawGql(app, 'mutation($input: OrganizationMemberRemoveInput!) { organizationMemberRemove(input: $input) { userErrors { code } } }',
      { input: { organizationId: near.id, userId: leaver.id } }, helper.token);
    const { need } = await needing({ visibility: 'PUBLIC' }, 'HIGH');
    await markOk(need.id);
    await stream.ended;
    expect(stream.data).toEqual([]);
  });
});

describe('resuming urgentNeedAlert', () => {
  it('replays what was missed after a cursor, then continues live, without duplicates', async () => {
    const near = await helperOrg(NEAR, 'emergency-relocation', false, 'Resumer');
    const first = session(helper);
    const live = first.subscribe(UrgentNeedAlertDocument, { organizationId: near.id });
    await new Promise((r) => setTimeout(r, 300));
    const a = await needing({ visibility: 'PUBLIC', name: 'A' }, 'HIGH');
    await markOk(a.need.id);
    const seen = (await live.next()).urgentNeedAlert;
    expect(seen.alert.organization!.name).toBe('A');
    await first.close();
    const b = await needing({ visibility: 'PUBLIC', name: 'B' }, 'HIGH');
    await markOk(b.need.id);
    const c = await needing({ visibility: 'PUBLIC', name: 'C' }, 'HIGH');
    await markOk(c.need.id);
    const resumed = session(helper).subscribe(UrgentNeedAlertDocument, { organizationId: near.id, after: seen.cursor });
    expect((await resumed.next()).urgentNeedAlert.alert.organization!.name).toBe('B');
    expect((await resumed.next()).urgentNeedAlert.alert.organization!.name).toBe('C');
    const d = await needing({ visibility: 'PUBLIC', name: 'D' }, 'HIGH');
    await markOk(d.need.id);
    expect((await resumed.next()).urgentNeedAlert.alert.organization!.name).toBe('D');
    expect(resumed.data.map((e) => e.urgentNeedAlert.alert.organization!.name)).toEqual(['B', 'C', 'D']);
  });
});
