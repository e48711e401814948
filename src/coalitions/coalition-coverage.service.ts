import type { RequestContext } from '../core/request-context.js';
import { findGapFillers, type Level } from '../matching/index.js';
import { loadVisibleRecords } from '../profiles/visible-records.js';
import { gapFillerOrgs } from '../suggestions/coalition-suggestion.service.js';
import { loadMatchOrgs, loadTaxonomy } from '../suggestions/engine-orgs.js';
import type { CoalitionRow } from './coalition-row.js';
import type { MemberView } from './coalition-view.js';
import type { CoalitionCoverage } from './coalition.types.js';

// The live coverage matrix (members of the coalition only): for each required category, the current member that
// covers it best (its highest level, then longest standing), the gaps nobody covers, and for each gap the
// organizations the viewer may see by name that could fill it, from the same pool and rules as the suggestions'
// gap fillers (the engine's findGapFillers: an organization whose dealbreakers refuse a member's kind, or whose kind
// a member refuses, is left out). Invite one with coalitionInvite (inviteeOrganizationId, categoryId).

const LEVEL_VALUE: Record<Level, number> = { BASIC: 1, PROFICIENT: 2, EXPERT: 3 };
const FILLERS_PER_GAP = 3;

export async function coalitionCoverage(ctx: RequestContext, coalition: CoalitionRow, view: MemberView): Promise<CoalitionCoverage> {
  const tax = await loadTaxonomy(ctx.db);
  const memberIds = view.members.map((m) => m.organizationId);
  const members = await loadMatchOrgs(ctx.db, memberIds, tax);
  const byId = new Map(members.map((m) => [m.id, m]));
  const cells = coalition.requiredCategoryIds.map((categoryId) => {
    let best: { orgId: string; level: Level; skillName: string } | null = null;
    for (const id of memberIds) {
      for (const c of byId.get(id)?.capabilities ?? []) {
        if (c.categoryId === categoryId && (!best || LEVEL_VALUE[c.level] > LEVEL_VALUE[best.level])) best = { orgId: id, level: c.level, skillName: c.skillName };
      }
    }
    return { categoryId, member: best ? view.participant(best.orgId) ?? null : null, level: (best?.level ?? null) as never, skillName: best?.skillName ?? null };
  });
  const gaps = cells.filter((c) => c.member === null).map((c) => c.categoryId);
  const outsiders = await gapFillerOrgs(ctx, gaps, memberIds);
  const fillers = findGapFillers(gaps, outsiders, FILLERS_PER_GAP, members);
  const records = await loadVisibleRecords(ctx, fillers.flatMap((f) => f.orgIds));
  return {
    cells,
    gaps,
    gapFillers: fillers.map((f) => ({ categoryId: f.categoryId, organizations: f.orgIds.map((id) => records.get(id)).filter((r) => r !== undefined) })),
  };
}
