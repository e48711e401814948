import { toConnection, type ConnectionShape, type Page } from '../core/connection.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import type { Need } from '../capabilities/capability.types.js';
import type { Level, LocationPrecision, Priority } from '../matching/types.js';
import { rankOffersForNeeds, type OfferSeeker, type RankableOffer } from '../matching/offers/offer-ranking.js';
import { requireMembership } from '../authorization/organization-guard.js';
import { AnonymousTokens, band } from '../privacy/anonymous-card.js';
import { anonymousOfferView } from '../privacy/anonymous-offer.js';
import { needsJson } from '../profiles/organization-children.sql.js';
import { openOfferSql } from './offer-status.sql.js';
import { OFFER_COLUMNS, toOffer, type OfferRow } from './offer-view.js';
import { visibleOffersFrom } from './offer-visibility.js';
import type { OfferMatch } from './offer.types.js';

// offersForNeeds: the open offers that meet an organization's open needs, ranked by the matching engine
// (matching/offers/offer-ranking.ts) with reasons. Only offers the viewer may see take part, as it may see them:
// public positions only, and an offer shown as an anonymous card reduced to the card (anonymousOfferView) before
// the engine sees it; its score and reason weights are then shown in steps of 0.05, as for anonymous suggestions.
// The seeker's own dealbreakers apply (its choice); the offering side's do not act here, since leaving a visible
// offer out of this list would tell the seeker what that organization refuses.

/** Offers scored at most: exact-skill offers first, newest first, so the strongest matches are always among them. */
export const OFFER_CANDIDATE_LIMIT = 500;

interface SeekerRow {
  kind: string;
  country: string | null;
  lat: number | null;
  lng: number | null;
  precision: LocationPrecision;
  languages: string[];
  dealbreakers: string[];
  issueAreaIds: string[];
  needs: Need[];
}

interface CandidateRow extends OfferRow {
  skillName: string;
  categoryId: string;
  categoryName: string;
  level: Level | null;
  orgLat: number | null;
  orgLng: number | null;
  issueAreaIds: string[];
  issueAreaNames: Record<string, string>;
}

function seekerOf(row: SeekerRow): OfferSeeker {
  return {
    country: row.country ? row.country.trim() : null,
    location: row.lat !== null && row.lng !== null && row.precision !== 'COUNTRY' ? { lat: row.lat, lng: row.lng, precision: row.precision } : null,
    languages: row.languages,
    issueAreaIds: row.issueAreaIds,
    needs: row.needs.filter((n) => n.status === 'OPEN').map((n) => ({
      id: n.id, skillId: n.skill.id, skillName: n.skill.name, categoryId: n.skill.category.id, categoryName: n.skill.category.name,
      priority: n.priority as Priority, remoteOk: n.remoteOk, issueAreaId: n.issueArea?.id ?? null,
    })),
  };
}

/** The offer as the engine may see it: its place's public position (else its organization's), or its card. */
function rankable(row: CandidateRow): RankableOffer {
  const hasPlace = row.placePrecision !== null;
  const lat = hasPlace ? row.placePublicLatitude : row.orgLat;
  const lng = hasPlace ? row.placePublicLongitude : row.orgLng;
  const precision = (hasPlace ? row.placePrecision : row.orgPrecision) as LocationPrecision;
  const offer: RankableOffer = {
    id: row.id, skillId: row.skillId, skillName: row.skillName, categoryId: row.categoryId, categoryName: row.categoryName,
    remote: row.remote, level: row.level,
    country: ((hasPlace ? row.placeCountry : row.orgCountry) ?? '').trim() || null,
    location: lat !== null && lng !== null && precision !== 'COUNTRY' ? { lat, lng, precision } : null,
    languages: row.languages, issueAreaIds: row.issueAreaIds, issueAreaNames: row.issueAreaNames,
  };
  return row.named ? offer : anonymousOfferView(offer);
}

export async function offersForNeeds(ctx: RequestContext, organizationId: string, page: Page): Promise<ConnectionShape<OfferMatch>> {
  const seekerId = await requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization can see offers for its needs');
  const [seekerRow]: SeekerRow[] = await ctx.db.query(
    `SELECT o.kind, o.country, o.public_latitude AS lat, o.public_longitude AS lng, o.location_precision AS precision, o.languages,
       o.dealbreaker_kinds AS dealbreakers,
       coalesce((SELECT array_agg(i.issue_area_id) FROM organization_issue_areas i WHERE i.organization_id = o.id), '{}') AS "issueAreaIds",
       ${needsJson('o.id')} AS needs
     FROM organizations o WHERE o.id = $1`,
    [seekerId],
  );
  const seeker = seekerOf(seekerRow);
  if (seeker.needs.length === 0) return toConnection([], page, async () => 0);
  const params = new SqlParams();
  const from = visibleOffersFrom(ctx.viewer, params);
  const skills = params.add([...new Set(seeker.needs.map((n) => n.skillId))]);
  const categories = params.add([...new Set(seeker.needs.map((n) => n.categoryId))]);
  const rows: CandidateRow[] = await ctx.db.query(
    `SELECT ${OFFER_COLUMNS}, s.name AS "skillName", s.category_id AS "categoryId", cc.name AS "categoryName",
       o.public_latitude AS "orgLat", o.public_longitude AS "orgLng",
       (SELECT c.level FROM capabilities c WHERE c.organization_id = f.organization_id AND c.skill_id = f.skill_id) AS level,
       coalesce((SELECT array_agg(fa.issue_area_id) FROM offer_issue_areas fa WHERE fa.offer_id = f.id), '{}') AS "issueAreaIds",
       coalesce((SELECT json_object_agg(ia.id, ia.name) FROM offer_issue_areas fa JOIN issue_areas ia ON ia.id = fa.issue_area_id
         WHERE fa.offer_id = f.id), '{}') AS "issueAreaNames"
     FROM ${from} JOIN skills s ON s.id = f.skill_id JOIN capability_categories cc ON cc.id = s.category_id
     WHERE ${openOfferSql('f')} AND f.organization_id <> ${params.add(seekerId)}
       AND NOT (o.kind = ANY(${params.add(seekerRow.dealbreakers)}::varchar[]))
       AND (f.skill_id = ANY(${skills}::uuid[]) OR s.category_id = ANY(${categories}::varchar[]))
     ORDER BY (f.skill_id = ANY(${skills}::uuid[])) DESC, f.created_at DESC, f.id
     LIMIT ${OFFER_CANDIDATE_LIMIT}`,
    params.values,
  );
  const ranked = rankOffersForNeeds(seeker, rows.map(rankable));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const needs = new Map(seekerRow.needs.map((n) => [n.id, n]));
  const tokens = new AnonymousTokens();
  const matches: OfferMatch[] = ranked.slice(page.offset, page.offset + page.limit + 1).map((m) => {
    const row = byId.get(m.offerId)!;
    const anonymous = !row.named;
    return {
      offer: toOffer(ctx.viewer, row, tokens),
      need: needs.get(m.needId)!,
      score: anonymous ? band(m.score) : m.score,
      reasons: anonymous ? m.reasons.map((r) => ({ ...r, weight: band(r.weight) })) : m.reasons,
      distanceKm: m.distanceKm,
      distanceBand: m.distanceBand,
    };
  });
  return toConnection(matches, page, async () => ranked.length);
}
