import type { EntityManager } from 'typeorm';
import { LocationPrecision, MembershipRole, Visibility } from '../core/enums.js';
import { isUuid } from '../core/ids.js';
import { randomSlug, slugify } from '../core/slug.js';
import type { RequestContext } from '../core/request-context.js';
import { NotFoundError, UnauthenticatedError, UserInputError } from '../core/errors.js';
import { requireAdmin } from '../authorization/admin-guard.js';
import { insertRow, updateRow } from '../core/sql-write.js';
import { coarsen } from '../privacy/location-rules.js';
import { requireOrganization } from '../authorization/organization-guard.js';
import type { LocationInput, OrganizationCreateInput, OrganizationFields, OrganizationUpdateInput, OrganizationVerifyInput } from './organization.inputs.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from './organization.record.js';
import { OrganizationEntity } from './organization.entity.js';
import { recordOrganizationChanged } from './organization-events.js';

export async function readOrganization(tx: EntityManager, id: string): Promise<OrganizationRecord> {
  const rows: OrganizationRecord[] = await tx.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = $1`, [id]);
  return rows[0];
}

async function assertIssueAreasExist(tx: EntityManager, ids: string[]): Promise<void> {
  const valid = ids.filter(isUuid);
  const found: { id: string }[] = valid.length ? await tx.query('SELECT id FROM issue_areas WHERE id = ANY($1::uuid[])', [valid]) : [];
  if (found.length !== ids.length) {
    throw new UserInputError('UNKNOWN_ISSUE_AREA', 'input.issueAreaIds', 'One or more issue areas do not exist');
  }
}

async function setIssueAreas(tx: EntityManager, organizationId: string, ids: string[]): Promise<void> {
  await assertIssueAreasExist(tx, ids);
  await tx.query('DELETE FROM organization_issue_areas WHERE organization_id = $1', [organizationId]);
  if (ids.length) {
    await tx.query(
      'INSERT INTO organization_issue_areas (organization_id, issue_area_id) SELECT $1, unnest($2::uuid[])',
      [organizationId, ids],
    );
  }
}

/** Location columns from the input: the public position is always derived, never stored independently. */
function locationColumns(location: LocationInput): Partial<OrganizationEntity> {
  const point = location.latitude !== undefined && location.longitude !== undefined && location.latitude !== null && location.longitude !== null
    ? { latitude: location.latitude, longitude: location.longitude }
    : null;
  if ((location.latitude ?? null) === null !== ((location.longitude ?? null) === null)) {
    throw new UserInputError('INCOMPLETE', 'input.location.longitude', 'latitude and longitude must be given together');
  }
  const precision = location.precision ?? LocationPrecision.CITY;
  const publicPoint = coarsen(point, precision);
  return {
    country: location.country.toUpperCase(),
    region: location.region?.trim() || null,
    city: location.city?.trim() || null,
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    locationPrecision: precision,
    publicLatitude: publicPoint?.latitude ?? null,
    publicLongitude: publicPoint?.longitude ?? null,
  };
}

function profileColumns(input: OrganizationFields): Partial<OrganizationEntity> {
  const columns: Partial<OrganizationEntity> = {};
  if (input.mission !== undefined) columns.mission = input.mission.trim();
  if (input.sizeBand !== undefined) columns.sizeBand = input.sizeBand ?? null;
  if (input.location) Object.assign(columns, locationColumns(input.location));
  if (input.languages !== undefined) columns.languages = input.languages.map((l) => l.toLowerCase());
  if (input.website !== undefined) columns.website = input.website || null;
  if (input.contactEmail !== undefined) columns.contactEmail = input.contactEmail?.trim().toLowerCase() || null;
  if (input.contactPerson !== undefined) columns.contactPerson = input.contactPerson?.trim() || null;
  if (input.fundingDisclosure !== undefined) columns.fundingDisclosure = input.fundingDisclosure || null;
  if (input.dealbreakerKinds !== undefined) columns.dealbreakerKinds = input.dealbreakerKinds;
  if (input.visibility !== undefined) columns.visibility = input.visibility;
  if (input.anonymousSuggestions !== undefined) columns.anonymousSuggestions = input.anonymousSuggestions;
  return columns;
}

// Slugs. One uniqueness rule for every organization, whoever may see it: a slug a client sends collides (TAKEN)
// with any organization's slug and with reserved ones, alike. What makes that safe is that PRIVATE organizations
// hold random, unguessable slugs (randomSlug) and never a chosen one, so a collision can only ever confirm a slug
// that was public. Every transaction that assigns or reserves a slug first takes a transaction-scoped advisory
// lock on it, so the reserved_slugs check and the organizations_slug_key constraint cannot race each other.

const SLUG_LOCK_PREFIX = 'coalesce:organization-slug:';

export const PRIVATE_SLUG_MESSAGE =
  'A PRIVATE organization cannot choose its slug: it gets a random one that nobody can guess, so that trying slugs ' +
  'never confirms it exists. Leave slug out; you can choose one when the organization becomes visible.';

function lockSlug(tx: EntityManager, slug: string): Promise<unknown> {
  return tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SLUG_LOCK_PREFIX + slug]);
}

function slugTaken(): UserInputError {
  return new UserInputError('TAKEN', 'input.slug', 'This slug is already taken');
}

/**
 * A slug the client sent, for a new organization (organizationId null) or an existing one. A slug reserved for
 * another organization is TAKEN; one reserved for this organization goes back to it. A slug another
 * organization holds fails on organizations_slug_key, which runMutation answers with the same TAKEN.
 */
async function claimSlug(tx: EntityManager, slug: string, organizationId: string | null): Promise<void> {
  await lockSlug(tx, slug);
  const reserved: { organizationId: string }[] = await tx.query(
    'SELECT organization_id AS "organizationId" FROM reserved_slugs WHERE slug = $1', [slug],
  );
  if (reserved.length === 0) return;
  if (reserved[0].organizationId !== organizationId) throw slugTaken();
  await tx.query('DELETE FROM reserved_slugs WHERE slug = $1', [slug]);
}

/**
 * A free slug derived from a name: `base`, else `base-2`, `base-3`, ... It never fails. The candidates are
 * read from visible organizations and reserved slugs only (PRIVATE organizations hold random slugs, so they
 * cannot shape the suffix); each candidate is then locked and checked against everything, so concurrent creates
 * with one name serialize on it and each gets its own slug.
 */
async function freeSlug(tx: EntityManager, base: string): Promise<string> {
  const pattern = `^${base}-[0-9]+$`; // a slugify() result holds only [a-z0-9-]: nothing to escape
  const known: { slug: string }[] = await tx.query(
    `SELECT slug FROM organizations WHERE visibility <> 'PRIVATE' AND (slug = $1 OR slug ~ $2)
     UNION ALL SELECT slug FROM reserved_slugs WHERE slug = $1 OR slug ~ $2`,
    [base, pattern],
  );
  const used = new Set(known.map((t) => t.slug));
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (used.has(candidate) || candidate.length > 80) continue;
    await lockSlug(tx, candidate);
    // Under the lock, with a fresh snapshot: a concurrent create that took it has committed by now.
    const [{ taken }]: { taken: boolean }[] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM organizations WHERE slug = $1) OR EXISTS (SELECT 1 FROM reserved_slugs WHERE slug = $1) AS taken`,
      [candidate],
    );
    if (!taken) return candidate;
  }
}

/** The slug a new organization gets: random when PRIVATE (a chosen one is a user error), else chosen or derived. */
async function slugForNewOrganization(tx: EntityManager, input: OrganizationCreateInput, visibility: Visibility): Promise<string> {
  const chosen = input.slug ?? null;
  if (visibility === Visibility.PRIVATE) {
    if (chosen !== null) throw new UserInputError('PRIVATE_SLUG', 'input.slug', PRIVATE_SLUG_MESSAGE);
    return randomSlug();
  }
  if (chosen === null) return freeSlug(tx, slugify(input.name));
  await claimSlug(tx, chosen, null);
  return chosen;
}

export async function createOrganization(ctx: RequestContext, tx: EntityManager, input: OrganizationCreateInput): Promise<OrganizationRecord> {
  if (!ctx.viewer.userId) throw new UnauthenticatedError();
  const visibility = input.visibility ?? Visibility.NETWORK;
  const slug = await slugForNewOrganization(tx, input, visibility);
  // A chosen slug another organization holds fails on organizations_slug_key: TAKEN.
  const id = await insertRow(tx, OrganizationEntity, {
    locationPrecision: LocationPrecision.CITY,
    ...profileColumns(input),
    visibility,
    name: input.name.trim(),
    slug,
    kind: input.kind,
  });
  await tx.query('INSERT INTO memberships (organization_id, user_id, role) VALUES ($1, $2, $3)', [id, ctx.viewer.userId, MembershipRole.OWNER]);
  if (input.issueAreaIds) await setIssueAreas(tx, id, input.issueAreaIds);
  // The payload is resolved for this same request: the creator is now an owner.
  ctx.viewer = ctx.viewer.withMembership(id, MembershipRole.OWNER);
  await recordOrganizationChanged(tx, id);
  return readOrganization(tx, id);
}

/**
 * The slug change an update makes, if any. Turning PRIVATE reserves the slug the organization showed while it
 * was visible and replaces it with a random one; turning visible again keeps the random slug unless a new
 * one is given.
 */
async function slugForUpdate(
  tx: EntityManager, input: OrganizationUpdateInput, current: { id: string; visibility: Visibility },
): Promise<string | undefined> {
  const chosen = input.slug ?? null;
  const visibility = input.visibility ?? current.visibility;
  if (visibility === Visibility.PRIVATE) {
    if (chosen !== null) throw new UserInputError('PRIVATE_SLUG', 'input.slug', PRIVATE_SLUG_MESSAGE);
    if (current.visibility === Visibility.PRIVATE) return undefined;
    const [{ slug }]: { slug: string }[] = await tx.query('SELECT slug FROM organizations WHERE id = $1', [current.id]);
    await lockSlug(tx, slug);
    await tx.query(
      'INSERT INTO reserved_slugs (slug, organization_id) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING', [slug, current.id],
    );
    return randomSlug();
  }
  if (chosen === null) return undefined;
  await claimSlug(tx, chosen, current.id);
  return chosen;
}

export async function updateOrganization(ctx: RequestContext, tx: EntityManager, input: OrganizationUpdateInput): Promise<OrganizationRecord> {
  const current = await requireOrganization(tx, ctx.viewer, input.id, 'edit');
  const columns = profileColumns(input);
  if (input.name !== undefined) columns.name = input.name.trim();
  const slug = await slugForUpdate(tx, input, current);
  if (slug !== undefined) columns.slug = slug;
  if (input.kind !== undefined) columns.kind = input.kind;
  await updateRow(tx, OrganizationEntity, current.id, columns);
  if (input.issueAreaIds) await setIssueAreas(tx, current.id, input.issueAreaIds);
  await recordOrganizationChanged(tx, current.id);
  return readOrganization(tx, current.id);
}

export async function verifyOrganization(ctx: RequestContext, tx: EntityManager, input: OrganizationVerifyInput): Promise<OrganizationRecord> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  // The organization row first (the lock every write of it takes), then the admin flag as it stands.
  const locked = isUuid(input.id) ? await tx.query('SELECT id FROM organizations WHERE id = $1 FOR UPDATE', [input.id]) : [];
  await requireAdmin(tx, ctx.viewer, 'Only admins can verify organizations');
  const changed = locked.length ? await updateRow(tx, OrganizationEntity, input.id, { verified: input.verified }) : 0;
  if (!changed) throw new NotFoundError('Organization');
  await recordOrganizationChanged(tx, input.id);
  return readOrganization(tx, input.id);
}
