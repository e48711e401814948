// No oracle by side effect, dealbreakers: an attacker with an ordinary account changes its own organization's
// kind through every OrganizationKind value and asks for an introduction each time. If the answers differed,
// the list of kinds the target refuses would fall out. A refusal by the target must act without telling:
//  - every answer (request, duplicate request, the requester's lists, withdrawal, expiry) has the same shape;
//  - the target's members see only the deliverable requests, in lists and counts, and cannot answer the others;
//  - undelivered requests do not count in the target's saturation as other organizations see it in suggestions.
import { randomUUID } from 'node:crypto';
import {
  IntroductionsDocument, OrgUpdateDocument, PartnerSuggestionsDocument, RequestIntroductionDocument,
  RespondToIntroductionDocument, WithdrawIntroductionDocument, type IntroductionsQueryVariables, type OrganizationKind,
} from '../generated/graphql.js';
import { OrganizationKind as Kinds } from '../../src/core/enums.js';
import { addCapability, addNeed, createOrg, signUp, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, type GraphQLResponse } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const KINDS = Object.values(Kinds).map((k) => k as OrganizationKind);
const REFUSED: OrganizationKind = 'MEDIA';

let app: TestApp;
let attacker: TestUser;
let defender: TestUser; // owns the target, which refuses MEDIA
let observer: TestUser; // a third organization that looks at the target in its suggestions
beforeAll(async () => {
  app = await startTestApp();
  [attacker, defender, observer] = await Promise.all([signUp(app, 'Attacker'), signUp(app, 'Defender'), signUp(app, 'Observer')]);
}, 30_000);
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;
const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;

function request(token: string, from: Org, to: Org) {
  return gql(app, RequestIntroductionDocument, { input: { fromOrganizationId: from.id, toOrganizationId: to.id, message: 'Shall we meet?' } }, token);
}

function list(token: string, variables: IntroductionsQueryVariables) {
  return gql(app, IntroductionsDocument, variables, token);
}

async function setKind(org: Org, kind: OrganizationKind) {
  const payload = ok(await gql(app, OrgUpdateDocument, { input: { id: org.id, kind } }, attacker.token)).organizationUpdate;
  expect(payload.organization?.kind).toBe(kind);
}

/** A response as a client can compare it, with ids and instants (which differ on every call) masked. */
function shape(response: GraphQLResponse<unknown>) {
  const text = JSON.stringify({ status: response.status, data: response.data, errors: response.errors })
    .replace(/"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"/g, '"<id>"')
    .replace(/"\d{4}-\d\d-\d\dT[^"]+"/g, '"<instant>"')
    .replace(/"kind":"[A-Z_]+"/g, '"kind":"<kind>"');
  return JSON.parse(text);
}

describe('the attacker walks its own kind through every value', () => {
  it('every answer has the same shape and status; the target sees only the deliverable requests', async () => {
    const target = await createOrg(app, defender, { name: unique('Careful Clinic'), kind: 'LEGAL_AID', dealbreakerKinds: [REFUSED] });
    const probe = await createOrg(app, attacker, { name: unique('Probe'), kind: 'NGO' });
    const answers: Record<string, unknown>[] = [];
    const ids = new Map<OrganizationKind, string>();
    for (const kind of KINDS) {
      await setKind(probe, kind);
      const requested = await request(attacker.token, probe, target);
      const intro = ok(requested).requestIntroduction.introduction;
      expect(intro?.status).toBe('PENDING');
      ids.set(kind, intro!.id);
      const duplicate = await request(attacker.token, probe, target);
      expect(ok(duplicate).requestIntroduction.userErrors).toEqual([expect.objectContaining({ code: 'TAKEN', field: 'input.toOrganizationId' })]);
      const sent = await list(attacker.token, { organizationId: probe.id, direction: 'SENT', status: 'PENDING' });
      expect(ok(sent).introductions.totalCount).toBe(1);
      const withdrawn = await gql(app, WithdrawIntroductionDocument, { input: { introductionId: intro!.id } }, attacker.token);
      expect(ok(withdrawn).withdrawIntroduction.introduction?.status).toBe('WITHDRAWN');
      answers.push({ requested: shape(requested), duplicate: shape(duplicate), sent: shape(sent), withdrawn: shape(withdrawn) });
    }
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    const all = ok(await list(attacker.token, { organizationId: probe.id, direction: 'SENT' })).introductions;
    expect(all.totalCount).toBe(KINDS.length);
    expect(new Set(all.nodes.map((n) => n.status))).toEqual(new Set(['WITHDRAWN']));

    // The target's members: exactly the deliverable ones, in every list and count.
    const deliverable = KINDS.filter((k) => k !== REFUSED).map((k) => ids.get(k)!);
    const received = ok(await list(defender.token, { organizationId: target.id, direction: 'RECEIVED', first: 50 })).introductions;
    expect(received.totalCount).toBe(deliverable.length);
    expect(received.nodes.map((n) => n.id).sort()).toEqual([...deliverable].sort());
    const both = ok(await list(defender.token, { organizationId: target.id, first: 50 })).introductions;
    expect(both.nodes.map((n) => n.id)).not.toContain(ids.get(REFUSED));
    expect(ok(await list(defender.token, { organizationId: target.id, status: 'WITHDRAWN' })).introductions.totalCount).toBe(deliverable.length);
  });

  it('a pending undelivered request: the target cannot list or answer it; it expires like an ignored one', async () => {
    const target = await createOrg(app, defender, { name: unique('Careful Union'), kind: 'UNION', dealbreakerKinds: [REFUSED] });
    const name = unique('Probe'); // one name for both, so that their lists can be compared as they are
    const refusedProbe = await createOrg(app, attacker, { name, kind: REFUSED });
    const acceptedProbe = await createOrg(app, attacker, { name, kind: 'NGO' });
    const undelivered = ok(await request(attacker.token, refusedProbe, target)).requestIntroduction.introduction!;
    const ignored = ok(await request(attacker.token, acceptedProbe, target)).requestIntroduction.introduction!;

    for (const variables of [{}, { direction: 'RECEIVED' as const }, { status: 'PENDING' as const }]) {
      const seen = ok(await list(defender.token, { organizationId: target.id, ...variables })).introductions;
      expect([seen.totalCount, seen.nodes.map((n) => n.id)]).toEqual([1, [ignored.id]]);
    }
    const answer = (introductionId: string) => gql(app, RespondToIntroductionDocument, { input: { introductionId, accept: true } }, defender.token);
    const refusedAnswer = await answer(undelivered.id);
    expect(errorCode(refusedAnswer)).toBe('NOT_FOUND');
    expect(shape(refusedAnswer)).toEqual(shape(await answer(randomUUID())));
    const [row] = await app.db.query('SELECT status, delivered FROM introductions WHERE id = $1', [undelivered.id]);
    expect(row).toEqual({ status: 'PENDING', delivered: false });

    // Thirty days later both read EXPIRED for the requester, and both pairs may ask again.
    await app.db.query(`UPDATE introductions SET expires_at = now() - interval '1 minute' WHERE id = ANY($1::uuid[])`, [[undelivered.id, ignored.id]]);
    const seenBy = async (probe: Org) => shape(await list(attacker.token, { organizationId: probe.id, direction: 'SENT' }));
    expect(await seenBy(refusedProbe)).toEqual(await seenBy(acceptedProbe));
    const expired = ok(await list(attacker.token, { organizationId: refusedProbe.id, status: 'EXPIRED' })).introductions;
    expect(expired.nodes.map((n) => [n.id, n.status])).toEqual([[undelivered.id, 'EXPIRED']]);
    const again = [await request(attacker.token, refusedProbe, target), await request(attacker.token, acceptedProbe, target)];
    expect(shape(again[0])).toEqual(shape(again[1]));
    expect(ok(again[0]).requestIntroduction.introduction?.status).toBe('PENDING');
  });

  it("the requester's own dealbreakers are the only refusal told, and they name only the requester's choice", async () => {
    const target = await createOrg(app, defender, { name: unique('Any Union'), kind: 'UNION' });
    const picky = await createOrg(app, attacker, { name: unique('Picky'), kind: 'NGO', dealbreakerKinds: ['UNION'] });
    const [{ n: before }] = await app.db.query('SELECT count(*)::int AS n FROM introductions');
    const payload = ok(await request(attacker.token, picky, target)).requestIntroduction;
    expect(payload).toEqual({ introduction: null, userErrors: [{ code: 'NOT_ACCEPTED', field: 'input.toOrganizationId', message: "Your organization's own dealbreakers exclude this kind of organization" }] });
    const [{ n: after }] = await app.db.query('SELECT count(*)::int AS n FROM introductions');
    expect(after).toBe(before);
  });
});

describe("the target's saturation", () => {
  it('does not move when undelivered requests pile up (and does for deliverable ones)', async () => {
    const seeker = await createOrg(app, observer, { name: unique('Seeker'), kind: 'NGO' });
    await addNeed(app, observer, seeker.id, 'grant-writing', 'CRITICAL');
    const target = await createOrg(app, defender, { name: unique('Grant Writers'), kind: 'NGO', dealbreakerKinds: [REFUSED] });
    await addCapability(app, defender, target.id, 'grant-writing', 'EXPERT');
    const targetNode = async () => {
      const nodes = ok(await gql(app, PartnerSuggestionsDocument, { organizationId: seeker.id, first: 50 }, observer.token)).partnerSuggestions.nodes;
      const node = nodes.find((n) => n.organization?.id === target.id);
      if (!node) throw new Error('the target is not among the suggestions');
      return node;
    };
    const calm = await targetNode();
    expect(calm.parts.saturationPenalty).toBe(0);
    expect(calm.reasons.map((r) => r.code)).not.toContain('SATURATED');

    for (let i = 0; i < 12; i++) {
      const refused = await createOrg(app, attacker, { name: unique(`Refused ${i}`), kind: REFUSED });
      expect(ok(await request(attacker.token, refused, target)).requestIntroduction.introduction?.status).toBe('PENDING');
    }
    expect(await targetNode()).toEqual(calm);

    // The same test would see deliverable requests: three of them do lower the target.
    for (let i = 0; i < 3; i++) {
      const sender = await createOrg(app, attacker, { name: unique(`Sender ${i}`), kind: 'ACADEMIC' });
      ok(await request(attacker.token, sender, target));
    }
    const busy = await targetNode();
    expect(busy.parts.saturationPenalty).toBeGreaterThan(0);
    expect(busy.reasons.map((r) => r.code)).toContain('SATURATED');
  });
});
