import {
  buildClientSchema, getIntrospectionQuery, getNamedType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { addCapability, addMember, addNeed, createOrg, issueAreaId, makeAdmin, signUp, type TestUser } from '../support/factories.js';
import { ok, rawGql } from '../support/graphql-client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ORGANIZATION_FIELD_RULES, SCHEMA_COVERAGE, SENSITIVE_ROOT_TYPES } from './schema-coverage.rules.js';

// The schema, enumerated. Every field of every type that can carry an organization, a location, a contact or a
// member list (found by walking the live schema from SENSITIVE_ROOT_TYPES) must have an entry in
// SCHEMA_COVERAGE, and is then reached over HTTP with selections generated from the schema, as an anonymous
// visitor, a signed-in stranger, a member, an owner and an admin, against PUBLIC, NETWORK and PRIVATE
// organizations at every location precision. Every object in every answer is checked against the privacy
// rules of its type; a field the rules do not know, or a new type that reaches an organization, fails the test.

type ViewerName = 'anonymous' | 'stranger' | 'member' | 'owner' | 'admin';
const VIEWERS: ViewerName[] = ['anonymous', 'stranger', 'member', 'owner', 'admin'];
const VISIBILITIES = ['PUBLIC', 'NETWORK', 'PRIVATE'] as const;
const PRECISIONS = ['EXACT', 'CITY', 'REGION', 'COUNTRY'] as const;
type Precision = (typeof PRECISIONS)[number];
/** One kind per precision, so an anonymous card's kind tells the test (not the viewer) which target it is. */
const KIND_OF: Record<Precision, string> = { EXACT: 'LEGAL_AID', CITY: 'NGO', REGION: 'MEDIA', COUNTRY: 'UNION' };
const OFFICE = { latitude: -1.29213, longitude: 36.82194 };
const STEP_KM: Record<Precision, number | null> = { EXACT: 1, CITY: 10, REGION: 100, COUNTRY: null };
const CELL: Record<Precision, number | null> = { EXACT: 0.0001, CITY: 0.1, REGION: 1, COUNTRY: null };

/** The public position, computed here independently of the service: the centre of the grid cell. */
function publicPoint(precision: Precision): { latitude: number | null; longitude: number | null } {
  const cell = CELL[precision];
  if (cell === null) return { latitude: null, longitude: null };
  const snap = (v: number) => Number((Math.floor(v / cell) * cell + (precision === 'EXACT' ? 0 : cell / 2)).toFixed(4));
  return { latitude: snap(OFFICE.latitude), longitude: snap(OFFICE.longitude) };
}

interface Target { id: string; visibility: (typeof VISIBILITIES)[number]; precision: Precision; truth: Record<string, unknown> }

let app: TestApp;
let schema: GraphQLSchema;
const users = {} as Record<Exclude<ViewerName, 'anonymous'>, TestUser>;
const probeOrg = {} as Record<Exclude<ViewerName, 'anonymous'>, string>;
const targets: Target[] = [];
let area: string;
const categoryOfSkill = new Map<string, { categoryId: string; categoryName: string }>();
/** Targets with an ACCEPTED exchange (introduction or offer request) with each viewer's probe organization. */
const accepted = new Map<ViewerName, Set<string>>();
const acceptedWith = (viewer: ViewerName): Set<string> => accepted.get(viewer) ?? new Set();
/** Targets whose exchange with the viewer's probe organization was declined or is pending: never a contact. */
const notAccepted = new Map<ViewerName, Set<string>>();
/** The offers of the COUNTRY targets and the stranger probe's request for each (see the fixture). */
const offered: { targetId: string; offerId: string; requestId: string; audience: string; status: string }[] = [];
/** One offer per target (see the fixture): the audience decides who sees it, named or as an anonymous card. */
const targetOffers: { targetId: string; offerId: string; audience: 'PUBLIC' | 'NETWORK' | 'PARTNERS' | 'ANONYMOUS' }[] = [];
/** Every Type.field seen in an answer, so a rule that is never exercised fails too. */
const observed = new Set<string>();
/** Verified organizations (one per visibility) that vouch for the stranger's probe, owned by the owner with the member in them. */
const vouchers = new Map<string, Target['visibility']>();
/** The stranger's PRIVATE group that asks the vouchers for vouches, with the card its requests must show. */
const requestGroup = { id: '', card: {} as Record<string, unknown> };

// ---------- selections generated from the schema ----------

let sensitive: Set<string>;

function sensitiveTypes(s: GraphQLSchema): Set<string> {
  const found = new Set<string>(SENSITIVE_ROOT_TYPES);
  for (let changed = true; changed;) {
    changed = false;
    for (const type of Object.values(s.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || found.has(type.name)) continue;
      if (Object.values(type.getFields()).some((f) => found.has(getNamedType(f.type).name))) {
        found.add(type.name);
        changed = true;
      }
    }
  }
  return found;
}

/**
 * All fields without required arguments (a connection's nodes through its edges); sensitive types fully, others two
 * levels deep. A type already being selected on the way down is not entered again (Offer.viewerRequest.offer...):
 * each cycle is walked once, from whichever end the probe starts.
 */
function selection(type: GraphQLObjectType, depth = 2, path: ReadonlySet<string> = new Set()): string {
  const within = new Set(path).add(type.name);
  const parts = ['__typename'];
  const fields = type.getFields();
  for (const field of Object.values(fields)) {
    if (field.args.some((a) => isNonNullType(a.type))) continue;
    // A connection's nodes are its edges' nodes: selecting both would only double the query's cost.
    if (field.name === 'nodes' && fields.edges) continue;
    const named = getNamedType(field.type);
    if (!isObjectType(named)) { parts.push(field.name); continue; }
    const isSensitive = sensitive.has(named.name);
    if ((!isSensitive && depth === 0) || within.has(named.name)) continue;
    parts.push(`${field.name} { ${selection(named, isSensitive ? depth : depth - 1, within)} }`);
  }
  return parts.join(' ');
}

function select(typeName: string): string {
  return selection(schema.getType(typeName) as GraphQLObjectType);
}

async function ask(viewer: ViewerName, query: string, variables: Record<string, unknown> = {}) {
  return rawGql<Record<string, unknown>>(app, query, variables, viewer === 'anonymous' ? null : users[viewer].token);
}

interface Connection<T> { totalCount: number; edges: { node: T }[] }
const nodes = <T>(c: Connection<T>): T[] => c.edges.map((e) => e.node);

// ---------- the rules ----------

interface Probe { viewer: ViewerName; acting: boolean; label: string }

function isMember(viewer: ViewerName): boolean {
  return viewer === 'member' || viewer === 'owner';
}

/** May the viewer see this target by name on this path? Acting paths (suggestions, introductions...) drop admin rights. */
function canName(probe: Probe, t: Target): boolean {
  if (t.visibility === 'PUBLIC' || isMember(probe.viewer)) return true;
  if (probe.viewer === 'admin' && !probe.acting) return true;
  return t.visibility === 'NETWORK' && probe.viewer !== 'anonymous';
}

function expectedLocation(probe: Probe, t: Target) {
  const truth = t.truth.location as Record<string, unknown>;
  if (isMember(probe.viewer)) return truth;
  return {
    __typename: 'Location', precision: t.precision, country: truth.country,
    region: t.precision === 'COUNTRY' ? null : truth.region,
    city: t.precision === 'EXACT' || t.precision === 'CITY' ? truth.city : null,
    ...publicPoint(t.precision),
  };
}

function checkOrganization(probe: Probe, org: Record<string, unknown>, extra: { distanceKm?: boolean } = {}): void {
  const t = targets.find((x) => x.id === org.id);
  if (!t) return; // the viewer's own probe organization
  const where = `${probe.label} as ${probe.viewer}: ${t.visibility} ${t.precision}`;
  expect({ where, named: canName(probe, t) }).toEqual({ where, named: true });
  for (const [field, value] of Object.entries(org)) {
    if (field === '__typename') continue;
    const rule = ORGANIZATION_FIELD_RULES[field];
    if (!rule) throw new Error(`Organization.${field} has no rule in ORGANIZATION_FIELD_RULES (tests/privacy/schema-coverage.rules.ts): say who may see it`);
    const truth = t.truth[field];
    let expected: unknown;
    switch (rule) {
      case 'public': expected = truth; break;
      case 'members': expected = isMember(probe.viewer) ? truth : field === 'dealbreakerKinds' ? [] : null; break;
      // Double opt-in: the other side of an accepted exchange sees it, a pending, declined or third party does not.
      case 'contact': expected = isMember(probe.viewer) || acceptedWith(probe.viewer).has(t.id) ? truth : null; break;
      case 'owners': expected = probe.viewer === 'owner' ? truth : null; break;
      case 'location': expected = expectedLocation(probe, t); break;
      case 'openNeedsForOthers': expected = isMember(probe.viewer) ? truth : (truth as { status: string }[]).filter((n) => n.status === 'OPEN'); break;
      case 'viewerRole': expected = probe.viewer === 'owner' ? 'OWNER' : probe.viewer === 'member' ? 'MEMBER' : null; break;
      case 'distance': {
        const step = STEP_KM[t.precision];
        if (!extra.distanceKm || step === null) expected = null;
        else { expect({ where, multiple: (value as number) % step === 0 && (value as number) >= step }).toEqual({ where, multiple: true }); continue; }
        break;
      }
    }
    expect({ where, field, value }).toEqual({ where, field, value: expected });
  }
}

function checkAnonymous(probe: Probe, card: Record<string, unknown>): void {
  const where = `${probe.label} as ${probe.viewer}: anonymous card`;
  const t = targets.find((x) => x.visibility === 'PRIVATE' && KIND_OF[x.precision] === card.kind);
  expect({ where, found: Boolean(t) }).toEqual({ where, found: true });
  // Anonymous only to those who may not name it: members see their own organization by name.
  expect({ where, named: canName(probe, t!) }).toEqual({ where, named: false });
  const truth = t!.truth;
  const location = truth.location as { country: string; region: string };
  const capabilities = (truth.capabilities as { level: string; remote: boolean; skill: { id: string; name: string } }[])
    .map((c) => ({ __typename: 'AnonymousCapability', ...categoryOfSkill.get(c.skill.id)!, skillName: c.skill.name, level: c.level, remote: c.remote }))
    .sort((a, b) => (a.categoryId + a.skillName < b.categoryId + b.skillName ? -1 : 1));
  // Random tokens (16 characters) or, in coalition suggestions, sealed ones (86: privacy/anonymous-token.ts).
  expect({ where, card: { ...card, token: typeof card.token === 'string' && /^anon_([\w-]{16}|[\w-]{86})$/.test(card.token) } }).toEqual({
    where,
    card: { __typename: 'AnonymousOrganization', token: true, kind: KIND_OF[t!.precision], country: location.country, region: t!.precision === 'COUNTRY' ? null : location.region, capabilities },
  });
}

const banded = (v: number) => Math.abs(v * 20 - Math.round(v * 20)) < 1e-9;

function checkSuggestion(probe: Probe, row: Record<string, unknown>): void {
  const where = `${probe.label} as ${probe.viewer}`;
  const reasons = row.reasons as { code: string; text: string; weight: number }[];
  for (const r of reasons) expect({ where, text: r.text }).not.toEqual({ where, text: expect.stringMatching(/pending|anon_|[0-9a-f]{8}-[0-9a-f]{4}/) });
  if (row.anonymous) {
    const parts = row.parts as Record<string, number>;
    expect({ where, banded: [row.score as number, ...Object.values(parts).filter((v) => typeof v === 'number'), ...reasons.map((r) => r.weight)].every(banded) })
      .toEqual({ where, banded: true });
    expect({ where, codes: reasons.every((r) => ['COVERS_NEED', 'COVERS_NEED_RELATED', 'DISTANCE'].includes(r.code)) }).toEqual({ where, codes: true });
    expect({ where, km: row.distanceKm === null || (row.distanceKm as number) % 100 === 0 }).toEqual({ where, km: true });
    expect({ where, band: /about \d/.test(String(row.distanceBand)) }).toEqual({ where, band: false });
  }
}

/** The organizations each viewer's probe collaborates with (accepted introductions in the fixture): its partners. */
function isPartner(viewer: ViewerName, t: Target): boolean {
  return (viewer === 'stranger' || viewer === 'member') && (t.precision === 'EXACT' || t.precision === 'CITY')
    && canName({ viewer, acting: true, label: '' }, t);
}

/** How a target's offer reaches a viewer (privacy/offer-audience.ts), computed here from the rules as written. */
function expectedOfferView(viewer: ViewerName, t: Target, audience: string): 'named' | 'card' | 'hidden' {
  if (isMember(viewer)) return 'named';
  const acting = { viewer, acting: true, label: '' };
  const signedIn = viewer !== 'anonymous';
  switch (audience) {
    case 'PUBLIC': return canName(acting, t) ? 'named' : 'hidden';
    case 'NETWORK': return signedIn && canName(acting, t) ? 'named' : 'hidden';
    case 'PARTNERS': return isPartner(viewer, t) ? (canName(acting, t) ? 'named' : 'card') : 'hidden';
    default: return signedIn ? 'card' : 'hidden';
  }
}

/**
 * An offer: named exactly when its audience allows (then its place is the target's location projection), else an
 * anonymous card of the offering target that shows kind, country, region and only the offered capability, with
 * no issue areas, no languages, and a place no finer than the region's 1-degree cell without a city.
 */
function checkOffer(probe: Probe, offer: Record<string, unknown>, extra: { distanceKm?: boolean }): void {
  const known = targetOffers.find((o) => o.offerId === offer.id);
  const card = offer.anonymousOrganization as Record<string, unknown> | null | undefined;
  const org = offer.organization as { id: string } | null | undefined;
  const t = known ? targets.find((x) => x.id === known.targetId)
    : org ? targets.find((x) => x.id === org.id) : card ? targets.find((x) => x.visibility === 'PRIVATE' && KIND_OF[x.precision] === card.kind) : undefined;
  if (!t) return;
  const where = `${probe.label} as ${probe.viewer}: offer of ${t.visibility} ${t.precision}`;
  if (org !== undefined && card !== undefined) expect({ where, exactlyOne: (org === null) !== (card === null) }).toEqual({ where, exactlyOne: true });
  const named = org !== null && org !== undefined;
  if (known && (org !== undefined || card !== undefined)) {
    expect({ where, view: named ? 'named' : 'card' }).toEqual({ where, view: expectedOfferView(probe.viewer, t, known.audience) });
  }
  const truth = t.truth.location as { country: string; region: string };
  if (named) {
    if (known && offer.place !== undefined) expect({ where, place: offer.place }).toEqual({ where, place: expectedLocation(probe, t) });
  } else {
    if (card) {
      const skill = (offer.skill as { id: string } | undefined)?.id;
      const capabilities = (t.truth.capabilities as { level: string; remote: boolean; skill: { id: string; name: string } }[])
        .filter((c) => c.skill.id === skill)
        .map((c) => ({ __typename: 'AnonymousCapability', ...categoryOfSkill.get(c.skill.id)!, skillName: c.skill.name, level: c.level, remote: c.remote }));
      const shown = { ...card, token: typeof card.token === 'string' && /^anon_[\w-]{16}$/.test(card.token) };
      const expected: Record<string, unknown> = { __typename: 'AnonymousOrganization', token: true, kind: KIND_OF[t.precision], country: truth.country, region: t.precision === 'COUNTRY' ? null : truth.region };
      if (skill) expected.capabilities = capabilities;
      expect({ where, card: shown }).toEqual({ where, card: expect.objectContaining(expected) });
    }
    if (offer.issueAreas !== undefined) expect({ where, issueAreas: offer.issueAreas }).toEqual({ where, issueAreas: [] });
    if (offer.languages !== undefined) expect({ where, languages: offer.languages }).toEqual({ where, languages: [] });
    if (known && offer.place !== undefined) {
      const cell = t.precision === 'COUNTRY' ? { latitude: null, longitude: null } : publicPoint('REGION');
      expect({ where, place: offer.place }).toEqual({ where, place: {
        __typename: 'Location', precision: t.precision === 'COUNTRY' ? 'COUNTRY' : 'REGION', country: truth.country,
        region: t.precision === 'COUNTRY' ? null : truth.region, city: null, ...cell,
      } });
    }
  }
  if (extra.distanceKm && typeof offer.distanceKm === 'number') {
    const step = named ? STEP_KM[t.precision] : 100;
    expect({ where, km: step !== null && offer.distanceKm % step === 0 && offer.distanceKm >= step }).toEqual({ where, km: true });
  }
}

/** offersForNeeds rows: for an anonymous offer, banded figures, card-only reasons and no km figure in words. */
function checkOfferMatch(probe: Probe, row: Record<string, unknown>): void {
  const where = `${probe.label} as ${probe.viewer}`;
  const reasons = row.reasons as { code: string; text: string; weight: number }[];
  for (const r of reasons) expect({ where, text: r.text }).not.toEqual({ where, text: expect.stringMatching(/anon_|[0-9a-f]{8}-[0-9a-f]{4}/) });
  const offer = row.offer as { anonymousOrganization: unknown } | undefined;
  if (!offer?.anonymousOrganization) return;
  expect({ where, banded: [row.score as number, ...reasons.map((r) => r.weight)].every(banded) }).toEqual({ where, banded: true });
  expect({ where, codes: reasons.every((r) => ['MEETS_NEED', 'MEETS_NEED_RELATED', 'LEVEL', 'DISTANCE', 'REMOTE'].includes(r.code)) }).toEqual({ where, codes: true });
  expect({ where, km: row.distanceKm === null || (row.distanceKm as number) % 100 === 0 }).toEqual({ where, km: true });
  expect({ where, band: /about \d/.test(String(row.distanceBand)) }).toEqual({ where, band: false });
}

/**
 * A vouch: each of its two organizations visible to the viewer by the profile rule (admins included); a withdrawn one
 * only in the admins' chain or the withdrawal's own payload.
 */
function checkVouch(probe: Probe, vouch: Record<string, unknown>): void {
  for (const end of ['voucher', 'organization'] as const) {
    const id = (vouch[end] as { id?: string } | undefined)?.id;
    const visibility = id ? vouchers.get(id) : undefined;
    if (!visibility) continue;
    const where = `${probe.label} as ${probe.viewer}: Vouch.${end} ${visibility}`;
    expect({ where, named: canName({ ...probe, acting: false }, { id: id!, visibility, precision: 'EXACT', truth: {} }) }).toEqual({ where, named: true });
  }
  if (vouch.withdrawnAt) {
    const where = `${probe.label} as ${probe.viewer}: withdrawn vouch`;
    expect({ where, allowed: probe.viewer === 'admin' || probe.label === 'vouchWithdraw payload' }).toEqual({ where, allowed: true });
  }
}

/**
 * A vouch request's group: only to the group's members (the stranger) and the asked organization's (owner and
 * member, while the grant lasts: the lists check when), and exactly the card: no position below the country, no
 * contact, no member.
 */
function checkVouchRequestGroup(probe: Probe, group: Record<string, unknown>): void {
  const where = `${probe.label} as ${probe.viewer}: vouch request group`;
  expect({ where, allowed: ['stranger', 'owner', 'member'].includes(probe.viewer) }).toEqual({ where, allowed: true });
  const shown = Object.fromEntries(Object.entries(group).filter(([k]) => k !== '__typename'));
  const expected = Object.fromEntries(Object.keys(shown).map((k) => [k, requestGroup.card[k]]));
  expect({ where, shown }).toEqual({ where, shown: expected });
}

/** Walks an answer, records each Type.field seen and applies the rule of every object that has one. */
function walk(probe: Probe, value: unknown, extra: { distanceKm?: boolean } = {}): void {
  if (Array.isArray(value)) { for (const v of value) walk(probe, v, extra); return; }
  if (!value || typeof value !== 'object') return;
  const obj = value as Record<string, unknown>;
  const type = obj.__typename as string | undefined;
  if (type) for (const key of Object.keys(obj)) if (key !== '__typename') observed.add(`${type}.${key}`);
  if (type === 'Organization') checkOrganization(probe, obj, extra);
  if (type === 'AnonymousOrganization') checkAnonymous(probe, obj);
  if (type === 'PartnerSuggestion') checkSuggestion(probe, obj);
  if (type === 'Vouch') checkVouch(probe, obj);
  if (type === 'VouchRequestGroup') checkVouchRequestGroup(probe, obj);
  if (type === 'CoalitionParticipant') checkParticipant(probe, obj);
  if (type && GOVERNANCE_TYPES.includes(type)) checkGovernance(probe, type, obj);
  if (type === 'EventCounterpart') checkCounterpart(probe, obj);
  if (type === 'EventPlace') checkEventPlace(probe, obj);
  if (type === 'Offer') checkOffer(probe, obj, extra);
  if (type === 'OfferMatch') checkOfferMatch(probe, obj);
  if (type === 'User') expect({ where: probe.label, email: obj.email }).toEqual({ where: probe.label, email: users[probe.viewer as Exclude<ViewerName, 'anonymous'>].email });
  for (const [key, v] of Object.entries(obj)) {
    // An offer's card shows one capability, not the organization's list: checkOffer holds it to that rule.
    if (type === 'Offer' && key === 'anonymousOrganization') continue;
    // The near filter measured the offer, not its organization: that one carries no distance here.
    walk(probe, v, type === 'Offer' ? {} : extra);
  }
}

/**
 * A coalition member: an anonymous participant shows nothing else, and only to viewers that are not insiders (in the
 * fixture the member and the owner belong to every member organization); a named one is an Organization, checked by
 * checkOrganization against the acting rule (for outsiders the member visibility equals the organization's own).
 */
function checkParticipant(probe: Probe, participant: Record<string, unknown>): void {
  if (!participant.anonymous) return;
  const where = `${probe.label} as ${probe.viewer}: anonymous participant`;
  const shown = Object.fromEntries(Object.entries(participant).filter(([k, v]) => !['__typename', 'anonymous', 'coordinator'].includes(k) && v !== null));
  expect({ where, shown, outsider: !isMember(probe.viewer) }).toEqual({ where, shown: {}, outsider: true });
}

/**
 * Coalition governance (privacy/coalition-governance.ts): proposals reach outsiders only as their own application,
 * without tallies, votes or signatures; votes, goals and milestones only insiders (the member and the owner belong to
 * every member of the probed coalitions); wins reach outsiders only when public, without the goal they advance.
 */
const GOVERNANCE_TYPES = ['CoalitionProposal', 'ProposalVote', 'ProposalTally', 'CoalitionGoal', 'CoalitionMilestone', 'CoalitionWin'];
function checkGovernance(probe: Probe, type: string, obj: Record<string, unknown>): void {
  if (isMember(probe.viewer)) return;
  const where = `${probe.label} as ${probe.viewer}: ${type}`;
  if (type === 'CoalitionProposal') {
    expect({ where, kind: obj.kind, hidden: [obj.tally, obj.votes, obj.signatories] }).toEqual({ where, kind: 'ADMIT_MEMBER', hidden: [null, null, null] });
  } else if (type === 'CoalitionWin') {
    expect({ where, public: obj.public, goalId: obj.goalId }).toEqual({ where, public: true, goalId: null });
  } else {
    expect({ where, shown: true }).toEqual({ where, shown: false });
  }
}

function root(name: string, field: string): void {
  observed.add(`${name}.${field}`);
}

// ---------- events ----------

/** An agenda counterpart shown as a card: banded score, only reasons about what the card shows, no people. */
function checkCounterpart(probe: Probe, row: Record<string, unknown>): void {
  if (!row.anonymous) return;
  const where = `${probe.label} as ${probe.viewer}: anonymous counterpart`;
  const reasons = row.reasons as { code: string; weight: number }[];
  expect({ where, banded: [row.score as number, ...reasons.map((r) => r.weight)].every(banded), people: row.people, codes: reasons.every((r) => ['COVERS_NEED', 'COVERS_NEED_RELATED'].includes(r.code)) })
    .toEqual({ where, banded: true, people: [], codes: true });
}

/** The probe event's place (CITY precision): exact for its organizer and registrants, the cell centre for anyone else. */
const EVENT_PLACE = { venue: 'Probe Hall', country: 'KE', region: 'Nairobi County', city: 'Nairobi', latitude: -1.28333, longitude: 36.81667, precision: 'CITY' };
let eventPlaceExactFor: ViewerName[] = [];
function checkEventPlace(probe: Probe, place: Record<string, unknown>): void {
  const where = `${probe.label} as ${probe.viewer}: event place`;
  const expected = eventPlaceExactFor.includes(probe.viewer) ? EVENT_PLACE : { ...EVENT_PLACE, venue: null, latitude: -1.25, longitude: 36.85 };
  expect({ where, place }).toEqual({ where, place: { __typename: 'EventPlace', ...expected } });
}

// ---------- the fixture ----------

beforeAll(async () => {
  app = await startTestApp();
  const introspection = ok(await rawGql<IntrospectionQuery>(app, getIntrospectionQuery()));
  schema = buildClientSchema(introspection);
  sensitive = sensitiveTypes(schema);

  const [stranger, member, owner, admin] = await Promise.all(['Stranger', 'Member', 'Owner', 'Admin'].map((n) => signUp(app, n)));
  Object.assign(users, { stranger, member, owner, admin });
  await makeAdmin(app, admin);
  area = await issueAreaId(app, 'torture-prevention');
  for (const row of await app.db.query('SELECT s.id, c.id AS "categoryId", c.name AS "categoryName" FROM skills s JOIN capability_categories c ON c.id = s.category_id')) {
    categoryOfSkill.set(row.id, { categoryId: row.categoryId, categoryName: row.categoryName });
  }
  for (const v of ['stranger', 'member', 'owner', 'admin'] as const) {
    const org = await createOrg(app, users[v], { name: `Probe of ${v}`, kind: 'FOUNDATION', visibility: 'PUBLIC' });
    await addNeed(app, users[v], org.id, 'emergency-relocation', 'CRITICAL');
    probeOrg[v] = org.id;
  }
  for (const visibility of VISIBILITIES) {
    for (const precision of PRECISIONS) {
      const org = await createOrg(app, owner, {
        name: `Target ${visibility} ${precision}`, kind: KIND_OF[precision] as never, visibility, anonymousSuggestions: true,
        mission: 'Shelter and legal help for defenders', contactEmail: `${visibility}.${precision}@example.org`.toLowerCase(),
        contactPerson: `Desk ${visibility} ${precision}`,
        dealbreakerKinds: ['ACADEMIC'], languages: ['sw'], issueAreaIds: [area], website: 'https://example.org',
        location: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...OFFICE, precision },
      });
      await addCapability(app, owner, org.id, 'emergency-relocation', 'EXPERT');
      await addCapability(app, owner, org.id, 'transport', 'PROFICIENT');
      if (precision === 'COUNTRY') await addCapability(app, owner, org.id, 'media-relations', 'BASIC');
      await addNeed(app, owner, org.id, 'video-production', 'HIGH');
      const closed = await addNeed(app, owner, org.id, 'peer-support', 'LOW');
      ok(await rawGql(app, 'mutation($input: NeedUpdateInput!) { needUpdate(input: $input) { userErrors { code } } }', { input: { id: closed.id, status: 'MET' } }, owner.token));
      await addMember(app, owner, org.id, member, 'MEMBER');
      targets.push({ id: org.id, visibility, precision, truth: {} });
    }
  }
  // The stranger is invited to one PRIVATE target and has not answered: it stays a stranger.
  const invited = targets.find((t) => t.visibility === 'PRIVATE' && t.precision === 'EXACT')!;
  ok(await rawGql(app, 'mutation($input: OrganizationMemberInviteInput!) { organizationMemberInvite(input: $input) { userErrors { code } } }',
    { input: { organizationId: invited.id, email: stranger.email, role: 'EDITOR' } }, owner.token));
  // The truth: every target as its owner sees it, with the same generated selection.
  for (const t of targets) {
    const data = ok(await ask('owner', `query($id: ID!) { organization(id: $id) { ${select('Organization')} } }`, { id: t.id }));
    t.truth = data.organization as Record<string, unknown>;
  }
  // Introductions: from the stranger's and the member's probes to every target they may name; the EXACT and CITY
  // ones accepted (the pair sees each other's contact details from then on), the REGION ones declined, the
  // COUNTRY ones left pending (neither of which shows any).
  for (const v of ['stranger', 'member'] as const) {
    accepted.set(v, new Set());
    notAccepted.set(v, new Set());
    for (const t of targets) {
      if (!canName({ viewer: v, acting: true, label: '' }, t)) continue;
      const asked = await ask(v, `mutation($input: RequestIntroductionInput!) { requestIntroduction(input: $input) { ${select('IntroductionPayload')} } }`,
        { input: { fromOrganizationId: probeOrg[v], toOrganizationId: t.id, message: 'Hello' } });
      walk({ viewer: v, acting: true, label: 'requestIntroduction payload' }, ok(asked));
      root('Mutation', 'requestIntroduction');
      const introduction = (ok(asked).requestIntroduction as { introduction: { id: string } }).introduction;
      if (t.precision === 'COUNTRY') { notAccepted.get(v)!.add(t.id); continue; }
      const accept = t.precision === 'EXACT' || t.precision === 'CITY';
      if (accept) accepted.get(v)!.add(t.id); else notAccepted.get(v)!.add(t.id);
      const answered = await ask('owner', `mutation($input: RespondToIntroductionInput!) { respondToIntroduction(input: $input) { ${select('IntroductionPayload')} } }`,
        { input: { introductionId: introduction.id, accept } });
      walk({ viewer: 'owner', acting: true, label: 'respondToIntroduction payload' }, ok(answered));
      root('Mutation', 'respondToIntroduction');
    }
  }
  // Offer requests: the COUNTRY targets each post an offer (PUBLIC, NETWORK, and ANONYMOUS for the PRIVATE one) and
  // the stranger's probe asks for each; the PUBLIC one is accepted (the pair sees each other's contact details from
  // then on), the NETWORK one declined, the ANONYMOUS one left pending.
  const offerSkill = (await app.db.query(`SELECT id FROM skills WHERE slug = 'emergency-relocation'`))[0].id as string;
  for (const t of targets.filter((x) => x.precision === 'COUNTRY')) {
    const audience = t.visibility === 'PRIVATE' ? 'ANONYMOUS' : t.visibility;
    const posted = ok(await ask('owner', 'mutation($input: OfferPostInput!) { offerPost(input: $input) { offer { id } userErrors { code } } }',
      { input: { organizationId: t.id, skillId: offerSkill, title: 'Relocation drill', format: 'WORKSHOP', audience, remote: true, seats: 5 } }));
    const offerId = (posted.offerPost as { offer: { id: string } }).offer.id;
    const asked = ok(await ask('stranger', `mutation($input: OfferRequestInput!) { offerRequest(input: $input) { ${select('OfferRequestPayload')} } }`,
      { input: { offerId, organizationId: probeOrg.stranger, message: 'A seat, please' } }));
    walk({ viewer: 'stranger', acting: true, label: 'offerRequest payload' }, asked);
    root('Mutation', 'offerRequest');
    const requestId = (asked.offerRequest as { offerRequest: { id: string } }).offerRequest.id;
    const status = t.visibility === 'PUBLIC' ? 'ACCEPTED' : t.visibility === 'NETWORK' ? 'DECLINED' : 'PENDING';
    offered.push({ targetId: t.id, offerId, requestId, audience, status });
    if (status === 'PENDING') continue;
    if (status === 'ACCEPTED') {
      accepted.get('stranger')!.add(t.id);
      notAccepted.get('stranger')!.delete(t.id);
    }
    const answered = ok(await ask('owner', `mutation($input: OfferRequestRespondInput!) { offerRequestRespond(input: $input) { ${select('OfferRequestPayload')} } }`,
      { input: { offerRequestId: requestId, accept: status === 'ACCEPTED' } }));
    walk({ viewer: 'owner', acting: true, label: 'offerRequestRespond payload' }, answered);
    root('Mutation', 'offerRequestRespond');
  }
  // Offers: one per target, placed at its office with its precision, serving `area` in Swahili; the EXACT ones for
  // PARTNERS (the probes with accepted introductions), PRIVATE ones otherwise ANONYMOUS, the rest to their own
  // visibility's audience.
  const relocation = (await app.db.query(`SELECT id FROM skills WHERE slug = 'emergency-relocation'`))[0].id as string;
  for (const t of targets) {
    const audience = t.precision === 'EXACT' ? 'PARTNERS' : t.visibility === 'PRIVATE' ? 'ANONYMOUS' : t.visibility;
    const truth = t.truth.location as { country: string; region: string; city: string };
    const posted = ok(await ask('owner', `mutation($input: OfferPostInput!) { offerPost(input: $input) { ${select('OfferPayload')} } }`, {
      input: {
        organizationId: t.id, skillId: relocation, title: `Relocation support from ${t.visibility} ${t.precision}`, format: 'ADVICE', audience,
        place: { country: truth.country, region: truth.region, city: truth.city, ...OFFICE, precision: t.precision },
        issueAreaIds: [area], languages: ['sw'], seats: 3,
      },
    }));
    const payload = posted.offerPost as { offer: { id: string }; userErrors: unknown[] };
    expect(payload.userErrors).toEqual([]);
    targetOffers.push({ targetId: t.id, offerId: payload.offer.id, audience });
    walk({ viewer: 'owner', acting: true, label: 'offerPost payload' }, posted);
    root('Mutation', 'offerPost');
  }
  // Vouching: three verified organizations (PUBLIC, NETWORK, PRIVATE; the member belongs to each) vouch for the
  // stranger's probe; the PRIVATE one also vouches for the member's probe and withdraws it.
  for (const visibility of VISIBILITIES) {
    const org = await createOrg(app, owner, { name: `Voucher ${visibility}`, kind: 'NGO', visibility });
    await addMember(app, owner, org.id, member, 'MEMBER');
    ok(await ask('admin', 'mutation($input: OrganizationVerifyInput!) { organizationVerify(input: $input) { userErrors { code } } }', { input: { id: org.id, verified: true } }));
    vouchers.set(org.id, visibility);
    const given = ok(await ask('owner', `mutation($input: VouchCreateInput!) { vouchCreate(input: $input) { ${select('VouchPayload')} } }`,
      { input: { voucherOrganizationId: org.id, organizationId: probeOrg.stranger, statement: 'We trust them' } }));
    walk({ viewer: 'owner', acting: true, label: 'vouchCreate payload' }, given);
    root('Mutation', 'vouchCreate');
    if (visibility !== 'PRIVATE') continue;
    const other = ok(await ask('owner', 'mutation($input: VouchCreateInput!) { vouchCreate(input: $input) { vouch { id } userErrors { code } } }',
      { input: { voucherOrganizationId: org.id, organizationId: probeOrg.member, statement: 'For a while' } }));
    const withdrawn = ok(await ask('owner', `mutation($input: VouchWithdrawInput!) { vouchWithdraw(input: $input) { ${select('VouchPayload')} } }`,
      { input: { vouchId: (other.vouchCreate as { vouch: { id: string } }).vouch.id } }));
    expect((withdrawn.vouchWithdraw as { vouch: { withdrawnAt: string | null } }).vouch.withdrawnAt).not.toBeNull();
    walk({ viewer: 'owner', acting: true, label: 'vouchWithdraw payload' }, withdrawn);
    root('Mutation', 'vouchWithdraw');
  }
}, 120_000);
afterAll(() => app?.close());

// ---------- the tests ----------

describe('the schema enumerated', () => {
  it('every field of every type that can carry an organization, a location, a contact or a member list has a privacy rule', () => {
    const required: string[] = [];
    for (const name of sensitive) {
      const type = schema.getType(name) as GraphQLObjectType;
      const roots = ['Query', 'Mutation', 'Subscription'];
      for (const field of Object.values(type.getFields())) {
        if (roots.includes(name) && !sensitive.has(getNamedType(field.type).name)) continue;
        required.push(`${name}.${field.name}`);
      }
    }
    const missing = required.filter((f) => !(f in SCHEMA_COVERAGE));
    const stale = Object.keys(SCHEMA_COVERAGE).filter((f) => !required.includes(f));
    expect({
      missing: missing.map((f) => `${f} reaches an organization, a location, a contact or a member list and has no entry in SCHEMA_COVERAGE (tests/privacy/schema-coverage.rules.ts): add its rule and a probe`),
      stale: stale.map((f) => `${f} is in SCHEMA_COVERAGE but not in the schema (or no longer sensitive)`),
    }).toEqual({ missing: [], stale: [] });
    const orgFields = Object.keys((schema.getType('Organization') as GraphQLObjectType).getFields());
    expect(orgFields.filter((f) => !ORGANIZATION_FIELD_RULES[f])).toEqual([]);
  });
});

describe.each(VIEWERS)('as %s', (viewer) => {
  const direct = (label: string): Probe => ({ viewer, acting: false, label });
  const acting = (label: string): Probe => ({ viewer, acting: true, label });

  it('organization(id) and organization(slug) answer a target exactly when it may be named, with the projection of its fields', async () => {
    for (const t of targets) {
      const byId = ok(await ask(viewer, `query($id: ID!) { organization(id: $id) { ${select('Organization')} } }`, { id: t.id })).organization;
      const bySlug = ok(await ask(viewer, `query($slug: String!) { organization(slug: $slug) { ${select('Organization')} } }`, { slug: t.truth.slug })).organization;
      const may = canName(direct('organization'), t);
      expect({ t: `${t.visibility} ${t.precision}`, found: [byId !== null, bySlug !== null] }).toEqual({ t: `${t.visibility} ${t.precision}`, found: [may, may] });
      walk(direct('organization(id)'), byId);
      walk(direct('organization(slug)'), bySlug);
    }
    root('Query', 'organization');
  });

  it('organizations lists, with and without a near filter, exactly the targets it may name', async () => {
    const query = `query($filter: OrganizationFilter) { organizations(first: 30, filter: $filter) { ${select('OrganizationConnection')} } }`;
    const list = ok(await ask(viewer, query, { filter: { issueAreaIds: [area] } })).organizations as Connection<{ id: string }>;
    const names = targets.filter((t) => canName(direct('organizations'), t)).map((t) => t.id).sort();
    expect(nodes(list).map((n) => n.id).sort()).toEqual(names);
    walk(direct('organizations'), list);
    const near = ok(await ask(viewer, query, { filter: { issueAreaIds: [area], near: { latitude: -1.0, longitude: 36.5, radiusKm: 400 } } })).organizations as Connection<{ id: string }>;
    // COUNTRY precision shows no position, so it never matches a circle.
    expect(nodes(near).map((n) => n.id).sort()).toEqual(targets.filter((t) => canName(direct('organizations'), t) && t.precision !== 'COUNTRY').map((t) => t.id).sort());
    walk(direct('organizations near'), near, { distanceKm: true });
    root('Query', 'organizations');
  });

  it('partnerSuggestions name what may be named and show opted-in PRIVATE targets only as cards', async () => {
    const query = `query($id: ID!) { partnerSuggestions(organizationId: $id, first: 30) { ${select('PartnerSuggestionConnection')} } }`;
    if (viewer === 'anonymous') {
      expect((await ask(viewer, query, { id: targets[0].id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return;
    }
    const data = ok(await ask(viewer, query, { id: probeOrg[viewer] })).partnerSuggestions as Connection<{ organization: { id: string } | null; anonymous: { kind: string } | null }>;
    expect(data.totalCount).toBe(nodes(data).length);
    const named = nodes(data).filter((n) => n.organization && targets.some((t) => t.id === n.organization!.id)).map((n) => n.organization!.id).sort();
    expect(named).toEqual(targets.filter((t) => canName(acting('suggestions'), t)).map((t) => t.id).sort());
    const cards = nodes(data).filter((n) => n.anonymous).map((n) => n.anonymous!.kind).sort();
    expect(cards).toEqual(targets.filter((t) => !canName(acting('suggestions'), t)).map((t) => KIND_OF[t.precision]).sort());
    walk(acting('partnerSuggestions'), data);
    root('Query', 'partnerSuggestions');
  });

  it('coalitionSuggestions members, coverage and gap fillers follow the same rules', async () => {
    const query = `query($input: CoalitionSuggestionInput!) { coalitionSuggestions(input: $input) { ${select('CoalitionAlternative')} } }`;
    if (viewer === 'anonymous') return;
    // Inside a circle around the office: every target but the COUNTRY ones (no position), which alone offer
    // COMMUNICATIONS, so that gap is filled from outside the circle by those the viewer may name.
    const data = ok(await ask(viewer, query, {
      input: { organizationId: probeOrg[viewer], issueAreaId: area, categoryIds: ['LOGISTICS', 'COMMUNICATIONS'], minSize: 1, maxSize: 12, alternatives: 2,
        near: { ...OFFICE, radiusKm: 300 } },
    })).coalitionSuggestions as { gapFillers: { categoryId: string; organizations: { id: string }[] }[] }[];
    expect(data.length).toBeGreaterThan(0);
    const fillers = data[0].gapFillers.flatMap((g) => g.organizations.map((o) => o.id)).sort();
    expect(fillers).toEqual(targets.filter((t) => t.precision === 'COUNTRY' && canName(acting('gap fillers'), t)).map((t) => t.id).sort());
    walk(acting('coalitionSuggestions'), data);
    root('Query', 'coalitionSuggestions');
  });

  it('introductions and collaborations show the other side by the acting rules, to members of a side only', async () => {
    if (viewer !== 'stranger' && viewer !== 'member') return;
    const intros = ok(await ask(viewer, `query($id: ID!) { introductions(organizationId: $id, first: 20) { ${select('IntroductionConnection')} } }`, { id: probeOrg[viewer] }))
      .introductions as { totalCount: number };
    expect(intros.totalCount).toBe(targets.filter((t) => canName(acting('introductions'), t)).length);
    walk(acting('introductions'), intros);
    const collaborations = ok(await ask(viewer, `query($id: ID!) { collaborations(organizationId: $id, first: 20) { ${select('CollaborationConnection')} } }`, { id: probeOrg[viewer] }))
      .collaborations as { totalCount: number };
    expect(collaborations.totalCount).toBe(targets.filter((t) => canName(acting('collaborations'), t) && (t.precision === 'EXACT' || t.precision === 'CITY')).length);
    walk(acting('collaborations'), collaborations);
    // Nobody else reads them: the admin gets FORBIDDEN, like any non-member of a visible organization.
    const other = await ask('admin', `query($id: ID!) { introductions(organizationId: $id) { totalCount } }`, { id: probeOrg[viewer] });
    expect(other.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    root('Query', 'introductions');
    root('Query', 'collaborations');
  });

  it('offerRequests and Offer.viewerRequest show requests to members of a side only, the other side by its own rules', async () => {
    const query = `query($id: ID!, $direction: OfferRequestDirection) { offerRequests(organizationId: $id, direction: $direction, first: 5) { ${select('OfferRequestConnection')} } }`;
    for (const o of offered) {
      const answer = await ask(viewer, `query($id: ID!) { offer(id: $id) { id viewerRequest { ${select('OfferRequest')} } } }`, { id: o.offerId });
      if (viewer === 'anonymous' && o.audience !== 'PUBLIC') { expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND'); continue; }
      const own = (ok(answer).offer as { viewerRequest: { id: string; status: string } | null }).viewerRequest;
      // Only the stranger's probe asked: everyone else's organizations have no request, whatever its state.
      expect({ o: o.audience, own: own && { id: own.id, status: own.status } }).toEqual({ o: o.audience, own: viewer === 'stranger' ? { id: o.requestId, status: o.status } : null });
      walk(acting('Offer.viewerRequest'), ok(answer));
    }
    if (viewer === 'anonymous') {
      expect((await ask(viewer, query, { id: probeOrg.stranger })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return;
    }
    const mine = ok(await ask(viewer, query, { id: probeOrg[viewer] })).offerRequests as Connection<{ status: string }>;
    expect(nodes(mine).map((n) => n.status).sort()).toEqual(viewer === 'stranger' ? ['ACCEPTED', 'DECLINED', 'PENDING'] : []);
    walk(acting('offerRequests sent'), mine);
    for (const o of offered) {
      const t = targets.find((x) => x.id === o.targetId)!;
      const received = await ask(viewer, query, { id: t.id, direction: 'RECEIVED' });
      const expected = isMember(viewer) ? null : canName(direct('offerRequests'), t) ? 'FORBIDDEN' : 'NOT_FOUND';
      expect({ t: t.visibility, code: received.errors?.[0]?.extensions?.code ?? null }).toEqual({ t: t.visibility, code: expected });
      if (expected !== null) continue;
      expect((ok(received).offerRequests as { totalCount: number }).totalCount).toBe(1);
      walk(acting('offerRequests received'), ok(received));
    }
    root('Query', 'offerRequests');
  });

  it('offer(id), offers and offersForNeeds show each target\'s offer named, as a card, or not at all, by its audience', async () => {
    const offerQuery = `query($id: ID!) { offer(id: $id) { ${select('Offer')} } }`;
    const missing = await ask(viewer, offerQuery, { id: '00000000-0000-4000-8000-000000000000' });
    for (const o of targetOffers) {
      const t = targets.find((x) => x.id === o.targetId)!;
      const expected = expectedOfferView(viewer, t, o.audience);
      const answer = await ask(viewer, offerQuery, { id: o.offerId });
      const where = `${o.audience} offer of ${t.visibility} ${t.precision}`;
      if (expected === 'hidden') {
        // Exactly the answer for an id that does not exist.
        expect({ where, answer }).toEqual({ where, answer: missing });
        continue;
      }
      const offer = ok(answer).offer as { organization: unknown };
      expect({ where, view: offer.organization ? 'named' : 'card' }).toEqual({ where, view: expected });
      walk(acting('offer(id)'), offer);
    }
    const visible = targetOffers.filter((o) => expectedOfferView(viewer, targets.find((x) => x.id === o.targetId)!, o.audience) !== 'hidden');
    // 15 holds every target's offer; more would price the full selection (with Offer.viewerRequest) over the cost limit.
    const listQuery = `query($filter: OfferFilter) { offers(first: 15, filter: $filter) { ${select('OfferConnection')} } }`;
    const mineOnly = (c: Connection<{ id: string }>) => nodes(c).map((n) => n.id).filter((id) => targetOffers.some((o) => o.offerId === id)).sort();
    const listed = ok(await ask(viewer, listQuery, { filter: { formats: ['ADVICE'] } })).offers as Connection<{ id: string }>;
    expect(mineOnly(listed)).toEqual(visible.map((o) => o.offerId).sort());
    walk(acting('offers'), listed);
    // A filter on what a card hides leaves every card out; one on what it shows keeps them.
    const byArea = ok(await ask(viewer, listQuery, { filter: { formats: ['ADVICE'], issueAreaIds: [area] } })).offers as Connection<{ id: string }>;
    const namedOnly = visible.filter((o) => expectedOfferView(viewer, targets.find((x) => x.id === o.targetId)!, o.audience) === 'named');
    expect(mineOnly(byArea)).toEqual(namedOnly.map((o) => o.offerId).sort());
    const near = ok(await ask(viewer, listQuery, { filter: { formats: ['ADVICE'], near: { latitude: -1.0, longitude: 36.5, radiusKm: 400 } } })).offers as Connection<{ id: string }>;
    expect(mineOnly(near)).toEqual(visible.filter((o) => targets.find((x) => x.id === o.targetId)!.precision !== 'COUNTRY').map((o) => o.offerId).sort());
    walk(acting('offers near'), near, { distanceKm: true });
    root('Query', 'offer');
    root('Query', 'offers');
    const matchQuery = `query($id: ID!) { offersForNeeds(organizationId: $id, first: 15) { ${select('OfferMatchConnection')} } }`;
    if (viewer === 'anonymous') {
      expect((await ask(viewer, matchQuery, { id: targets[0].id })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return;
    }
    // Every probe has a CRITICAL need for emergency relocation, which every target's offer meets (all open).
    const matches = ok(await ask(viewer, matchQuery, { id: probeOrg[viewer] })).offersForNeeds as Connection<{ offer: { id: string } }>;
    expect(nodes(matches).map((m) => m.offer.id).filter((id) => targetOffers.some((o) => o.offerId === id)).sort()).toEqual(visible.map((o) => o.offerId).sort());
    walk(acting('offersForNeeds'), matches);
    root('Query', 'offersForNeeds');
  });

  it('viewer, memberships and invitations are the viewer\'s own', async () => {
    if (viewer === 'anonymous') {
      expect(ok(await ask(viewer, `{ viewer { ${select('ViewerInfo')} } }`)).viewer).toBeNull();
      expect((await ask(viewer, `{ myInvitations { ${select('ReceivedInvitation')} } }`)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      return;
    }
    const data = ok(await ask(viewer, `{ viewer { ${select('ViewerInfo')} } myInvitations { ${select('ReceivedInvitation')} } }`));
    const memberships = (data.viewer as { memberships: { organization: { id: string } }[] }).memberships.map((m) => m.organization.id).sort();
    const mine = viewer === 'member' || viewer === 'owner' ? [...targets.map((t) => t.id), ...vouchers.keys()] : [];
    expect(memberships).toEqual([...mine, probeOrg[viewer]].sort());
    walk(direct('viewer'), data.viewer);
    const invitations = data.myInvitations as { organizationName: string }[];
    expect(invitations.map((i) => i.organizationName)).toEqual(viewer === 'stranger' ? ['Target PRIVATE EXACT'] : []);
    walk(direct('myInvitations'), invitations);
    root('Query', 'viewer');
    root('Query', 'myInvitations');
  });

  it('organizationUpdate answers a target like a missing one, FORBIDDEN, or with the projection, and never leaks in its errors', async () => {
    const mutation = `mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { ${select('OrganizationPayload')} } }`;
    for (const t of targets) {
      const answer = await ask(viewer, mutation, { input: { id: t.id, website: 'https://example.org' } });
      const code = answer.errors?.[0]?.extensions?.code ?? null;
      const expected = viewer === 'anonymous' ? 'UNAUTHENTICATED'
        : !canName(direct('update'), t) ? 'NOT_FOUND'
          : viewer === 'owner' ? null : 'FORBIDDEN';
      expect({ t: `${t.visibility} ${t.precision}`, code }).toEqual({ t: `${t.visibility} ${t.precision}`, code: expected });
      if (expected === 'NOT_FOUND') {
        // Exactly the answer for an id that does not exist.
        const missing = await ask(viewer, mutation, { input: { id: '00000000-0000-4000-8000-000000000000', website: 'https://example.org' } });
        expect(answer).toEqual(missing);
      }
      if (answer.data) walk(direct('organizationUpdate payload'), answer.data);
    }
    root('Mutation', 'organizationUpdate');
  });
});

describe('mutation payloads', () => {
  /** Runs a mutation with the payload's generated selection and walks the answer; returns the payload. */
  async function mutate(viewer: ViewerName, field: string, inputType: string, payloadType: string, input: Record<string, unknown>) {
    const data = ok(await ask(viewer, `mutation($input: ${inputType}!) { ${field}(input: $input) { ${select(payloadType)} } }`, { input }));
    walk({ viewer, acting: false, label: `${field} payload` }, data);
    root('Mutation', field);
    const payload = data[field] as Record<string, unknown> & { userErrors: unknown[] };
    expect({ field, userErrors: payload.userErrors }).toEqual({ field, userErrors: [] });
    return payload;
  }
  const skill = async (slug: string) => (await app.db.query('SELECT id FROM skills WHERE slug = $1', [slug]))[0].id as string;

  it('offer mutations answer through the same type rules', async () => {
    const offer = (await mutate('owner', 'offerPost', 'OfferPostInput', 'OfferPayload', {
      organizationId: probeOrg.owner, skillId: await skill('grant-writing'), title: 'Coverage clinic', format: 'WORKSHOP', audience: 'PUBLIC', remote: true,
    })).offer as { id: string };
    await mutate('owner', 'offerUpdate', 'OfferUpdateInput', 'OfferPayload', { id: offer.id, seats: 4 });
    await mutate('owner', 'offerClose', 'OfferCloseInput', 'OfferPayload', { id: offer.id });
  });

  it('profile, capability and need mutations answer through the same type rules', async () => {
    const org = probeOrg.owner;
    const cap = (await mutate('owner', 'capabilityAdd', 'CapabilityAddInput', 'CapabilityPayload', { organizationId: org, skillId: await skill('mentoring'), level: 'BASIC' })).capability as { id: string };
    await mutate('owner', 'capabilityUpdate', 'CapabilityUpdateInput', 'CapabilityPayload', { id: cap.id, level: 'EXPERT' });
    await mutate('owner', 'capabilityRemove', 'RemoveInput', 'RemovePayload', { id: cap.id });
    const need = (await mutate('owner', 'needAdd', 'NeedAddInput', 'NeedPayload', { organizationId: org, skillId: await skill('interpretation'), priority: 'LOW' })).need as { id: string };
    await mutate('owner', 'needUpdate', 'NeedUpdateInput', 'NeedPayload', { id: need.id, priority: 'HIGH' });
    await mutate('owner', 'needRemove', 'RemoveInput', 'RemovePayload', { id: need.id });
    await mutate('owner', 'organizationCreate', 'OrganizationCreateInput', 'OrganizationPayload', { name: 'Created in the coverage test', kind: 'NGO', visibility: 'PRIVATE' });
    await mutate('admin', 'organizationVerify', 'OrganizationVerifyInput', 'OrganizationPayload', { id: org, verified: true });
  });

  it('membership mutations answer through the same type rules', async () => {
    const org = probeOrg.owner;
    const first = (await mutate('owner', 'organizationMemberInvite', 'OrganizationMemberInviteInput', 'OrganizationInvitationPayload', { organizationId: org, email: users.admin.email, role: 'MEMBER' })).invitation as { id: string };
    await mutate('owner', 'organizationInvitationRevoke', 'OrganizationInvitationRevokeInput', 'OrganizationInvitationPayload', { invitationId: first.id });
    const second = (await mutate('owner', 'organizationMemberInvite', 'OrganizationMemberInviteInput', 'OrganizationInvitationPayload', { organizationId: org, email: users.admin.email, role: 'MEMBER' })).invitation as { id: string };
    await mutate('admin', 'organizationInvitationAccept', 'OrganizationInvitationAcceptInput', 'OrganizationInvitationAcceptPayload', { invitationId: second.id });
    await mutate('owner', 'organizationMemberRoleSet', 'OrganizationMemberRoleSetInput', 'OrganizationMemberPayload', { organizationId: org, userId: users.admin.id, role: 'EDITOR' });
    await mutate('owner', 'organizationMemberRemove', 'OrganizationMemberRemoveInput', 'OrganizationMemberPayload', { organizationId: org, userId: users.admin.id });
  });

  it('introduction, collaboration and sign-in mutations answer through the same type rules', async () => {
    const intros = ok(await ask('stranger', `query($id: ID!) { introductions(organizationId: $id, first: 100, status: PENDING) { nodes { id } } }`, { id: probeOrg.stranger }))
      .introductions as { nodes: { id: string }[] };
    await mutate('stranger', 'withdrawIntroduction', 'WithdrawIntroductionInput', 'IntroductionPayload', { introductionId: intros.nodes[0].id });
    const collaborations = ok(await ask('stranger', `query($id: ID!) { collaborations(organizationId: $id) { nodes { id } } }`, { id: probeOrg.stranger }))
      .collaborations as { nodes: { id: string }[] };
    await mutate('stranger', 'rateCollaboration', 'RateCollaborationInput', 'CollaborationPayload', { collaborationId: collaborations.nodes[0].id, rating: 4 });
    const acceptedOffer = offered.find((o) => o.status === 'ACCEPTED')!;
    // Marked done, the exchange counts on the offering target's public profile from the payload on.
    targets.find((t) => t.id === acceptedOffer.targetId)!.truth.exchangesCompleted = 1;
    await mutate('stranger', 'offerRequestComplete', 'OfferRequestCompleteInput', 'OfferRequestPayload', { offerRequestId: acceptedOffer.requestId });
    await mutate('stranger', 'offerRequestRate', 'OfferRequestRateInput', 'OfferRequestPayload', { offerRequestId: acceptedOffer.requestId, rating: 5, comment: 'Useful' });
    await mutate('owner', 'offerRequestRate', 'OfferRequestRateInput', 'OfferRequestPayload', { offerRequestId: acceptedOffer.requestId, rating: 4 });
    await mutate('stranger', 'offerRequestWithdraw', 'OfferRequestWithdrawInput', 'OfferRequestPayload', { offerRequestId: offered.find((o) => o.status === 'PENDING')!.requestId });
    for (const v of ['stranger', 'member', 'owner', 'admin'] as const) {
      await mutate(v, 'accountSignIn', 'AccountSignInInput', 'AccountSessionPayload', { email: users[v].email, password: 'a long enough password' });
    }
  });
});

describe('contact details (double opt-in)', () => {
  const query = `query($id: ID!) { organization(id: $id) { id contactEmail contactPerson } }`;

  it('the other side of an accepted exchange reads them; a declined or pending pair, an admin and strangers read null', async () => {
    // The fixture has each kind of pair for the stranger: accepted introductions (EXACT, CITY) and offer request
    // (PUBLIC COUNTRY), declined introductions (REGION) and offer request (NETWORK COUNTRY, its introduction pending).
    expect(acceptedWith('stranger').size).toBe(5);
    expect(notAccepted.get('stranger')!.size).toBe(3);
    for (const t of targets) {
      const truth = { id: t.id, contactEmail: t.truth.contactEmail, contactPerson: t.truth.contactPerson };
      const hidden = { id: t.id, contactEmail: null, contactPerson: null };
      expect(truth.contactEmail).toMatch(/@example\.org$/);
      for (const viewer of ['anonymous', 'stranger', 'admin'] as const) {
        const org = ok(await ask(viewer, query, { id: t.id })).organization;
        if (!canName({ viewer, acting: false, label: '' }, t)) { expect(org).toBeNull(); continue; }
        const sees = viewer === 'stranger' && acceptedWith('stranger').has(t.id);
        expect({ viewer, t: `${t.visibility} ${t.precision}`, org }).toEqual({ viewer, t: `${t.visibility} ${t.precision}`, org: sees ? truth : hidden });
      }
    }
  });

  it('the side that accepted reads the requester\'s contact details too; an admin does not', async () => {
    await ask('stranger', 'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }',
      { input: { id: probeOrg.stranger, contactEmail: 'stranger-probe@example.org', contactPerson: 'Stranger desk' } });
    // The owner of the targets is a side of the stranger's accepted introductions; the admin is no side of any.
    const seen = ok(await ask('owner', query, { id: probeOrg.stranger })).organization;
    expect(seen).toEqual({ id: probeOrg.stranger, contactEmail: 'stranger-probe@example.org', contactPerson: 'Stranger desk' });
    const byAdmin = ok(await ask('admin', query, { id: probeOrg.stranger })).organization;
    expect(byAdmin).toEqual({ id: probeOrg.stranger, contactEmail: null, contactPerson: null });
  });
});

describe('events', () => {
  // The stranger's probe organization organizes; the owner registers every target (PRIVATE ones too), the member's and
  // the admin's probe organizations register as well; the attendee list is PUBLIC. One meeting is placed by hand
  // between the admin's probe and a PRIVATE target, so an agenda shows a card.
  let eventId: string;
  const registrationOf = new Map<string, string>();
  const place = { ...EVENT_PLACE, latitude: EVENT_PLACE.latitude, longitude: EVENT_PLACE.longitude };
  /** The generated selection with an event's lists and a schedule's meetings left out (the depth limit). */
  const TRIM: Record<string, string[]> = { Event: ['registrations', 'attendees', 'schedule', 'agenda'], EventSchedule: ['meetings'] };
  const trimmed = (typeName: string): string => {
    const fields = (schema.getType(typeName) as GraphQLObjectType).getFields();
    const names = Object.keys(fields).filter((n) => !(TRIM[typeName] ?? []).includes(n) && !fields[n].args.some((a) => isNonNullType(a.type))
      && !(n === 'nodes' && fields.edges));
    return ['__typename', ...names.map((n) => {
      const named = getNamedType(fields[n].type);
      if (!isObjectType(named)) return n;
      return `${n} { ${TRIM[named.name] || named.name.endsWith('Connection') || named.name.endsWith('Edge') || named.name.endsWith('Payload') ? trimmed(named.name) : select(named.name)} }`;
    })].join(' ');
  };
  const CARD_SELECTION = '__typename token kind country region capabilities { __typename categoryId categoryName skillName level remote }';
  // The depth limit (10) cuts the whole event in one selection: its lists are asked one by one, and the meetings with
  // their registrations' organizations by id and name (their other fields are probed through registrations).
  const question = () => {
    const meeting = `__typename id round startsAt endsAt table score locked manual reasons { __typename code text weight }
      registrations { __typename id organization { __typename id name } anonymous { ${CARD_SELECTION} } }`;
    return [
      `query($id: ID!) { event(id: $id) { ${trimmed('Event')} } }`,
      `query($id: ID!) { event(id: $id) { __typename registrations(first: 15) { ${select('EventRegistrationConnection')} } } }`,
      `query($id: ID!) { event(id: $id) { __typename attendees(first: 15) { ${select('EventAttendeeConnection')} } } }`,
      `query($id: ID!) { event(id: $id) { __typename schedule { ${trimmed('EventSchedule')}
        meetings(first: 40) { __typename totalCount pageInfo { __typename hasNextPage } edges { __typename cursor node { ${meeting} } } } } } }`,
    ];
  };

  beforeAll(async () => {
    eventPlaceExactFor = ['stranger', 'member', 'owner', 'admin'];
    const startsAt = new Date(Date.now() + 7 * 24 * 3600_000);
    const created = ok(await ask('stranger', `mutation($input: EventCreateInput!) { eventCreate(input: $input) { ${trimmed('EventPayload')} } }`, { input: {
      organizerOrganizationId: probeOrg.stranger, title: 'Probe day', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7200_000).toISOString(),
      rounds: 4, minutesPerMeeting: 20, format: 'ONE_TO_ONE', attendeeListVisibility: 'PUBLIC',
      place: { venue: place.venue, country: 'KE', region: place.region, city: place.city, latitude: place.latitude, longitude: place.longitude, precision: 'CITY' },
    } }));
    walk({ viewer: 'stranger', acting: true, label: 'eventCreate payload' }, created);
    root('Mutation', 'eventCreate');
    eventId = (created.eventCreate as { event: { id: string } }).event.id;
    ok(await ask('stranger', 'mutation($input: EventIdInput!) { eventOpen(input: $input) { userErrors { code } } }', { input: { eventId } }));
    root('Mutation', 'eventOpen');
    const register = async (viewer: ViewerName, organizationId: string, extra: Record<string, unknown> = {}) => {
      const data = ok(await ask(viewer, `mutation($input: EventRegisterInput!) { eventRegister(input: $input) { ${trimmed('EventRegistrationPayload')} } }`,
        { input: { eventId, organizationId, people: ['Probe person'], contactEmail: 'probe@example.org', ...extra } }));
      walk({ viewer, acting: true, label: 'eventRegister payload' }, data);
      const payload = data.eventRegister as { registration: { id: string } | null; userErrors: unknown[] };
      expect(payload.userErrors).toEqual([]);
      registrationOf.set(organizationId, payload.registration!.id);
    };
    for (const t of targets) await register('owner', t.id, t.visibility === 'PUBLIC' && t.precision === 'EXACT' ? { doNotMeetOrganizationIds: [probeOrg.member] } : {});
    await register('member', probeOrg.member);
    await register('admin', probeOrg.admin);
    root('Mutation', 'eventRegister');
    const hidden = targets.find((t) => t.visibility === 'PRIVATE' && t.precision === 'CITY')!;
    const added = ok(await ask('stranger', `mutation($input: EventMeetingAddInput!) { eventMeetingAdd(input: $input) { ${trimmed('EventSchedulePayload')} } }`,
      { input: { eventId, round: 1, registrationIds: [registrationOf.get(probeOrg.admin), registrationOf.get(hidden.id)] } }));
    expect((added.eventMeetingAdd as { userErrors: unknown[] }).userErrors).toEqual([]);
    walk({ viewer: 'stranger', acting: true, label: 'eventMeetingAdd payload' }, added);
    root('Mutation', 'eventMeetingAdd');
    for (const field of ['eventScheduleGenerate', 'eventSchedulePublish']) {
      const [inputType, input] = field === 'eventScheduleGenerate' ? ['EventScheduleGenerateInput', { eventId, seed: 1 }] : ['EventIdInput', { eventId }];
      const data = ok(await ask('stranger', `mutation($input: ${inputType}!) { ${field}(input: $input) { ${trimmed('EventSchedulePayload')} } }`, { input }));
      expect((data[field] as { userErrors: unknown[] }).userErrors).toEqual([]);
      walk({ viewer: 'stranger', acting: true, label: `${field} payload` }, data);
      root('Mutation', field);
    }
  }, 60_000);

  it.each(VIEWERS)('event(id) as %s shows the organizations it may name, cards for the rest, and the lists its role allows', async (viewer) => {
    const [a, b, c, d] = await Promise.all(question().map(async (q) => ok(await ask(viewer, q, { id: eventId }))));
    const data = { a: a.event, b: b.event, c: c.event, d: d.event };
    const event = { ...(data.a as object), ...(data.b as object), ...(data.c as object), ...(data.d as object) } as {
      registrations: { totalCount: number }; attendees: { edges: { node: { organization: { id: string } } }[] } | null;
      schedule: unknown; registrationCount: number | null;
    };
    walk({ viewer, acting: true, label: 'event' }, data);
    const listed = event.attendees!.edges.map((e) => e.node.organization.id).filter((id) => targets.some((t) => t.id === id)).sort();
    expect(listed).toEqual(targets.filter((t) => canName({ viewer, acting: true, label: '' }, t)).map((t) => t.id).sort());
    const organizer = viewer === 'stranger';
    expect([event.schedule !== null, event.registrationCount]).toEqual([organizer, organizer ? targets.length + 2 : null]);
    // After the schedule: the CSV and the funnel are the organizers'; the CSV names only what they may name.
    const after = data.a as { matchListCsv: string | null; funnel: unknown; viewerCanCheckIn: boolean };
    expect({ viewer, csv: after.matchListCsv !== null, funnel: after.funnel !== null, door: after.viewerCanCheckIn })
      .toEqual({ viewer, csv: organizer, funnel: organizer, door: organizer });
    for (const t of targets.filter((x) => !canName({ viewer, acting: true, label: '' }, x))) {
      expect({ viewer, hidden: (after.matchListCsv ?? '').includes(t.truth.name as string) }).toEqual({ viewer, hidden: false });
    }
    const ownRegistrations = { anonymous: 0, stranger: targets.length + 2, member: targets.length + 1, owner: targets.length, admin: 1 }[viewer];
    expect(event.registrations.totalCount).toBe(ownRegistrations);
    // The do-not-meet entry naming the member's probe: only the organizer and the registrant (owner) read it.
    const lists = (data.b as { registrations: { edges: { node: { doNotMeet: { organization: { id: string } | null }[] } }[] } }).registrations.edges
      .flatMap((e) => e.node.doNotMeet.map((d) => d.organization?.id));
    // The organizer and the registrant's members (the owner, and the member: a MEMBER of the targets) read it.
    expect({ viewer, sees: lists.includes(probeOrg.member) }).toEqual({ viewer, sees: viewer === 'stranger' || viewer === 'owner' || viewer === 'member' });
    root('Query', 'event');
  });

  it('events lists it; agendas show a PRIVATE counterpart as a card to those who may not name it', async () => {
    for (const viewer of VIEWERS) {
      const list = ok(await ask(viewer, `query { events(first: 5, upcoming: true) { ${trimmed('EventConnection')} } }`));
      walk({ viewer, acting: true, label: 'events' }, list);
    }
    root('Query', 'events');
    const agenda = async (viewer: ViewerName, organizationId: string) => {
      const data = ok(await ask(viewer, `query($id: ID!, $org: ID!) { event(id: $id) { agenda(organizationId: $org) { ${select('EventAgenda')} } } }`, { id: eventId, org: organizationId }));
      walk({ viewer, acting: true, label: 'agenda' }, data);
      return (data.event as { agenda: { items: { with: { anonymous: unknown }[] }[] } }).agenda;
    };
    const adminAgenda = await agenda('admin', probeOrg.admin);
    expect(adminAgenda.items[0].with.filter((w) => w.anonymous).length).toBe(1);
    await agenda('member', probeOrg.member);
    await agenda('owner', targets[0].id);
  });

  it('event mutations answer through the same type rules', async () => {
    const mutate = async (viewer: ViewerName, field: string, inputType: string, payloadType: string, input: Record<string, unknown>) => {
      const data = ok(await ask(viewer, `mutation($input: ${inputType}!) { ${field}(input: $input) { ${trimmed(payloadType)} } }`, { input }));
      walk({ viewer, acting: true, label: `${field} payload` }, data);
      root('Mutation', field);
      const payload = data[field] as Record<string, unknown> & { userErrors: unknown[] };
      expect({ field, userErrors: payload.userErrors }).toEqual({ field, userErrors: [] });
      return payload;
    };
    const mine = targets.find((t) => t.visibility === 'PUBLIC' && t.precision === 'CITY')!;
    await mutate('stranger', 'eventRegistrationUpdate', 'EventRegistrationUpdateInput', 'EventRegistrationPayload', { registrationId: registrationOf.get(mine.id), maxMeetings: 3 });
    const schedule = ok(await ask('stranger', `query($id: ID!) { event(id: $id) { schedule { meetings(round: 2, first: 10) { nodes { id } } } } }`, { id: eventId }));
    const round2 = ((schedule.event as { schedule: { meetings: { nodes: { id: string }[] } } }).schedule.meetings.nodes).map((n) => n.id);
    await mutate('stranger', 'eventMeetingLock', 'EventMeetingLockInput', 'EventSchedulePayload', { meetingId: round2[0] });
    await mutate('stranger', 'eventMeetingRemove', 'EventMeetingIdInput', 'EventSchedulePayload', { meetingId: round2[0] });
    await mutate('owner', 'eventRegistrationCancel', 'EventRegistrationIdInput', 'EventRegistrationPayload', { registrationId: registrationOf.get(mine.id) });
    // A small one-round event for a swap (partners exchange), an import, an update and a cancellation.
    const startsAt = new Date(Date.now() + 9 * 24 * 3600_000);
    const small = (await mutate('stranger', 'eventCreate', 'EventCreateInput', 'EventPayload', {
      organizerOrganizationId: probeOrg.stranger, title: 'Small', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      rounds: 1, minutesPerMeeting: 30, format: 'ONE_TO_ONE',
    })).event as { id: string };
    const publicSlugs = targets.filter((t) => t.visibility === 'PUBLIC').map((t) => t.truth.slug as string);
    await mutate('stranger', 'eventRegistrationImport', 'EventRegistrationImportInput', 'EventRegistrationImportPayload', { eventId: small.id, csv: `organization\n${publicSlugs.join('\n')}` });
    await mutate('stranger', 'eventScheduleGenerate', 'EventScheduleGenerateInput', 'EventSchedulePayload', { eventId: small.id, seed: 2 });
    const meetings = ok(await ask('stranger', `query($id: ID!) { event(id: $id) { schedule { meetings(first: 10) { nodes { id } } } } }`, { id: small.id }));
    const ids = ((meetings.event as { schedule: { meetings: { nodes: { id: string }[] } } }).schedule.meetings.nodes).map((n) => n.id);
    await mutate('stranger', 'eventMeetingsSwap', 'EventMeetingsSwapInput', 'EventSchedulePayload', { meetingIds: ids.slice(0, 2) });
    await mutate('stranger', 'eventUpdate', 'EventUpdateInput', 'EventPayload', { id: small.id, title: 'Smaller' });
    await mutate('stranger', 'eventCancel', 'EventIdInput', 'EventPayload', { eventId: small.id });
  });
});

describe('events after the schedule', () => {
  // A started event (round 1 began two minutes ago): the admin's probe organization meets a PRIVATE target in round 1
  // (placed by hand); the admin marks the meeting and asks for an introduction from it; the organizer (the stranger)
  // checks the PRIVATE target in, opens the door, marks the member's probe a no-show and designates itself a volunteer.
  it('door and after-event mutations answer through the same type rules; answers and asks stay with their side', async () => {
    const hidden = targets.find((t) => t.visibility === 'PRIVATE' && t.precision === 'CITY')!;
    const payloadOf = async (viewer: ViewerName, field: string, inputType: string, payloadType: string, input: Record<string, unknown>, selection?: string) => {
      const data = ok(await ask(viewer, `mutation($input: ${inputType}!) { ${field}(input: $input) { ${selection ?? select(payloadType)} } }`, { input }));
      walk({ viewer, acting: true, label: `${field} payload` }, data);
      root('Mutation', field);
      const payload = data[field] as Record<string, unknown> & { userErrors: unknown[] };
      expect({ field, userErrors: payload.userErrors }).toEqual({ field, userErrors: [] });
      return payload;
    };
    const startsAt = new Date(Date.now() + 8 * 24 * 3600_000);
    const created = await payloadOf('stranger', 'eventCreate', 'EventCreateInput', 'EventPayload', {
      organizerOrganizationId: probeOrg.stranger, title: 'After day', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 7200_000).toISOString(),
      rounds: 4, minutesPerMeeting: 20, format: 'ONE_TO_ONE',
    }, '__typename event { __typename id } userErrors { __typename code }');
    const eventId = (created.event as { id: string }).id;
    await payloadOf('stranger', 'eventOpen', 'EventIdInput', 'EventPayload', { eventId }, '__typename userErrors { __typename code }');
    const registrations = new Map<string, string>();
    for (const [viewer, organizationId] of [['owner', hidden.id], ['admin', probeOrg.admin], ['member', probeOrg.member]] as [ViewerName, string][]) {
      const p = await payloadOf(viewer, 'eventRegister', 'EventRegisterInput', 'EventRegistrationPayload', { eventId, organizationId },
        '__typename registration { __typename id } userErrors { __typename code }');
      registrations.set(organizationId, (p.registration as { id: string }).id);
    }
    const began = new Date(Date.now() - 120_000);
    await payloadOf('stranger', 'eventUpdate', 'EventUpdateInput', 'EventPayload', {
      id: eventId, startsAt: began.toISOString(), endsAt: new Date(began.getTime() + 7200_000).toISOString(), registrationDeadline: began.toISOString(),
    }, '__typename userErrors { __typename code }');
    await payloadOf('stranger', 'eventMeetingAdd', 'EventMeetingAddInput', 'EventSchedulePayload',
      { eventId, round: 1, registrationIds: [registrations.get(probeOrg.admin), registrations.get(hidden.id)] }, '__typename userErrors { __typename code }');
    await payloadOf('stranger', 'eventSchedulePublish', 'EventIdInput', 'EventSchedulePayload', { eventId }, '__typename userErrors { __typename code }');

    const agenda = async (viewer: ViewerName, organizationId: string) => {
      const data = ok(await ask(viewer, `query($id: ID!, $org: ID!) { event(id: $id) { agenda(organizationId: $org) { ${select('EventAgenda')} } } }`, { id: eventId, org: organizationId }));
      walk({ viewer, acting: true, label: 'after agenda' }, data);
      return (data.event as { agenda: { items: { round: number; with: { meetingId: string; viewerHeld: boolean | null; viewerRating: number | null; viewerIntroduction: unknown; anonymous: unknown }[] }[] } }).agenda;
    };
    const meetingId = (await agenda('admin', probeOrg.admin)).items[0].with[0].meetingId;
    const marked = await payloadOf('admin', 'eventMeetingMark', 'EventMeetingMarkInput', 'EventAgendaPayload', { meetingId, held: true, rating: 5 });
    const mine = (marked.agenda as { items: { with: { meetingId: string; viewerHeld: boolean; anonymous: unknown }[] }[] }).items[0].with[0];
    expect(mine).toMatchObject({ meetingId, viewerHeld: true });
    expect(mine.anonymous).not.toBeNull();
    const asked = await payloadOf('admin', 'eventMeetingIntroductionRequest', 'EventMeetingIntroductionRequestInput', 'IntroductionPayload', { meetingId, message: 'Hello again' });
    // The PRIVATE side stays unnamed to the asker (acting rules); the meeting's card reasons travel with the request.
    expect((asked.introduction as { toOrganization: unknown }).toOrganization).toBeNull();
    const theirs = (await agenda('owner', hidden.id)).items[0].with.find((w) => w.meetingId === meetingId)!;
    expect({ viewerHeld: theirs.viewerHeld, viewerRating: theirs.viewerRating, viewerIntroduction: theirs.viewerIntroduction })
      .toEqual({ viewerHeld: null, viewerRating: null, viewerIntroduction: null });
    const ownView = (await agenda('admin', probeOrg.admin)).items[0].with[0];
    expect(ownView.viewerIntroduction).not.toBeNull();

    const codes = ok(await ask('stranger', 'query($id: ID!) { event(id: $id) { registrations(first: 10) { nodes { id checkInCode } } } }', { id: eventId }));
    const code = ((codes.event as { registrations: { nodes: { id: string; checkInCode: string }[] } }).registrations.nodes).find((n) => n.id === registrations.get(hidden.id))!.checkInCode;
    const checked = await payloadOf('stranger', 'eventCheckIn', 'EventCheckInInput', 'EventCheckInPayload', { eventId, code });
    expect(checked.checkIn).toMatchObject({ organization: null, code, alreadyCheckedIn: false });
    expect((checked.checkIn as { anonymous: unknown }).anonymous).not.toBeNull();
    const trimmedSchedule = '__typename event { __typename id } schedule { __typename meetingCount changes { __typename round was createdAt registrations { __typename id organization { __typename id name } anonymous { __typename kind country region } } } } userErrors { __typename code }';
    await payloadOf('stranger', 'eventCheckInOpen', 'EventCheckInOpenInput', 'EventSchedulePayload', { eventId, graceMinutes: 60 }, trimmedSchedule);
    await payloadOf('stranger', 'eventNoShowMark', 'EventNoShowMarkInput', 'EventSchedulePayload', { registrationId: registrations.get(probeOrg.member) }, trimmedSchedule);
    await payloadOf('stranger', 'eventVolunteerSet', 'EventVolunteerSetInput', 'EventPayload', { eventId, userId: users.stranger.id, volunteer: true },
      '__typename event { __typename id viewerCanCheckIn } userErrors { __typename code }');
  }, 60_000);
});

describe('coalitions', () => {
  // The PUBLIC EXACT target founds a PUBLIC coalition and invites every other target, which the owner accepts: the
  // member and the owner (members of every target) are insiders, everyone else an outsider who sees PRIVATE targets
  // (and NETWORK ones when signed out) as anonymous participants. The PRIVATE CITY target founds a PRIVATE coalition.
  let open: string;
  let hidden: string;
  // Selections kept under the depth limit: organizations flat (their own fields are probed at the top of this file,
  // here what matters is which of them are named, and their contact details), a nested coalition without its lists.
  const orgFlat = (): string => {
    const all = (schema.getType('Organization') as GraphQLObjectType).getFields();
    return ['__typename', ...Object.keys(all).filter((n) => !all[n].args.some((a) => isNonNullType(a.type)))
      .filter((n) => !isObjectType(getNamedType(all[n].type)) || n === 'location').map((n) => (n === 'location' ? `location { ${select('Location')} }` : n))].join(' ');
  };
  const fields = (typeName: string, leave: string[], path: ReadonlySet<string> = new Set()): string => {
    if (typeName === 'Organization') return orgFlat();
    const within = new Set(path).add(typeName);
    const all = (schema.getType(typeName) as GraphQLObjectType).getFields();
    return ['__typename', ...Object.keys(all).filter((n) => !leave.includes(n) && !all[n].args.some((a) => isNonNullType(a.type)) && !(n === 'nodes' && all.edges))
      .flatMap((n) => {
        const named = getNamedType(all[n].type);
        if (!isObjectType(named)) return [n];
        if (named.name === 'Coalition') return within.has('Coalition') ? [] : [`${n} { ${fields('Coalition', COALITION_LISTS, within)} }`];
        if (within.has(named.name)) return [];
        return [`${n} { ${fields(named.name, [], within)} }`];
      })].join(' ');
  };
  const COALITION_LISTS = ['invitations', 'coverage', 'members', 'charter', 'charterVersions', 'coordinator'];
  const questions = () => [
    `query($id: ID!) { coalition(id: $id) { ${fields('Coalition', ['invitations', 'coverage', 'charter', 'charterVersions', 'coordinator'])} } }`,
    `query($id: ID!) { coalition(id: $id) { __typename id charter { ${fields('CoalitionCharter', [])} } charterVersions { ${fields('CoalitionCharter', [])} } coordinator { ${fields('CoalitionCoordinator', [])} } } }`,
    `query($id: ID!) { coalition(id: $id) { __typename id invitations(first: 20) { ${fields('CoalitionInvitationConnection', [])} } } }`,
    `query($id: ID!) { coalition(id: $id) { __typename id coverage { ${fields('CoalitionCoverage', [])} } } }`,
  ];
  const mutate = async (viewer: ViewerName, field: string, inputType: string, payloadType: string, input: Record<string, unknown>) => {
    const data = ok(await ask(viewer, `mutation($input: ${inputType}!) { ${field}(input: $input) { ${fields(payloadType, [])} } }`, { input }));
    walk({ viewer, acting: true, label: `${field} payload` }, data);
    root('Mutation', field);
    const payload = data[field] as Record<string, unknown> & { userErrors: unknown[] };
    expect({ field, userErrors: payload.userErrors }).toEqual({ field, userErrors: [] });
    return payload;
  };

  beforeAll(async () => {
    const founder = targets.find((t) => t.visibility === 'PUBLIC' && t.precision === 'EXACT')!;
    const others = targets.filter((t) => t !== founder);
    const created = await mutate('owner', 'coalitionCreate', 'CoalitionCreateInput', 'CoalitionCreatePayload', {
      organizationId: founder.id, name: 'Probe coalition', issueAreaId: area, visibility: 'PUBLIC', requiredCategoryIds: ['LOGISTICS', 'POLICY'],
      charter: { purpose: 'Probe', rotationPeriodDays: 30, rotationOrderIds: targets.map((t) => t.id) }, invite: { organizationIds: others.map((t) => t.id) },
    });
    open = (created.coalition as { id: string }).id;
    for (const invitation of created.invitations as { id: string }[]) {
      await mutate('owner', 'coalitionInvitationAccept', 'CoalitionInvitationAcceptInput', 'CoalitionInvitationPayload', { invitationId: invitation.id });
    }
    const secretFounder = targets.find((t) => t.visibility === 'PRIVATE' && t.precision === 'CITY')!;
    hidden = ((await mutate('owner', 'coalitionCreate', 'CoalitionCreateInput', 'CoalitionCreatePayload', {
      organizationId: secretFounder.id, name: 'Probe secret coalition', issueAreaId: area, visibility: 'PRIVATE', charter: { purpose: 'Hidden' },
    })).coalition as { id: string }).id;
    const invited = await mutate('owner', 'coalitionInvite', 'CoalitionInviteInput', 'CoalitionInvitationPayload', { coalitionId: hidden, inviteeOrganizationId: founder.id });
    await mutate('owner', 'coalitionInvitationDecline', 'CoalitionInvitationDeclineInput', 'CoalitionInvitationPayload', { invitationId: (invited.invitation as { id: string }).id });
    // An invitation sent and withdrawn (the stranger's probe organization never sees it).
    const takenBack = await mutate('owner', 'coalitionInvite', 'CoalitionInviteInput', 'CoalitionInvitationPayload', { coalitionId: hidden, inviteeOrganizationId: probeOrg.stranger });
    await mutate('owner', 'coalitionInvitationWithdraw', 'CoalitionInvitationWithdrawInput', 'CoalitionInvitationPayload', { invitationId: (takenBack.invitation as { id: string }).id });
    await mutate('owner', 'coalitionCharterEndorse', 'CoalitionCharterEndorseInput', 'CoalitionPayload', { coalitionId: open, organizationId: others[0].id, version: 1 });
    await mutate('owner', 'coalitionMemberVisibilitySet', 'CoalitionMemberVisibilitySetInput', 'CoalitionPayload', { coalitionId: open, organizationId: founder.id, visibility: 'PUBLIC' });
    await mutate('owner', 'coalitionLeave', 'CoalitionLeaveInput', 'CoalitionPayload', { coalitionId: hidden, organizationId: secretFounder.id });
  }, 60_000);

  it.each(VIEWERS)('coalition(id) as %s names members only where it may, anonymous participants otherwise, lists for insiders', async (viewer) => {
    const probe: Probe = { viewer, acting: true, label: 'coalition' };
    const [a, x, b, c] = await Promise.all(questions().map(async (q) => ok(await ask(viewer, q, { id: open }))));
    walk(probe, [a, x, b, c]);
    const coalition = a.coalition as { members: { anonymous: boolean; organization: { id: string } | null }[]; memberCount: number; viewerIsMember: boolean };
    const insider = isMember(viewer);
    const nameable = targets.filter((t) => canName(probe, t)).map((t) => t.id).sort();
    expect({ viewer, named: coalition.members.filter((m) => !m.anonymous).map((m) => m.organization!.id).sort(), anonymous: coalition.members.filter((m) => m.anonymous).length })
      .toEqual({ viewer, named: nameable, anonymous: targets.length - nameable.length });
    expect({ viewer, count: coalition.memberCount, insider: coalition.viewerIsMember }).toEqual({ viewer, count: targets.length, insider });
    expect({ viewer, lists: [(b.coalition as { invitations: unknown }).invitations !== null, (c.coalition as { coverage: unknown }).coverage !== null] })
      .toEqual({ viewer, lists: [insider, insider] });
    // The PRIVATE coalition (its founder left, so it closed; the invitation was declined): only insiders ever saw it,
    // and now nobody; an outsider's answer is a random id's.
    const secret = await ask(viewer, questions()[0], { id: hidden });
    expect(secret).toEqual(await ask(viewer, questions()[0], { id: '00000000-0000-4000-8000-000000000000' }));
    root('Query', 'coalition');
  });

  it('coalitions lists and received invitations follow the same rules', async () => {
    for (const viewer of VIEWERS) {
      const probe: Probe = { viewer, acting: true, label: 'coalitions' };
      const list = ok(await ask(viewer, `query { coalitions(first: 5) { ${fields('CoalitionConnection', [])} } }`));
      walk(probe, list);
      const ids = nodes(list.coalitions as Connection<{ id: string }>).map((n) => n.id);
      expect({ viewer, open: ids.includes(open), hidden: ids.includes(hidden) }).toEqual({ viewer, open: true, hidden: false });
    }
    root('Query', 'coalitions');
    const founder = targets.find((t) => t.visibility === 'PUBLIC' && t.precision === 'EXACT')!;
    for (const viewer of ['owner', 'member'] as const) {
      const received = ok(await ask(viewer, `query($id: ID!) { coalitionInvitationsReceived(organizationId: $id, first: 5) { ${fields('CoalitionInvitationConnection', [])} } }`, { id: founder.id }));
      walk({ viewer, acting: true, label: 'coalitionInvitationsReceived' }, received);
      // Its own answer: the decline reads DECLINED to the invited organization.
      expect(nodes(received.coalitionInvitationsReceived as Connection<{ status: string }>).map((n) => n.status)).toEqual(['DECLINED']);
    }
    root('Query', 'coalitionInvitationsReceived');
  });

  describe('governance', () => {
    // In the open coalition (every target a member; the member and the owner insiders, everyone else an outsider who
    // sees the coalition): a decision left open with votes from the founder and a PRIVATE target, a statement adopted
    // (eleven yes, one abstention that signs afterwards), a withdrawn proposal, and the stranger's probe organization's
    // application to join (ADMIT_MEMBER); a goal with two milestones (one done), a public win advancing it, a
    // members-only win, a win recorded and removed. A PRIVATE coalition with the same kinds of records has one invited,
    // not yet member organization (an Invitee user's, a viewer of its own here).
    const RANDOM = '00000000-0000-4000-8000-000000000000';
    const ids = {} as Record<'decision' | 'statement' | 'withdrawn' | 'application' | 'goal' | 'publicWin' | 'privateWin' | 'secret' | 'secretProposal', string>;
    let invitee: TestUser;
    const proposalsQuery = () => `query($id: ID!) { coalitionProposals(coalitionId: $id, first: 10) { ${fields('CoalitionProposalConnection', [])} } }`;
    const proposalQuery = () => `query($id: ID!) { proposal(id: $id) { ${fields('CoalitionProposal', [])} } }`;
    const goalsQuery = () => `query($id: ID!) { coalitionGoals(coalitionId: $id, first: 10) { ${fields('CoalitionGoalConnection', [])} } }`;
    const winsQuery = () => `query($id: ID!) { coalitionWins(coalitionId: $id, first: 10) { ${fields('CoalitionWinConnection', [])} } }`;
    const code = (answer: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => answer.errors?.[0]?.extensions?.code ?? null;

    beforeAll(async () => {
      const founder = targets.find((t) => t.visibility === 'PUBLIC' && t.precision === 'EXACT')!;
      const privateOne = targets.find((t) => t.visibility === 'PRIVATE' && t.precision === 'REGION')!;
      const as = (organizationId: string) => ({ coalitionId: open, organizationId });
      const propose = async (viewer: ViewerName, input: Record<string, unknown>) =>
        ((await mutate(viewer, 'proposalCreate', 'ProposalCreateInput', 'ProposalPayload', input)).proposal as { id: string }).id;
      const vote = (organizationId: string, proposalId: string, choice: string) =>
        mutate('owner', 'proposalVote', 'ProposalVoteInput', 'ProposalPayload', { proposalId, organizationId, choice });
      ids.decision = await propose('owner', { ...as(founder.id), kind: 'DECISION', title: 'Hold a vigil', body: 'On the 12th' });
      await vote(founder.id, ids.decision, 'YES');
      await vote(privateOne.id, ids.decision, 'ABSTAIN');
      ids.statement = await propose('owner', { ...as(founder.id), kind: 'STATEMENT', title: 'Joint statement', body: 'We stand together' });
      for (const t of targets) await vote(t.id, ids.statement, t === privateOne ? 'ABSTAIN' : 'YES');
      await mutate('owner', 'proposalStatementSign', 'ProposalRefInput', 'ProposalPayload', { proposalId: ids.statement, organizationId: privateOne.id });
      ids.withdrawn = await propose('owner', { ...as(founder.id), kind: 'DECISION', title: 'Change the venue', body: 'Maybe' });
      await mutate('owner', 'proposalWithdraw', 'ProposalRefInput', 'ProposalPayload', { proposalId: ids.withdrawn });
      ids.application = await propose('stranger', { coalitionId: open, organizationId: probeOrg.stranger, kind: 'ADMIT_MEMBER', title: 'Let us join' });
      const goal = (await mutate('owner', 'coalitionGoalCreate', 'GoalCreateInput', 'CoalitionGoalPayload', {
        ...as(founder.id), title: 'Ten legal clinics', description: 'Across the county', dueOn: '2027-06-30',
        milestones: [{ title: 'First clinic', dueOn: '2027-01-31' }, { title: 'Fifth clinic' }],
      })).goal as { id: string; milestones: { id: string }[] };
      ids.goal = goal.id;
      await mutate('owner', 'coalitionMilestoneSet', 'MilestoneSetInput', 'CoalitionGoalPayload', { milestoneId: goal.milestones[0].id, organizationId: founder.id, done: true });
      await mutate('owner', 'coalitionGoalUpdate', 'GoalUpdateInput', 'CoalitionGoalPayload', { goalId: goal.id, organizationId: founder.id, description: 'Across the whole county' });
      const win = async (input: Record<string, unknown>) => ((await mutate('owner', 'coalitionWinRecord', 'WinRecordInput', 'CoalitionWinPayload', {
        ...as(founder.id), achievedOn: '2026-11-01', evidenceUrl: 'https://example.org/news', ...input,
      })).win as { id: string }).id;
      ids.publicWin = await win({ title: 'First clinic opened', public: true, goalId: goal.id });
      ids.privateWin = await win({ title: 'A quiet agreement', public: false });
      await mutate('owner', 'coalitionWinRemove', 'WinRemoveInput', 'CoalitionWinPayload', { winId: await win({ title: 'Logged by mistake' }), organizationId: founder.id });
      // The PRIVATE coalition and its invited, not yet member organization.
      invitee = await signUp(app, 'Invitee');
      const inviteeOrg = await createOrg(app, invitee, { name: 'Probe invitee', kind: 'FOUNDATION', visibility: 'PUBLIC' });
      const secretFounder = targets.find((t) => t.visibility === 'NETWORK' && t.precision === 'CITY')!;
      ids.secret = ((await mutate('owner', 'coalitionCreate', 'CoalitionCreateInput', 'CoalitionCreatePayload', {
        organizationId: secretFounder.id, name: 'Probe governed secret', issueAreaId: area, visibility: 'PRIVATE', charter: { purpose: 'Quiet' },
        invite: { organizationIds: [inviteeOrg.id] },
      })).coalition as { id: string }).id;
      const inSecret = { coalitionId: ids.secret, organizationId: secretFounder.id };
      ids.secretProposal = await propose('owner', { ...inSecret, kind: 'DECISION', title: 'Quiet decision', body: 'Hush' });
      await mutate('owner', 'coalitionGoalCreate', 'GoalCreateInput', 'CoalitionGoalPayload', { ...inSecret, title: 'Quiet goal' });
      for (const isPublic of [true, false]) {
        await mutate('owner', 'coalitionWinRecord', 'WinRecordInput', 'CoalitionWinPayload', { ...inSecret, title: `Quiet win ${isPublic}`, achievedOn: '2026-10-01', public: isPublic });
      }
    }, 120_000);

    it.each(VIEWERS)('as %s: proposals, votes and goals for insiders only, an applicant its own application, public wins to those who see the coalition', async (viewer) => {
      const probe: Probe = { viewer, acting: true, label: 'governance' };
      const insider = isMember(viewer);
      const proposals = await ask(viewer, proposalsQuery(), { id: open });
      if (insider) {
        const list = ok(proposals).coalitionProposals as Connection<{ id: string; tally: unknown; votes: { organization: { id: string } | null }[] | null }>;
        expect(nodes(list).map((p) => p.id).sort()).toEqual([ids.decision, ids.statement, ids.withdrawn, ids.application].sort());
        // Who voted how, the PRIVATE member by name to insiders.
        const decision = nodes(list).find((p) => p.id === ids.decision)!;
        expect(decision.votes!.map((v) => v.organization?.id).sort()).toEqual([
          targets.find((t) => t.visibility === 'PUBLIC' && t.precision === 'EXACT')!.id, targets.find((t) => t.visibility === 'PRIVATE' && t.precision === 'REGION')!.id,
        ].sort());
        walk(probe, ok(proposals));
      } else {
        expect({ viewer, code: code(proposals) }).toEqual({ viewer, code: 'FORBIDDEN' });
      }
      root('Query', 'coalitionProposals');
      for (const id of [ids.decision, ids.statement, ids.withdrawn, ids.application]) {
        const answer = ok(await ask(viewer, proposalQuery(), { id }));
        const mine = viewer === 'stranger' && id === ids.application;
        expect({ viewer, id, seen: answer.proposal !== null }).toEqual({ viewer, id, seen: insider || mine });
        if (!answer.proposal) expect(answer).toEqual(ok(await ask(viewer, proposalQuery(), { id: RANDOM })));
        walk(probe, answer);
      }
      root('Query', 'proposal');
      const goals = await ask(viewer, goalsQuery(), { id: open });
      if (insider) {
        const [goal] = nodes(ok(goals).coalitionGoals as Connection<{ progress: number; milestones: { done: boolean }[] }>);
        expect({ progress: goal.progress, done: goal.milestones.map((m) => m.done) }).toEqual({ progress: 0.5, done: [true, false] });
        walk(probe, ok(goals));
      } else {
        expect({ viewer, code: code(goals) }).toEqual({ viewer, code: 'FORBIDDEN' });
      }
      root('Query', 'coalitionGoals');
      // The same goals as a field of the coalition (the lists' way to them): insiders only, null for everyone else.
      const onCoalition = ok(await ask(viewer, `query($id: ID!) { coalition(id: $id) { __typename goals { ${select('CoalitionGoal')} } } }`, { id: open }));
      const goalsField = (onCoalition.coalition as { goals: { id: string }[] | null }).goals;
      expect({ viewer, goals: goalsField?.map((g) => g.id) ?? null }).toEqual({ viewer, goals: insider ? [ids.goal] : null });
      walk(probe, onCoalition);
      const wins = ok(await ask(viewer, winsQuery(), { id: open }));
      const shown = nodes(wins.coalitionWins as Connection<{ id: string; goalId: string | null }>);
      expect({ viewer, wins: shown.map((w) => [w.id, w.goalId]).sort() })
        .toEqual({ viewer, wins: (insider ? [[ids.publicWin, ids.goal], [ids.privateWin, null]] : [[ids.publicWin, null]]).sort() });
      walk(probe, wins);
      root('Query', 'coalitionWins');
      // The PRIVATE coalition: insiders see everything; everyone else answers like a random id, admins included.
      for (const query of [proposalsQuery(), goalsQuery(), winsQuery()]) {
        const answer = await ask(viewer, query, { id: ids.secret });
        if (insider) walk(probe, ok(answer));
        else expect(answer).toEqual(await ask(viewer, query, { id: RANDOM }));
      }
      const secretProposal = ok(await ask(viewer, proposalQuery(), { id: ids.secretProposal }));
      expect({ viewer, seen: secretProposal.proposal !== null }).toEqual({ viewer, seen: insider });
    });

    it('an invited, not yet member organization sees the PRIVATE coalition\'s public wins only: no proposals, no goals', async () => {
      const probe: Probe = { viewer: 'stranger', acting: true, label: 'invited organization' };
      const as = (query: string, id: string) => rawGql<Record<string, unknown>>(app, query, { id }, invitee.token);
      expect([code(await as(proposalsQuery(), ids.secret)), code(await as(goalsQuery(), ids.secret))]).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      const proposal = await as(proposalQuery(), ids.secretProposal);
      expect(proposal).toEqual(await as(proposalQuery(), RANDOM));
      const wins = ok(await as(winsQuery(), ids.secret));
      expect(nodes(wins.coalitionWins as Connection<{ title: string; public: boolean; goalId: string | null }>).map((w) => [w.title, w.public, w.goalId]))
        .toEqual([['Quiet win true', true, null]]);
      walk(probe, wins);
    });
  });
});

describe.each(VIEWERS)('vouches as %s', (viewer) => {
  it('name a voucher only where both organizations are visible; the chain (withdrawn vouches too) is for admins', async () => {
    const probe: Probe = { viewer, acting: false, label: 'vouches' };
    const visible = (visibility: Target['visibility']) => canName(probe, { id: '', visibility, precision: 'EXACT', truth: {} });
    const expected = [...vouchers].filter(([, visibility]) => visible(visibility)).map(([id]) => id).sort();
    const data = ok(await ask(viewer, `query($id: ID!) { vouches(organizationId: $id, first: 10) { ${select('VouchConnection')} } }`, { id: probeOrg.stranger }));
    const list = data.vouches as Connection<{ voucher: { id: string } }>;
    expect({ viewer, ids: nodes(list).map((v) => v.voucher.id).sort(), total: list.totalCount }).toEqual({ viewer, ids: expected, total: expected.length });
    walk(probe, data);
    root('Query', 'vouches');
    // The PRIVATE voucher's given list: NOT_FOUND, exactly like a random id, for whoever may not see it.
    const privateVoucher = [...vouchers].find(([, visibility]) => visibility === 'PRIVATE')![0];
    const given = await ask(viewer, 'query($id: ID!) { vouches(organizationId: $id, direction: GIVEN) { totalCount nodes { id } } }', { id: privateVoucher });
    if (visible('PRIVATE')) expect((ok(given).vouches as { totalCount: number }).totalCount).toBe(1);
    else expect(given).toEqual(await ask(viewer, 'query($id: ID!) { vouches(organizationId: $id, direction: GIVEN) { totalCount nodes { id } } }', { id: '00000000-0000-4000-8000-000000000000' }));
    const chainQuery = `query($id: ID!) { vouchChain(organizationId: $id, first: 10) { ${select('VouchConnection')} } }`;
    const chain = await ask(viewer, chainQuery, { id: probeOrg.member });
    const code = viewer === 'anonymous' ? 'UNAUTHENTICATED' : viewer === 'admin' ? null : 'FORBIDDEN';
    expect({ viewer, code: chain.errors?.[0]?.extensions?.code ?? null }).toEqual({ viewer, code });
    if (code === null) {
      const withdrawn = ok(chain).vouchChain as Connection<{ voucher: { id: string }; withdrawnAt: string | null }>;
      expect(nodes(withdrawn).map((v) => [v.voucher.id, v.withdrawnAt !== null])).toEqual([[privateVoucher, true]]);
      walk(probe, ok(chain));
      walk(probe, ok(await ask(viewer, chainQuery, { id: probeOrg.stranger })));
    }
    root('Query', 'vouchChain');
  });
});

describe('urgent alerts and saved searches', () => {
  // Each viewer's probe organization offers video-production remotely; every target marks its HIGH video-production
  // need (remote help welcome) urgent, so every probe organization is addressed by every target that may reach
  // others (all targets opted in to anonymous cards). Each probe organization also saves a search for the targets'
  // issue area before the targets change: it matches exactly the targets a plain member of it may name.
  const LIVE_VIEWERS = ['stranger', 'member', 'owner', 'admin'] as const;
  // The organization inside these (deeper) answers: name, position and members-only fields, within the depth limit;
  // every Organization field is probed in full by the tests above.
  // The payload's search without its matches (read, deeper, by the savedSearches probe).
  const SEARCH_PAYLOAD = '__typename savedSearch { __typename id organizationId name kind filter createdAt unseenCount } userErrors { __typename code field message }';
  const orgSubset = () => `__typename id name visibility contactEmail location { ${select('Location')} }`;
  const searchOf = {} as Record<(typeof LIVE_VIEWERS)[number], string>;

  beforeAll(async () => {
    const video = (await app.db.query(`SELECT id FROM skills WHERE slug = 'video-production'`))[0].id as string;
    for (const v of LIVE_VIEWERS) {
      ok(await ask(v, 'mutation($input: CapabilityAddInput!) { capabilityAdd(input: $input) { userErrors { code } } }',
        { input: { organizationId: probeOrg[v], skillId: video, level: 'EXPERT', remote: true } }));
      const created = ok(await ask(v, `mutation($input: SavedSearchCreateInput!) { savedSearchCreate(input: $input) { ${SEARCH_PAYLOAD} } }`,
        { input: { organizationId: probeOrg[v], name: 'Torture prevention', organizationFilter: { issueAreaIds: [area] } } }));
      walk({ viewer: v, acting: true, label: 'savedSearchCreate payload' }, created);
      root('Mutation', 'savedSearchCreate');
      searchOf[v] = (created.savedSearchCreate as { savedSearch: { id: string } }).savedSearch.id;
    }
    const markings: Record<string, unknown>[] = [];
    for (const t of targets) {
      const need = (t.truth.needs as { id: string; priority: string; status: string }[]).find((n) => n.priority === 'HIGH' && n.status === 'OPEN')!;
      const marked = ok(await ask('owner', `mutation($input: NeedMarkUrgentInput!) { needMarkUrgent(input: $input) { ${select('NeedMarkUrgentPayload')} } }`, { input: { needId: need.id } }));
      expect((marked.needMarkUrgent as { userErrors: unknown[] }).userErrors).toEqual([]);
      markings.push(marked);
      ok(await ask('owner', 'mutation($input: OrganizationUpdateInput!) { organizationUpdate(input: $input) { userErrors { code } } }', { input: { id: t.id, website: 'https://example.org' } }));
    }
    // Their open needs now show urgentSince: the truth is read again, as the fixture read it.
    for (const t of targets) {
      t.truth = ok(await ask('owner', `query($id: ID!) { organization(id: $id) { ${select('Organization')} } }`, { id: t.id })).organization as Record<string, unknown>;
    }
    for (const marked of markings) walk({ viewer: 'owner', acting: false, label: 'needMarkUrgent payload' }, marked);
    root('Mutation', 'needMarkUrgent');
    // The matcher works after commit, from the event log: wait until it has read every event so far.
    for (let i = 0; ; i++) {
      const [{ behind }] = await app.db.query(`SELECT EXISTS (SELECT 1 FROM activity_events e WHERE e.kind IN ('ORGANIZATION_CHANGED', 'OFFER_POSTED')
        AND e.id > coalesce((SELECT last_event_id FROM saved_search_matcher_state WHERE name = 'saved-searches'), 0)) AS behind`);
      if (!behind) break;
      if (i > 200) throw new Error('the saved-search matcher did not catch up');
      await new Promise((r) => setTimeout(r, 50));
    }
  }, 120_000);

  it.each(LIVE_VIEWERS)('urgentNeedAlerts as %s: every target in the form the acting rules allow, named or as its card', async (v) => {
    const alert = `__typename id createdAt recipientOrganizationId need { ${select('UrgentNeed')} } organization { ${orgSubset()} }
      anonymousOrganization { ${select('AnonymousOrganization')} } reasons { ${select('UrgentAlertReason')} } distanceKm distanceBand`;
    const data = ok(await ask(v, `query($id: ID!) { urgentNeedAlerts(organizationId: $id, first: 20) {
      __typename totalCount pageInfo { hasNextPage } edges { __typename cursor node { ${alert} } } } }`, { id: probeOrg[v] }));
    const alerts = data.urgentNeedAlerts as Connection<{ organization: { id: string } | null; anonymousOrganization: { kind: string } | null; distanceKm: number | null }>;
    expect(alerts.totalCount).toBe(targets.length);
    const named = nodes(alerts).filter((a) => a.organization).map((a) => a.organization!.id).sort();
    expect(named).toEqual(targets.filter((t) => canName({ viewer: v, acting: true, label: '' }, t)).map((t) => t.id).sort());
    // The probe organizations show no position: no distance to anyone.
    expect(nodes(alerts).every((a) => a.distanceKm === null)).toBe(true);
    walk({ viewer: v, acting: true, label: 'urgentNeedAlerts' }, data);
    root('Query', 'urgentNeedAlerts');
    // Nobody else reads them.
    const other = LIVE_VIEWERS.find((x) => x !== v && !(['member', 'owner'].includes(x) && ['member', 'owner'].includes(v)))!;
    expect((await ask(other, `query($id: ID!) { urgentNeedAlerts(organizationId: $id) { totalCount } }`, { id: probeOrg[v] })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it.each(LIVE_VIEWERS)('savedSearches as %s: matches exactly the targets a plain member may name, never a PRIVATE one', async (v) => {
    const match = `__typename id savedSearchId kind matchedAt seen organization { ${orgSubset()} } offer { __typename id }`;
    const search = `__typename id organizationId name kind filter createdAt unseenCount
      matches(first: 20) { __typename totalCount pageInfo { hasNextPage } edges { __typename cursor node { ${match} } } }`;
    const data = ok(await ask(v, `query($id: ID!) { savedSearches(organizationId: $id, first: 5) {
      __typename totalCount pageInfo { hasNextPage } edges { __typename cursor node { ${search} } } } }`, { id: probeOrg[v] }));
    const [found] = nodes(data.savedSearches as Connection<{ id: string; unseenCount: number; matches: Connection<{ organization: { id: string } }> }>);
    expect(found.id).toBe(searchOf[v]);
    const expected = targets.filter((t) => t.visibility !== 'PRIVATE').map((t) => t.id).sort();
    expect(nodes(found.matches).map((m) => m.organization.id).sort()).toEqual(expected);
    expect(found.unseenCount).toBe(expected.length);
    walk({ viewer: v, acting: true, label: 'savedSearches' }, data);
    root('Query', 'savedSearches');
    const seen = ok(await ask(v, `mutation($input: SavedSearchMarkSeenInput!) { savedSearchMarkSeen(input: $input) { ${SEARCH_PAYLOAD} } }`, { input: { savedSearchId: searchOf[v] } }));
    walk({ viewer: v, acting: true, label: 'savedSearchMarkSeen payload' }, seen);
    root('Mutation', 'savedSearchMarkSeen');
    expect((seen.savedSearchMarkSeen as { savedSearch: { unseenCount: number } }).savedSearch.unseenCount).toBe(0);
    // Another viewer's search answers like a random id.
    const foreign = LIVE_VIEWERS.find((x) => x !== v)!;
    const asked = await ask(v, 'mutation($input: SavedSearchMarkSeenInput!) { savedSearchMarkSeen(input: $input) { userErrors { code } } }', { input: { savedSearchId: searchOf[foreign] } });
    const random = await ask(v, 'mutation($input: SavedSearchMarkSeenInput!) { savedSearchMarkSeen(input: $input) { userErrors { code } } }', { input: { savedSearchId: '00000000-0000-4000-8000-000000000000' } });
    expect(asked).toEqual(random);
  });
});

describe('vouch requests', () => {
  // The stranger's PRIVATE group (exact location, contact details) asks the PUBLIC voucher, which vouches, and the
  // NETWORK voucher, once withdrawn by the group and once declined by the voucher. The PRIVATE voucher cannot be
  // asked: the group may not see it. The owner and the member belong to every voucher.
  const voucherOf = (visibility: Target['visibility']) => [...vouchers].find(([, v]) => v === visibility)![0];
  const REQUEST_PAYLOAD = () => select('VouchRequestPayload');
  const askFor = (voucherOrganizationId: string) => ask('stranger', `mutation($input: VouchRequestInput!) { vouchRequest(input: $input) { ${REQUEST_PAYLOAD()} } }`,
    { input: { organizationId: requestGroup.id, voucherOrganizationId, message: 'Please vouch for us' } });
  const answerAs = async (viewer: ViewerName, field: string, vouchRequestId: string) => {
    const data = ok(await ask(viewer, `mutation($input: VouchRequestAnswerInput!) { ${field}(input: $input) { ${REQUEST_PAYLOAD()} } }`, { input: { vouchRequestId } }));
    walk({ viewer, acting: true, label: `${field} payload` }, data);
    root('Mutation', field);
    return data[field] as { vouchRequest: { status: string } | null; userErrors: unknown[] };
  };

  beforeAll(async () => {
    const group = await createOrg(app, users.stranger, {
      name: 'Probe defenders group', kind: 'COMMUNITY_GROUP', visibility: 'PRIVATE', mission: 'Accompanying defenders', website: 'https://defenders.example.org',
      languages: ['es'], contactEmail: 'desk@defenders.example.org', location: { country: 'KE', region: 'Nairobi County', city: 'Nairobi', ...OFFICE, precision: 'EXACT' },
    });
    requestGroup.id = group.id;
    const truth = ok(await ask('stranger', 'query($id: ID!) { organization(id: $id) { id name kind mission website languages createdAt } }', { id: group.id })).organization as Record<string, unknown>;
    requestGroup.card = { ...truth, country: 'KE' };
    const hidden = await askFor(voucherOf('PRIVATE'));
    expect(hidden).toEqual(await askFor('00000000-0000-4000-8000-000000000000'));
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const asked = ok(await askFor(voucherOf('PUBLIC')));
    walk({ viewer: 'stranger', acting: true, label: 'vouchRequest payload' }, asked);
    root('Mutation', 'vouchRequest');
    const given = ok(await ask('owner', `mutation($input: VouchCreateInput!) { vouchCreate(input: $input) { ${select('VouchPayload')} } }`,
      { input: { voucherOrganizationId: voucherOf('PUBLIC'), organizationId: group.id, statement: 'We stand with them' } }));
    expect((given.vouchCreate as { vouchRequest: { status: string } | null }).vouchRequest?.status).toBe('VOUCHED');
    walk({ viewer: 'owner', acting: true, label: 'vouchCreate payload (request)' }, given);
    const first = ok(await askFor(voucherOf('NETWORK'))).vouchRequest as { vouchRequest: { id: string } };
    expect((await answerAs('stranger', 'vouchRequestWithdraw', first.vouchRequest.id)).vouchRequest?.status).toBe('WITHDRAWN');
    const second = ok(await askFor(voucherOf('NETWORK'))).vouchRequest as { vouchRequest: { id: string } };
    expect(await answerAs('owner', 'vouchRequestDecline', second.vouchRequest.id)).toEqual({ __typename: 'VouchRequestPayload', vouchRequest: null, userErrors: [] });
  }, 60_000);

  it.each(VIEWERS)('vouchRequests as %s: the group sees all of its requests, the asked side only while the grant lasts, nobody else anything', async (viewer) => {
    const query = `query($id: ID!) { vouchRequests(organizationId: $id, first: 10) { ${select('VouchRequestConnection')} } }`;
    const probe: Probe = { viewer, acting: true, label: 'vouchRequests' };
    const statuses = (data: Record<string, unknown>) => nodes(data.vouchRequests as Connection<{ status: string }>).map((n) => n.status).sort();
    const mine = await ask(viewer, query, { id: requestGroup.id });
    if (viewer === 'stranger') {
      expect(statuses(ok(mine))).toEqual(['DECLINED', 'VOUCHED', 'WITHDRAWN']);
      walk(probe, ok(mine));
    } else {
      // The admin may see the group (FORBIDDEN, not a member); to everyone else it is a random id.
      const code = viewer === 'anonymous' ? 'UNAUTHENTICATED' : viewer === 'admin' ? 'FORBIDDEN' : 'NOT_FOUND';
      expect({ viewer, code: mine.errors?.[0]?.extensions?.code }).toEqual({ viewer, code });
    }
    for (const visibility of ['PUBLIC', 'NETWORK'] as const) {
      const asked = await ask(viewer, query, { id: voucherOf(visibility) });
      if (isMember(viewer)) {
        // The vouched request stays while the vouch stands; the declined one (and the withdrawn one) are gone.
        expect({ visibility, statuses: statuses(ok(asked)) }).toEqual({ visibility, statuses: visibility === 'PUBLIC' ? ['VOUCHED'] : [] });
        walk(probe, ok(asked));
        continue;
      }
      const code = viewer === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
      expect({ visibility, code: asked.errors?.[0]?.extensions?.code }).toEqual({ visibility, code });
    }
    root('Query', 'vouchRequests');
  });
});

describe('coverage of the rules', () => {
  it('every field with a rule was reached by a probe (or says where else it is tested)', () => {
    const unexercised = Object.entries(SCHEMA_COVERAGE)
      .filter(([field, rule]) => !rule.startsWith('elsewhere:') && !observed.has(field))
      .map(([field]) => field);
    expect(unexercised).toEqual([]);
  });
});
