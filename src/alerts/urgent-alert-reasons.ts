import { haversineKm } from '../matching/geo.js';
import { withArticle } from '../matching/labels.js';
import type { ShownPosition } from '../privacy/alert-audience.js';
import { coarser, distanceWords, roundDistanceKm } from '../privacy/location-rules.js';
import type { UrgentAlertReason } from './urgent-alert.types.js';

// The reasons of an urgent alert, in the words of the partner reasons (matching/partners/partner-reasons.ts).
// They speak of the recipient's own capability and of what the reader may see of the needing organization: its
// position is the one privacy/alert-audience.ts shownPosition gives (public, or its region's cell when anonymous),
// so neither a reason nor a distance says more than the card or the profile shows.

export interface RecipientCapability {
  skillName: string;
  categoryName: string;
  level: string;
  remote: boolean;
  exact: boolean;
}

export interface AlertReasonFacts {
  skillName: string;
  priority: string;
  remoteOk: boolean;
  /** The recipient's best capability for the need (exact skill first); null if it no longer lists one. */
  capability: RecipientCapability | null;
  needing: { position: ShownPosition | null; country: string | null };
  recipient: { position: ShownPosition | null; country: string | null };
}

export interface AlertReasons {
  reasons: UrgentAlertReason[];
  distanceKm: number | null;
  distanceBand: string | null;
}

export function urgentAlertReasons(facts: AlertReasonFacts): AlertReasons {
  const { capability: cap, needing, recipient } = facts;
  const reasons: UrgentAlertReason[] = [];
  const need = `needs '${facts.skillName}' urgently (${facts.priority})`;
  if (!cap || cap.exact) {
    reasons.push({ code: 'NEEDS_YOUR_SKILL', text: cap ? `${need}, which you offer with ${withArticle(cap.level)} capability` : need });
  } else {
    reasons.push({
      code: 'NEEDS_RELATED_SKILL',
      text: `${need}; you offer related '${cap.skillName}' (${cap.categoryName}) with ${withArticle(cap.level)} capability`,
    });
  }
  if (cap?.remote && facts.remoteOk) reasons.push({ code: 'REMOTE', text: 'you offer it remotely and they accept remote help' });
  const a = needing.position;
  const b = recipient.position;
  const precision = coarser(a?.precision ?? 'COUNTRY', b?.precision ?? 'COUNTRY');
  const km = a && b ? haversineKm(a.latitude, a.longitude, b.latitude, b.longitude) : null;
  const band = distanceWords(km, precision, needing.country, recipient.country);
  if (band) reasons.push({ code: 'DISTANCE', text: band });
  return { reasons, distanceKm: roundDistanceKm(km, precision), distanceBand: band };
}
