import {
  CollaborationsDocument, PartnerSuggestionsDocument, RateCollaborationDocument, RequestIntroductionDocument, RespondToIntroductionDocument,
  CloseOfferOfRequestsDocument, OffersWithViewerRequestsDocument, CompleteOfferRequestDocument, OfferRequestsDocument, OfferWithViewerRequestDocument,
  OrganizationContactDocument, PostOfferToRequestDocument, RateOfferRequestDocument, RequestOfferDocument,
  RespondToOfferRequestDocument, WithdrawOfferRequestDocument,
  type OfferPostInput, type OfferRequestInput, type OfferRequestRateInput, type OfferRequestsQueryVariables,
  type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addCapability, addMember, addNeed, createOrg, signUp, skillId, type TestUser } from '../support/factories.js';
import { errorCode, gql, ok, type GraphQLResponse } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Offer requests over HTTP against PostgreSQL: every rule of asking, answering, withdrawing, marking done and
// rating; seats never oversold under concurrency; a decline that no third party can tell from a pending request
// or from none; rollback when a statement fails half way.

let app: TestApp;
let olga: TestUser; // owns the offering organizations
let rafa: TestUser; // owns the requesting organizations
let tess: TestUser; // a signed-in third party with an organization of its own
let thirdOrg: Org;
const MISSING = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  app = await startTestApp();
  [olga, rafa, tess] = await Promise.all([signUp(app, 'Olga'), signUp(app, 'Rafa'), signUp(app, 'Tess')]);
  thirdOrg = await createOrg(app, tess, { name: 'Third party' });
});
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;
const org = (owner: TestUser, input: Partial<OrganizationCreateInput> = {}) => createOrg(app, owner, input);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function postOffer(offering: Org, input: Partial<OfferPostInput> = {}, token = olga.token): Promise<string> {
  const data = ok(await gql(app, PostOfferToRequestDocument, {
    input: {
      organizationId: offering.id, skillId: await skillId(app, 'grant-writing'), title: 'Grant-writing clinic', format: 'WORKSHOP',
      audience: 'PUBLIC', remote: true, seats: 3, requestDeadline: inDays(10), endsAt: inDays(20), ...input,
    },
  }, token)).offerPost;
  expect(data.userErrors).toEqual([]);
  return data.offer!.id;
}

function ask(token: string | null, input: OfferRequestInput) {
  return gql(app, RequestOfferDocument, { input }, token);
}

async function askOk(requester: Org, offerId: string, extra: Partial<OfferRequestInput> = {}, token = rafa.token) {
  const payload = ok(await ask(token, { offerId, organizationId: requester.id, message: 'We would love a seat', ...extra })).offerRequest;
  expect(payload.userErrors).toEqual([]);
  return payload.offerRequest!;
}

const respond = (token: string, offerRequestId: string, accept: boolean) => gql(app, RespondToOfferRequestDocument, { input: { offerRequestId, accept } }, token);
const withdraw = (token: string, offerRequestId: string) => gql(app, WithdrawOfferRequestDocument, { input: { offerRequestId } }, token);
const complete = (token: string, offerRequestId: string) => gql(app, CompleteOfferRequestDocument, { input: { offerRequestId } }, token);
const rate = (token: string, input: OfferRequestRateInput) => gql(app, RateOfferRequestDocument, { input }, token);
const list = (token: string | null, variables: OfferRequestsQueryVariables) => gql(app, OfferRequestsDocument, variables, token);
const offerAs = (token: string | null, id: string) => gql(app, OfferWithViewerRequestDocument, { id }, token);
const contactOf = (token: string | null, id: string) => gql(app, OrganizationContactDocument, { id }, token);

/** What a client can observe of an answer: enough to tell two answers apart. */
function observable(response: GraphQLResponse<unknown>) {
  return { status: response.status, data: response.data, errors: response.errors?.map((e) => ({ message: e.message, code: e.extensions?.code, path: e.path })) };
}

async function seatsTaken(offerId: string): Promise<number> {
  const [row] = await app.db.query('SELECT seats_taken AS "seatsTaken" FROM offers WHERE id = $1', [offerId]);
  return row.seatsTaken;
}

describe('asking for seats', () => {
  it('creates a PENDING request both sides list, with the need it serves; the offer shows it to the requester only', async () => {
    const offering = await org(olga, { name: 'Offering' });
    const requester = await org(rafa, { name: 'Requester' });
    const need = await addNeed(app, rafa, requester.id, 'grant-writing', 'HIGH');
    const offerId = await postOffer(offering);
    const request = await askOk(requester, offerId, { needId: need.id, seats: 2, message: '  Two of our staff, please  ' });
    expect(request).toMatchObject({
      message: 'Two of our staff, please', seats: 2, status: 'PENDING', respondedAt: null, completed: false,
      need: { id: need.id, status: 'OPEN', skill: { slug: 'grant-writing' } },
      requestingOrganization: { id: requester.id, name: 'Requester', contactEmail: null },
      offer: { id: offerId, status: 'OPEN', seatsLeft: 3, organization: { id: offering.id, contactEmail: null } },
    });

    const received = ok(await list(olga.token, { organizationId: offering.id, direction: 'RECEIVED' })).offerRequests;
    expect(received.totalCount).toBe(1);
    expect(received.nodes.map((n) => n.id)).toEqual([request.id]);
    const sent = ok(await list(rafa.token, { organizationId: requester.id, direction: 'SENT', status: 'PENDING' })).offerRequests;
    expect(sent.nodes).toEqual([request]);
    expect(ok(await list(rafa.token, { organizationId: requester.id, direction: 'RECEIVED' })).offerRequests.totalCount).toBe(0);
    expect(ok(await list(olga.token, { organizationId: offering.id, offerId })).offerRequests.totalCount).toBe(1);
    expect(ok(await list(olga.token, { organizationId: offering.id, offerId: MISSING })).offerRequests.totalCount).toBe(0);

    expect(ok(await offerAs(rafa.token, offerId)).offer.viewerRequest).toEqual({ id: request.id, status: 'PENDING', seats: 2, myRating: null, partnerRated: false });
    expect(ok(await offerAs(tess.token, offerId)).offer.viewerRequest).toBeNull();
    expect(ok(await offerAs(null, offerId)).offer.viewerRequest).toBeNull();
  });

  it('a second pending request by the same organization is TAKEN; after a withdrawal it may ask again', async () => {
    // Unlimited, with no window: never FULL, never done by time.
    const offerId = await postOffer(await org(olga), { seats: null, requestDeadline: null, endsAt: null });
    const requester = await org(rafa);
    const first = await askOk(requester, offerId);
    expect(first).toMatchObject({ status: 'PENDING', completed: false, offer: { seats: null, seatsLeft: null } });
    const again = ok(await ask(rafa.token, { offerId, organizationId: requester.id, message: 'Again' })).offerRequest;
    expect(again).toEqual({ offerRequest: null, userErrors: [{ code: 'TAKEN', field: 'input.offerId', message: expect.any(String) }] });
    // Another organization of the same person is another requester.
    await askOk(await org(rafa), offerId);
    expect(ok(await withdraw(rafa.token, first.id)).offerRequestWithdraw.offerRequest!.status).toBe('WITHDRAWN');
    expect((await askOk(requester, offerId)).status).toBe('PENDING');
  });

  it('refuses its own offer, a closed one, one past its deadline, seats it does not have, and a need that is not its own', async () => {
    const offering = await org(olga);
    const requester = await org(rafa);
    const offerId = await postOffer(offering, { seats: 2 });
    const codeOf = async (input: Partial<OfferRequestInput>, token = rafa.token) =>
      ok(await ask(token, { offerId, organizationId: requester.id, message: 'Hi', ...input })).offerRequest.userErrors.map((e) => [e.code, e.field]);

    expect(await codeOf({ organizationId: offering.id }, olga.token)).toEqual([['OWN_OFFER', 'input.offerId']]);
    expect(await codeOf({ seats: 3 })).toEqual([['INVALID', 'input.seats']]);
    expect(await codeOf({ seats: 0 })).toEqual([['OUT_OF_RANGE', 'input.seats']]);
    expect(await codeOf({ message: '   ' })).toEqual([['INVALID_FORMAT', 'input.message']]);
    const othersNeed = await addNeed(app, tess, thirdOrg.id, 'grant-writing', 'LOW');
    expect(await codeOf({ needId: othersNeed.id })).toEqual([['INVALID', 'input.needId']]);
    expect(await codeOf({ needId: 'not-a-uuid' })).toEqual([['INVALID', 'input.needId']]);

    // Both seats taken by another organization's accepted request: FULL.
    const other = await askOk(await org(rafa), offerId, { seats: 2 });
    expect(ok(await respond(olga.token, other.id, true)).offerRequestRespond.userErrors).toEqual([]);
    expect(await codeOf({})).toEqual([['FULL', 'input.offerId']]);

    const late = await postOffer(offering);
    await app.db.query(`UPDATE offers SET request_deadline = now() - interval '1 minute' WHERE id = $1`, [late]);
    expect(await codeOf({ offerId: late })).toEqual([['EXPIRED', 'input.offerId']]);

    const closed = await postOffer(offering);
    ok(await gql(app, CloseOfferOfRequestsDocument, { input: { id: closed } }, olga.token));
    expect(await codeOf({ offerId: closed })).toEqual([['NOT_OPEN', 'input.offerId']]);
    expect(await app.db.query('SELECT count(*)::int AS n FROM offer_requests WHERE requesting_organization_id = $1', [requester.id])).toEqual([{ n: 0 }]);
  });

  it('an offer you may not see answers NOT_FOUND exactly like a random id; roles are checked under the lock', async () => {
    const offering = await org(olga);
    const requester = await org(rafa);
    // PARTNERS: only organizations that collaborate with the offering one see it.
    const hidden = await postOffer(offering, { audience: 'PARTNERS' });
    const hiddenAnswer = await ask(rafa.token, { offerId: hidden, organizationId: requester.id, message: 'Hi' });
    const randomAnswer = await ask(rafa.token, { offerId: MISSING, organizationId: requester.id, message: 'Hi' });
    expect(errorCode(hiddenAnswer)).toBe('NOT_FOUND');
    expect(observable(hiddenAnswer)).toEqual(observable(randomAnswer));
    expect(errorCode(await ask(rafa.token, { offerId: 'nope', organizationId: requester.id, message: 'Hi' }))).toBe('NOT_FOUND');

    const visible = await postOffer(offering);
    const member = await signUp(app, 'Member');
    await addMember(app, rafa, requester.id, member, 'MEMBER');
    expect(errorCode(await ask(member.token, { offerId: visible, organizationId: requester.id, message: 'Hi' }))).toBe('FORBIDDEN');
    expect(errorCode(await ask(tess.token, { offerId: visible, organizationId: requester.id, message: 'Hi' }))).toBe('FORBIDDEN');
    expect(errorCode(await ask(null, { offerId: visible, organizationId: requester.id, message: 'Hi' }))).toBe('UNAUTHENTICATED');
    const editor = await signUp(app, 'Editor');
    await addMember(app, rafa, requester.id, editor, 'EDITOR');
    expect((await askOk(requester, visible, {}, editor.token)).status).toBe('PENDING');
  });
});

describe('answering', () => {
  it('accepting takes the seats and reveals both sides\' contact details to each other, to nobody else', async () => {
    const offering = await org(olga, { contactEmail: 'desk@offering.example.org' });
    const requester = await org(rafa, { contactEmail: 'hello@requester.example.org' });
    const offerId = await postOffer(offering);
    const request = await askOk(requester, offerId, { seats: 2 });
    const accepted = ok(await respond(olga.token, request.id, true)).offerRequestRespond;
    expect(accepted.userErrors).toEqual([]);
    expect(accepted.offerRequest).toMatchObject({
      status: 'ACCEPTED', requestingOrganization: { contactEmail: 'hello@requester.example.org' },
      offer: { seatsLeft: 1, organization: { contactEmail: 'desk@offering.example.org' } },
    });
    expect(Date.parse(accepted.offerRequest!.respondedAt!)).toBeGreaterThanOrEqual(Date.parse(request.createdAt));
    expect(await seatsTaken(offerId)).toBe(2);
    expect(ok(await contactOf(rafa.token, offering.id)).organization!.contactEmail).toBe('desk@offering.example.org');
    expect(ok(await contactOf(tess.token, offering.id)).organization!.contactEmail).toBeNull();
    expect(ok(await contactOf(tess.token, requester.id)).organization!.contactEmail).toBeNull();
    // Answered once: a second answer is refused.
    expect(ok(await respond(olga.token, request.id, false)).offerRequestRespond.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE']);
  });

  it('only the offering side answers; the requester is FORBIDDEN, a third party NOT_FOUND like a random id', async () => {
    const offerId = await postOffer(await org(olga));
    const request = await askOk(await org(rafa), offerId);
    expect(errorCode(await respond(rafa.token, request.id, true))).toBe('FORBIDDEN');
    const third = await respond(tess.token, request.id, true);
    expect(errorCode(third)).toBe('NOT_FOUND');
    expect(observable(third)).toEqual(observable(await respond(tess.token, MISSING, true)));
    expect(errorCode(await withdraw(olga.token, request.id))).toBe('FORBIDDEN');
    expect(errorCode(await withdraw(tess.token, request.id))).toBe('NOT_FOUND');
  });

  it('a decline is seen by the requester; no third party can tell it from a pending request or from none', async () => {
    const offering = await org(olga);
    const [declinedOffer, pendingOffer, untouchedOffer] = [await postOffer(offering), await postOffer(offering), await postOffer(offering)];
    const requester = await org(rafa);
    const declined = await askOk(requester, declinedOffer);
    await askOk(requester, pendingOffer);
    const answer = ok(await respond(olga.token, declined.id, false)).offerRequestRespond;
    expect(answer.offerRequest!.status).toBe('DECLINED');
    expect(ok(await list(rafa.token, { organizationId: requester.id, status: 'DECLINED' })).offerRequests.nodes.map((n) => n.id)).toEqual([declined.id]);
    expect(ok(await offerAs(rafa.token, declinedOffer)).offer.viewerRequest!.status).toBe('DECLINED');

    const seenBy = async (token: string | null) => Promise.all([declinedOffer, pendingOffer, untouchedOffer].map(async (id) => {
      const { offer } = ok(await offerAs(token, id));
      return { ...offer, id: 'x' };
    }));
    for (const token of [tess.token, null]) {
      const [a, b, c] = await seenBy(token);
      expect(a).toEqual(c);
      expect(b).toEqual(c);
    }
    // Lists are for members: a third party is refused alike for the requester and for the offering side.
    expect(errorCode(await list(tess.token, { organizationId: requester.id }))).toBe('FORBIDDEN');
    expect(errorCode(await list(tess.token, { organizationId: offering.id }))).toBe('FORBIDDEN');
    expect(ok(await contactOf(tess.token, requester.id)).organization!.exchangesCompleted).toBe(0);
    // The declined pair shares no contact details.
    expect(ok(await contactOf(olga.token, requester.id)).organization!.contactEmail).toBeNull();
  });

  it('a pending request reads EXPIRED after the deadline and CANCELLED once the offer is closed; neither can be answered', async () => {
    const offering = await org(olga);
    const requester = await org(rafa);
    const [late, closing] = [await postOffer(offering), await postOffer(offering)];
    const expired = await askOk(requester, late);
    const cancelled = await askOk(requester, closing);
    await app.db.query(`UPDATE offers SET request_deadline = now() - interval '1 minute' WHERE id = $1`, [late]);
    ok(await gql(app, CloseOfferOfRequestsDocument, { input: { id: closing } }, olga.token));
    const statuses = ok(await list(rafa.token, { organizationId: requester.id })).offerRequests.nodes.map((n) => [n.id, n.status] as const);
    expect(new Map(statuses)).toEqual(new Map([[expired.id, 'EXPIRED'], [cancelled.id, 'CANCELLED']]));
    expect(ok(await list(rafa.token, { organizationId: requester.id, status: 'EXPIRED' })).offerRequests.nodes.map((n) => n.id)).toEqual([expired.id]);
    expect(ok(await respond(olga.token, expired.id, true)).offerRequestRespond.userErrors.map((e) => e.code)).toEqual(['EXPIRED']);
    expect(ok(await respond(olga.token, cancelled.id, true)).offerRequestRespond.userErrors.map((e) => e.code)).toEqual(['NOT_OPEN']);
    expect(ok(await withdraw(rafa.token, expired.id)).offerRequestWithdraw.userErrors.map((e) => e.code)).toEqual(['EXPIRED']);
    expect(await seatsTaken(late)).toBe(0);
  });

  it('withdrawing an accepted request frees its seats and hides the contact details again', async () => {
    const offering = await org(olga, { contactEmail: 'desk@withdraw.example.org' });
    const offerId = await postOffer(offering, { seats: 1 });
    const requester = await org(rafa);
    const request = await askOk(requester, offerId);
    await respond(olga.token, request.id, true);
    expect(ok(await offerAs(tess.token, offerId)).offer).toMatchObject({ status: 'FULL', seatsLeft: 0 });
    expect(ok(await contactOf(rafa.token, offering.id)).organization!.contactEmail).toBe('desk@withdraw.example.org');
    expect(ok(await withdraw(rafa.token, request.id)).offerRequestWithdraw.offerRequest).toMatchObject({ status: 'WITHDRAWN', offer: { seatsLeft: 1 } });
    expect(await seatsTaken(offerId)).toBe(0);
    expect(ok(await offerAs(tess.token, offerId)).offer).toMatchObject({ status: 'OPEN', seatsLeft: 1 });
    expect(ok(await contactOf(rafa.token, offering.id)).organization!.contactEmail).toBeNull();
  });
});

describe('anonymous offers', () => {
  it('name the PRIVATE organization behind them to the requester once it accepts, and to nobody else', async () => {
    const hidden = await org(olga, { name: 'Hidden shelter', kind: 'LEGAL_AID', visibility: 'PRIVATE', contactEmail: 'safe@hidden.example.org',
      location: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.29, longitude: 36.82, precision: 'CITY' } });
    const offerId = await postOffer(hidden, { audience: 'ANONYMOUS' });
    const requester = await org(rafa);
    const request = await askOk(requester, offerId);
    expect(request.offer).toMatchObject({ organization: null, anonymousOrganization: { kind: 'LEGAL_AID' } });
    // The offering side sees who asks (it is a side of the request); it answers.
    const accepted = ok(await respond(olga.token, request.id, true)).offerRequestRespond.offerRequest!;
    expect(accepted.requestingOrganization!.id).toBe(requester.id);

    const seen = ok(await offerAs(rafa.token, offerId)).offer;
    expect(seen).toMatchObject({ organization: { id: hidden.id, name: 'Hidden shelter' }, anonymousOrganization: null, viewerRequest: { status: 'ACCEPTED' } });
    const listed = ok(await list(rafa.token, { organizationId: requester.id })).offerRequests.nodes[0];
    expect(listed.offer!.organization).toEqual({ id: hidden.id, name: 'Hidden shelter', contactEmail: 'safe@hidden.example.org', contactPerson: null });
    expect(ok(await offerAs(tess.token, offerId)).offer).toMatchObject({ organization: null, anonymousOrganization: { kind: 'LEGAL_AID' } });

    ok(await withdraw(rafa.token, request.id));
    expect(ok(await offerAs(rafa.token, offerId)).offer).toMatchObject({ organization: null, anonymousOrganization: { kind: 'LEGAL_AID' } });
  });
});

describe('seats under concurrency', () => {
  it('25 organizations ask at once for a 3-seat offer, all 25 accepted at once: exactly 3 ACCEPTED, 22 FULL', async () => {
    const offering = await org(olga);
    const offerId = await postOffer(offering, { seats: 3 });
    const requesters = await Promise.all(Array.from({ length: 25 }, (_, i) => org(rafa, { name: `Requester ${i}` })));
    const asked = await Promise.all(requesters.map((r) => ask(rafa.token, { offerId, organizationId: r.id, message: 'A seat, please' })));
    const requests = asked.map((a) => ok(a).offerRequest);
    expect(requests.map((r) => [r.userErrors, r.offerRequest?.status])).toEqual(requesters.map(() => [[], 'PENDING']));

    const answers = await Promise.all(requests.map((r) => respond(olga.token, r.offerRequest!.id, true)));
    const outcomes = answers.map((a) => ok(a).offerRequestRespond);
    const accepted = outcomes.filter((o) => o.offerRequest?.status === 'ACCEPTED');
    const refused = outcomes.filter((o) => o.userErrors.length > 0);
    expect(accepted).toHaveLength(3);
    expect(refused).toHaveLength(22);
    expect(new Set(refused.map((o) => JSON.stringify(o.userErrors.map((e) => [e.code, e.field]))))).toEqual(new Set([JSON.stringify([['FULL', 'input.offerRequestId']])]));
    expect(await seatsTaken(offerId)).toBe(3);
    const [{ n }] = await app.db.query(`SELECT count(*)::int AS n FROM offer_requests WHERE offer_id = $1 AND status = 'ACCEPTED'`, [offerId]);
    expect(n).toBe(3);
    expect(ok(await list(olga.token, { organizationId: offering.id, offerId, status: 'PENDING', first: 100 })).offerRequests.totalCount).toBe(22);
    expect(ok(await offerAs(tess.token, offerId)).offer).toMatchObject({ status: 'FULL', seatsLeft: 0 });
  });

  it('an accept racing a withdrawal of the same request: one wins, and the seats add up', async () => {
    for (let round = 0; round < 5; round++) {
      const offerId = await postOffer(await org(olga), { seats: 1 });
      const request = await askOk(await org(rafa), offerId);
      const [accepted, withdrawn] = await Promise.all([respond(olga.token, request.id, true), withdraw(rafa.token, request.id)]);
      const acceptErrors = ok(accepted).offerRequestRespond.userErrors;
      const withdrawErrors = ok(withdrawn).offerRequestWithdraw.userErrors;
      const [{ status }] = await app.db.query('SELECT status FROM offer_requests WHERE id = $1', [request.id]);
      expect(status).toBe('WITHDRAWN');
      // Either the withdrawal came first (the accept is refused) or last (it gave the accepted seat back).
      expect(withdrawErrors).toEqual([]);
      expect(acceptErrors.map((e) => e.code)).toEqual(acceptErrors.length ? ['INVALID_STATE'] : []);
      expect(await seatsTaken(offerId)).toBe(0);
    }
  });
});

describe('rollback', () => {
  it('a statement failing after the seats were taken rolls the whole accept back', async () => {
    const offerId = await postOffer(await org(olga), { seats: 2 });
    const request = await askOk(await org(rafa), offerId, { message: 'explode on accept' });
    // A fault injected in the database: the request's status change fails after the offer's seats were updated.
    await app.db.query(`CREATE FUNCTION test_fail_accept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.status = 'ACCEPTED' AND NEW.message = 'explode on accept' THEN RAISE EXCEPTION 'injected fault'; END IF; RETURN NEW; END $$`);
    await app.db.query('CREATE TRIGGER test_fail_accept BEFORE UPDATE ON offer_requests FOR EACH ROW EXECUTE FUNCTION test_fail_accept()');
    try {
      const answer = await respond(olga.token, request.id, true);
      expect(errorCode(answer)).toBe('INTERNAL_SERVER_ERROR');
      expect(await seatsTaken(offerId)).toBe(0);
      const [{ status }] = await app.db.query('SELECT status FROM offer_requests WHERE id = $1', [request.id]);
      expect(status).toBe('PENDING');
    } finally {
      await app.db.query('DROP TRIGGER test_fail_accept ON offer_requests');
      await app.db.query('DROP FUNCTION test_fail_accept()');
    }
    expect(ok(await respond(olga.token, request.id, true)).offerRequestRespond.offerRequest!.status).toBe('ACCEPTED');
    expect(await seatsTaken(offerId)).toBe(1);
  });
});

describe('done and rated', () => {
  async function acceptedExchange(seats = 2) {
    const offering = await org(olga);
    const requester = await org(rafa);
    const offerId = await postOffer(offering, { seats });
    const request = await askOk(requester, offerId);
    await respond(olga.token, request.id, true);
    return { offering, requester, offerId, request };
  }

  it('is rated by each side once done; the other side\'s rating and comment show only once both rated', async () => {
    const { offering, requester, request } = await acceptedExchange();
    const early = ok(await rate(rafa.token, { offerRequestId: request.id, rating: 5 })).offerRequestRate;
    expect(early.userErrors.map((e) => [e.code, e.field])).toEqual([['NOT_COMPLETED', 'input.offerRequestId']]);
    expect(ok(await contactOf(tess.token, requester.id)).organization!.exchangesCompleted).toBe(0);

    const done = ok(await complete(olga.token, request.id)).offerRequestComplete;
    expect(done.offerRequest).toMatchObject({ status: 'ACCEPTED', completed: true });
    const markedAt = done.offerRequest!.completedAt;
    expect(ok(await complete(rafa.token, request.id)).offerRequestComplete.offerRequest!.completedAt).toBe(markedAt);
    // Done exchanges are counted, publicly, on both organizations.
    for (const token of [tess.token, null]) {
      expect(ok(await contactOf(token, requester.id)).organization!.exchangesCompleted).toBe(1);
      expect(ok(await contactOf(token, offering.id)).organization!.exchangesCompleted).toBe(1);
    }

    const byRequester = ok(await rate(rafa.token, { offerRequestId: request.id, rating: 5, comment: ' Practical and warm ' })).offerRequestRate.offerRequest!;
    expect(byRequester).toMatchObject({ myRating: 5, myComment: 'Practical and warm', partnerRated: false, partnerRating: null, partnerComment: null });
    const seenByOfferer = ok(await list(olga.token, { organizationId: offering.id })).offerRequests.nodes[0];
    expect(seenByOfferer).toMatchObject({ myRating: null, partnerRated: true, partnerRating: null, partnerComment: null });
    const byOfferer = ok(await rate(olga.token, { offerRequestId: request.id, rating: 4, comment: 'Well prepared' })).offerRequestRate.offerRequest!;
    expect(byOfferer).toMatchObject({ myRating: 4, myComment: 'Well prepared', partnerRated: true, partnerRating: 5, partnerComment: 'Practical and warm' });
    // Changing one's rating keeps the comment unless given; a third party reads none of it.
    const changed = ok(await rate(rafa.token, { offerRequestId: request.id, rating: 3 })).offerRequestRate.offerRequest!;
    expect(changed).toMatchObject({ myRating: 3, myComment: 'Practical and warm', partnerRating: 4, partnerComment: 'Well prepared' });
    expect(errorCode(await rate(tess.token, { offerRequestId: request.id, rating: 1 }))).toBe('NOT_FOUND');
    expect(ok(await rate(rafa.token, { offerRequestId: request.id, rating: 6 })).offerRequestRate.userErrors.map((e) => e.code)).toEqual(['OUT_OF_RANGE']);
    // Done is done: nothing left to withdraw.
    expect(ok(await withdraw(rafa.token, request.id)).offerRequestWithdraw.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE']);
  });

  it('counts as done once the offer\'s window has ended, without anyone marking it', async () => {
    const { requester, offerId, request } = await acceptedExchange();
    await app.db.query(`UPDATE offers SET request_deadline = now() - interval '2 days', ends_at = now() - interval '1 day' WHERE id = $1`, [offerId]);
    const rated = ok(await rate(rafa.token, { offerRequestId: request.id, rating: 2 })).offerRequestRate;
    expect(rated.userErrors).toEqual([]);
    expect(rated.offerRequest).toMatchObject({ completed: true, completedAt: null, myRating: 2 });
    expect(ok(await contactOf(tess.token, requester.id)).organization!.exchangesCompleted).toBe(1);
  });

  it('only an accepted request can be marked done; someone editing both sides names the side it acts for', async () => {
    const offering = await org(olga);
    const offerId = await postOffer(offering);
    const pending = await askOk(await org(rafa), offerId);
    expect(ok(await complete(olga.token, pending.id)).offerRequestComplete.userErrors.map((e) => e.code)).toEqual(['INVALID_STATE']);

    const both = await signUp(app, 'Both');
    const mine = await org(both);
    await addMember(app, olga, offering.id, both, 'EDITOR');
    const own = await askOk(mine, offerId, {}, both.token);
    await respond(both.token, own.id, true);
    expect(ok(await complete(both.token, own.id)).offerRequestComplete.userErrors.map((e) => [e.code, e.field])).toEqual([['REQUIRED', 'input.organizationId']]);
    const done = ok(await gql(app, CompleteOfferRequestDocument, { input: { offerRequestId: own.id, organizationId: mine.id } }, both.token)).offerRequestComplete;
    expect(done.offerRequest!.completed).toBe(true);
    const rated = ok(await rate(both.token, { offerRequestId: own.id, rating: 4, organizationId: offering.id })).offerRequestRate.offerRequest!;
    expect(rated).toMatchObject({ myRating: 4, partnerRated: false });
    const [row] = await app.db.query('SELECT requester_rating AS r, offerer_rating AS o FROM offer_requests WHERE id = $1', [own.id]);
    expect(row).toEqual({ r: null, o: 4 });
  });
});

describe('feedback feeds partner suggestions', () => {
  it('the requester\'s own ratings move the trust part: rated well above unrated above rated poorly, with reasons that say so', async () => {
    const requester = await org(rafa, { name: 'Rater', issueAreaIds: [] });
    await addNeed(app, rafa, requester.id, 'grant-writing', 'HIGH');
    const helpers = await Promise.all(['Good helper', 'Plain helper', 'Poor helper'].map((name) => org(olga, { name })));
    for (const h of helpers) await addCapability(app, olga, h.id, 'grant-writing', 'PROFICIENT');
    const requests = [];
    for (const h of helpers) {
      const request = await askOk(requester, await postOffer(h));
      await respond(olga.token, request.id, true);
      ok(await complete(rafa.token, request.id));
      requests.push(request.id);
    }
    ok(await rate(rafa.token, { offerRequestId: requests[0], rating: 5 }));
    ok(await rate(rafa.token, { offerRequestId: requests[2], rating: 1 }));
    // The other side's ratings of the requester are its own business: they move nothing here.
    ok(await rate(olga.token, { offerRequestId: requests[0], rating: 1 }));
    ok(await rate(olga.token, { offerRequestId: requests[1], rating: 1 }));

    const nodes = ok(await gql(app, PartnerSuggestionsDocument, { organizationId: requester.id, first: 50 }, rafa.token)).partnerSuggestions.nodes;
    const of = (h: Org) => nodes.find((n) => n.organization?.id === h.id)!;
    const [good, plain, poor] = helpers.map(of);
    expect([good.parts.trust, plain.parts.trust, poor.parts.trust].map((t) => Math.round(t * 100) / 100)).toEqual([1, 0.6, 0.2]);
    expect(good.score).toBeGreaterThan(plain.score);
    expect(plain.score).toBeGreaterThan(poor.score);
    const trustReason = (n: typeof good) => n.reasons.find((r) => r.code === 'EXCHANGED_SKILLS')?.text;
    expect([trustReason(good), trustReason(plain), trustReason(poor)]).toEqual([
      'you exchanged skills before; rated well', 'you exchanged skills before', 'you exchanged skills before; rated poorly',
    ]);

    // A third party's suggestions know nothing of these exchanges or their ratings.
    const outsider = await org(tess, { name: 'Outsider' });
    await addNeed(app, tess, outsider.id, 'grant-writing', 'HIGH');
    const theirs = ok(await gql(app, PartnerSuggestionsDocument, { organizationId: outsider.id, first: 50 }, tess.token)).partnerSuggestions.nodes;
    for (const h of helpers) {
      const node = theirs.find((n) => n.organization?.id === h.id)!;
      expect({ trust: node.parts.trust, codes: node.reasons.map((r) => r.code).filter((c) => c === 'EXCHANGED_SKILLS' || c === 'WORKED_TOGETHER') })
        .toEqual({ trust: 0, codes: [] });
    }
  });

  it('a collaboration\'s rating counts the same way', async () => {
    const rater = await org(rafa, { name: 'Collaborating rater' });
    await addNeed(app, rafa, rater.id, 'grant-writing', 'HIGH');
    const partner = await org(olga, { name: 'Collaborating partner' });
    await addCapability(app, olga, partner.id, 'grant-writing', 'PROFICIENT');
    const intro = ok(await gql(app, RequestIntroductionDocument, { input: { fromOrganizationId: rater.id, toOrganizationId: partner.id, message: 'Hi' } }, rafa.token));
    ok(await gql(app, RespondToIntroductionDocument, { input: { introductionId: intro.requestIntroduction.introduction!.id, accept: true } }, olga.token));
    const [collaboration] = ok(await gql(app, CollaborationsDocument, { organizationId: rater.id }, rafa.token)).collaborations.nodes;
    const trustOf = async () => {
      const nodes = ok(await gql(app, PartnerSuggestionsDocument, { organizationId: rater.id, first: 50 }, rafa.token)).partnerSuggestions.nodes;
      const node = nodes.find((n) => n.organization?.id === partner.id)!;
      return { trust: Math.round(node.parts.trust * 100) / 100, reason: node.reasons.find((r) => r.code === 'WORKED_TOGETHER')?.text };
    };
    expect(await trustOf()).toEqual({ trust: 0.6, reason: 'you have worked together before' });
    ok(await gql(app, RateCollaborationDocument, { input: { collaborationId: collaboration.id, rating: 2 } }, rafa.token));
    expect(await trustOf()).toEqual({ trust: 0.4, reason: 'you have worked together before; rated poorly' });
  });
});

describe('statement counts', () => {
  it('a page of requests, and a page of offers with the viewer\'s requests, cost the same statements for 2 as for 8', async () => {
    const offering = await org(olga, { name: 'Counted offering' });
    const requester = await org(rafa, { name: 'Counted requester' });
    const need = await addNeed(app, rafa, requester.id, 'grant-writing', 'HIGH');
    for (let i = 0; i < 8; i++) {
      const request = await askOk(requester, await postOffer(offering), { needId: need.id });
      if (i % 2 === 0) await respond(olga.token, request.id, true);
    }
    // Background work of other features (saved-search matching, the event hub's catch-up) also talks to the
    // database and can only add statements: wait until it is quiet, and keep the least of three runs.
    const settle = async () => {
      for (let seen = -1; seen !== app.statements.length;) {
        seen = app.statements.length;
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
    };
    const count = async (run: () => Promise<unknown>) => {
      let least = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        await settle();
        app.statements.length = 0;
        await run();
        least = Math.min(least, app.statements.length);
      }
      return least;
    };
    const requests = (first: number) => count(async () => {
      const page = ok(await list(rafa.token, { organizationId: requester.id, first })).offerRequests;
      expect(page.nodes).toHaveLength(first);
      expect(page.nodes.every((n) => n.offer?.organization?.id === offering.id && n.need?.id === need.id)).toBe(true);
    });
    const offers = (first: number) => count(async () => {
      const page = ok(await gql(app, OffersWithViewerRequestsDocument, { filter: { organizationId: offering.id }, first }, rafa.token)).offers;
      expect(page.nodes.filter((n) => n.viewerRequest?.requestingOrganization?.id === requester.id)).toHaveLength(first);
    });
    expect(await requests(8)).toBe(await requests(2));
    expect(await offers(8)).toBe(await offers(2));
  });
});
