import type { EntityManager } from 'typeorm';
import type { RequestContext } from '../core/request-context.js';
import { Visibility } from '../core/enums.js';
import { isUuid } from '../core/ids.js';
import { UserInputError } from '../core/errors.js';
import { requireOrganization } from '../authorization/organization-guard.js';
import { stricterVisibility } from '../privacy/coalition-visibility.js';
import { defaultCategoriesForIssue } from '../matching/index.js';
import { requireCoalitionMember, type CoalitionActor } from './coalition-access.js';
import { charterCreate, charterDraft, endorseCharter } from './coalition-charter.service.js';
import { inviteToCoalition } from './coalition-invitation.service.js';
import { admitMember, removeMember } from './coalition-membership.js';
import { COALITION_COLUMNS, type CoalitionRow } from './coalition-row.js';
import { CoalitionRole } from './coalition.enums.js';
import type {
  CoalitionCharterEndorseInput, CoalitionCreateInput, CoalitionInviteInput, CoalitionLeaveInput, CoalitionMemberVisibilitySetInput,
  CoalitionScopeInput,
} from './coalition.inputs.js';

// Forming a coalition: create (from scratch, or from one alternative of coalitionSuggestions: its issue area,
// circle, categories and the other members to invite, by id or by anonymous token), invite, leave, endorse the
// charter, choose how one's organization is shown to non-members. Each runs in runMutation's transaction.

function checkScope(scope: CoalitionScopeInput | null | undefined): void {
  const near = scope?.near;
  if (!near) return;
  if (!(near.radiusKm >= 0 && near.radiusKm <= 20_000)) throw new UserInputError('INVALID_INPUT', 'input.scope.near.radiusKm', 'The radius must be between 0 and 20,000 km');
  if (!(Math.abs(near.latitude) <= 90 && Math.abs(near.longitude) <= 180)) {
    throw new UserInputError('INVALID_INPUT', 'input.scope.near', 'Latitude must be within -90..90 and longitude within -180..180');
  }
}

async function checkCategories(tx: EntityManager, input: CoalitionCreateInput, issueSlug: string): Promise<string[]> {
  const categories = input.requiredCategoryIds?.length ? [...new Set(input.requiredCategoryIds)] : defaultCategoriesForIssue(issueSlug);
  const known: { id: string }[] = await tx.query('SELECT id FROM capability_categories WHERE id = ANY($1::varchar[])', [categories]);
  const missing = categories.findIndex((c) => !known.some((k) => k.id === c));
  if (missing >= 0) throw new UserInputError('UNKNOWN_CATEGORY', `input.requiredCategoryIds[${missing}]`, 'No such capability category');
  return categories;
}

export async function createCoalition(ctx: RequestContext, tx: EntityManager, input: CoalitionCreateInput): Promise<{ coalitionId: string; invitationIds: string[] }> {
  const founder = await requireOrganization(tx, ctx.viewer, input.organizationId, 'edit');
  const areas: { slug: string }[] = isUuid(input.issueAreaId) ? await tx.query('SELECT slug FROM issue_areas WHERE id = $1', [input.issueAreaId]) : [];
  if (!areas[0]) throw new UserInputError('UNKNOWN_ISSUE_AREA', 'input.issueAreaId', 'No such issue area');
  const categories = await checkCategories(tx, input, areas[0].slug);
  checkScope(input.scope);
  const draft = await charterDraft(tx, founder.viewer, input.charter, 'input.charter');
  if (draft.rotationOrderIds.length === 0) draft.rotationOrderIds = [founder.id];
  const near = input.scope?.near ?? null;
  const [coalition]: CoalitionRow[] = await tx.query(
    `INSERT INTO coalitions AS c (name, issue_area_id, scope_country, scope_region, scope_latitude, scope_longitude, scope_radius_km,
       required_category_ids, visibility, created_by_organization_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::varchar[], $9, $10) RETURNING ${COALITION_COLUMNS}`,
    [input.name.trim(), input.issueAreaId, input.scope?.country?.toUpperCase() ?? null, input.scope?.region?.trim() || null,
      near?.latitude ?? null, near?.longitude ?? null, near?.radiusKm ?? null, categories, input.visibility ?? Visibility.NETWORK, founder.id],
  );
  await charterCreate(tx, coalition.id, draft);
  await admitMember(tx, coalition.id, founder.id, { role: CoalitionRole.FOUNDER, visibility: input.memberVisibility ?? null });
  const actor: CoalitionActor = { coalitionId: coalition.id, organizationId: founder.id, viewer: founder.viewer, coalition };
  // The founder wrote version 1: it endorses it.
  await endorseCharter(tx, actor, 1);
  const invitationIds: string[] = [];
  const invite = input.invite;
  for (const [i, id] of (invite?.organizationIds ?? []).entries()) {
    invitationIds.push(await inviteToCoalition(ctx, tx, actor, { inviteeOrganizationId: id }, {
      message: invite?.message, fields: { organization: `input.invite.organizationIds[${i}]`, token: `input.invite.organizationIds[${i}]` },
    }));
  }
  for (const [i, token] of (invite?.anonymousTokens ?? []).entries()) {
    invitationIds.push(await inviteToCoalition(ctx, tx, actor, { anonymousToken: token }, {
      message: invite?.message, fields: { organization: `input.invite.anonymousTokens[${i}]`, token: `input.invite.anonymousTokens[${i}]` },
    }));
  }
  return { coalitionId: coalition.id, invitationIds: [...new Set(invitationIds)] };
}

export async function inviteOne(ctx: RequestContext, tx: EntityManager, input: CoalitionInviteInput): Promise<string> {
  const actor = await requireCoalitionMember(tx, ctx.viewer, input.coalitionId, input.organizationId);
  return inviteToCoalition(ctx, tx, actor, input, {
    categoryId: input.categoryId, message: input.message,
    fields: { organization: 'input.inviteeOrganizationId', token: 'input.anonymousToken' },
  });
}

export async function leaveCoalition(ctx: RequestContext, tx: EntityManager, input: CoalitionLeaveInput): Promise<string> {
  const actor = await requireCoalitionMember(tx, ctx.viewer, input.coalitionId, input.organizationId);
  await removeMember(tx, actor.coalitionId, actor.organizationId, false);
  return actor.coalitionId;
}

export async function endorseCurrentCharter(ctx: RequestContext, tx: EntityManager, input: CoalitionCharterEndorseInput): Promise<string> {
  const actor = await requireCoalitionMember(tx, ctx.viewer, input.coalitionId, input.organizationId);
  await endorseCharter(tx, actor, input.version);
  return actor.coalitionId;
}

export async function setMemberVisibility(ctx: RequestContext, tx: EntityManager, input: CoalitionMemberVisibilitySetInput): Promise<string> {
  const actor = await requireCoalitionMember(tx, ctx.viewer, input.coalitionId, input.organizationId);
  const [org]: { visibility: Visibility }[] = await tx.query('SELECT visibility FROM organizations WHERE id = $1', [actor.organizationId]);
  await tx.query(
    'UPDATE coalition_members SET visibility = $3 WHERE coalition_id = $1 AND organization_id = $2 AND left_at IS NULL',
    [actor.coalitionId, actor.organizationId, stricterVisibility(input.visibility, org.visibility)],
  );
  return actor.coalitionId;
}
