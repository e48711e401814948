import { Router } from 'express';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { viewersByTokenIds } from '../accounts/viewer-from-token.js';
import { DomainError } from '../core/errors.js';
import { isUuid } from '../core/ids.js';
import { DOCUMENTS_PATH, renderDocument } from '../events/event-documents.js';
import { verifyDocumentToken } from '../events/document-token.js';
import { createContext } from './request-context.js';

// GET /documents/event?token=...: an event document (printable agenda, organizer sheet, CSV match list) behind a
// short-lived signed link made by Event.documentLink. The token travels in the query string, which the request log
// leaves out (it logs the path only). The document is rendered for the access token the link was made for, as it
// stands now (revoked or expired: the link is dead), under the same authorization as the GraphQL field; anything
// that fails answers 404 alike, so a link tells nothing it would not show.

const HEADERS: Record<string, string> = {
  // No script, no external resource, no framing: the page is inert whatever an organization calls itself.
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
};

export function documentRoutes(db: DataSource, log: Logger, documentSecret: Buffer): Router {
  const router = Router();
  router.get(DOCUMENTS_PATH, async (req, res, next) => {
    for (const [name, value] of Object.entries(HEADERS)) res.setHeader(name, value);
    const notFound = () => res.status(404).type('text/plain').send('This link is not valid or has expired: make a new one.');
    const token = typeof req.query.token === 'string' ? req.query.token : '';
    const claims = verifyDocumentToken(documentSecret, token);
    if (!claims || !isUuid(claims.tokenId) || !isUuid(claims.eventId)) return notFound();
    try {
      const viewer = (await viewersByTokenIds(db, [claims.tokenId])).get(claims.tokenId);
      if (!viewer) return notFound();
      const requestId = res.locals.requestId as string;
      const ctx = createContext({ viewer, db, requestId, log: log.child({ requestId }), documentSecret });
      const doc = await renderDocument(ctx, claims);
      res.setHeader('content-disposition', `${doc.disposition}; filename="${doc.filename}"`);
      res.status(200).type(doc.contentType).send(doc.body);
    } catch (error) {
      if (error instanceof DomainError) return notFound();
      next(error);
    }
  });
  return router;
}
