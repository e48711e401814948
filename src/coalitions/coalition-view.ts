import type { RequestContext } from '../core/request-context.js';
import type { Viewer } from '../core/viewer.js';
import type { OrganizationRecord } from '../profiles/organization.record.js';
import { canNameCoalitionMember, isCoalitionInsider } from '../privacy/coalition-visibility.js';
import { deriveCoordinator, type CoordinatorTurn } from './coalition-coordinator.js';
import type { CoalitionRow } from './coalition-row.js';
import type { CoalitionRole } from './coalition.enums.js';
import type { MemberWithEndorsement } from './coalition.loaders.js';
import type { Coalition, CoalitionParticipant } from './coalition.types.js';

// How a coalition's members are shown to the viewer of this request: one projection for every field that names
// a member (members, coordinator, rotation order, coverage), so none of them can say more than another.

export function toCoalition(row: CoalitionRow): Coalition {
  return { id: row.id, name: row.name, requiredCategoryIds: row.requiredCategoryIds, visibility: row.visibility, status: row.status, createdAt: row.createdAt, row };
}

export interface MemberView {
  insider: boolean;
  members: MemberWithEndorsement[];
  coordinator: CoordinatorTurn | null;
  /** Participant of a current member, as the viewer may see it (undefined for a non-member). */
  participant(organizationId: string): CoalitionParticipant | undefined;
  /** All current members: named ones first (by name), anonymous ones last, so the order tells nothing about them. */
  participants(): CoalitionParticipant[];
}

const views = new WeakMap<CoalitionRow, WeakMap<Viewer, Promise<MemberView>>>();

/**
 * The member view of a coalition for this request, built once per coalition object (each read or payload loads
 * its own) and viewer, from uncached loaders: a change earlier in the same document is seen.
 */
export function memberView(ctx: RequestContext, coalition: CoalitionRow): Promise<MemberView> {
  let byViewer = views.get(coalition);
  if (!byViewer) views.set(coalition, (byViewer = new WeakMap()));
  let view = byViewer.get(ctx.viewer);
  if (!view) byViewer.set(ctx.viewer, (view = buildView(ctx, coalition)));
  return view;
}

async function buildView(ctx: RequestContext, coalition: CoalitionRow): Promise<MemberView> {
  const [members, charters] = await Promise.all([
    ctx.loaders.coalitionMembers.load(coalition.id),
    ctx.loaders.coalitionCharters.load(coalition.id),
  ]);
  const insider = isCoalitionInsider(ctx.viewer, members.map((m) => m.organizationId));
  const named = members.filter((m) => canNameCoalitionMember(ctx.viewer, insider, m));
  const records = new Map<string, OrganizationRecord>();
  const loaded = await ctx.loaders.coalitionOrganizationRecords.loadMany(named.map((m) => m.organizationId));
  for (const r of loaded) if (r && !(r instanceof Error)) records.set(r.id, r);
  const coordinator = charters[0] ? deriveCoordinator(charters[0], members.map((m) => m.organizationId), coalition.createdByOrganizationId) : null;
  const byId = new Map<string, CoalitionParticipant>();
  for (const m of members) {
    const record = records.get(m.organizationId) ?? null;
    const isCoordinator = coordinator?.organizationId === m.organizationId;
    byId.set(m.organizationId, record
      ? {
        organization: record, anonymous: false, role: m.role as CoalitionRole, visibility: insider ? m.memberVisibility : null,
        joinedAt: m.joinedAt, endorsedCurrentCharter: m.endorsedCurrentCharter, coordinator: isCoordinator,
      }
      : { organization: null, anonymous: true, role: null, visibility: null, joinedAt: null, endorsedCurrentCharter: null, coordinator: isCoordinator });
  }
  return {
    insider,
    members,
    coordinator,
    participant: (id) => byId.get(id),
    participants: () => [...byId.values()].sort((a, b) => {
      if (a.anonymous !== b.anonymous) return a.anonymous ? 1 : -1;
      return (a.organization?.name ?? '').localeCompare(b.organization?.name ?? '') || (a.organization?.id ?? '').localeCompare(b.organization?.id ?? '');
    }),
  };
}
