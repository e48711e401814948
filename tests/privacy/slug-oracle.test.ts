// No oracle by side effect, slugs: an attacker with an ordinary account (signed up, owns its own organization,
// public API only) probes organizationCreate / organizationUpdate with slugs and names. Whether a PRIVATE
// organization exists must never change an answer:
//  - PRIVATE organizations hold random, unguessable slugs and cannot choose one (PRIVATE_SLUG on input.slug);
//  - the slug its name would give is as free as a random one; a derived slug never gets a suffix because of it;
//  - the public slug of an organization that turned PRIVATE stays reserved: TAKEN, exactly like a visible one's;
//  - derived slugs never fail, even for concurrent creates with one name.
import { randomUUID } from 'node:crypto';
import { OrgBySlugDocument, OrgCreateDocument, OrgUpdateDocument, type OrganizationCreateInput, type OrganizationUpdateInput } from '../generated/graphql.js';
import { slugify } from '../../src/core/slug.js';
import { createOrg, signUp, type TestUser } from '../support/factories.js';
import { gql, ok, type GraphQLResponse } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const RANDOM_SLUG = /^org-[a-z2-7]{24}$/;

let app: TestApp;
let defender: TestUser; // owns the PRIVATE organizations
let attacker: TestUser; // an ordinary account
let attackerOrg: { id: string };
beforeAll(async () => {
  app = await startTestApp();
  [defender, attacker] = await Promise.all([signUp(app, 'Defender'), signUp(app, 'Attacker')]);
  attackerOrg = await createOrg(app, attacker, { name: unique('Attacker Base') });
}, 30_000);
afterAll(() => app?.close());

const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;

function create(user: TestUser, input: Partial<OrganizationCreateInput>) {
  return gql(app, OrgCreateDocument, { input: { name: unique('Probe'), kind: 'NGO', visibility: 'PUBLIC', ...input } }, user.token);
}

function update(user: TestUser, input: OrganizationUpdateInput) {
  return gql(app, OrgUpdateDocument, { input }, user.token);
}

/** Everything a client can compare between two answers, minus what the probe itself chose (id, name, slug). */
function observable(response: GraphQLResponse<unknown>, probe: { slug?: string; name?: string }) {
  let text = JSON.stringify({ status: response.status, data: response.data, errors: response.errors });
  text = text.replace(/"id":"[0-9a-f-]{36}"/g, '"id":"<id>"');
  if (probe.slug) text = text.split(probe.slug).join('<slug>');
  if (probe.name) text = text.split(probe.name).join('<name>');
  return JSON.parse(text);
}

async function orgCount(): Promise<number> {
  const [{ n }] = await app.db.query('SELECT count(*)::int AS n FROM organizations');
  return n;
}

async function privateOrg(name = unique('Hidden Shelter')) {
  return createOrg(app, defender, { name, visibility: 'PRIVATE' });
}

describe('PRIVATE organizations hold random slugs', () => {
  it('on create, and a chosen slug is a user error naming input.slug that explains why; nothing written', async () => {
    const hidden = await privateOrg();
    expect(hidden.slug).toMatch(RANDOM_SLUG);
    expect(hidden.slug).not.toContain(slugify(hidden.name));
    const before = await orgCount();
    const chosen = ok(await create(defender, { visibility: 'PRIVATE', slug: 'my-safe-house' })).organizationCreate;
    expect(chosen.organization).toBeNull();
    expect(chosen.userErrors).toEqual([{ code: 'PRIVATE_SLUG', field: 'input.slug', message: expect.stringMatching(/random.*guess/) }]);
    const onUpdate = ok(await update(defender, { id: hidden.id, slug: 'my-safe-house', mission: 'changed' })).organizationUpdate;
    expect(onUpdate).toEqual({ organization: null, userErrors: chosen.userErrors });
    expect(await orgCount()).toBe(before);
    const [row] = await app.db.query('SELECT slug, mission FROM organizations WHERE id = $1', [hidden.id]);
    expect(row).toEqual({ slug: hidden.slug, mission: '' });
    expect(await app.db.query('SELECT slug FROM reserved_slugs WHERE organization_id = $1', [hidden.id])).toEqual([]);
  });

  it('turning visible keeps the random slug unless a new one is given; created PRIVATE, it is never reserved', async () => {
    const hidden = await privateOrg();
    const shown = ok(await update(defender, { id: hidden.id, visibility: 'NETWORK' })).organizationUpdate.organization!;
    expect(shown.slug).toBe(hidden.slug);
    const named = ok(await update(defender, { id: hidden.id, slug: `${slugify(hidden.name)}-home` })).organizationUpdate.organization!;
    expect(named.slug).toBe(`${slugify(hidden.name)}-home`);
    expect(await app.db.query('SELECT slug FROM reserved_slugs WHERE organization_id = $1', [hidden.id])).toEqual([]);
  });
});

describe('slug probing answers the same whether a PRIVATE organization exists or not', () => {
  it('create with the slug a PRIVATE organization name gives: like a random unused slug', async () => {
    const hidden = await privateOrg();
    const probes = [slugify(hidden.name), `no-such-org-${randomUUID().slice(0, 8)}`];
    const answers = [];
    for (const slug of probes) {
      const response = await create(attacker, { slug, name: 'Same Probe Name' });
      expect(ok(response).organizationCreate).toMatchObject({ organization: { slug }, userErrors: [] });
      answers.push(observable(response, { slug }));
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(ok(await gql(app, OrgBySlugDocument, { slug: hidden.slug }, attacker.token)).organization).toBeNull();
  });

  it('update with the slug a PRIVATE organization name gives: like a random unused slug', async () => {
    const hidden = await privateOrg();
    const probes = [slugify(hidden.name), `no-such-org-${randomUUID().slice(0, 8)}`];
    const answers = [];
    for (const slug of probes) {
      const response = await update(attacker, { id: attackerOrg.id, slug });
      expect(ok(response).organizationUpdate).toMatchObject({ organization: { slug }, userErrors: [] });
      answers.push(observable(response, { slug }));
    }
    expect(answers[0]).toEqual(answers[1]);
  });

  it("a PRIVATE organization's own (random) slug collides exactly like a visible organization's slug", async () => {
    const hidden = await privateOrg();
    const visible = await createOrg(app, defender, { name: unique('Visible Clinic') });
    const before = await orgCount();
    const onCreate = [hidden.slug, visible.slug].map(async (slug) => observable(await create(attacker, { slug, name: 'Probe' }), { slug }));
    const [hiddenCreate, visibleCreate] = await Promise.all(onCreate);
    expect(hiddenCreate.data.organizationCreate).toEqual({ organization: null, userErrors: [{ code: 'TAKEN', field: 'input.slug', message: 'This slug is already taken' }] });
    expect(hiddenCreate).toEqual(visibleCreate);
    const hiddenUpdate = observable(await update(attacker, { id: attackerOrg.id, slug: hidden.slug }), { slug: hidden.slug });
    const visibleUpdate = observable(await update(attacker, { id: attackerOrg.id, slug: visible.slug }), { slug: visible.slug });
    expect(hiddenUpdate.data.organizationUpdate.userErrors).toEqual([{ code: 'TAKEN', field: 'input.slug', message: 'This slug is already taken' }]);
    expect(hiddenUpdate).toEqual(visibleUpdate);
    expect(await orgCount()).toBe(before);
  });

  it("create with a PRIVATE organization's name and no slug: no suffix because of it (a visible one's name gets -2)", async () => {
    const hiddenName = unique('Quiet Refuge');
    const visibleName = unique('Open Refuge');
    await privateOrg(hiddenName);
    await createOrg(app, defender, { name: visibleName });
    const copyOfHidden = ok(await create(attacker, { name: hiddenName })).organizationCreate.organization!;
    const copyOfVisible = ok(await create(attacker, { name: visibleName })).organizationCreate.organization!;
    expect(copyOfHidden.slug).toBe(slugify(hiddenName));
    expect(copyOfVisible.slug).toBe(`${slugify(visibleName)}-2`);
    // A name-derived slug is free whatever PRIVATE organizations exist: a second PRIVATE namesake changes nothing.
    await privateOrg(`${hiddenName} 2`);
    const third = ok(await create(attacker, { name: hiddenName })).organizationCreate.organization!;
    expect(third.slug).toBe(`${slugify(hiddenName)}-2`);
  });
});

describe('an organization that turns PRIVATE keeps its public slug reserved', () => {
  it('the old slug answers TAKEN exactly like a visible organization\'s slug; the organization may take it back', async () => {
    const turning = await createOrg(app, defender, { name: unique('Once Public') });
    const visible = await createOrg(app, defender, { name: unique('Still Public') });
    const oldSlug = turning.slug;
    const hidden = ok(await update(defender, { id: turning.id, visibility: 'PRIVATE' })).organizationUpdate.organization!;
    expect(hidden.slug).toMatch(RANDOM_SLUG);
    expect(await app.db.query('SELECT slug FROM reserved_slugs WHERE organization_id = $1', [turning.id])).toEqual([{ slug: oldSlug }]);
    expect(ok(await gql(app, OrgBySlugDocument, { slug: oldSlug }, attacker.token)).organization).toBeNull();
    expect(ok(await gql(app, OrgBySlugDocument, { slug: hidden.slug }, attacker.token)).organization).toBeNull();

    const before = await orgCount();
    const reservedCreate = observable(await create(attacker, { slug: oldSlug, name: 'Impostor' }), { slug: oldSlug });
    const visibleCreate = observable(await create(attacker, { slug: visible.slug, name: 'Impostor' }), { slug: visible.slug });
    expect(reservedCreate.data.organizationCreate).toEqual({ organization: null, userErrors: [{ code: 'TAKEN', field: 'input.slug', message: 'This slug is already taken' }] });
    expect(reservedCreate).toEqual(visibleCreate);
    const reservedUpdate = observable(await update(attacker, { id: attackerOrg.id, slug: oldSlug }), { slug: oldSlug });
    const visibleUpdate = observable(await update(attacker, { id: attackerOrg.id, slug: visible.slug }), { slug: visible.slug });
    expect(reservedUpdate).toEqual(visibleUpdate);
    expect(await orgCount()).toBe(before);
    // A name-derived slug steps over it, as over a visible one (it tells only that a once-public slug is in use).
    expect(ok(await create(attacker, { name: turning.name })).organizationCreate.organization!.slug).toBe(`${oldSlug}-2`);

    // Visible again: the random slug stays; the organization itself may take its reserved slug back.
    const back = ok(await update(defender, { id: turning.id, visibility: 'PUBLIC' })).organizationUpdate.organization!;
    expect(back.slug).toBe(hidden.slug);
    const reclaimed = ok(await update(defender, { id: turning.id, slug: oldSlug })).organizationUpdate;
    expect(reclaimed).toMatchObject({ organization: { slug: oldSlug }, userErrors: [] });
    expect(await app.db.query('SELECT slug FROM reserved_slugs WHERE organization_id = $1', [turning.id])).toEqual([]);
  });
});

describe('concurrency', () => {
  it('six concurrent creates with one name and no slug all succeed with distinct slugs', async () => {
    const name = unique('Rush Hour');
    const base = slugify(name);
    const payloads = await Promise.all(Array.from({ length: 6 }, () => create(attacker, { name }).then((r) => ok(r).organizationCreate)));
    for (const payload of payloads) expect(payload.userErrors).toEqual([]);
    const slugs = payloads.map((p) => p.organization!.slug).sort();
    expect(slugs).toEqual([base, `${base}-2`, `${base}-3`, `${base}-4`, `${base}-5`, `${base}-6`].sort());
  });

  it('six concurrent creates with one chosen slug: one succeeds, five answer TAKEN on input.slug', async () => {
    const slug = `contested-${randomUUID().slice(0, 8)}`;
    const payloads = await Promise.all(Array.from({ length: 6 }, () => create(attacker, { slug }).then((r) => ok(r).organizationCreate)));
    expect(payloads.filter((p) => p.organization?.slug === slug)).toHaveLength(1);
    const refused = payloads.filter((p) => p.organization === null);
    expect(refused.map((p) => p.userErrors)).toEqual(Array(5).fill([{ code: 'TAKEN', field: 'input.slug', message: 'This slug is already taken' }]));
  });

  it('a visible organization turning PRIVATE while another takes its slug: never both', async () => {
    for (let round = 0; round < 5; round++) {
      const target = await createOrg(app, defender, { name: unique('Racing') });
      const [turned, taken] = await Promise.all([
        update(defender, { id: target.id, visibility: 'PRIVATE' }).then((r) => ok(r).organizationUpdate),
        create(attacker, { slug: target.slug }).then((r) => ok(r).organizationCreate),
      ]);
      expect(turned.userErrors).toEqual([]);
      expect(taken).toEqual({ organization: null, userErrors: [expect.objectContaining({ code: 'TAKEN', field: 'input.slug' })] });
      const holders = await app.db.query(
        'SELECT organization_id AS id FROM reserved_slugs WHERE slug = $1 UNION ALL SELECT id FROM organizations WHERE slug = $1', [target.slug],
      );
      expect(holders).toEqual([{ id: target.id }]);
    }
  });
});
