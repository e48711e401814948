import type DataLoader from 'dataloader';
import type { ConnectionShape, Page } from '../core/connection.js';
import { onlyUuids } from '../core/ids.js';
import { queryPage } from '../core/page-query.js';
import type { RequestContext } from '../core/request-context.js';
import { SqlParams } from '../core/sql-params.js';
import type { Viewer } from '../core/viewer.js';
import { perViewerLoader } from '../core/viewer-loader.js';
import { requireRequestsMember } from './offer-request-access.js';
import { requestStatusSql } from './offer-request-status.sql.js';
import {
  OFFER_REQUEST_COLUMNS, OFFER_REQUEST_FROM, toOfferRequests, type OfferRequestRow,
} from './offer-request-view.js';
import type { OfferRequestDirection, OfferRequestStatus } from './offer-request.enums.js';
import type { OfferRequest } from './offer-request.types.js';

// Reads: an organization's requests (both sides), single requests to answer a mutation with.

export interface OfferRequestListArgs {
  organizationId: string;
  direction?: OfferRequestDirection | null;
  status?: OfferRequestStatus | null;
  offerId?: string | null;
}

/** Alias `r` joined with `f`: requests the organization (a SQL expression) sent or received. */
function requestsOfSql(org: string, direction: OfferRequestDirection | null): string {
  const received = `f.organization_id = ${org}`;
  const sent = `r.requesting_organization_id = ${org}`;
  return direction === 'RECEIVED' ? received : direction === 'SENT' ? sent : `(${received} OR ${sent})`;
}

/** An organization's offer requests, newest first: those it received for its offers, those it sent, or both. */
export async function listOfferRequests(ctx: RequestContext, args: OfferRequestListArgs, page: Page): Promise<ConnectionShape<OfferRequest>> {
  const organizationId = await requireRequestsMember(ctx, args.organizationId);
  const params = new SqlParams();
  const org = params.add(organizationId);
  const where = [requestsOfSql(org, args.direction ?? null)];
  if (args.status) where.push(`${requestStatusSql('r', 'f')} = ${params.add(args.status)}`);
  if (args.offerId !== undefined && args.offerId !== null) where.push(`r.offer_id = ANY(${params.add(onlyUuids([args.offerId]))}::uuid[])`);
  const query = { columns: OFFER_REQUEST_COLUMNS, from: OFFER_REQUEST_FROM, where: where.join(' AND '), orderBy: 'r.created_at DESC, r.id DESC', params };
  return queryPage(ctx.db, query, page, (rows: OfferRequestRow[]) => toOfferRequests(ctx, rows, () => organizationId));
}

/** One request from one side's point of view, to answer a mutation with. */
export async function readOfferRequest(ctx: RequestContext, id: string, perspective: string): Promise<OfferRequest> {
  const rows: OfferRequestRow[] = await ctx.db.query(`SELECT ${OFFER_REQUEST_COLUMNS} FROM ${OFFER_REQUEST_FROM} WHERE r.id = $1`, [id]);
  const [request] = await toOfferRequests(ctx, rows, () => perspective);
  return request;
}

/**
 * Offer.viewerRequest for every offer of a response in a constant number of statements: the rows of a batch come
 * from the viewerRequestByOffer loader and become nodes together (their offers, organizations and needs in one batch
 * each), shown from the requesting side. Per request and per viewer, like every viewer-dependent loader.
 */
const viewerRequestNodes = new WeakMap<RequestContext, (viewer: Viewer) => DataLoader<string, OfferRequest | null>>();

export function loadViewerRequest(ctx: RequestContext, offerId: string): Promise<OfferRequest | null> {
  let forViewer = viewerRequestNodes.get(ctx);
  if (!forViewer) {
    forViewer = perViewerLoader<string, OfferRequest | null>(async (viewer, offerIds) => {
      const rows = await Promise.all(offerIds.map((id) => ctx.loaders.viewerRequestByOffer(viewer).load(id)));
      const found = rows.filter((row): row is OfferRequestRow => row !== null);
      const nodes = new Map((await toOfferRequests(ctx, found, (row) => row.requestingOrganizationId)).map((node, i) => [found[i].offerId, node]));
      return offerIds.map((id) => nodes.get(id) ?? null);
    });
    viewerRequestNodes.set(ctx, forViewer);
  }
  return forViewer(ctx.viewer).load(offerId);
}
