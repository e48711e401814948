import type { OrganizationRecord } from '../src/profiles/organization.record.js';
import { coarsen } from '../src/privacy/location-rules.js';

// Column-wise multi-row inserts shared by the demo loader and the synthetic generator. One statement per batch:
// `INSERT ... SELECT FROM unnest($1::uuid[], $2::text[], ...)` sends every row of a table in one round trip with
// a fixed number of parameters, which is what makes 100,000 organizations load in seconds without COPY.

/** Anything that runs a parameterized statement: an EntityManager, a QueryRunner or a pg client. */
export type QueryFn = (sql: string, params: unknown[]) => Promise<unknown>;

/**
 * An organization to insert: the read path's record without what the database derives (the public position,
 * coarsened here; updatedAt) and without what the seeds leave unset (a contact person).
 */
export type OrganizationRow = Omit<OrganizationRecord, 'publicLatitude' | 'publicLongitude' | 'updatedAt' | 'distanceKm' | 'contactPerson'>;

export interface CapabilityRow {
  organizationId: string;
  skillId: string;
  level: string;
  capacity: number | null;
  remote: boolean;
  description: string;
}

export interface NeedRow {
  organizationId: string;
  skillId: string;
  priority: string;
  issueAreaId: string | null;
  neededBy: string | null;
  status: string;
  remoteOk: boolean;
  description: string;
}

/**
 * Inserts organizations, skipping slugs that already exist, and returns the ids actually inserted.
 * Public coordinates are derived here with coarsen() and never taken from the caller, so no seed path can
 * store a public position more precise than the organization chose.
 */
export async function insertOrganizations(query: QueryFn, rows: OrganizationRow[]): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const pub = rows.map((r) =>
    coarsen(r.latitude === null || r.longitude === null ? null : { latitude: r.latitude, longitude: r.longitude },
      r.locationPrecision));
  // Arrays of arrays cannot go through unnest (it flattens them), so text[] columns travel as joined strings.
  // Languages and kinds never contain commas.
  const result = (await query(
    `INSERT INTO organizations (id, slug, name, mission, kind, size_band, country, region, city, latitude, longitude,
       location_precision, public_latitude, public_longitude, visibility, anonymous_suggestions, languages, website,
       contact_email, funding_disclosure, verified, dealbreaker_kinds, created_at, updated_at)
     SELECT id, slug, name, mission, kind, size_band, country, region, city, lat, lng, precision, pub_lat, pub_lng,
       visibility, anon, string_to_array(langs, ','), website, email, funding, verified,
       string_to_array(dealbreakers, ','), created, created
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::text[], $10::float8[], $11::float8[], $12::text[], $13::float8[], $14::float8[], $15::text[], $16::bool[],
       $17::text[], $18::text[], $19::text[], $20::text[], $21::bool[], $22::text[], $23::timestamptz[])
       AS t(id, slug, name, mission, kind, size_band, country, region, city, lat, lng, precision, pub_lat, pub_lng,
         visibility, anon, langs, website, email, funding, verified, dealbreakers, created)
     ON CONFLICT (slug) DO NOTHING
     RETURNING id`,
    [
      rows.map((r) => r.id), rows.map((r) => r.slug), rows.map((r) => r.name), rows.map((r) => r.mission),
      rows.map((r) => r.kind), rows.map((r) => r.sizeBand), rows.map((r) => r.country), rows.map((r) => r.region),
      rows.map((r) => r.city), rows.map((r) => r.latitude), rows.map((r) => r.longitude),
      rows.map((r) => r.locationPrecision), pub.map((p) => p?.latitude ?? null), pub.map((p) => p?.longitude ?? null),
      rows.map((r) => r.visibility), rows.map((r) => r.anonymousSuggestions), rows.map((r) => r.languages.join(',')),
      rows.map((r) => r.website), rows.map((r) => r.contactEmail), rows.map((r) => r.fundingDisclosure),
      rows.map((r) => r.verified), rows.map((r) => r.dealbreakerKinds.join(',')), rows.map((r) => r.createdAt),
    ],
  )) as { id: string }[];
  return new Set(result.map((r) => r.id));
}

export async function insertIssueAreaLinks(
  query: QueryFn, links: { organizationId: string; issueAreaId: string }[],
): Promise<void> {
  if (links.length === 0) return;
  await query(
    `INSERT INTO organization_issue_areas (organization_id, issue_area_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
    [links.map((l) => l.organizationId), links.map((l) => l.issueAreaId)],
  );
}

export async function insertCapabilities(query: QueryFn, rows: CapabilityRow[]): Promise<void> {
  if (rows.length === 0) return;
  await query(
    `INSERT INTO capabilities (organization_id, skill_id, level, capacity, remote, description)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::int[], $5::bool[], $6::text[])
     ON CONFLICT (organization_id, skill_id) DO NOTHING`,
    [
      rows.map((r) => r.organizationId), rows.map((r) => r.skillId), rows.map((r) => r.level),
      rows.map((r) => r.capacity), rows.map((r) => r.remote), rows.map((r) => r.description),
    ],
  );
}

export async function insertNeeds(query: QueryFn, rows: NeedRow[]): Promise<void> {
  if (rows.length === 0) return;
  await query(
    `INSERT INTO needs (organization_id, skill_id, priority, issue_area_id, needed_by, status, remote_ok, description)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::date[], $6::text[], $7::bool[],
       $8::text[])`,
    [
      rows.map((r) => r.organizationId), rows.map((r) => r.skillId), rows.map((r) => r.priority),
      rows.map((r) => r.issueAreaId), rows.map((r) => r.neededBy), rows.map((r) => r.status),
      rows.map((r) => r.remoteOk), rows.map((r) => r.description),
    ],
  );
}

export async function insertMemberships(
  query: QueryFn, rows: { organizationId: string; userId: string; role: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  await query(
    `INSERT INTO memberships (organization_id, user_id, role)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[]) ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.organizationId), rows.map((r) => r.userId), rows.map((r) => r.role)],
  );
}

/** Loads slug -> id for skills and issue areas; seeds speak slugs so that they survive re-created taxonomies. */
export async function loadTaxonomyIds(
  query: QueryFn,
): Promise<{ skills: Map<string, string>; issueAreas: Map<string, string> }> {
  const skills = (await query('SELECT id, slug FROM skills', [])) as { id: string; slug: string }[];
  const areas = (await query('SELECT id, slug FROM issue_areas', [])) as { id: string; slug: string }[];
  return {
    skills: new Map(skills.map((s) => [s.slug, s.id])),
    issueAreas: new Map(areas.map((a) => [a.slug, a.id])),
  };
}
