import type { EntityManager } from 'typeorm';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { NotFoundError, UnauthenticatedError, UserInputError } from '../core/errors.js';
import { insertRow, updateRow } from '../core/sql-write.js';
import { CapabilityEntity } from './capability.entity.js';
import type { Capability, Need } from './capability.types.js';
import type {
  CapabilityAddInput, CapabilityUpdateInput, NeedAddInput, NeedUpdateInput,
} from './capability.inputs.js';
import { capabilitiesJson, needsJson } from '../profiles/organization-children.sql.js';
import { requireOrganization } from '../authorization/organization-guard.js';
import { NeedEntity } from './need.entity.js';
import { recordOrganizationChanged } from '../profiles/organization-events.js';

// Capabilities and needs share their life cycle: same guard, same lookup of the owning organization.

export type ChildTable = 'capabilities' | 'needs';

async function assertSkillExists(tx: EntityManager, skillId: string): Promise<void> {
  const rows = isUuid(skillId) ? await tx.query('SELECT 1 FROM skills WHERE id = $1', [skillId]) : [];
  if (!rows.length) throw new UserInputError('UNKNOWN_SKILL', 'input.skillId', 'This skill does not exist');
}

async function assertIssueAreaExists(tx: EntityManager, issueAreaId: string | undefined): Promise<void> {
  if (issueAreaId === undefined || issueAreaId === null) return;
  const rows = isUuid(issueAreaId) ? await tx.query('SELECT 1 FROM issue_areas WHERE id = $1', [issueAreaId]) : [];
  if (!rows.length) throw new UserInputError('UNKNOWN_ISSUE_AREA', 'input.issueAreaId', 'This issue area does not exist');
}

/**
 * The organization owning a capability or need, checked for edit rights; a hidden one is NOT_FOUND. The owner is
 * read first without a lock (it never changes), then the organization is locked (requireOrganization) and the item
 * read again: every write to an organization's capabilities and needs holds that lock, so an item a concurrent
 * remove deleted while this request waited is NOT_FOUND here, never a success that changed nothing.
 */
export async function requireChild(ctx: RequestContext, tx: EntityManager, table: ChildTable, id: string): Promise<string> {
  const label = table === 'capabilities' ? 'Capability' : 'Need';
  // Signed out is refused before any lookup: otherwise UNAUTHENTICATED vs NOT_FOUND would tell which ids exist.
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const rows: { organizationId: string }[] = isUuid(id)
    ? await tx.query(`SELECT organization_id AS "organizationId" FROM ${table} WHERE id = $1`, [id])
    : [];
  if (!rows[0]) throw new NotFoundError(label);
  const { organizationId } = rows[0];
  try {
    await requireOrganization(tx, ctx.viewer, organizationId, 'edit');
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError(label);
    throw error;
  }
  const still: unknown[] = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1 AND organization_id = $2`, [id, organizationId]);
  if (!still.length) throw new NotFoundError(label);
  return organizationId;
}

async function readChild<T>(tx: EntityManager, table: ChildTable, organizationId: string, id: string): Promise<T> {
  const json = table === 'capabilities' ? capabilitiesJson('$1') : needsJson('$1');
  const [{ items }] = await tx.query(`SELECT ${json} AS items`, [organizationId]);
  return (items as (T & { id: string })[]).find((item) => item.id === id) as T;
}

export interface ChildResult<T> {
  item: T;
  organizationId: string;
}

export async function addCapability(ctx: RequestContext, tx: EntityManager, input: CapabilityAddInput): Promise<ChildResult<Capability>> {
  await requireOrganization(tx, ctx.viewer, input.organizationId, 'edit');
  await assertSkillExists(tx, input.skillId);
  // A second capability for the same skill fails on capabilities_organization_skill_key: TAKEN.
  const id = await insertRow(tx, CapabilityEntity, {
    organizationId: input.organizationId, skillId: input.skillId, level: input.level,
    capacity: input.capacity ?? null, remote: input.remote ?? false, description: input.description?.trim() ?? '',
  });
  await recordOrganizationChanged(tx, input.organizationId); // saved searches may now match it
  return { item: await readChild(tx, 'capabilities', input.organizationId, id), organizationId: input.organizationId };
}

export async function updateCapability(ctx: RequestContext, tx: EntityManager, input: CapabilityUpdateInput): Promise<ChildResult<Capability>> {
  const organizationId = await requireChild(ctx, tx, 'capabilities', input.id);
  const changes: Partial<CapabilityEntity> = {};
  if (input.level !== undefined) changes.level = input.level;
  if (input.capacity !== undefined) changes.capacity = input.capacity ?? null;
  if (input.remote !== undefined) changes.remote = input.remote;
  if (input.description !== undefined) changes.description = input.description.trim();
  await updateRow(tx, CapabilityEntity, input.id, changes);
  await recordOrganizationChanged(tx, organizationId);
  return { item: await readChild(tx, 'capabilities', organizationId, input.id), organizationId };
}

export async function addNeed(ctx: RequestContext, tx: EntityManager, input: NeedAddInput): Promise<ChildResult<Need>> {
  await requireOrganization(tx, ctx.viewer, input.organizationId, 'edit');
  await assertSkillExists(tx, input.skillId);
  await assertIssueAreaExists(tx, input.issueAreaId);
  const id = await insertRow(tx, NeedEntity, {
    organizationId: input.organizationId, skillId: input.skillId, priority: input.priority,
    issueAreaId: input.issueAreaId ?? null, neededBy: input.neededBy ?? null, remoteOk: input.remoteOk ?? true,
    description: input.description?.trim() ?? '',
  });
  await recordOrganizationChanged(tx, input.organizationId);
  return { item: await readChild(tx, 'needs', input.organizationId, id), organizationId: input.organizationId };
}

export async function updateNeed(ctx: RequestContext, tx: EntityManager, input: NeedUpdateInput): Promise<ChildResult<Need>> {
  const organizationId = await requireChild(ctx, tx, 'needs', input.id);
  await assertIssueAreaExists(tx, input.issueAreaId);
  const changes: Partial<NeedEntity> = {};
  if (input.priority !== undefined) changes.priority = input.priority;
  if (input.status !== undefined) changes.status = input.status;
  if (input.issueAreaId !== undefined) changes.issueAreaId = input.issueAreaId ?? null;
  if (input.neededBy !== undefined) changes.neededBy = input.neededBy ?? null;
  if (input.remoteOk !== undefined) changes.remoteOk = input.remoteOk;
  if (input.description !== undefined) changes.description = input.description.trim();
  await updateRow(tx, NeedEntity, input.id, changes);
  await recordOrganizationChanged(tx, organizationId);
  return { item: await readChild(tx, 'needs', organizationId, input.id), organizationId };
}

export async function removeChild(ctx: RequestContext, tx: EntityManager, table: ChildTable, id: string): Promise<string> {
  const organizationId = await requireChild(ctx, tx, table, id);
  const [, deleted]: [unknown, number] = await tx.query(`DELETE FROM ${table} WHERE id = $1`, [id]);
  if (!deleted) throw new NotFoundError(table === 'capabilities' ? 'Capability' : 'Need');
  return organizationId;
}
