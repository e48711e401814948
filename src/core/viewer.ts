import { MembershipRole } from './enums.js';

/** Who is asking. Built once per request from the bearer token; every access rule reads it. */
export class Viewer {
  static readonly anonymous = new Viewer(null, false, new Map(), null);

  constructor(
    readonly userId: string | null,
    readonly isAdmin: boolean,
    /** organization id -> role */
    readonly memberships: ReadonlyMap<string, MembershipRole>,
    /** id of the access token used, so sign-out can revoke exactly it */
    readonly tokenId: string | null,
  ) {}

  get signedIn(): boolean {
    return this.userId !== null;
  }

  get organizationIds(): string[] {
    return [...this.memberships.keys()];
  }

  roleIn(organizationId: string): MembershipRole | null {
    return this.memberships.get(organizationId) ?? null;
  }

  isMemberOf(organizationId: string): boolean {
    return this.memberships.has(organizationId);
  }

  canEdit(organizationId: string): boolean {
    const role = this.roleIn(organizationId);
    return role === MembershipRole.OWNER || role === MembershipRole.EDITOR;
  }

  withMembership(organizationId: string, role: MembershipRole): Viewer {
    return new Viewer(this.userId, this.isAdmin, new Map([...this.memberships, [organizationId, role]]), this.tokenId);
  }

  withoutMembership(organizationId: string): Viewer {
    const memberships = new Map(this.memberships);
    memberships.delete(organizationId);
    return new Viewer(this.userId, this.isAdmin, memberships, this.tokenId);
  }

  /**
   * The viewer acting on behalf of its organizations (suggestions, introductions, collaborations): admin rights
   * are dropped, so an admin who is also a member never sees a PRIVATE organization by name there.
   */
  actingForOrganizations(): Viewer {
    return this.isAdmin ? new Viewer(this.userId, false, this.memberships, this.tokenId) : this;
  }

  isOwnerOf(organizationId: string): boolean {
    return this.roleIn(organizationId) === MembershipRole.OWNER;
  }
}
