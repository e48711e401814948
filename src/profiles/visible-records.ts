import type { RequestContext } from '../core/request-context.js';
import { actingViewer } from '../privacy/acting-viewer.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from './organization.record.js';

/**
 * Records of the given organizations as seen on behalf of the viewer's organizations (no admin rights), in one
 * statement; those the viewer may not see are simply absent. Suggestions, introductions and collaborations all
 * show other organizations this way.
 */
export async function loadVisibleRecords(ctx: RequestContext, ids: string[]): Promise<Map<string, OrganizationRecord>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: OrganizationRecord[] = await ctx.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [unique]);
  const acting = actingViewer(ctx.viewer);
  return new Map(rows.filter((r) => acting.canName(r)).map((r) => [r.id, r]));
}
