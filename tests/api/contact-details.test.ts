import {
  ContactCollaborationsDocument, ContactIntroductionsDocument, ContactOrganizationDocument, ContactOrganizationsDocument,
  ContactProfileUpdateDocument, ContactRespondToIntroductionDocument, PostOfferToRequestDocument, RequestIntroductionDocument,
  RequestOfferDocument, RespondToOfferRequestDocument, WithdrawIntroductionDocument, WithdrawOfferRequestDocument,
  type OrganizationCreateInput,
} from '../generated/graphql.js';
import { addMember, createOrg, issueAreaId, makeAdmin, signUp, skillId, type TestUser } from '../support/factories.js';
import { gql, ok } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Contact details after acceptance (double opt-in): an organization's contact email and contact person reach the
// members of the other side of an ACCEPTED introduction or offer request, on every path that returns the
// organization, and nobody else: not a pending, declined or withdrawn pair, not admins, not third parties.

let app: TestApp;
let ana: TestUser; // owns A (asks)
let ben: TestUser; // owns B (is asked)
let cat: TestUser; // a third party with its own organization
let admin: TestUser;
let area: string;
beforeAll(async () => {
  app = await startTestApp();
  [ana, ben, cat, admin] = await Promise.all([signUp(app, 'Ana'), signUp(app, 'Ben'), signUp(app, 'Cat'), signUp(app, 'Admin')]);
  await makeAdmin(app, admin);
  await createOrg(app, cat, { name: 'Cat org' });
  area = await issueAreaId(app, 'torture-prevention');
});
afterAll(() => app?.close());

type Org = Awaited<ReturnType<typeof createOrg>>;
const orgWithContact = (owner: TestUser, name: string, input: Partial<OrganizationCreateInput> = {}) => createOrg(app, owner, {
  name, contactEmail: `${name.toLowerCase().replace(/\W+/g, '-')}@example.org`, contactPerson: `${name} desk`, issueAreaIds: [area], ...input,
});

const contactOf = async (token: string | null, id: string) => ok(await gql(app, ContactOrganizationDocument, { id }, token)).organization;
const shown = (org: Org, name: string) => ({ id: org.id, name, contactEmail: `${name.toLowerCase().replace(/\W+/g, '-')}@example.org`, contactPerson: `${name} desk` });
const hidden = (org: Org, name: string) => ({ id: org.id, name, contactEmail: null, contactPerson: null });

async function introduce(from: Org, to: Org): Promise<string> {
  const asked = ok(await gql(app, RequestIntroductionDocument, { input: { fromOrganizationId: from.id, toOrganizationId: to.id, message: 'Hello' } }, ana.token));
  return asked.requestIntroduction.introduction!.id;
}

describe('contact person', () => {
  it('is set and cleared through organizationUpdate and checked like any input', async () => {
    const org = await orgWithContact(ana, 'Settable');
    const update = (contactPerson: string | null) => gql(app, ContactProfileUpdateDocument, { input: { id: org.id, contactPerson } }, ana.token);
    expect(ok(await update('  Amina, programme lead  ')).organizationUpdate.organization!.contactPerson).toBe('Amina, programme lead');
    expect(ok(await update('   ')).organizationUpdate.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_FORMAT', 'input.contactPerson']]);
    expect(ok(await update('x'.repeat(201))).organizationUpdate.userErrors.map((e) => [e.code, e.field])).toEqual([['INVALID_LENGTH', 'input.contactPerson']]);
    expect(ok(await update(null)).organizationUpdate.organization!.contactPerson).toBeNull();
    // Members see their own contact details; the admin, like any non-member, does not.
    const member = await signUp(app, 'Plain member');
    await addMember(app, ana, org.id, member, 'MEMBER');
    expect((await contactOf(member.token, org.id))!.contactEmail).toBe('settable@example.org');
    expect((await contactOf(admin.token, org.id))!.contactEmail).toBeNull();
  });
});

describe('introductions', () => {
  it('a pending, then accepted introduction: hidden while pending, then shown to both sides on every path', async () => {
    const a = await orgWithContact(ana, 'Asker One');
    const b = await orgWithContact(ben, 'Asked One');
    const intro = await introduce(a, b);
    expect(await contactOf(ana.token, b.id)).toEqual(hidden(b, 'Asked One'));
    expect(await contactOf(ben.token, a.id)).toEqual(hidden(a, 'Asker One'));
    const pendingList = ok(await gql(app, ContactIntroductionsDocument, { organizationId: b.id }, ben.token)).introductions.nodes[0];
    expect(pendingList.fromOrganization).toEqual(hidden(a, 'Asker One'));

    const answered = ok(await gql(app, ContactRespondToIntroductionDocument, { input: { introductionId: intro, accept: true } }, ben.token)).respondToIntroduction;
    expect(answered.introduction!.fromOrganization).toEqual(shown(a, 'Asker One'));
    // organization(id) and (slug), the organizations list, introductions and collaborations, for both sides.
    expect(await contactOf(ana.token, b.id)).toEqual(shown(b, 'Asked One'));
    expect(await contactOf(ben.token, a.id)).toEqual(shown(a, 'Asker One'));
    const bySlug = ok(await gql(app, ContactOrganizationDocument, { slug: (await app.db.query('SELECT slug FROM organizations WHERE id = $1', [b.id]))[0].slug }, ana.token));
    expect(bySlug.organization).toEqual(shown(b, 'Asked One'));
    const listed = ok(await gql(app, ContactOrganizationsDocument, { filter: { search: 'Asked One' }, first: 5 }, ana.token)).organizations.nodes;
    expect(listed.find((o) => o.id === b.id)).toEqual(shown(b, 'Asked One'));
    const intros = ok(await gql(app, ContactIntroductionsDocument, { organizationId: a.id }, ana.token)).introductions.nodes[0];
    expect(intros.toOrganization).toEqual(shown(b, 'Asked One'));
    const partners = ok(await gql(app, ContactCollaborationsDocument, { organizationId: b.id }, ben.token)).collaborations.nodes;
    expect(partners.map((p) => p.partner)).toEqual([shown(a, 'Asker One')]);

    // Every member of a side sees it (any role); nobody else does, admins included.
    const member = await signUp(app, 'B member');
    await addMember(app, ben, b.id, member, 'MEMBER');
    expect(await contactOf(member.token, a.id)).toEqual(shown(a, 'Asker One'));
    for (const token of [cat.token, admin.token, null]) {
      expect(await contactOf(token, a.id)).toEqual(hidden(a, 'Asker One'));
      expect(await contactOf(token, b.id)).toEqual(hidden(b, 'Asked One'));
    }
  });

  it('a declined or withdrawn introduction shows nothing, to either side', async () => {
    const a = await orgWithContact(ana, 'Asker Two');
    const b = await orgWithContact(ben, 'Asked Two');
    const declined = await introduce(a, b);
    ok(await gql(app, ContactRespondToIntroductionDocument, { input: { introductionId: declined, accept: false } }, ben.token));
    const withdrawn = await introduce(a, b);
    ok(await gql(app, WithdrawIntroductionDocument, { input: { introductionId: withdrawn } }, ana.token));
    expect(await contactOf(ana.token, b.id)).toEqual(hidden(b, 'Asked Two'));
    expect(await contactOf(ben.token, a.id)).toEqual(hidden(a, 'Asker Two'));
  });
});

describe('offer requests', () => {
  it('an accepted request shows both sides\' contact details to each other until it is withdrawn', async () => {
    const offering = await orgWithContact(ben, 'Offering Three');
    const asking = await orgWithContact(ana, 'Asking Three');
    const posted = ok(await gql(app, PostOfferToRequestDocument, { input: {
      organizationId: offering.id, skillId: await skillId(app, 'grant-writing'), title: 'Clinic', format: 'ADVICE', audience: 'PUBLIC', remote: true, seats: 2,
    } }, ben.token)).offerPost.offer!;
    const request = ok(await gql(app, RequestOfferDocument, { input: { offerId: posted.id, organizationId: asking.id, message: 'Hi' } }, ana.token)).offerRequest.offerRequest!;
    expect(await contactOf(ben.token, asking.id)).toEqual(hidden(asking, 'Asking Three'));
    ok(await gql(app, RespondToOfferRequestDocument, { input: { offerRequestId: request.id, accept: true } }, ben.token));
    expect(await contactOf(ben.token, asking.id)).toEqual(shown(asking, 'Asking Three'));
    expect(await contactOf(ana.token, offering.id)).toEqual(shown(offering, 'Offering Three'));
    expect(await contactOf(cat.token, offering.id)).toEqual(hidden(offering, 'Offering Three'));
    ok(await gql(app, WithdrawOfferRequestDocument, { input: { offerRequestId: request.id } }, ana.token));
    expect(await contactOf(ben.token, asking.id)).toEqual(hidden(asking, 'Asking Three'));
    expect(await contactOf(ana.token, offering.id)).toEqual(hidden(offering, 'Offering Three'));
  });
});

describe('batching', () => {
  it('a page of organizations checks its contact details in one statement, whatever its size', async () => {
    const asker = await orgWithContact(ana, 'Batch asker');
    for (let i = 0; i < 10; i++) {
      const b = await orgWithContact(ben, `Batch target ${i}`, { issueAreaIds: [await issueAreaId(app, 'press-freedom')] });
      const intro = await introduce(asker, b);
      if (i % 2 === 0) ok(await gql(app, ContactRespondToIntroductionDocument, { input: { introductionId: intro, accept: true } }, ben.token));
    }
    const statementsFor = async (first: number) => {
      app.statements.length = 0;
      const nodes = ok(await gql(app, ContactOrganizationsDocument, { filter: { issueAreaIds: [await issueAreaId(app, 'press-freedom')] }, first }, ana.token)).organizations.nodes;
      return { nodes, contactChecks: app.statements.filter((s) => s.includes('FROM unnest') && s.includes('introductions i')).length };
    };
    const small = await statementsFor(2);
    const large = await statementsFor(10);
    expect(large.nodes.filter((n) => n.contactEmail !== null)).toHaveLength(5);
    expect([small.contactChecks, large.contactChecks]).toEqual([1, 1]);
  });
});
