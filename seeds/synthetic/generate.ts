import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import type { DataSource, QueryRunner } from 'typeorm';
import {
  CapabilityLevel, LocationPrecision, MembershipRole, NeedPriority, NeedStatus, OrganizationKind, SizeBand,
  Visibility,
} from '../../src/core/enums.js';
import {
  type CapabilityRow, insertCapabilities, insertIssueAreaLinks, insertMemberships, insertNeeds, insertOrganizations,
  type NeedRow, type OrganizationRow, type QueryFn,
} from '../bulk-insert.js';
import { SYNTHETIC_CITIES } from './places.js';
import { chance, distinct, gaussian, int, mulberry32, pick, type Rng, weighted } from './random.js';
import { describeCapability, describeNeed, fundingDisclosure, missionFor, nameFor } from './text.js';

// Synthetic organizations for scale tests and benchmarks. Everything it writes is recognisable (slug
// `syn-<n>`, owner emails `syn-owner-<n>@example.org`) so that --reset can remove exactly that and nothing else.

export const SYNTHETIC_SLUG_PREFIX = 'syn-';
export const SYNTHETIC_OWNER_PREFIX = 'syn-owner-';
/** Password of every synthetic owner account (benchmarks sign in with it). */
export const SYNTHETIC_PASSWORD = 'coalesce-synthetic';

/** Organizations per chunk: its children come to ~5,000-7,000 rows per table and statement. */
const CHUNK = 2000;
/** Two connections keep both cores of a small server busy while this process generates the next chunk. */
const CONNECTIONS = 2;
const ORGS_PER_OWNER = 50;

export interface SyntheticOptions {
  orgs: number;
  seed?: number;
  onProgress?: (done: number, total: number) => void;
}

interface Taxonomy {
  skills: { id: string; name: string; category: string }[];
  issueAreas: { id: string; name: string }[];
}

const drawPrecision = weighted([
  [LocationPrecision.EXACT, 30], [LocationPrecision.CITY, 40], [LocationPrecision.REGION, 20],
  [LocationPrecision.COUNTRY, 10],
] as const);
const drawVisibility = weighted([[Visibility.PUBLIC, 75], [Visibility.NETWORK, 15], [Visibility.PRIVATE, 10]] as const);
const drawKind = weighted([
  [OrganizationKind.NGO, 34], [OrganizationKind.COMMUNITY_GROUP, 26], [OrganizationKind.FAITH_BASED, 8],
  [OrganizationKind.LEGAL_AID, 8], [OrganizationKind.MEDIA, 6], [OrganizationKind.UNION, 5],
  [OrganizationKind.NETWORK, 5], [OrganizationKind.ACADEMIC, 5], [OrganizationKind.FOUNDATION, 3],
] as const);
const drawSize = weighted([
  [SizeBand.VOLUNTEER_ONLY, 20], [SizeBand.SMALL, 40], [SizeBand.MEDIUM, 25], [SizeBand.LARGE, 12],
  [SizeBand.VERY_LARGE, 3],
] as const);
const drawSmallSize = weighted([[SizeBand.VOLUNTEER_ONLY, 50], [SizeBand.SMALL, 45], [SizeBand.MEDIUM, 5]] as const);
const drawLevel = weighted([
  [CapabilityLevel.BASIC, 30], [CapabilityLevel.PROFICIENT, 45], [CapabilityLevel.EXPERT, 25],
] as const);
const drawPriority = weighted([
  [NeedPriority.LOW, 20], [NeedPriority.MEDIUM, 40], [NeedPriority.HIGH, 30], [NeedPriority.CRITICAL, 10],
] as const);
const drawStatus = weighted([[NeedStatus.OPEN, 85], [NeedStatus.MET, 10], [NeedStatus.CLOSED, 5]] as const);
const drawCity = weighted(SYNTHETIC_CITIES.map((city) => [city, city.weight] as const));
const drawIssueCount = weighted([[1, 30], [2, 35], [3, 25], [4, 10]] as const);

/** What each kind is typically good at: its categories are drawn three times as often. */
const KIND_STRENGTHS: Partial<Record<OrganizationKind, string[]>> = {
  [OrganizationKind.COMMUNITY_GROUP]: ['COMMUNITY_TIES', 'VOLUNTEERS', 'LOGISTICS'],
  [OrganizationKind.FAITH_BASED]: ['COMMUNITY_TIES', 'PSYCHOSOCIAL_SUPPORT', 'LOGISTICS'],
  [OrganizationKind.LEGAL_AID]: ['LEGAL_AID', 'POLICY', 'MONITORING_TOOLS'],
  [OrganizationKind.MEDIA]: ['COMMUNICATIONS', 'MONITORING_TOOLS', 'DIGITAL_SECURITY'],
  [OrganizationKind.UNION]: ['COMMUNITY_TIES', 'LEGAL_AID', 'VOLUNTEERS'],
  [OrganizationKind.NETWORK]: ['POLICY', 'TRAINING', 'FUNDRAISING'],
  [OrganizationKind.ACADEMIC]: ['RESEARCH', 'TRAINING', 'POLICY'],
  [OrganizationKind.FOUNDATION]: ['FUNDRAISING', 'TRAINING'],
  [OrganizationKind.NGO]: ['POLICY', 'MONITORING_TOOLS', 'TRAINING', 'FUNDRAISING'],
};

interface Chunk {
  organizations: OrganizationRow[];
  links: { organizationId: string; issueAreaId: string }[];
  capabilities: CapabilityRow[];
  needs: NeedRow[];
  owners: { id: string; email: string; displayName: string }[];
  memberships: { organizationId: string; userId: string; role: string }[];
}

function makeGenerator(rng: Rng, taxonomy: Taxonomy) {
  // Issue areas follow a long tail (a few are very common), as in any real directory.
  const drawIssue = weighted(taxonomy.issueAreas.map((a, i) => [a, 1 / (1 + i * 0.25)] as const));
  const skillDrawByKind = new Map(
    Object.values(OrganizationKind).map((kind) => {
      const strong = new Set(KIND_STRENGTHS[kind] ?? []);
      return [kind, weighted(taxonomy.skills.map((s) => [s, strong.has(s.category) ? 3 : 1] as const))];
    }),
  );
  const drawAnySkill = weighted(taxonomy.skills.map((s) => [s, 1] as const));
  const now = Date.now();
  let ownerId = '';

  return function generate(index: number, chunk: Chunk): void {
    const id = randomUUID();
    const slug = `${SYNTHETIC_SLUG_PREFIX}${index}`;
    const city = drawCity(rng);
    // 80% in the city proper (sd ~7 km), 20% in the surrounding region (sd ~45 km).
    const spread = chance(rng, 0.8) ? 0.06 : 0.4;
    const latitude = Math.max(-89.9, Math.min(89.9, city.latitude + gaussian(rng) * spread));
    const longitude = Math.max(-179.9, Math.min(179.9, city.longitude + gaussian(rng) * spread));
    const kind = drawKind(rng);
    const community = kind === OrganizationKind.COMMUNITY_GROUP || kind === OrganizationKind.FAITH_BASED;
    const visibility = drawVisibility(rng);
    const issues = distinct(rng, drawIssueCount(rng), drawIssue);
    const languages = [...new Set([...city.languages.slice(0, int(rng, 1, city.languages.length)),
      ...(chance(rng, 0.55) ? ['en'] : [])])];
    chunk.organizations.push({
      id, slug, name: nameFor(rng, kind, city.city, issues[0].name), mission: missionFor(rng, issues, city.city),
      kind, sizeBand: community ? drawSmallSize(rng) : drawSize(rng),
      country: city.country, region: city.region, city: city.city, latitude: Number(latitude.toFixed(6)),
      longitude: Number(longitude.toFixed(6)), locationPrecision: drawPrecision(rng), visibility,
      anonymousSuggestions: visibility === Visibility.PRIVATE && chance(rng, 0.5), languages,
      website: chance(rng, 0.6) ? `https://${slug}.example.org` : null,
      contactEmail: chance(rng, 0.8) ? `contact@${slug}.example.org` : null,
      fundingDisclosure: chance(rng, 0.25) ? fundingDisclosure(rng) : null,
      verified: chance(rng, 0.15),
      dealbreakerKinds: chance(rng, 0.04)
        ? distinct(rng, int(rng, 1, 2), (r) => pick(r, Object.values(OrganizationKind))).filter((k) => k !== kind)
        : [],
      // Spread over three years, so "newest first" lists and date filters have something to sort.
      createdAt: new Date(now - Math.floor(rng() * 3 * 365 * 86_400_000)),
    });
    for (const issue of issues) chunk.links.push({ organizationId: id, issueAreaId: issue.id });

    const skills = distinct(rng, int(rng, 2, 5), skillDrawByKind.get(kind)!);
    for (const skill of skills) {
      const level = drawLevel(rng);
      chunk.capabilities.push({
        organizationId: id, skillId: skill.id, level, capacity: chance(rng, 0.2) ? null : int(rng, 1, 10),
        remote: chance(rng, 0.4), description: describeCapability(rng, skill.name, level),
      });
    }
    // Needs are what an organization lacks, so never a skill it already offers.
    const needed = distinct(rng, int(rng, 1, 4), drawAnySkill, new Set(skills));
    for (const skill of needed) {
      const priority = drawPriority(rng);
      chunk.needs.push({
        organizationId: id, skillId: skill.id, priority,
        issueAreaId: chance(rng, 0.6) ? pick(rng, issues).id : null,
        neededBy: chance(rng, 0.3) ? new Date(now + int(rng, 14, 365) * 86_400_000).toISOString().slice(0, 10) : null,
        status: drawStatus(rng), remoteOk: chance(rng, 0.7), description: describeNeed(rng, skill.name, priority),
      });
    }

    // One owner account per block of organizations: enough for sign-in and permission paths at scale. A chunk
    // never reuses the previous chunk's owner: that chunk commits on another connection, maybe not yet.
    if (index % ORGS_PER_OWNER === 0 || chunk.owners.length === 0) {
      ownerId = randomUUID();
      chunk.owners.push({
        id: ownerId, email: `${SYNTHETIC_OWNER_PREFIX}${index}@example.org`, displayName: `Synthetic Owner ${index}`,
      });
    }
    chunk.memberships.push({ organizationId: id, userId: ownerId, role: MembershipRole.OWNER });
  };
}

async function insertChunk(runner: QueryRunner, chunk: Chunk, passwordHash: string): Promise<void> {
  const query: QueryFn = (sql, params) => runner.query(sql, params);
  await runner.startTransaction();
  try {
    await query(
      `INSERT INTO users (id, email, display_name, password_hash, email_verified_at)
       SELECT id, email, name, $4, now() FROM unnest($1::uuid[], $2::text[], $3::text[]) AS t(id, email, name)`,
      [chunk.owners.map((o) => o.id), chunk.owners.map((o) => o.email), chunk.owners.map((o) => o.displayName),
        passwordHash],
    );
    await insertOrganizations(query, chunk.organizations);
    await insertIssueAreaLinks(query, chunk.links);
    await insertCapabilities(query, chunk.capabilities);
    await insertNeeds(query, chunk.needs);
    await insertMemberships(query, chunk.memberships);
    await runner.commitTransaction();
  } catch (err) {
    await runner.rollbackTransaction();
    throw err;
  }
}

/** Removes everything a previous run wrote (organizations cascade to their links, capabilities and needs). */
export async function deleteSynthetic(ds: DataSource): Promise<number> {
  const [, deleted] = (await ds.query(`DELETE FROM organizations WHERE slug LIKE 'syn-%'`)) as [unknown, number];
  await ds.query(`DELETE FROM users WHERE email LIKE 'syn-owner-%@example.org'`);
  return deleted;
}

/**
 * Inserts `orgs` synthetic organizations with issue areas, capabilities, needs and owner accounts. Content is
 * deterministic for a given seed and starting number; numbering continues after existing `syn-<n>` slugs, so
 * running it twice appends. Runs ANALYZE at the end so the planner sees the new sizes at once.
 */
export async function generateSynthetic(ds: DataSource, opts: SyntheticOptions): Promise<void> {
  const total = Math.max(0, Math.floor(opts.orgs));
  const skills = (await ds.query('SELECT id, name, category_id AS category FROM skills ORDER BY slug')) as Taxonomy['skills'];
  const issueAreas = (await ds.query('SELECT id, name FROM issue_areas ORDER BY slug')) as Taxonomy['issueAreas'];
  if (skills.length === 0 || issueAreas.length === 0) throw new Error('The taxonomy is empty: run the migrations first');
  const [{ next }] = (await ds.query(
    `SELECT COALESCE(MAX(substring(slug FROM 5)::int), 0) + 1 AS next FROM organizations WHERE slug ~ '^syn-[0-9]+$'`,
  )) as { next: number }[];
  const start = Number(next);

  const passwordHash = await hash(SYNTHETIC_PASSWORD);
  const rng = mulberry32((opts.seed ?? 42) ^ Math.imul(start, 0x9e3779b1));
  const generate = makeGenerator(rng, { skills, issueAreas });

  const runners: QueryRunner[] = [];
  for (let i = 0; i < CONNECTIONS; i++) {
    const runner = ds.createQueryRunner();
    await runner.connect();
    // Generated data that can be regenerated: losing the last commits in a crash costs nothing, and not
    // waiting for each WAL flush is most of the insert time on small disks.
    await runner.query('SET synchronous_commit = off');
    runners.push(runner);
  }
  const free = [...runners];
  const inflight = new Set<Promise<void>>();
  let done = 0;
  try {
    for (let offset = 0; offset < total; offset += CHUNK) {
      // Generated in order on this thread, so the content does not depend on which connection finishes first.
      const chunk: Chunk = { organizations: [], links: [], capabilities: [], needs: [], owners: [], memberships: [] };
      const size = Math.min(CHUNK, total - offset);
      for (let i = 0; i < size; i++) generate(start + offset + i, chunk);
      while (free.length === 0) await Promise.race(inflight);
      const runner = free.pop()!;
      const task = insertChunk(runner, chunk, passwordHash).then(() => {
        free.push(runner);
        inflight.delete(task);
        done += size;
        opts.onProgress?.(done, total);
      });
      inflight.add(task);
    }
    await Promise.all(inflight);
  } finally {
    // A failed chunk rejects Promise.all at once; let the other connection settle before releasing it.
    await Promise.allSettled(inflight);
    await Promise.all(runners.map((r) => r.release()));
  }
  await ds.query('ANALYZE users, organizations, organization_issue_areas, capabilities, needs, memberships');
}
