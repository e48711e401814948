import type { LocationPrecision, OrganizationKind, SizeBand, Visibility } from '../core/enums.js';

/**
 * An organization row as the read path returns it: plain data shaped in SQL, no entity hydration (the list
 * query is the hot path). Exact coordinates and the contact email are here, so a record must only reach the
 * API through the Organization type's guarded field resolvers.
 */
export interface OrganizationRecord {
  id: string;
  slug: string;
  name: string;
  mission: string;
  kind: OrganizationKind;
  sizeBand: SizeBand | null;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  locationPrecision: LocationPrecision;
  publicLatitude: number | null;
  publicLongitude: number | null;
  visibility: Visibility;
  anonymousSuggestions: boolean;
  languages: string[];
  website: string | null;
  contactEmail: string | null;
  contactPerson: string | null;
  fundingDisclosure: string | null;
  verified: boolean;
  dealbreakerKinds: string[];
  createdAt: Date;
  updatedAt: Date;
  /** Set by queries with a `near` filter: distance from the public position, in km (unrounded). */
  distanceKm?: number | null;
}

/** The select list that yields an OrganizationRecord from alias `o`. */
export const ORGANIZATION_COLUMNS = `o.id, o.slug, o.name, o.mission, o.kind, o.size_band AS "sizeBand", o.country,
  o.region, o.city, o.latitude, o.longitude, o.location_precision AS "locationPrecision",
  o.public_latitude AS "publicLatitude", o.public_longitude AS "publicLongitude", o.visibility,
  o.anonymous_suggestions AS "anonymousSuggestions", o.languages, o.website, o.contact_email AS "contactEmail",
  o.contact_person AS "contactPerson",
  o.funding_disclosure AS "fundingDisclosure", o.verified, o.dealbreaker_kinds AS "dealbreakerKinds",
  o.created_at AS "createdAt", o.updated_at AS "updatedAt"`;
