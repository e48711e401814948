import { ANONYMOUS_PRECISION, anonymousPrecision, coarsen, revealsRegion, type Precision } from './location-rules.js';
import type { AnonymousCard, AnonymousTokens } from './anonymous-card.js';

// An offer shown without its organization's name (ANONYMOUS audience, or a PARTNERS offer of an organization the
// viewer may not name). Its card says what anonymous suggestions say of an organization, narrowed to the offer:
// kind, country, region (when the precision reveals one) and the one capability the offer is about. Everything
// computed for such an offer (filters, distances, scores, reasons) uses only the card and the offer's own shown
// facts: its issue areas and languages are hidden like a card's, and its position is its region's 1-degree cell.

export interface OfferCardFacts {
  offerId: string;
  kind: string;
  country: string | null;
  region: string | null;
  precision: Precision;
  /** The offering organization's capability for the offered skill, if it lists one. */
  capability: { categoryId: string; categoryName: string; skillName: string; level: string; remote: boolean } | null;
}

/** The card of an anonymous offer; its token is random per response and per offer, so two offers are not linked. */
export function offerCard(tokens: AnonymousTokens, facts: OfferCardFacts): AnonymousCard {
  return {
    token: tokens.tokenFor(`offer:${facts.offerId}`),
    kind: facts.kind,
    country: facts.country ? facts.country.trim() : null,
    region: revealsRegion(facts.precision) ? facts.region : null,
    capabilities: facts.capability ? [facts.capability] : [],
  };
}

export interface OfferEngineFacts {
  issueAreaIds: string[];
  languages: string[];
  location: { lat: number; lng: number; precision: Precision } | null;
}

/** The offer as the matching engine may see it when shown as a card: no issue areas, no languages, the cell. */
export function anonymousOfferView<T extends OfferEngineFacts>(offer: T): T {
  const precision = offer.location ? anonymousPrecision(offer.location.precision) : ANONYMOUS_PRECISION;
  const cell = offer.location ? coarsen({ latitude: offer.location.lat, longitude: offer.location.lng }, precision) : null;
  return { ...offer, issueAreaIds: [], languages: [], location: cell ? { lat: cell.latitude, lng: cell.longitude, precision } : null };
}
