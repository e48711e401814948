// Ranks open offers against one organization's open needs, with reasons a person can check. Pure: plain data in,
// ranked matches out; it knows nothing of the database, GraphQL or who may see what. The caller hands it only
// what the viewer may see: public positions, and for an offer shown as an anonymous card only the card's facts
// (privacy/anonymous-offer.ts strips its issue areas and languages and moves it to its region's cell), so no
// score, part or reason can say more than the offer shows.
//
// score = need x level x reach + issue + language, where
//   need     = urgency of the need met (PRIORITY_WEIGHT / 4) x match (exact skill 1, same category 0.4)
//   level    = the offering organization's capability in the skill (EXPERT 1, PROFICIENT 0.75, BASIC 0.5;
//              0.6 when it lists none: the offer itself claims some ability)
//   reach    = 0.6 + 0.4 x closeness: 1 for a remote offer when the need accepts remote help; else how close
//              the two public positions are (flat to 25 km, then decaying; same country 0.7 without positions);
//              a remote-only offer for a need that asks for in-person help counts as far (0.3)
//   issue    = +0.1 when it serves the need's issue area, +0.05 when it serves another area the organization
//              works on
//   language = +0.05 when it is given in a language the organization uses, -0.05 when only in others
// Each reason carries its contribution, so the weights add up to the score.
import { distanceWords, roundDistanceKm, coarser } from '../../privacy/location-rules.js';
import { haversineKm } from '../geo.js';
import { languageName, withArticle } from '../labels.js';
import type { Level, LocationPrecision, Priority, Reason } from '../types.js';
import { EXACT_SKILL_MATCH, LEVEL_WEIGHT, PRIORITY_WEIGHT, SAME_CATEGORY_MATCH } from '../weights.js';

export interface Position {
  lat: number;
  lng: number;
  precision: LocationPrecision;
}

export interface OfferSeekerNeed {
  id: string;
  skillId: string;
  skillName: string;
  categoryId: string;
  categoryName: string;
  priority: Priority;
  remoteOk: boolean;
  issueAreaId: string | null;
}

export interface OfferSeeker {
  country: string | null;
  location: Position | null;
  languages: string[];
  issueAreaIds: string[];
  needs: OfferSeekerNeed[];
}

export interface RankableOffer {
  id: string;
  skillId: string;
  skillName: string;
  categoryId: string;
  categoryName: string;
  remote: boolean;
  /** The offering organization's capability level in the skill, if it lists one. */
  level: Level | null;
  country: string | null;
  location: Position | null;
  languages: string[];
  issueAreaIds: string[];
  /** Names for issue-area reasons. */
  issueAreaNames?: Record<string, string>;
}

export interface OfferMatchResult {
  offerId: string;
  needId: string;
  score: number;
  reasons: Reason[];
  distanceKm: number | null;
  distanceBand: string | null;
}

export const UNLISTED_LEVEL_WEIGHT = 0.6;
const ISSUE_OF_NEED = 0.1;
const ISSUE_OF_SEEKER = 0.05;
const LANGUAGE = 0.05;
const REMOTE_FOR_IN_PERSON = 0.3;

const round = (value: number): number => Math.round(value * 1000) / 1000;

/** The need the offer meets best: highest urgency x match, exact skill before related, then the first listed. */
function bestNeed(seeker: OfferSeeker, offer: RankableOffer): { need: OfferSeekerNeed; value: number; exact: boolean } | null {
  let best: { need: OfferSeekerNeed; value: number; exact: boolean } | null = null;
  for (const need of seeker.needs) {
    const exact = need.skillId === offer.skillId;
    if (!exact && need.categoryId !== offer.categoryId) continue;
    const value = (PRIORITY_WEIGHT[need.priority] / 4) * (exact ? EXACT_SKILL_MATCH : SAME_CATEGORY_MATCH);
    if (!best || value > best.value || (value === best.value && exact && !best.exact)) best = { need, value, exact };
  }
  return best;
}

function closeness(km: number | null, seeker: OfferSeeker, offer: RankableOffer): number {
  if (km === null) {
    if (!seeker.country || !offer.country) return 0.5;
    return seeker.country === offer.country ? 0.7 : 0.3;
  }
  if (km <= 25) return 1;
  return 0.25 + 0.75 * Math.exp(-(km - 25) / 400);
}

function rawKm(a: Position | null, b: Position | null): number | null {
  if (!a || !b || a.precision === 'COUNTRY' || b.precision === 'COUNTRY') return null;
  return haversineKm(a.lat, a.lng, b.lat, b.lng);
}

export function scoreOffer(seeker: OfferSeeker, offer: RankableOffer): OfferMatchResult | null {
  const met = bestNeed(seeker, offer);
  if (!met) return null;
  const { need, value, exact } = met;
  const reasons: Reason[] = [];
  reasons.push(exact
    ? { code: 'MEETS_NEED', text: `meets your ${need.priority} need "${need.skillName}"`, weight: round(value) }
    : { code: 'MEETS_NEED_RELATED', text: `related to your ${need.priority} need "${need.skillName}" (same category: ${offer.categoryName})`, weight: round(value) });

  const levelFactor = offer.level ? LEVEL_WEIGHT[offer.level] : UNLISTED_LEVEL_WEIGHT;
  reasons.push({
    code: 'LEVEL',
    text: offer.level
      ? `the offering organization lists ${withArticle(offer.level)} capability in ${offer.skillName}`
      : `the offering organization lists no capability in ${offer.skillName}`,
    weight: round(value * (levelFactor - 1)),
  });

  const precision = coarser(seeker.location?.precision ?? 'COUNTRY', offer.location?.precision ?? 'COUNTRY');
  const km = rawKm(seeker.location, offer.location);
  const words = distanceWords(km, precision, seeker.country, offer.country);
  let reach: number;
  if (offer.remote && need.remoteOk) {
    reach = 1;
    reasons.push({ code: 'REMOTE', text: 'can be taken part in remotely', weight: 0 });
  } else if (offer.remote && !offer.location) {
    reach = REMOTE_FOR_IN_PERSON;
  } else {
    reach = closeness(km, seeker, offer);
  }
  const reachFactor = 0.6 + 0.4 * reach;
  const reachWeight = round(value * levelFactor * (reachFactor - 1));
  if (!(offer.remote && need.remoteOk)) {
    reasons.push(offer.remote && !offer.location
      ? { code: 'REMOTE', text: 'remote only, while your need asks for help in person', weight: reachWeight }
      : { code: 'DISTANCE', text: words ?? 'distance unknown', weight: reachWeight });
  }

  let issue = 0;
  if (need.issueAreaId && offer.issueAreaIds.includes(need.issueAreaId)) {
    issue = ISSUE_OF_NEED;
    reasons.push({ code: 'SHARED_ISSUE', text: `serves ${offer.issueAreaNames?.[need.issueAreaId] ?? 'an issue area'}, the issue area of your need`, weight: issue });
  } else {
    const shared = offer.issueAreaIds.find((id) => seeker.issueAreaIds.includes(id));
    if (shared) {
      issue = ISSUE_OF_SEEKER;
      reasons.push({ code: 'SHARED_ISSUE', text: `serves ${offer.issueAreaNames?.[shared] ?? 'an issue area'}, which you work on`, weight: issue });
    }
  }

  let language = 0;
  if (offer.languages.length) {
    const common = offer.languages.find((l) => seeker.languages.includes(l));
    language = common ? LANGUAGE : -LANGUAGE;
    reasons.push(common
      ? { code: 'LANGUAGE', text: `given in ${languageName(common)}, which you use`, weight: language }
      : { code: 'LANGUAGE', text: `given in ${offer.languages.map(languageName).join(', ')}, none of which you list`, weight: language });
  }

  return {
    offerId: offer.id,
    needId: need.id,
    score: round(value * levelFactor * reachFactor + issue + language),
    reasons,
    distanceKm: roundDistanceKm(km, precision),
    distanceBand: words ?? (offer.remote ? 'remote' : null),
  };
}

/** Offers that meet at least one need, best first (ties: the order given, e.g. newest first). */
export function rankOffersForNeeds(seeker: OfferSeeker, offers: RankableOffer[]): OfferMatchResult[] {
  const scored: { result: OfferMatchResult; index: number }[] = [];
  offers.forEach((offer, index) => {
    const result = scoreOffer(seeker, offer);
    if (result) scored.push({ result, index });
  });
  scored.sort((a, b) => b.result.score - a.result.score || a.index - b.index);
  return scored.map((s) => s.result);
}
