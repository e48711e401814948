import { effectiveOfferStatusSql } from '../src/offers/offer-status.sql.js';
import { coarsen, coarser } from '../src/privacy/location-rules.js';
import { audienceAllowed } from '../src/privacy/offer-audience.js';
import type { QueryFn } from './bulk-insert.js';
import type { DemoOrganization } from './demo-data.js';
import { DEMO_OFFERS, type DemoOffer } from './demo/offers.js';

// Inserts the demo offers of the organizations a demo load has just inserted (so a second load adds none), with
// the same rules offerPost enforces: a known skill and issue areas, a place no finer than the organization's
// location, a PRIVATE organization's offer only for PARTNERS or ANONYMOUSLY. Bad demo data fails the load.

const DAY_MS = 86_400_000;

function check(offer: DemoOffer, org: DemoOrganization): void {
  if (offer.place && coarser(offer.place.precision, org.precision) !== offer.place.precision) {
    throw new Error(`Demo offer ${offer.key}: its place is more precise than ${org.slug}'s location`);
  }
  if (!audienceAllowed(org.visibility, offer.audience)) throw new Error(`Demo offer ${offer.key}: ${org.slug} is PRIVATE; offer to PARTNERS or ANONYMOUSLY`);
  if (!offer.remote && !offer.place) throw new Error(`Demo offer ${offer.key}: neither remote nor placed`);
  if ((offer.seatsTaken ?? 0) > (offer.seats ?? Infinity)) throw new Error(`Demo offer ${offer.key}: more seats taken than offered`);
}

/** Returns the ids of the offers inserted, by demo key. */
export async function insertDemoOffers(
  query: QueryFn,
  organizations: { org: DemoOrganization; id: string; ownerId: string | null }[],
  taxonomy: { skills: Map<string, string>; issueAreas: Map<string, string> },
): Promise<Map<string, string>> {
  const bySlug = new Map(organizations.map((o) => [o.org.slug, o]));
  const ids = new Map<string, string>();
  const now = Date.now();
  const at = (days: number | undefined) => (days === undefined ? null : new Date(now + days * DAY_MS));
  for (const offer of DEMO_OFFERS) {
    const owner = bySlug.get(offer.organization);
    if (!owner) continue; // its organization was already there: its offers too
    check(offer, owner.org);
    const skillId = taxonomy.skills.get(offer.skill);
    if (!skillId) throw new Error(`Demo offer ${offer.key} refers to unknown skill "${offer.skill}"`);
    const areaIds = offer.issueAreas.map((slug) => {
      const id = taxonomy.issueAreas.get(slug);
      if (!id) throw new Error(`Demo offer ${offer.key} refers to unknown issue area "${slug}"`);
      return id;
    });
    const place = offer.place ?? null;
    const publicPoint = place ? coarsen({ latitude: place.latitude, longitude: place.longitude }, place.precision) : null;
    const [row] = (await query(
      `INSERT INTO offers (organization_id, posted_by_user_id, skill_id, title, description, format, seats, seats_taken, remote,
         place_country, place_region, place_city, place_latitude, place_longitude, place_precision, place_public_latitude,
         place_public_longitude, languages, starts_at, ends_at, request_deadline, audience, status, closed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23, $24)
       RETURNING id`,
      [
        owner.id, owner.ownerId, skillId, offer.title, offer.description, offer.format, offer.seats, offer.seatsTaken ?? 0, offer.remote,
        place ? owner.org.country : null, place?.region ?? null, place?.city ?? null, place?.latitude ?? null, place?.longitude ?? null,
        place?.precision ?? null, publicPoint?.latitude ?? null, publicPoint?.longitude ?? null, offer.languages,
        at(offer.startsInDays), at(offer.endsInDays), at(offer.deadlineInDays), offer.audience,
        offer.closed ? 'CLOSED' : 'OPEN', offer.closed ? new Date(now) : null,
      ],
    )) as { id: string }[];
    ids.set(offer.key, row.id);
    if (areaIds.length) await query('INSERT INTO offer_issue_areas (offer_id, issue_area_id) SELECT $1, unnest($2::uuid[])', [row.id, areaIds]);
  }
  // Stored like the sweep stores them: FULL and EXPIRED where the seats and times say so.
  if (ids.size) {
    await query(`UPDATE offers f SET status = ${effectiveOfferStatusSql('f')} WHERE f.id = ANY($1::uuid[]) AND f.status <> 'CLOSED'`, [[...ids.values()]]);
  }
  return ids;
}
