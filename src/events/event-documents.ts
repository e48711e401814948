import { BadInputError, ForbiddenError, NotFoundError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import type { RequestContext } from '../core/request-context.js';
import { isOrganizer } from '../privacy/event-visibility.js';
import { readVisibleEvent } from './event-access.js';
import type { EventRow } from './event-view.js';
import { EventDocumentKind } from './event.enums.js';
import type { EventAgenda } from './event.types.js';
import type { EventDocumentLink } from './events-after.types.js';
import { DOCUMENT_LINK_TTL_SECONDS, signDocumentClaims, type DocumentClaims } from './document-token.js';
import { agendaHtml, organizerSheetHtml } from './printable-html.js';
import { loadScheduleExport, matchListCsv } from './schedule-export.js';
import { agendaFor } from './schedule-view.js';

// An event's documents: who may have each (the same rule for the GraphQL field that makes a link and for the route
// that serves it), the link, and the rendered document. The CSV match list and the organizer sheet are for the
// organizers; an agenda is for the members of the registered organization once the schedule is published.

export const DOCUMENTS_PATH = '/documents/event';

export interface RenderedDocument {
  contentType: string;
  /** Suggested file name (ASCII). */
  filename: string;
  /** attachment (CSV) or inline (HTML). */
  disposition: 'attachment' | 'inline';
  body: string;
}

/** A valid IANA time zone, or BAD_USER_INPUT naming the argument. */
export function checkTimeZone(timeZone: string | null | undefined): string {
  const zone = timeZone ?? 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    throw new BadInputError('timeZone', 'timeZone must be an IANA time zone such as Africa/Nairobi or UTC');
  }
  return zone;
}

/** The document's data, or the error the viewer gets (FORBIDDEN for the organizers' documents, NOT_FOUND for an agenda it cannot have). */
async function authorized(ctx: RequestContext, row: EventRow, kind: EventDocumentKind, organizationId: string | null): Promise<{ agenda: EventAgenda | null }> {
  if (kind === EventDocumentKind.AGENDA) {
    if (!organizationId) throw new BadInputError('organizationId', 'An agenda needs the organization whose agenda it is');
    const agenda = await agendaFor(ctx, row, organizationId);
    if (!agenda) throw new NotFoundError('Agenda');
    return { agenda };
  }
  if (!isOrganizer(ctx.viewer, row.organizerId)) throw new ForbiddenError('Only the organizers have the match list and the organizer sheet');
  return { agenda: null };
}

export async function documentLink(
  ctx: RequestContext, row: EventRow, kind: EventDocumentKind, organizationId: string | null | undefined, timeZone: string | null | undefined,
): Promise<EventDocumentLink> {
  const zone = checkTimeZone(timeZone);
  const orgId = kind === EventDocumentKind.AGENDA && organizationId && isUuid(organizationId) ? organizationId.toLowerCase() : organizationId ?? null;
  await authorized(ctx, row, kind, orgId);
  if (!ctx.documentSecret || !ctx.viewer.tokenId) throw new ForbiddenError('Document links are made for a signed-in request over HTTP');
  const expiresAt = Math.floor(Date.now() / 1000) + DOCUMENT_LINK_TTL_SECONDS;
  const token = signDocumentClaims(ctx.documentSecret, { kind, eventId: row.id, organizationId: orgId, tokenId: ctx.viewer.tokenId, timeZone: zone, expiresAt });
  return { url: `${DOCUMENTS_PATH}?token=${token}`, expiresAt: new Date(expiresAt * 1000) };
}

const asciiName = (s: string) => s.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'event';

/** Renders the document of a verified link for its viewer (ctx.viewer: the link's access token as it is now). */
export async function renderDocument(ctx: RequestContext, claims: DocumentClaims): Promise<RenderedDocument> {
  const row = await readVisibleEvent(ctx, claims.eventId);
  const { agenda } = await authorized(ctx, row, claims.kind, claims.organizationId);
  const zone = checkTimeZone(claims.timeZone);
  const base = asciiName(row.title);
  if (claims.kind === EventDocumentKind.AGENDA) {
    return { contentType: 'text/html; charset=utf-8', filename: `${base}-agenda.html`, disposition: 'inline', body: agendaHtml(row, agenda!, zone) };
  }
  const data = await loadScheduleExport(ctx, row);
  if (claims.kind === EventDocumentKind.MATCH_LIST_CSV) {
    return { contentType: 'text/csv; charset=utf-8', filename: `${base}-matches.csv`, disposition: 'attachment', body: matchListCsv(data, zone) };
  }
  return { contentType: 'text/html; charset=utf-8', filename: `${base}-organizer-sheet.html`, disposition: 'inline', body: organizerSheetHtml(row, data, zone) };
}

/** The CSV match list for the GraphQL field (organizers; null for anyone else). */
export async function matchListCsvFor(ctx: RequestContext, row: EventRow, timeZone: string | null | undefined): Promise<string | null> {
  if (!isOrganizer(ctx.viewer, row.organizerId)) return null;
  return matchListCsv(await loadScheduleExport(ctx, row), checkTimeZone(timeZone));
}
