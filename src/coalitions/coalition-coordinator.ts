import type { CharterRow } from './coalition-row.js';

// The coordinator is derived, never stored by hand: with a rotation (a period and an order), the member whose
// turn it is, counting periods from the adoption of the current charter version and skipping organizations that
// are no longer members; without one, the founder while it is a member, else the longest-standing member.

export interface CoordinatorTurn {
  organizationId: string;
  /** When the turn passes to the next organization in the order (null without a rotation). */
  until: Date | null;
}

const DAY_MS = 86_400_000;

/** `memberIds`: current members, longest-standing first. */
export function deriveCoordinator(
  charter: Pick<CharterRow, 'rotationPeriodDays' | 'rotationOrder' | 'createdAt'>,
  memberIds: readonly string[],
  founderId: string | null,
  now: Date = new Date(),
): CoordinatorTurn | null {
  if (memberIds.length === 0) return null;
  const current = new Set(memberIds);
  const order = [...new Set(charter.rotationOrder)].filter((id) => current.has(id));
  if (charter.rotationPeriodDays && order.length > 0) {
    const period = charter.rotationPeriodDays * DAY_MS;
    const start = new Date(charter.createdAt).getTime();
    const turns = Math.max(0, Math.floor((now.getTime() - start) / period));
    return { organizationId: order[turns % order.length], until: new Date(start + (turns + 1) * period) };
  }
  if (founderId && current.has(founderId)) return { organizationId: founderId, until: null };
  return { organizationId: memberIds[0], until: null };
}
