import { onlyUuids, isUuid } from '../core/ids.js';
import type { SqlParams } from '../core/sql-params.js';
import { pointWithinSql, regionCellSql, type PositionExpr } from '../privacy/location.sql.js';
import { openOfferSql } from './offer-status.sql.js';
import type { OfferFilter } from './offer.inputs.js';

// Conditions of the offers list on `f` (visible offers with shown_named, offer-visibility.ts) and `o` (their
// organization). A filter on what an anonymous offer hides (its issue areas, its organization) leaves every
// anonymous offer out, whatever its data, so bisecting the filter learns nothing; distances to an anonymous offer
// are measured to the centre of its region's cell, so bisecting a radius finds that centre and no more.

/** The public position of an offer: its place's, or without a place its organization's. */
export const OFFER_POSITION: PositionExpr = {
  lat: 'CASE WHEN f.place_precision IS NULL THEN o.public_latitude ELSE f.place_public_latitude END',
  lng: 'CASE WHEN f.place_precision IS NULL THEN o.public_longitude ELSE f.place_public_longitude END',
};

export interface BuiltOfferFilter {
  where: string[];
  /** Relevance, when searching. */
  rank: string | null;
  /** Km to the `near` point, for ordering and the rounded distanceKm. */
  distance: string | null;
}

export function buildOfferFilter(filter: OfferFilter, params: SqlParams): BuiltOfferFilter {
  const where: string[] = [];
  let rank: string | null = null;
  let distance: string | null = null;
  if (filter.skillIds) where.push(`f.skill_id = ANY(${params.add(onlyUuids(filter.skillIds))}::uuid[])`);
  if (filter.categoryIds) {
    where.push(`EXISTS (SELECT 1 FROM skills fs WHERE fs.id = f.skill_id AND fs.category_id = ANY(${params.add(filter.categoryIds)}::varchar[]))`);
  }
  if (filter.issueAreaIds) {
    where.push(`f.shown_named AND EXISTS (SELECT 1 FROM offer_issue_areas fa WHERE fa.offer_id = f.id
      AND fa.issue_area_id = ANY(${params.add(onlyUuids(filter.issueAreaIds))}::uuid[]))`);
  }
  if (filter.formats) where.push(`f.format = ANY(${params.add(filter.formats)}::varchar[])`);
  if (filter.remote !== undefined && filter.remote !== null) where.push(`f.remote = ${params.add(filter.remote)}`);
  if (filter.openOnly) where.push(openOfferSql('f'));
  if (filter.organizationId !== undefined && filter.organizationId !== null) {
    where.push(isUuid(filter.organizationId) ? `f.shown_named AND f.organization_id = ${params.add(filter.organizationId)}` : 'FALSE');
  }
  if (filter.near) {
    const { latitude, longitude, radiusKm } = filter.near;
    const named = pointWithinSql(params, latitude, longitude, radiusKm, OFFER_POSITION);
    const anonymous = pointWithinSql(params, latitude, longitude, radiusKm, regionCellSql(OFFER_POSITION));
    where.push(`((f.shown_named AND ${named.condition}) OR (NOT f.shown_named AND ${anonymous.condition}))`);
    distance = `(CASE WHEN f.shown_named THEN ${named.distanceKm} ELSE ${anonymous.distanceKm} END)`;
  }
  if (filter.search) {
    const tsq = `websearch_to_tsquery('english', ${params.add(filter.search.trim())})`;
    const doc = `to_tsvector('english', f.title || ' ' || f.description)`;
    where.push(`${doc} @@ ${tsq}`);
    rank = `ts_rank(${doc}, ${tsq})`;
  }
  return { where, rank, distance };
}
