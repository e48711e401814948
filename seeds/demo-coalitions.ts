import type { DataSource } from 'typeorm';
import { COALITION_INVITATION_TTL_DAYS } from '../src/coalitions/coalition.enums.js';

// Demo coalitions in different states, so `npm start` shows them: an ACTIVE one in Beirut whose members all signed
// the charter (a PRIVATE member, shown to outsiders as an anonymous participant, and a coordinator rotation), a
// FORMING one in Athens with an invitation waiting for demo-coordinator@example.org, and a PRIVATE ACTIVE one in
// Bogotá founded by a PRIVATE organization at risk. Written in SQL in one transaction; idempotent by name (an
// existing coalition of that name is left as it is). Goals, wins and proposals for them come from the governance
// seeds, which find them by these names.

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
  /** Organization names (PRIVATE demo organizations have random slugs); the first founds it. */
  members: string[];
  /** Members that endorsed charter version 1 (all: ACTIVE). */
  endorsedBy: string[];
  invited?: string[];
  charter: { purpose: string; decisionRule: string; quorum: number; resourceSharing: string; nonNegotiables: string[]; rotationPeriodDays: number | null };
  createdDaysAgo: number;
}

const COALITIONS: DemoCoalition[] = [
  {
    name: DEMO_COALITIONS.beirut, issueArea: 'migrant-rights', visibility: 'PUBLIC',
    scope: { country: 'LB', region: 'Beirut', latitude: 33.8938, longitude: 35.5018, radiusKm: 30 },
    categories: ['LEGAL_AID', 'COMMUNITY_TIES', 'TRANSLATION', 'PSYCHOSOCIAL_SUPPORT', 'FUNDRAISING'],
    members: ['Bayt al-Amal Refugee Support', 'Darb Legal Agenda', 'Kafala Watch Collective', 'Mashriq Human Rights Network'],
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
    createdDaysAgo: 120,
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
    createdDaysAgo: 6,
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
    createdDaysAgo: 200,
  },
];

type Query = (sql: string, params?: unknown[]) => Promise<{ [key: string]: unknown }[]>;

async function seedOne(query: Query, c: DemoCoalition, ids: Map<string, string>, log: (msg: string) => void): Promise<boolean> {
  if ((await query('SELECT 1 FROM coalitions WHERE name = $1', [c.name])).length) return false;
  const id = (name: string) => {
    const found = ids.get(name);
    if (!found) throw new Error(`Demo coalition ${c.name} refers to unknown organization "${name}"`);
    return found;
  };
  const [area] = await query('SELECT id FROM issue_areas WHERE slug = $1', [c.issueArea]);
  if (!area) throw new Error(`Demo coalition ${c.name} refers to unknown issue area "${c.issueArea}"`);
  const created = `now() - make_interval(days => ${Math.round(c.createdDaysAgo)})`;
  const [row] = await query(
    `INSERT INTO coalitions (name, issue_area_id, scope_country, scope_region, scope_latitude, scope_longitude, scope_radius_km,
       required_category_ids, visibility, created_by_organization_id, status, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::varchar[], $9, $10, $11, ${created}) RETURNING id`,
    [c.name, area.id, c.scope.country, c.scope.region, c.scope.latitude, c.scope.longitude, c.scope.radiusKm, c.categories, c.visibility,
      id(c.members[0]), c.endorsedBy.length === c.members.length && c.members.length >= 2 ? 'ACTIVE' : 'FORMING'],
  );
  const memberIds = c.members.map(id);
  await query(
    `INSERT INTO coalition_charters (coalition_id, version, purpose, decision_rule, quorum, resource_sharing, non_negotiables,
       rotation_period_days, rotation_order, created_at) VALUES ($1, 1, $2, $3, $4, $5, $6::jsonb, $7, $8::uuid[], ${created})`,
    [row.id, c.charter.purpose, c.charter.decisionRule, c.charter.quorum, c.charter.resourceSharing, JSON.stringify(c.charter.nonNegotiables),
      c.charter.rotationPeriodDays, memberIds],
  );
  for (const [i, orgId] of memberIds.entries()) {
    // A member's visibility inside the coalition is its own (a PRIVATE organization stays anonymous to outsiders).
    await query(
      `INSERT INTO coalition_members (coalition_id, organization_id, role, visibility, joined_at)
       SELECT $1, o.id, $3, o.visibility, ${created} + make_interval(days => $4) FROM organizations o WHERE o.id = $2`,
      [row.id, orgId, i === 0 ? 'FOUNDER' : 'MEMBER', i],
    );
  }
  for (const name of c.endorsedBy) {
    await query('INSERT INTO coalition_charter_endorsements (coalition_id, version, organization_id) VALUES ($1, 1, $2)', [row.id, id(name)]);
  }
  for (const name of c.invited ?? []) {
    await query(
      `INSERT INTO coalition_invitations (coalition_id, organization_id, invited_by_organization_id, message, expires_at)
       VALUES ($1, $2, $3, $4, now() + make_interval(days => $5))`,
      [row.id, id(name), memberIds[0], 'We would value your monitoring work in this response. Will you join us?', COALITION_INVITATION_TTL_DAYS],
    );
  }
  log(`demo coalition: ${c.name}`);
  return true;
}

/** Seeds the demo coalitions among the demo organizations (skipped when those are absent). Returns how many it added. */
export async function seedDemoCoalitions(ds: DataSource, log: (msg: string) => void = () => undefined): Promise<number> {
  return ds.transaction(async (manager) => {
    const query: Query = (sql, params) => manager.query(sql, params);
    const names = [...new Set(COALITIONS.flatMap((c) => [...c.members, ...(c.invited ?? [])]))];
    const rows = await query('SELECT id, name FROM organizations WHERE name = ANY($1::text[])', [names]);
    if (rows.length < names.length) return 0; // not the demo database
    const ids = new Map(rows.map((r) => [r.name as string, r.id as string]));
    let added = 0;
    for (const c of COALITIONS) if (await seedOne(query, c, ids, log)) added++;
    return added;
  });
}
