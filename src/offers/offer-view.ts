import type { Viewer } from '../core/viewer.js';
import { AnonymousTokens } from '../privacy/anonymous-card.js';
import { offerCard, type OfferCardFacts } from '../privacy/anonymous-offer.js';
import { anonymousPrecision, roundDistanceKm, type Precision } from '../privacy/location-rules.js';
import { projectPlace } from '../privacy/place-projection.js';
import type { AnonymousOrganization } from '../profiles/anonymous-organization.types.js';
import type { OfferAudience, OfferFormat, OfferStatus } from './offer.enums.js';
import { effectiveOfferStatusSql } from './offer-status.sql.js';
import type { Offer } from './offer.types.js';

// Offer rows as SQL returns them (from offer-visibility.ts's visibleOffersFrom: `f` with shown_named, `o` its
// organization), and how they become what the viewer may see.

export const OFFER_COLUMNS = `f.id, f.organization_id AS "organizationId", f.skill_id AS "skillId", f.title, f.description,
  f.format, f.seats, f.seats_taken AS "seatsTaken", f.remote, f.place_country AS "placeCountry", f.place_region AS "placeRegion",
  f.place_city AS "placeCity", f.place_latitude AS "placeLatitude", f.place_longitude AS "placeLongitude",
  f.place_precision AS "placePrecision", f.place_public_latitude AS "placePublicLatitude",
  f.place_public_longitude AS "placePublicLongitude", f.languages, f.starts_at AS "startsAt", f.ends_at AS "endsAt",
  f.request_deadline AS "requestDeadline", f.audience, ${effectiveOfferStatusSql('f')} AS status,
  f.created_at AS "createdAt", f.updated_at AS "updatedAt", f.shown_named AS named,
  o.kind AS "orgKind", o.country AS "orgCountry", o.region AS "orgRegion", o.location_precision AS "orgPrecision",
  CASE WHEN f.shown_named THEN NULL ELSE (SELECT json_build_object('categoryId', cs.category_id, 'categoryName', ccs.name,
      'skillName', cs.name, 'level', c.level, 'remote', c.remote)
    FROM capabilities c JOIN skills cs ON cs.id = c.skill_id JOIN capability_categories ccs ON ccs.id = cs.category_id
    WHERE c.organization_id = f.organization_id AND c.skill_id = f.skill_id) END AS "cardCapability"`;

export interface OfferRow {
  id: string;
  organizationId: string;
  skillId: string;
  title: string;
  description: string;
  format: OfferFormat;
  seats: number | null;
  seatsTaken: number;
  remote: boolean;
  placeCountry: string | null;
  placeRegion: string | null;
  placeCity: string | null;
  placeLatitude: number | null;
  placeLongitude: number | null;
  placePrecision: Precision | null;
  placePublicLatitude: number | null;
  placePublicLongitude: number | null;
  languages: string[];
  startsAt: Date | null;
  endsAt: Date | null;
  requestDeadline: Date | null;
  audience: OfferAudience;
  status: OfferStatus;
  createdAt: Date;
  updatedAt: Date;
  named: boolean;
  orgKind: string;
  orgCountry: string | null;
  orgRegion: string | null;
  orgPrecision: Precision;
  cardCapability: OfferCardFacts['capability'];
  /** Set by lists with a `near` filter: km from the point to the position used for this viewer (unrounded). */
  distanceKm?: number | null;
}

/** The precision a position of this offer is used at for this viewer: its place's (else its organization's), coarser when anonymous. */
export function offerPrecision(row: OfferRow): Precision {
  const own = row.placePrecision ?? row.orgPrecision;
  return row.named ? own : anonymousPrecision(own);
}

export function toOffer(viewer: Viewer, row: OfferRow, tokens: AnonymousTokens): Offer {
  const anonymous = !row.named;
  const place = row.placePrecision
    ? projectPlace(viewer, {
      organizationId: row.organizationId, precision: row.placePrecision, country: row.placeCountry ? row.placeCountry.trim() : null,
      region: row.placeRegion, city: row.placeCity, latitude: row.placeLatitude, longitude: row.placeLongitude,
      publicLatitude: row.placePublicLatitude, publicLongitude: row.placePublicLongitude,
    }, anonymous)
    : null;
  const card = anonymous
    ? offerCard(tokens, {
      offerId: row.id, kind: row.orgKind, country: row.orgCountry, region: row.orgRegion, precision: row.orgPrecision, capability: row.cardCapability,
    }) as AnonymousOrganization
    : null;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    format: row.format,
    seats: row.seats,
    seatsLeft: row.seats === null ? null : Math.max(0, row.seats - row.seatsTaken),
    remote: row.remote,
    place,
    languages: anonymous ? [] : row.languages,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    requestDeadline: row.requestDeadline,
    audience: row.audience,
    status: row.status,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    distanceKm: roundDistanceKm(row.distanceKm ?? null, offerPrecision(row)),
    anonymousOrganization: card,
    organizationId: row.organizationId,
    skillId: row.skillId,
    named: row.named,
  };
}

/** A response's offers: one token source, so each anonymous offer's token is random in this response only. */
export function toOffers(viewer: Viewer, rows: OfferRow[]): Offer[] {
  const tokens = new AnonymousTokens();
  return rows.map((row) => toOffer(viewer, row, tokens));
}
