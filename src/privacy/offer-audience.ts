import type { SqlParams } from '../core/sql-params.js';
import type { Viewer } from '../core/viewer.js';
import { actingViewer } from './acting-viewer.js';
import { partnersOfSql } from './partners.sql.js';

// Who may see an offer, and whether it names its organization, decided here as SQL on the offers alias (the
// organization is probed by primary key, so the condition needs no join). Offers are an exchange between
// organizations, so the acting viewer decides (admin rights dropped, like suggestions and introductions):
//   - members of the offering organization see all its offers, named;
//   - PUBLIC (anyone) and NETWORK (signed in) offers are seen only where the organization itself may be named:
//     an offer never reaches wider than its organization's profile (one that turned PRIVATE later included);
//   - PARTNERS offers are seen by members of organizations that collaborate with it; named where the
//     organization may be named, else as an anonymous card (a PRIVATE organization never names itself by offer);
//   - ANONYMOUS offers are seen by signed-in users as an anonymous card (kind, coarse region, what is offered);
//   - `namedFor`: a further condition under which the viewer sees the offer by name whatever its audience (the
//     other side of an accepted request: offers/offer-visibility.ts supplies it).

export interface OfferAudienceSql {
  /** The viewer may see the offer in some form (named or as a card). */
  visible: string;
  /** The viewer sees the organization's name (a subset of visible). */
  named: string;
}

export function offerAudienceSql(viewer: Viewer, params: SqlParams, alias: string, namedFor: string): OfferAudienceSql {
  const acting = actingViewer(viewer);
  const orgNamed = `EXISTS (SELECT 1 FROM organizations vo WHERE vo.id = ${alias}.organization_id AND ${acting.namedSql(params, 'vo')})`;
  const open = viewer.signedIn ? `${alias}.audience IN ('PUBLIC', 'NETWORK')` : `${alias}.audience = 'PUBLIC'`;
  const mine = viewer.memberships.size ? params.add(viewer.organizationIds) : null;
  const member = mine ? `${alias}.organization_id = ANY(${mine}::uuid[])` : 'FALSE';
  const partners = mine ? `(${alias}.audience = 'PARTNERS' AND ${partnersOfSql(`${alias}.organization_id`, mine)})` : 'FALSE';
  const anonymous = viewer.signedIn ? `${alias}.audience = 'ANONYMOUS'` : 'FALSE';
  return {
    visible: `(${member} OR (${open} AND ${orgNamed}) OR ${partners} OR ${anonymous} OR ${namedFor})`,
    named: `(${member} OR ${namedFor} OR (${alias}.audience <> 'ANONYMOUS' AND ${orgNamed}))`,
  };
}

/** What a PRIVATE organization may post: offers that never name it to someone who may not see it. */
export function audienceAllowed(visibility: string, audience: string): boolean {
  return visibility !== 'PRIVATE' || audience === 'PARTNERS' || audience === 'ANONYMOUS';
}
