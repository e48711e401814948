import type { EntityManager } from 'typeorm';
import { LocationPrecision, MembershipRole, Visibility } from '../common/enums.js';
import { isUuid } from '../common/ids.js';
import { slugify } from '../common/slug.js';
import type { RequestContext } from '../graphql/context.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError, UserInputError } from '../graphql/errors.js';
import { MembershipEntity } from '../accounts/membership.entity.js';
import { coarsen } from './location-precision.js';
import { requireOrganization } from './organization-guard.js';
import type { LocationInput, OrganizationCreateInput, OrganizationFields, OrganizationUpdateInput, OrganizationVerifyInput } from './organization.inputs.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from './organization.record.js';
import { OrganizationEntity } from './organization.entity.js';

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
  if (input.fundingDisclosure !== undefined) columns.fundingDisclosure = input.fundingDisclosure || null;
  if (input.dealbreakerKinds !== undefined) columns.dealbreakerKinds = input.dealbreakerKinds;
  if (input.visibility !== undefined) columns.visibility = input.visibility;
  if (input.anonymousSuggestions !== undefined) columns.anonymousSuggestions = input.anonymousSuggestions;
  return columns;
}

async function freeSlug(tx: EntityManager, base: string): Promise<string> {
  const taken: { slug: string }[] = await tx.query(
    `SELECT slug FROM organizations WHERE slug = $1 OR slug ~ ('^' || $1 || '-[0-9]+$')`, [base],
  );
  const used = new Set(taken.map((t) => t.slug));
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export async function createOrganization(ctx: RequestContext, tx: EntityManager, input: OrganizationCreateInput): Promise<OrganizationRecord> {
  if (!ctx.viewer.userId) throw new UnauthenticatedError();
  const slug = input.slug ?? (await freeSlug(tx, slugify(input.name)));
  const entity = tx.create(OrganizationEntity, {
    visibility: Visibility.NETWORK,
    locationPrecision: LocationPrecision.CITY,
    ...profileColumns(input),
    name: input.name.trim(),
    slug,
    kind: input.kind,
  });
  await tx.save(entity); // a taken slug fails on organizations_slug_key and becomes a TAKEN user error
  await tx.insert(MembershipEntity, { organizationId: entity.id, userId: ctx.viewer.userId, role: MembershipRole.OWNER });
  if (input.issueAreaIds) await setIssueAreas(tx, entity.id, input.issueAreaIds);
  // The payload is resolved for this same request: the creator is now an owner.
  ctx.viewer = ctx.viewer.withMembership(entity.id, MembershipRole.OWNER);
  return readOrganization(tx, entity.id);
}

export async function updateOrganization(ctx: RequestContext, tx: EntityManager, input: OrganizationUpdateInput): Promise<OrganizationRecord> {
  await requireOrganization(tx, ctx.viewer, input.id, 'edit');
  const columns = profileColumns(input);
  if (input.name !== undefined) columns.name = input.name.trim();
  if (input.slug !== undefined) columns.slug = input.slug;
  if (input.kind !== undefined) columns.kind = input.kind;
  if (Object.keys(columns).length) await tx.update(OrganizationEntity, { id: input.id }, columns);
  if (input.issueAreaIds) await setIssueAreas(tx, input.id, input.issueAreaIds);
  return readOrganization(tx, input.id);
}

export async function verifyOrganization(ctx: RequestContext, tx: EntityManager, input: OrganizationVerifyInput): Promise<OrganizationRecord> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  if (!ctx.viewer.isAdmin) throw new ForbiddenError('Only admins can verify organizations');
  const result = isUuid(input.id) ? await tx.update(OrganizationEntity, { id: input.id }, { verified: input.verified }) : null;
  if (!result?.affected) throw new NotFoundError('Organization');
  return readOrganization(tx, input.id);
}
