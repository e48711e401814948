// offerPosted's default: offers that meet the subscribing organization's open needs, the way offersForNeeds picks
// its candidates (offers/offer-matching.service.ts): an open need of the same skill or of the same category, not the
// organization's own offers, and not from a kind its own dealbreakers exclude (its choice; the kind is on every
// anonymous card too). Aliases: `f` the visible offer, `o` its organization (offers/offer-visibility.ts).

/** SQL on `f`/`o`: the offer meets an open need of the organization in `seekerParam` (a uuid placeholder). */
export function meetsOpenNeedsSql(seekerParam: string): string {
  return `(f.organization_id <> ${seekerParam}
    AND EXISTS (SELECT 1 FROM needs n JOIN skills ns ON ns.id = n.skill_id JOIN skills fs ON fs.id = f.skill_id
      WHERE n.organization_id = ${seekerParam} AND n.status = 'OPEN' AND (n.skill_id = f.skill_id OR ns.category_id = fs.category_id))
    AND NOT EXISTS (SELECT 1 FROM organizations so WHERE so.id = ${seekerParam} AND o.kind = ANY(so.dealbreaker_kinds)))`;
}

/** Organizations with an open need of the offer's skill or category (`$1` the offer id): a cheap first cut per event. */
export const ORGANIZATIONS_NEEDING_OFFER_SQL = `SELECT coalesce(array_agg(DISTINCT n.organization_id), '{}') AS ids
  FROM offers f JOIN skills fs ON fs.id = f.skill_id
  JOIN needs n ON n.status = 'OPEN'
  JOIN skills ns ON ns.id = n.skill_id AND (n.skill_id = f.skill_id OR ns.category_id = fs.category_id)
  WHERE f.id = $1`;
