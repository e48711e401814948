import { createHmac, timingSafeEqual } from 'node:crypto';
import { EventDocumentKind } from './event.enums.js';

// Short-lived signed links to an event's documents (printable agenda, organizer sheet, CSV), for a browser that
// cannot send the bearer token. The link carries its claims (document kind, event, organization, the access token
// it was made for, time zone, expiry) and an HMAC-SHA256 of them under a server secret (DOCUMENT_LINK_SECRET). The
// route that serves it (api/documents.routes.ts) checks the signature and the expiry, then resolves the access token
// as it stands now (revoked: the link is dead) and applies the same authorization as the GraphQL field that made it.

declare module '../core/request-context.js' {
  interface RequestContext {
    /** Key of the document links (set by the HTTP transport). */
    documentSecret?: Buffer;
  }
}

export const DOCUMENT_LINK_TTL_SECONDS = 10 * 60;

export interface DocumentClaims {
  kind: EventDocumentKind;
  eventId: string;
  /** AGENDA: whose agenda. */
  organizationId: string | null;
  /** The access token the link was made for: the document is rendered for its viewer, as that viewer is now. */
  tokenId: string;
  timeZone: string;
  /** Unix seconds. */
  expiresAt: number;
}

const CONTEXT = 'coalesce-event-document-v1';

function mac(secret: Buffer, body: string): Buffer {
  return createHmac('sha256', secret).update(CONTEXT).update('\0').update(body).digest();
}

export function signDocumentClaims(secret: Buffer, claims: DocumentClaims): string {
  const body = Buffer.from(JSON.stringify([claims.kind, claims.eventId, claims.organizationId, claims.tokenId, claims.timeZone, claims.expiresAt])).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The claims of a genuine, unexpired link; null for anything else (tampered, expired, malformed). */
export function verifyDocumentToken(secret: Buffer, token: string, now = Date.now()): DocumentClaims | null {
  if (typeof token !== 'string' || token.length > 2000) return null;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = mac(secret, body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 6) return null;
  const [kind, eventId, organizationId, tokenId, timeZone, expiresAt] = parsed as unknown[];
  if (!Object.values(EventDocumentKind).includes(kind as EventDocumentKind)) return null;
  if (typeof eventId !== 'string' || typeof tokenId !== 'string' || typeof timeZone !== 'string' || typeof expiresAt !== 'number') return null;
  if (organizationId !== null && typeof organizationId !== 'string') return null;
  if (expiresAt * 1000 < now) return null;
  return { kind: kind as EventDocumentKind, eventId, organizationId: organizationId as string | null, tokenId, timeZone, expiresAt };
}
