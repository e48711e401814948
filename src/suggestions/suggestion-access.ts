import { randomBytes } from 'node:crypto';
import type { Viewer } from '../accounts/viewer.js';
import { CapabilityLevel, LocationPrecision, OrganizationKind, Visibility } from '../common/enums.js';
import type { RequestContext } from '../graphql/context.js';
import { canSeeOrganization } from '../organizations/organization-access.js';
import { revealsRegion } from '../organizations/location-precision.js';
import { requireMembership } from '../organizations/organization-guard.js';
import type { MatchOrg } from './engine-orgs.js';
import type { AnonymousOrganization } from './suggestion.types.js';

// Who may ask for suggestions, and how each suggested organization may be shown, decided in one place.

/** Anonymous: UNAUTHENTICATED; cannot see it (or no such org): NOT_FOUND; sees it but not a member: FORBIDDEN. */
export async function requireMemberOrganization(ctx: RequestContext, organizationId: string): Promise<void> {
  await requireMembership(ctx.db, ctx.viewer, organizationId, 'Only members of the organization can ask for its suggestions');
}

/** SQL condition on `o`: organizations that may be suggested to this viewer (by name or anonymously). */
export function suggestableSql(visible: string): string {
  return `(${visible} OR (o.visibility = 'PRIVATE' AND o.anonymous_suggestions))`;
}

export function isAnonymousFor(viewer: Viewer, org: MatchOrg): boolean {
  return !canSeeOrganization(viewer.actingForOrganizations(), { id: org.id, visibility: org.visibility as Visibility });
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

export { loadVisibleRecords } from '../organizations/visible-records.js';
