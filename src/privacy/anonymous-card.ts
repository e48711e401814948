import { randomBytes } from 'node:crypto';
import { ANONYMOUS_PRECISION, anonymousPrecision, coarsen, revealsRegion, type Precision } from './location-rules.js';

// Anonymous means anonymous. A PRIVATE organization that opted in to anonymous suggestions is shown as a card:
// its kind, country, region (when its precision reveals one) and capabilities. Everything computed for it
// (candidate selection, filters, distance, band, score, score parts, reasons) uses only what that card shows:
// anonymousEngineView() strips the rest before the engine sees it, so no reason, part or ranking can say more.
// Its dealbreakers still act (the pair is simply not suggested) without saying whose they are.

/** What a matching organization carries; structural, so this module depends on neither the engine nor SQL. */
export interface CardSource {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  region: string | null;
  precision: Precision;
  location: { lat: number; lng: number; precision: Precision } | null;
  issueAreaIds: string[];
  languages: string[];
  needs: unknown[];
  capabilities: { categoryId: string; categoryName: string; skillName: string; level: string; remote: boolean; capacity: number | null }[];
  pendingRequests: number;
  verified: boolean;
}

export interface AnonymousCard {
  token: string;
  kind: string;
  country: string | null;
  region: string | null;
  capabilities: { categoryId: string; categoryName: string; skillName: string; level: string; remote: boolean }[];
}

/** What the engine may print instead of a name. */
export function anonymousName(kind: string): string {
  const label = kind === 'NGO' ? 'NGO' : kind.toLowerCase().replace(/_/g, ' ');
  return `an anonymous ${label}`;
}

/**
 * The organization as the engine may see it when the viewer may not name it: the card's facts only. Needs,
 * issue areas, languages, saturation and the verified flag are hidden, so they neither score nor explain; the
 * position is the centre of its REGION cell (none at COUNTRY precision).
 */
export function anonymousEngineView<T extends CardSource>(org: T): T {
  const precision = anonymousPrecision(org.precision);
  const cell = org.location ? coarsen({ latitude: org.location.lat, longitude: org.location.lng }, precision) : null;
  return {
    ...org,
    name: anonymousName(org.kind),
    region: revealsRegion(org.precision) ? org.region : null,
    precision,
    location: cell ? { lat: cell.latitude, lng: cell.longitude, precision } : null,
    issueAreaIds: [],
    languages: [],
    needs: [],
    pendingRequests: 0,
    verified: false,
    capabilities: org.capabilities.map((c) => ({ ...c, capacity: null })),
  };
}

/**
 * Per request: real id -> opaque random token, so one anonymous organization keeps one token within a response only.
 * With a sealer (privacy/anonymous-token.ts: coalition suggestions, whose cards can be invited) the token is still
 * random-looking and new in every response, but the server can open it for the user it was issued to.
 */
export class AnonymousTokens {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly seal?: (id: string) => string) {}

  tokenFor(id: string): string {
    let token = this.tokens.get(id);
    if (!token) {
      token = this.seal ? this.seal(id) : `anon_${randomBytes(12).toString('base64url')}`;
      this.tokens.set(id, token);
    }
    return token;
  }

  /** The card of an organization already passed through anonymousEngineView. */
  card(org: CardSource): AnonymousCard {
    return {
      token: this.tokenFor(org.id),
      kind: org.kind,
      country: org.country,
      region: org.region,
      capabilities: org.capabilities
        .map((c) => ({ categoryId: c.categoryId, categoryName: c.categoryName, skillName: c.skillName, level: c.level, remote: c.remote }))
        .sort((a, b) => (a.categoryId + a.skillName < b.categoryId + b.skillName ? -1 : 1)),
    };
  }
}

/** Scores and score parts of an anonymous card are shown in steps of 0.05, not as exact figures. */
export function band(value: number): number {
  return Math.round(value * 20) / 20;
}

/**
 * Saturation acts on rankings through a band of the pending-request count, never the count itself, so neither a
 * reason nor a score part can be read back as "how many requests does this organization have".
 */
export function pendingRequestsBand(count: number): number {
  if (count < 3) return 0;
  if (count < 10) return 3;
  if (count < 30) return 10;
  return 30;
}

export { ANONYMOUS_PRECISION };
