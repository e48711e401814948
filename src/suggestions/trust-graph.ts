import { preparedQuery } from '../core/prepared-query.js';
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

/** One row of the neighbourhood statement: a collaboration edge, a coalition peer, or a row of the own history. */
interface NeighbourhoodRow {
  kind: 'edge' | 'peer' | 'history';
  a: string;
  b: string | null;
  aName: string | null;
  bName: string | null;
  exchanged: boolean | null;
  ratingSum: number | null;
  ratingCount: number | null;
}

/**
 * The collaboration edges, the coalition peers and the own history in ONE statement, sent as a named statement
 * (core/prepared-query.ts: its text is the same for every requester asked about by a member, so each pooled
 * connection parses and plans it once). As three statements they took three connections of the pool alongside
 * the membership check and the requester's row (five statements at once for a pool of four in the bench), and
 * each was parsed and planned on every call.
 */
export async function loadTrustNeighbourhood(ctx: RequestContext, organizationId: string): Promise<TrustNeighbourhood> {
  const params = new SqlParams();
  const acting = actingViewer(ctx.viewer);
  const me = params.add(organizationId);
  const rows = await preparedQuery<NeighbourhoodRow>(ctx.db,
    `WITH mine AS (
       SELECT organization_b_id AS id FROM collaborations WHERE organization_a_id = ${me}
       UNION SELECT organization_a_id FROM collaborations WHERE organization_b_id = ${me}
     ), hub AS (SELECT id FROM mine UNION SELECT ${me}::uuid)
     SELECT 'edge' AS kind, c.organization_a_id AS a, c.organization_b_id AS b, oa.name AS "aName", ob.name AS "bName",
       NULL::bool AS exchanged, NULL::int AS "ratingSum", NULL::int AS "ratingCount"
     FROM collaborations c
     JOIN organizations oa ON oa.id = c.organization_a_id
     JOIN organizations ob ON ob.id = c.organization_b_id
     WHERE (c.organization_a_id IN (SELECT id FROM hub) OR c.organization_b_id IN (SELECT id FROM hub))
       AND ${acting.namedSql(params, 'oa')} AND ${acting.namedSql(params, 'ob')}
     UNION ALL
     SELECT 'peer', peer.id, NULL, NULL, NULL, NULL, NULL, NULL FROM (${coalitionPeersSql(me, acting.namedSql(params))}) peer
     UNION ALL
     SELECT 'history', h.id, NULL, NULL, NULL, h.exchanged, h."ratingSum", h."ratingCount" FROM (${ownHistorySql(me, acting.namedSql(params))}) h`,
    params.values,
  );
  const collaborators = new Map<string, Set<string>>();
  const names = new Map<string, string>();
  const coalitionPeers = new Set<string>();
  const history = new Map<string, PairHistory>();
  for (const r of rows) {
    if (r.kind === 'edge') {
      link(collaborators, r.a, r.b!);
      names.set(r.a, r.aName!);
      names.set(r.b!, r.bName!);
    } else if (r.kind === 'peer') {
      coalitionPeers.add(r.a);
    } else {
      history.set(r.a, { exchanged: r.exchanged!, ratingSum: r.ratingSum!, ratingCount: r.ratingCount! });
    }
  }
  const direct = collaborators.get(organizationId) ?? new Set<string>();
  const circle = new Set<string>(direct);
  for (const friend of direct) for (const x of collaborators.get(friend) ?? []) if (x !== organizationId) circle.add(x);
  for (const id of coalitionPeers) circle.add(id);
  for (const id of history.keys()) circle.add(id);
  return { graph: { collaborators, names, coalitionPeers, history }, circleIds: [...circle] };
}

/**
 * This organization's own history with the organizations it worked with directly, among those the viewer may
 * name (`named`, on alias o): collaborations and done skill exchanges (either way), with the ratings this
 * organization gave them (its side's feedback column of a collaboration, its side's rating of an exchange). Never
 * the other side's ratings: a suggestion's trust and its reason ("rated well") say nothing its own members could
 * not read already.
 */
function ownHistorySql(me: string, named: string): string {
  return `SELECT p.partner AS id, bool_or(p.exchanged) AS exchanged, coalesce(sum(p.rating), 0)::int AS "ratingSum",
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
     WHERE p.partner <> ${me} AND ${named}
     GROUP BY p.partner`;
}

/**
 * Organizations sharing a current coalition with this one, among those the viewer may name (`named`, on alias
 * o). Its own side only: the asker's organization belongs to each of these coalitions, so it learns nothing it
 * does not see there, and no link passes through a third party's coalitions.
 */
function coalitionPeersSql(me: string, named: string): string {
  return `SELECT DISTINCT co.organization_id AS id FROM coalition_members cm
     JOIN coalition_members co ON co.coalition_id = cm.coalition_id AND co.left_at IS NULL AND co.organization_id <> cm.organization_id
     JOIN organizations o ON o.id = co.organization_id
     WHERE cm.organization_id = ${me} AND cm.left_at IS NULL AND ${named}`;
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
