import type { DataSource } from 'typeorm';
import { COMMUNITY_BASED_KINDS, type OrganizationKind } from '../core/enums.js';
import type { EngineCapability, EngineNeed, EngineOrg, Level, LocationPrecision, Priority } from '../matching/index.js';
import { preparedQuery } from '../core/prepared-query.js';
import { pendingSql } from '../introductions/introduction-status.sql.js';
import { pendingRequestsBand } from '../privacy/anonymous-card.js';
import { LEVEL_VALUE } from '../matching/weights.js';

// Maps organizations to the engine's plain shape with set-based queries (one for the taxonomy, one for all the
// organizations with their children from the match profile), never per row. Only what a non-member may see goes
// in: the PUBLIC (coarsened) position, even for the asking organization itself, so a distance or band in a
// reason can never say more than the profile shows.

export interface TaxonomySkill {
  id: string;
  name: string;
  categoryId: string;
  categoryName: string;
  /** skills.ordinal: the skill's index in the arrays of organization_match_keys. */
  ordinal: number;
}

export interface Taxonomy {
  skills: Map<string, TaxonomySkill>;
  issueAreas: Map<string, { slug: string; name: string }>;
  issueAreaNames: Record<string, string>;
}

/**
 * Skills and issue areas are only ever added (admins create them; nothing renames or deletes them), so the
 * taxonomy is cached per database for a minute: a request saves a round trip, and a skill created on another
 * process is picked up within the minute (`fresh` reloads at once, for input naming an id the cache lacks).
 */
const TAXONOMY_TTL_MS = 60_000;
const taxonomyCache = new WeakMap<DataSource, { loadedAt: number; taxonomy: Promise<Taxonomy> }>();

export function loadTaxonomy(db: DataSource, options: { fresh?: boolean } = {}): Promise<Taxonomy> {
  const hit = taxonomyCache.get(db);
  if (hit && !options.fresh && Date.now() - hit.loadedAt < TAXONOMY_TTL_MS) return hit.taxonomy;
  const taxonomy = queryTaxonomy(db);
  taxonomyCache.set(db, { loadedAt: Date.now(), taxonomy });
  taxonomy.catch(() => taxonomyCache.delete(db));
  return taxonomy;
}

async function queryTaxonomy(db: DataSource): Promise<Taxonomy> {
  const [skills, areas] = await Promise.all([
    db.query(`SELECT s.id, s.name, s.category_id AS "categoryId", cc.name AS "categoryName", s.ordinal
      FROM skills s JOIN capability_categories cc ON cc.id = s.category_id`),
    db.query('SELECT id, slug, name FROM issue_areas'),
  ]);
  const issueAreaNames: Record<string, string> = {};
  for (const a of areas as { id: string; name: string }[]) issueAreaNames[a.id] = a.name;
  return {
    skills: new Map((skills as TaxonomySkill[]).map((s) => [s.id, s])),
    issueAreas: new Map((areas as { id: string; slug: string; name: string }[]).map((a) => [a.id, a])),
    issueAreaNames,
  };
}

/** An organization as loaded for matching, with what decides how it may be shown. */
export interface MatchOrg extends EngineOrg {
  visibility: string;
  region: string | null;
  precision: LocationPrecision;
}

interface Row {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  region: string | null;
  precision: LocationPrecision;
  lat: number | null;
  lng: number | null;
  languages: string[];
  verified: boolean;
  dealbreakers: string[];
  visibility: string;
  caps: [string, Level, boolean, number | null][] | null;
  needs: [string, string, Priority, boolean, string | null][] | null;
  issues: string[] | null;
  pending: number;
}

/**
 * The select list of a MatchOrg row from alias `o` joined with MATCH_PROFILE_JOIN: children come from the
 * trigger-maintained profile (one primary-key probe), positions are the public ones only. The array columns come
 * as JSON: node-postgres parses a text[] or uuid[] one character at a time with an object per character (a third
 * of all the memory a partner-suggestion call allocated, 200 candidates with three arrays each), JSON.parse does
 * it natively.
 */
export const MATCH_ORG_COLUMNS = `o.id, o.name, o.kind, o.country, o.region, o.location_precision AS precision,
  o.public_latitude AS lat, o.public_longitude AS lng, to_json(o.languages) AS languages, o.verified,
  to_json(o.dealbreaker_kinds) AS dealbreakers, o.visibility, mp.capabilities AS caps, mp.needs,
  to_json(mp.issue_area_ids) AS issues,
  (SELECT count(*)::int FROM introductions i
    WHERE i.to_organization_id = o.id AND ${pendingSql('i')} AND i.delivered) AS pending`;

/** Capability level as a rank (alias `c`); matches the capabilities_skill_level_idx expression, so ORDER BY reads the index. */
export const LEVEL_RANK_SQL = `(CASE c.level WHEN 'EXPERT' THEN 3 WHEN 'PROFICIENT' THEN 2 ELSE 1 END)`;

/** An organization without children has no profile row yet: LEFT JOIN. */
export const MATCH_PROFILE_JOIN = 'LEFT JOIN organization_match_profiles mp ON mp.organization_id = o.id';

/**
 * One frozen capability object per (skill, level, remote, capacity) for as long as the taxonomy is cached, shared by
 * every organization offering it. A partner suggestion turns 200 candidate rows into MatchOrgs; the rows and what
 * was made of them outlive a young-generation collection often enough that a quarter of what it promoted to the
 * old generation was these objects (sampling heap profile). Frozen, so a caller that tried to change one shared
 * object would fail loudly instead of changing it for every organization.
 */
const capabilityVariants = new WeakMap<TaxonomySkill, Map<number | null, (EngineCapability | undefined)[]>>();

function newCapability(skill: TaxonomySkill, level: Level, remote: boolean, capacity: number | null): EngineCapability {
  return Object.freeze({ skillId: skill.id, skillName: skill.name, categoryId: skill.categoryId, categoryName: skill.categoryName, level, remote, capacity });
}

function sharedCapability(skill: TaxonomySkill, level: Level, remote: boolean, capacity: number | null): EngineCapability {
  const slot = LEVEL_VALUE[level] * 2 + (remote ? 1 : 0);
  if (!Number.isInteger(slot)) return newCapability(skill, level, remote, capacity); // a level the engine does not know
  let byCapacity = capabilityVariants.get(skill);
  if (!byCapacity) capabilityVariants.set(skill, (byCapacity = new Map()));
  let variants = byCapacity.get(capacity);
  if (!variants) byCapacity.set(capacity, (variants = []));
  return (variants[slot] ??= newCapability(skill, level, remote, capacity));
}

export function toMatchOrg(row: Row, tax: Taxonomy): MatchOrg {
  const capabilities: EngineCapability[] = [];
  for (const [skillId, level, remote, capacity] of row.caps ?? []) {
    const skill = tax.skills.get(skillId);
    if (skill) capabilities.push(sharedCapability(skill, level, remote, capacity));
  }
  const needs: EngineNeed[] = [];
  for (const [id, skillId, priority, remoteOk, issueAreaId] of row.needs ?? []) {
    const skill = tax.skills.get(skillId);
    if (skill) needs.push({ id, skillId: skill.id, skillName: skill.name, categoryId: skill.categoryId, categoryName: skill.categoryName, priority, remoteOk, issueAreaId });
  }
  const located = row.lat !== null && row.lng !== null && row.precision !== 'COUNTRY';
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    communityBased: COMMUNITY_BASED_KINDS.has(row.kind as OrganizationKind),
    country: row.country ? row.country.trim() : null,
    location: located ? { lat: row.lat as number, lng: row.lng as number, precision: row.precision } : null,
    issueAreaIds: row.issues ?? [],
    issueAreaNames: tax.issueAreaNames,
    languages: row.languages,
    capabilities,
    needs,
    dealbreakerKinds: row.dealbreakers,
    // Saturation: introductions waiting for this organization's answer, as a band: the engine never holds the
    // count, so no score part or reason can give it away.
    pendingRequests: pendingRequestsBand(row.pending),
    verified: row.verified,
    visibility: row.visibility,
    region: row.region,
    precision: row.precision,
  };
}

/**
 * By id, one fixed text: a named statement (core/prepared-query.ts), parsed and planned once per pooled connection
 * rather than on every partner suggestion (which loads its requester with it).
 */
const MATCH_ORGS_BY_ID = `SELECT ${MATCH_ORG_COLUMNS} FROM organizations o ${MATCH_PROFILE_JOIN} WHERE o.id = ANY($1::uuid[])`;

/** Loads organizations by id (in one statement), in no particular order. */
export async function loadMatchOrgs(db: DataSource, ids: string[], tax: Taxonomy): Promise<MatchOrg[]> {
  if (ids.length === 0) return [];
  const rows = await preparedQuery<Row>(db, MATCH_ORGS_BY_ID, [ids]);
  return rows.map((row) => toMatchOrg(row, tax));
}
