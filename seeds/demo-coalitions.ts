import type { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../src/core/request-context.js';
import type { CoalitionCreateInput } from '../src/coalitions/coalition.inputs.js';
import { createCoalition, endorseCurrentCharter } from '../src/coalitions/coalition.service.js';
import { acceptInvitation } from '../src/coalitions/coalition-invitation.service.js';
import { createProposal, voteOnProposal } from '../src/coalitions/proposal.service.js';
import { DEMO_ORGANIZATIONS } from './demo-data.js';
import { demoContextFor } from './demo-context.js';

// Demo coalitions in different states, so `npm start` shows them: an ACTIVE one in Beirut whose members all signed
// the charter (a PRIVATE member, shown to outsiders as an anonymous participant, and a coordinator rotation), a
// FORMING one in Athens with an invitation waiting for demo-coordinator@example.org, and a PRIVATE ACTIVE one in
// Bogotá founded by a PRIVATE organization at risk. Built through the coalition services as the demo accounts that
// own the organizations (create with invitations, accept, a PRIVATE organization's application admitted by vote,
// endorse the charter), so the demo follows every rule a coordinator meets. Idempotent by name (an existing
// coalition of that name is left as it is). Goals, wins and proposals come from the governance seeds, which find
// them by these names.

export const DEMO_COALITIONS = {
  beirut: 'Beirut Migrant Workers\' Rights Coalition',
  athens: 'Aegean Arrivals Legal Response',
  bogota: 'Red de Protección de Líderes Sociales',
} as const;

interface DemoCoalition {
  name: string;
  issueArea: string;
  visibility: 'PUBLIC' | 'NETWORK' | 'PRIVATE';
  scope: { country: string; region: string | null; latitude: number; longitude: number; radiusKm: number };
  categories: string[];
  /** Organization names; the first founds it and invites the others, who accept. */
  members: string[];
  /** Organizations the founder may not see (PRIVATE): each applies to join and the members admit it by vote. */
  applicants?: string[];
  /** Members that endorse charter version 1 (all: ACTIVE). */
  endorsedBy: string[];
  /** Invited, not answered. */
  invited?: string[];
  charter: { purpose: string; decisionRule: string; quorum: number; resourceSharing: string; nonNegotiables: string[]; rotationPeriodDays: number | null };
}

const COALITIONS: DemoCoalition[] = [
  {
    name: DEMO_COALITIONS.beirut, issueArea: 'migrant-rights', visibility: 'PUBLIC',
    scope: { country: 'LB', region: 'Beirut', latitude: 33.8938, longitude: 35.5018, radiusKm: 30 },
    categories: ['LEGAL_AID', 'COMMUNITY_TIES', 'TRANSLATION', 'PSYCHOSOCIAL_SUPPORT', 'FUNDRAISING'],
    members: ['Bayt al-Amal Refugee Support', 'Darb Legal Agenda', 'Mashriq Human Rights Network'],
    // PRIVATE: the founder may not see it to invite it; it applies, and the members admit it by their rule.
    applicants: ['Kafala Watch Collective'],
    endorsedBy: ['Bayt al-Amal Refugee Support', 'Darb Legal Agenda', 'Kafala Watch Collective', 'Mashriq Human Rights Network'],
    charter: {
      purpose: 'End the abuses of the kafala sponsorship system: legal representation for domestic workers, a shared '
        + 'hotline, and one voice towards the Ministry of Labour.',
      decisionRule: 'MAJORITY', quorum: 0.5,
      resourceSharing: 'Each member funds its own staff time; joint grants are split by agreed workplan; case data stays with '
        + 'the member that holds it and is shared only anonymised.',
      nonNegotiables: ['No names of workers in public material without consent', 'No cooperation with recruitment agencies under investigation'],
      rotationPeriodDays: 90,
    },
  },
  {
    name: DEMO_COALITIONS.athens, issueArea: 'refugee-resettlement', visibility: 'NETWORK',
    scope: { country: 'GR', region: 'Attica', latitude: 37.9838, longitude: 23.7275, radiusKm: 50 },
    categories: ['LEGAL_AID', 'TRANSLATION', 'PSYCHOSOCIAL_SUPPORT', 'LOGISTICS'],
    members: ['Hellenic Asylum Lawyers Group', 'Solidarity Health Clinic of Exarchia'],
    endorsedBy: ['Hellenic Asylum Lawyers Group'],
    invited: ['Observatory Against Racist Violence'],
    charter: {
      purpose: 'A first legal and medical response for people arriving on the Aegean islands and moved to Attica.',
      decisionRule: 'CONSENSUS', quorum: 0.6, resourceSharing: 'Shared interpreters\' roster; each member keeps its own budget.',
      nonNegotiables: ['No participation in pushback-related procedures'], rotationPeriodDays: null,
    },
  },
  {
    name: DEMO_COALITIONS.bogota, issueArea: 'land-rights', visibility: 'PRIVATE',
    scope: { country: 'CO', region: 'Bogotá D.C.', latitude: 4.711, longitude: -74.0721, radiusKm: 300 },
    categories: ['LEGAL_AID', 'DIGITAL_SECURITY', 'COMMUNICATIONS', 'COMMUNITY_TIES'],
    members: ['Red de Protección a Líderes Sociales', 'Colectivo Jurídico Dignidad', 'Observatorio Andino de Derechos Humanos'],
    endorsedBy: ['Red de Protección a Líderes Sociales', 'Colectivo Jurídico Dignidad', 'Observatorio Andino de Derechos Humanos'],
    charter: {
      purpose: 'Protect social leaders defending land restitution: early warnings, legal accompaniment and safe communications.',
      decisionRule: 'TWO_THIRDS', quorum: 0.67, resourceSharing: 'A common emergency fund, one third from each member.',
      nonNegotiables: ['Nothing published that could locate a leader', 'Decisions on relocation stay with the leader concerned'],
      rotationPeriodDays: 60,
    },
  },
];

/** Acts as the demo account that owns each demo organization (by name). */
export class DemoActors {
  private readonly contexts = new Map<string, Promise<RequestContext>>();

  constructor(private readonly ds: DataSource, readonly ids: Map<string, string>) {}

  id(name: string): string {
    const found = this.ids.get(name);
    if (!found) throw new Error(`Demo coalition refers to unknown organization "${name}"`);
    return found;
  }

  /** The context of the demo account that owns the organization. */
  as(name: string): Promise<RequestContext> {
    const owner = DEMO_ORGANIZATIONS.find((o) => o.name === name)?.owner;
    if (!owner) throw new Error(`Demo organization "${name}" has no demo owner to act for it`);
    let ctx = this.contexts.get(owner);
    if (!ctx) this.contexts.set(owner, (ctx = demoContextFor(this.ds, owner)));
    return ctx;
  }

  /** One service call in its own transaction, as the owner of `name`. */
  async run<T>(name: string, work: (ctx: RequestContext, tx: EntityManager) => Promise<T>): Promise<T> {
    const ctx = await this.as(name);
    return this.ds.transaction((tx) => work(ctx, tx));
  }
}

async function seedOne(ds: DataSource, actors: DemoActors, c: DemoCoalition, log: (msg: string) => void): Promise<boolean> {
  if ((await ds.query('SELECT 1 FROM coalitions WHERE name = $1', [c.name])).length) return false;
  const [area]: { id: string }[] = await ds.query('SELECT id FROM issue_areas WHERE slug = $1', [c.issueArea]);
  if (!area) throw new Error(`Demo coalition ${c.name} refers to unknown issue area "${c.issueArea}"`);
  const [founder, ...others] = c.members;
  const input = {
    organizationId: actors.id(founder), name: c.name, issueAreaId: area.id, requiredCategoryIds: c.categories, visibility: c.visibility,
    scope: { country: c.scope.country, region: c.scope.region, near: { latitude: c.scope.latitude, longitude: c.scope.longitude, radiusKm: c.scope.radiusKm } },
    charter: { ...c.charter, decisionRule: c.charter.decisionRule },
    invite: { organizationIds: [...others, ...(c.invited ?? [])].map((n) => actors.id(n)), message: 'We would value your work in this coalition. Will you join us?' },
  } as unknown as CoalitionCreateInput;
  const { coalitionId } = await actors.run(founder, (ctx, tx) => createCoalition(ctx, tx, input));
  for (const name of others) {
    const [invitation]: { id: string }[] = await ds.query(
      'SELECT id FROM coalition_invitations WHERE coalition_id = $1 AND organization_id = $2', [coalitionId, actors.id(name)]);
    await actors.run(name, (ctx, tx) => acceptInvitation(ctx, tx, invitation.id));
  }
  for (const name of c.applicants ?? []) await admit(ds, actors, coalitionId, name, c.members);
  for (const name of c.endorsedBy) {
    await actors.run(name, (ctx, tx) => endorseCurrentCharter(ctx, tx, { coalitionId, organizationId: actors.id(name), version: 1 }));
  }
  log(`demo coalition: ${c.name}`);
  return true;
}

/** An organization applies to join; the members vote yes one by one until the charter's rule admits it. */
async function admit(ds: DataSource, actors: DemoActors, coalitionId: string, applicant: string, members: string[]): Promise<void> {
  const proposalId = await actors.run(applicant, (ctx, tx) => createProposal(ctx, tx, {
    coalitionId, organizationId: actors.id(applicant), kind: 'ADMIT_MEMBER', title: 'Application to join',
    body: 'We document abuses under the kafala system and would bring our case files and community ties.',
  } as never));
  for (const member of members) {
    const [open]: { status: string }[] = await ds.query('SELECT status FROM coalition_proposals WHERE id = $1', [proposalId]);
    if (open.status !== 'OPEN') break;
    await actors.run(member, (ctx, tx) => voteOnProposal(ctx, tx, { proposalId, organizationId: actors.id(member), choice: 'YES' } as never));
  }
  const [member]: unknown[] = await ds.query('SELECT 1 FROM coalition_members WHERE coalition_id = $1 AND organization_id = $2 AND left_at IS NULL',
    [coalitionId, actors.id(applicant)]);
  if (!member) throw new Error(`Demo applicant ${applicant} was not admitted`);
}

/** The demo accounts acting for the demo organizations, or null when those are absent (not the demo database). */
export async function demoActors(ds: DataSource, names: string[]): Promise<DemoActors | null> {
  const unique = [...new Set(names)];
  const rows: { id: string; name: string }[] = await ds.query('SELECT id, name FROM organizations WHERE name = ANY($1::text[])', [unique]);
  if (rows.length < unique.length) return null;
  return new DemoActors(ds, new Map(rows.map((r) => [r.name, r.id])));
}

/** Seeds the demo coalitions among the demo organizations (skipped when those are absent). Returns how many it added. */
export async function seedDemoCoalitions(ds: DataSource, log: (msg: string) => void = () => undefined): Promise<number> {
  const names = [...new Set(COALITIONS.flatMap((c) => [...c.members, ...(c.applicants ?? []), ...(c.invited ?? [])]))];
  const actors = await demoActors(ds, names);
  if (!actors) return 0;
  let added = 0;
  for (const c of COALITIONS) if (await seedOne(ds, actors, c, log)) added++;
  return added;
}
