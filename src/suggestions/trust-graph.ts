import { SqlParams } from '../core/sql-params.js';
import type { RequestContext } from '../core/request-context.js';
import type { PairHistory, TrustGraph } from '../matching/index.js';
import { completedExchangeSql } from '../offers/offer-request-status.sql.js';
import { actingViewer } from '../privacy/acting-viewer.js';

// The trust signals around one organization: its collaborations and those of its collaborators (enough for
// "you worked together" and "you both worked with X"). Only collaborations between organizations the viewer may
// see by name take part: a link to an anonymous or hidden organization would name it, or help guess who an
// anonymous suggestion is. Sharing a current coalition with the asker counts too (reason SAME_COALITION), and so
// does the asker's own history: skill exchanges done and the asker's own ratings of its exchanges and
// collaborations (EXCHANGED_SKILLS / WORKED_TOGETHER "...; rated well"), see matching/partners/partner-score.ts.

export interface TrustNeighbourhood {
  graph: TrustGraph;
  /** Past partners and their partners: a candidate tier of their own, as trust alone may make a suggestion. */
  circleIds: string[];
}

export async function loadTrustNeighbourhood(ctx: RequestContext, organizationId: string): Promise<TrustNeighbourhood> {
  const params = new SqlParams();
  const acting = actingViewer(ctx.viewer);
  const me = params.add(organizationId);
  // The coalition peers and the own history do not depend on the collaboration edges: all three run at once.
  const peersAndHistory = Promise.all([loadCoalitionPeers(ctx, organizationId), loadOwnHistory(ctx, organizationId)]);
  peersAndHistory.catch(() => undefined); // awaited below; this keeps it handled if the edges query fails first
  const edges: { a: string; b: string; aName: string; bName: string }[] = await ctx.db.query(
    `WITH mine AS (
       SELECT organization_b_id AS id FROM collaborations WHERE organization_a_id = ${me}
       UNION SELECT organization_a_id FROM collaborations WHERE organization_b_id = ${me}
     ), hub AS (SELECT id FROM mine UNION SELECT ${me}::uuid)
     SELECT c.organization_a_id AS a, c.organization_b_id AS b, oa.name AS "aName", ob.name AS "bName"
     FROM collaborations c
     JOIN organizations oa ON oa.id = c.organization_a_id
     JOIN organizations ob ON ob.id = c.organization_b_id
     WHERE (c.organization_a_id IN (SELECT id FROM hub) OR c.organization_b_id IN (SELECT id FROM hub))
       AND ${acting.namedSql(params, 'oa')} AND ${acting.namedSql(params, 'ob')}`,
    params.values,
  );
  const collaborators = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  for (const e of edges) {
    link(collaborators, e.a, e.b);
    names.set(e.a, e.aName);
    names.set(e.b, e.bName);
  }
  const direct = collaborators.get(organizationId) ?? new Set<string>();
  const circle = new Set<string>(direct);
  for (const friend of direct) for (const x of collaborators.get(friend) ?? []) if (x !== organizationId) circle.add(x);
  const [coalitionPeers, history] = await peersAndHistory;
  for (const id of coalitionPeers) circle.add(id);
  for (const id of history.keys()) circle.add(id);
  return { graph: { collaborators, names, coalitionPeers, history }, circleIds: [...circle] };
}

/**
 * This organization's own history with the organizations it worked with directly, among those the viewer may
 * name: collaborations and done skill exchanges (either way), with the ratings this organization gave them (its
 * side's feedback column of a collaboration, its side's rating of an exchange). Never the other side's ratings:
 * a suggestion's trust and its reason ("rated well") say nothing its own members could not read already.
 */
async function loadOwnHistory(ctx: RequestContext, organizationId: string): Promise<Map<string, PairHistory>> {
  const params = new SqlParams();
  const me = params.add(organizationId);
  const rows: { id: string; exchanged: boolean; ratingSum: number; ratingCount: number }[] = await ctx.db.query(
    `SELECT p.partner AS id, bool_or(p.exchanged) AS exchanged, coalesce(sum(p.rating), 0)::int AS "ratingSum",
       count(p.rating)::int AS "ratingCount"
     FROM (
       SELECT CASE WHEN c.organization_a_id = ${me} THEN c.organization_b_id ELSE c.organization_a_id END AS partner, false AS exchanged,
         CASE WHEN c.organization_a_id = ${me} THEN c.feedback_a ELSE c.feedback_b END AS rating
       FROM collaborations c WHERE c.organization_a_id = ${me} OR c.organization_b_id = ${me}
       UNION ALL
       SELECT f.organization_id, true, r.requester_rating FROM offer_requests r JOIN offers f ON f.id = r.offer_id
       WHERE r.requesting_organization_id = ${me} AND ${completedExchangeSql('r', 'f')}
       UNION ALL
       SELECT r.requesting_organization_id, true, r.offerer_rating FROM offers f JOIN offer_requests r ON r.offer_id = f.id
       WHERE f.organization_id = ${me} AND ${completedExchangeSql('r', 'f')}
     ) p JOIN organizations o ON o.id = p.partner
     WHERE p.partner <> ${me} AND ${actingViewer(ctx.viewer).namedSql(params)}
     GROUP BY p.partner`,
    params.values,
  );
  return new Map(rows.map((r) => [r.id, { exchanged: r.exchanged, ratingSum: r.ratingSum, ratingCount: r.ratingCount }]));
}

/**
 * Organizations sharing a current coalition with this one, among those the viewer may name. Its own side only:
 * the asker's organization belongs to each of these coalitions, so it learns nothing it does not see there, and
 * no link passes through a third party's coalitions.
 */
async function loadCoalitionPeers(ctx: RequestContext, organizationId: string): Promise<Set<string>> {
  const params = new SqlParams();
  const me = params.add(organizationId);
  const rows: { id: string }[] = await ctx.db.query(
    `SELECT DISTINCT co.organization_id AS id FROM coalition_members cm
     JOIN coalition_members co ON co.coalition_id = cm.coalition_id AND co.left_at IS NULL AND co.organization_id <> cm.organization_id
     JOIN organizations o ON o.id = co.organization_id
     WHERE cm.organization_id = ${me} AND cm.left_at IS NULL AND ${actingViewer(ctx.viewer).namedSql(params)}`,
    params.values,
  );
  return new Set(rows.map((r) => r.id));
}

/** Collaborations among the given organizations (coalition cohesion), again only between nameable ones. */
export async function loadTrustAmong(ctx: RequestContext, organizationIds: string[]): Promise<TrustGraph> {
  const collaborators = new Map<string, Set<string>>();
  if (organizationIds.length < 2) return { collaborators };
  const params = new SqlParams();
  const acting = actingViewer(ctx.viewer);
  const ids = params.add(organizationIds);
  const edges: { a: string; b: string }[] = await ctx.db.query(
    `SELECT c.organization_a_id AS a, c.organization_b_id AS b FROM collaborations c
     JOIN organizations oa ON oa.id = c.organization_a_id
     JOIN organizations ob ON ob.id = c.organization_b_id
     WHERE c.organization_a_id = ANY(${ids}::uuid[]) AND c.organization_b_id = ANY(${ids}::uuid[])
       AND ${acting.namedSql(params, 'oa')} AND ${acting.namedSql(params, 'ob')}`,
    params.values,
  );
  for (const e of edges) link(collaborators, e.a, e.b);
  return { collaborators };
}

/** Collaborations are undirected. */
function link(graph: Map<string, Set<string>>, a: string, b: string): void {
  for (const [x, y] of [[a, b], [b, a]]) {
    let set = graph.get(x);
    if (!set) graph.set(x, (set = new Set()));
    set.add(y);
  }
}
