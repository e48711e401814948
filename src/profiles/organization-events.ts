import type { EntityManager } from 'typeorm';
import { recordEvent } from '../activity/event-log.js';

// The event an organization's visible change records (created, profile updated, a capability or need added or
// changed): saved searches (saved-searches/saved-search-matcher.ts) match it from the log after commit. A PRIVATE
// organization records nothing: it can match no saved search, and the log need not hold a trace of it.

export const ORGANIZATION_CHANGED = 'ORGANIZATION_CHANGED';

const recorded = new WeakMap<EntityManager, Set<string>>();

/** In the changing transaction; once per organization and transaction. */
export async function recordOrganizationChanged(tx: EntityManager, organizationId: string): Promise<void> {
  let seen = recorded.get(tx);
  if (!seen) recorded.set(tx, (seen = new Set()));
  if (seen.has(organizationId)) return;
  seen.add(organizationId);
  const [org]: { visibility: string }[] = await tx.query('SELECT visibility FROM organizations WHERE id = $1', [organizationId]);
  if (!org || org.visibility === 'PRIVATE') return;
  await recordEvent(tx, { kind: ORGANIZATION_CHANGED, subjectId: organizationId, organizationIds: null, data: {} });
}
