import type { EntityManager } from 'typeorm';
import { MembershipRole } from '../core/enums.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { UserInputError } from '../core/errors.js';
import { requireOrganization } from '../authorization/organization-guard.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../profiles/organization.record.js';
import type { OrganizationMemberRemoveInput, OrganizationMemberRoleSetInput } from './membership.types.js';
import type { Member } from './membership.types.js';

export async function listViewerMemberships(ctx: RequestContext): Promise<{ role: MembershipRole; organization: OrganizationRecord }[]> {
  if (!ctx.viewer.userId) return [];
  const rows: (OrganizationRecord & { memberRole: MembershipRole })[] = await ctx.db.query(
    `SELECT ${ORGANIZATION_COLUMNS}, m.role AS "memberRole" FROM memberships m JOIN organizations o ON o.id = m.organization_id
     WHERE m.user_id = $1 ORDER BY o.name`,
    [ctx.viewer.userId],
  );
  return rows.map(({ memberRole, ...organization }) => ({ role: memberRole, organization }));
}

export async function listMembers(ctx: RequestContext, organizationId: string): Promise<Member[]> {
  return ctx.db.query(
    `SELECT m.user_id AS "userId", u.display_name AS "displayName", m.role FROM memberships m JOIN users u ON u.id = m.user_id
     WHERE m.organization_id = $1 ORDER BY CASE m.role WHEN 'OWNER' THEN 0 WHEN 'EDITOR' THEN 1 ELSE 2 END, u.display_name`,
    [organizationId],
  );
}

function notAMember(): UserInputError {
  return new UserInputError('NOT_A_MEMBER', 'input.userId', 'This user is not a member of the organization');
}

async function assertAnotherOwnerRemains(tx: EntityManager, organizationId: string, userId: string): Promise<void> {
  const [{ owners }] = await tx.query(
    `SELECT count(*)::int AS owners FROM memberships WHERE organization_id = $1 AND role = 'OWNER' AND user_id <> $2`,
    [organizationId, userId],
  );
  if (owners === 0) throw new UserInputError('LAST_OWNER', 'input.userId', 'An organization must keep at least one owner');
}

/** Owners change a member's role; the last owner cannot step down. */
export async function setMemberRole(ctx: RequestContext, tx: EntityManager, input: OrganizationMemberRoleSetInput): Promise<Member> {
  // The organization row lock serializes role changes, so two owners cannot demote each other at once.
  await requireOrganization(tx, ctx.viewer, input.organizationId, 'own');
  const rows: Member[] = isUuid(input.userId)
    ? await tx.query(
      `SELECT m.user_id AS "userId", u.display_name AS "displayName", m.role FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.organization_id = $1 AND m.user_id = $2 FOR UPDATE OF m`,
      [input.organizationId, input.userId],
    )
    : [];
  const member = rows[0];
  if (!member) throw notAMember();
  if (member.role === MembershipRole.OWNER && input.role !== MembershipRole.OWNER) {
    await assertAnotherOwnerRemains(tx, input.organizationId, member.userId);
  }
  await tx.query('UPDATE memberships SET role = $3 WHERE organization_id = $1 AND user_id = $2', [input.organizationId, member.userId, input.role]);
  if (member.userId === ctx.viewer.userId) ctx.viewer = ctx.viewer.withMembership(input.organizationId, input.role);
  return { ...member, role: input.role };
}

export async function removeMember(ctx: RequestContext, tx: EntityManager, input: OrganizationMemberRemoveInput): Promise<void> {
  await requireOrganization(tx, ctx.viewer, input.organizationId, 'own');
  // A malformed id never reaches SQL: it is simply not a member.
  if (!isUuid(input.userId)) throw notAMember();
  await assertAnotherOwnerRemains(tx, input.organizationId, input.userId);
  const result = await tx.query('DELETE FROM memberships WHERE organization_id = $1 AND user_id = $2', [input.organizationId, input.userId]);
  if (!result[1]) throw notAMember();
  if (input.userId === ctx.viewer.userId) ctx.viewer = ctx.viewer.withoutMembership(input.organizationId);
}
