import { randomBytes } from 'node:crypto';
import { Viewer } from '../accounts/viewer.js';
import { CapabilityLevel, LocationPrecision, OrganizationKind, Visibility } from '../common/enums.js';
import { isUuid } from '../common/ids.js';
import type { RequestContext } from '../graphql/context.js';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../graphql/errors.js';
import { canSeeOrganization } from '../organizations/organization-access.js';
import { revealsRegion } from '../organizations/location-precision.js';
import { ORGANIZATION_COLUMNS, type OrganizationRecord } from '../organizations/organization.record.js';
import type { MatchOrg } from './engine-orgs.js';
import type { AnonymousOrganization } from './suggestion.types.js';

// Who may ask for suggestions, and how each suggested organization may be shown, decided in one place.

/**
 * Suggestions are made on behalf of an organization, not of an admin: an admin who is also a member must not
 * see PRIVATE organizations by name in them, so admin rights are dropped for every check here.
 */
export function suggestionViewer(viewer: Viewer): Viewer {
  return viewer.isAdmin ? new Viewer(viewer.userId, false, viewer.memberships, viewer.tokenId) : viewer;
}

/** Anonymous: UNAUTHENTICATED; cannot see it (or no such org): NOT_FOUND; sees it but not a member: FORBIDDEN. */
export async function requireMemberOrganization(ctx: RequestContext, organizationId: string): Promise<void> {
  if (!ctx.viewer.signedIn) throw new UnauthenticatedError();
  const rows: { id: string; visibility: Visibility }[] = isUuid(organizationId)
    ? await ctx.db.query('SELECT id, visibility FROM organizations WHERE id = $1', [organizationId])
    : [];
  const org = rows[0];
  if (!org || !canSeeOrganization(ctx.viewer, org)) throw new NotFoundError('Organization');
  if (!ctx.viewer.isMemberOf(org.id)) throw new ForbiddenError('Only members of the organization can ask for its suggestions');
}

/** SQL condition on `o`: organizations that may be suggested to this viewer (by name or anonymously). */
export function suggestableSql(visible: string): string {
  return `(${visible} OR (o.visibility = 'PRIVATE' AND o.anonymous_suggestions))`;
}

export function isAnonymousFor(viewer: Viewer, org: MatchOrg): boolean {
  return !canSeeOrganization(suggestionViewer(viewer), { id: org.id, visibility: org.visibility as Visibility });
}

/** What the engine may print for an organization the viewer may not name. */
export function anonymousName(kind: string): string {
  const label = kind === 'NGO' ? 'NGO' : kind.toLowerCase().replace(/_/g, ' ');
  return `an anonymous ${label}`;
}

/** Per request: real id -> opaque token, so one anonymous org keeps one token within a response only. */
export class AnonymousTokens {
  private readonly tokens = new Map<string, string>();

  tokenFor(id: string): string {
    let token = this.tokens.get(id);
    if (!token) {
      token = `anon_${randomBytes(12).toString('base64url')}`;
      this.tokens.set(id, token);
    }
    return token;
  }

  describe(org: MatchOrg): AnonymousOrganization {
    return {
      token: this.tokenFor(org.id),
      kind: org.kind as OrganizationKind,
      country: org.country,
      region: revealsRegion(org.precision as LocationPrecision) ? org.region : null,
      capabilities: org.capabilities.map((c) => ({
        categoryId: c.categoryId, categoryName: c.categoryName, skillName: c.skillName, level: c.level as CapabilityLevel,
      })),
    };
  }
}

/** Organization records of visible organizations by id, one statement; hidden ones are simply absent. */
export async function loadVisibleRecords(ctx: RequestContext, ids: string[]): Promise<Map<string, OrganizationRecord>> {
  if (ids.length === 0) return new Map();
  const rows: OrganizationRecord[] = await ctx.db.query(`SELECT ${ORGANIZATION_COLUMNS} FROM organizations o WHERE o.id = ANY($1::uuid[])`, [ids]);
  const viewer = suggestionViewer(ctx.viewer);
  return new Map(rows.filter((r) => canSeeOrganization(viewer, r)).map((r) => [r.id, r]));
}
