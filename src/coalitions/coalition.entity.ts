import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { Visibility } from '../core/enums.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { IssueAreaEntity } from '../taxonomy/taxonomy.entity.js';
import { CoalitionInvitationStatus, CoalitionRole, CoalitionStatus, DecisionRule } from './coalition.enums.js';

// A coalition, its members (with history: a member that left keeps its row, left_at set), its charter versions
// (the current one is the highest version), endorsements of a version, and invitations (double opt-in).

// Lists: visible coalitions newest first, filtered by issue area and status.
@Index('coalitions_created_idx', ['createdAt', 'id'])
@Index('coalitions_issue_area_idx', ['issueAreaId', 'createdAt'])
@Check('coalitions_scope_radius_check', `"scope_radius_km" IS NULL OR "scope_radius_km" >= 0`)
@Entity('coalitions')
export class CoalitionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('uuid')
  issueAreaId: string;

  @ManyToOne(() => IssueAreaEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issue_area_id' })
  issueArea: Relation<IssueAreaEntity>;

  /** Where it works: a country and region (either may be null), and a circle (null for a remote coalition). */
  @Column('char', { length: 2, nullable: true })
  scopeCountry: string | null;

  @Column('varchar', { length: 120, nullable: true })
  scopeRegion: string | null;

  @Column('double precision', { nullable: true })
  scopeLatitude: number | null;

  @Column('double precision', { nullable: true })
  scopeLongitude: number | null;

  @Column('double precision', { nullable: true })
  scopeRadiusKm: number | null;

  /** Capability category codes the campaign needs: the rows of the coverage matrix. */
  @Column('varchar', { length: 40, array: true, default: () => "'{}'" })
  requiredCategoryIds: string[];

  @Index('coalitions_visibility_idx')
  @Column('varchar', { length: 16, default: Visibility.NETWORK })
  visibility: Visibility;

  /** Kept when that organization goes away: the coalition was its members', not only its founder's. */
  @Column('uuid', { nullable: true })
  createdByOrganizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_organization_id' })
  createdByOrganization: Relation<OrganizationEntity> | null;

  @Column('varchar', { length: 16, default: CoalitionStatus.FORMING })
  status: CoalitionStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

// At most one current membership per organization and coalition (the race-free truth behind ALREADY_MEMBER);
// the member list of a coalition and the coalitions of an organization (contact rule, trust) are index probes.
@Index('coalition_members_current_key', ['coalitionId', 'organizationId'], { unique: true, where: `"left_at" IS NULL` })
@Index('coalition_members_organization_idx', ['organizationId', 'coalitionId'], { where: `"left_at" IS NULL` })
@Entity('coalition_members')
export class CoalitionMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  coalitionId: string;

  @ManyToOne(() => CoalitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coalition_id' })
  coalition: Relation<CoalitionEntity>;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column('varchar', { length: 16, default: CoalitionRole.MEMBER })
  role: CoalitionRole;

  /**
   * How the member is shown to non-members: never more than the organization's own visibility allows (a PRIVATE
   * organization is always an anonymous participant to them). Members of the coalition always see it by name.
   */
  @Column('varchar', { length: 16, default: Visibility.NETWORK })
  visibility: Visibility;

  @CreateDateColumn({ type: 'timestamptz' })
  joinedAt: Date;

  @Column('timestamptz', { nullable: true })
  leftAt: Date | null;

  /** True when the coalition removed it (a decision), false when it left. */
  @Column('boolean', { default: false })
  removed: boolean;
}

@Check('coalition_charters_quorum_check', `"quorum" >= 0 AND "quorum" <= 1`)
@Check('coalition_charters_rotation_check', `"rotation_period_days" IS NULL OR "rotation_period_days" >= 1`)
@Entity('coalition_charters')
export class CoalitionCharterEntity {
  @PrimaryColumn('uuid')
  coalitionId: string;

  @ManyToOne(() => CoalitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coalition_id' })
  coalition: Relation<CoalitionEntity>;

  /** 1, 2, ...: the current charter is the highest version. */
  @PrimaryColumn('int')
  version: number;

  @Column('text')
  purpose: string;

  @Column('varchar', { length: 24, default: DecisionRule.CONSENSUS })
  decisionRule: DecisionRule;

  /** Share of the members (0..1) whose votes make a decision valid. */
  @Column('double precision', { default: 0.5 })
  quorum: number;

  @Column('text', { default: '' })
  resourceSharing: string;

  /** Short statements the coalition will not compromise on. */
  @Column('jsonb', { default: () => `'[]'` })
  nonNegotiables: string[];

  /** Null: no rotation (the founder, or the longest-standing member, coordinates). */
  @Column('int', { nullable: true })
  rotationPeriodDays: number | null;

  /** Member organization ids in coordinating order; members that left are skipped. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  rotationOrder: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** A member organization's endorsement ("signature") of one charter version. */
@Entity('coalition_charter_endorsements')
export class CoalitionCharterEndorsementEntity {
  @PrimaryColumn('uuid')
  coalitionId: string;

  @PrimaryColumn('int')
  version: number;

  @PrimaryColumn('uuid')
  organizationId: string;

  @ManyToOne(() => CoalitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coalition_id' })
  coalition: Relation<CoalitionEntity>;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column('uuid', { nullable: true })
  endorsedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'endorsed_by_user_id' })
  endorsedBy: Relation<UserEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  endorsedAt: Date;
}

// The coalition's invitations newest first; an organization's received (delivered) invitations newest first.
@Index('coalition_invitations_coalition_idx', ['coalitionId', 'createdAt'])
@Index('coalition_invitations_organization_idx', ['organizationId', 'createdAt'], { where: `"delivered"` })
@Entity('coalition_invitations')
export class CoalitionInvitationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  coalitionId: string;

  @ManyToOne(() => CoalitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coalition_id' })
  coalition: Relation<CoalitionEntity>;

  /** The organization invited (never shown to the coalition while `anonymous` and not accepted). */
  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column('uuid', { nullable: true })
  invitedByOrganizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_organization_id' })
  invitedByOrganization: Relation<OrganizationEntity> | null;

  @Column('uuid', { nullable: true })
  invitedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_user_id' })
  invitedBy: Relation<UserEntity> | null;

  /** Invited through an anonymous card's token: the coalition sees `anonymousCard` until it accepts. */
  @Column('boolean', { default: false })
  anonymous: boolean;

  /** The card as the inviter saw it (kind, country, region, capabilities), frozen: it tells nothing new later. */
  @Column('jsonb', { nullable: true })
  anonymousCard: object | null;

  /** The required category this invitation means to fill (an invitation from the gap fillers), if any. */
  @Column('varchar', { length: 40, nullable: true })
  categoryId: string | null;

  @Column('text', { default: '' })
  message: string;

  @Column('varchar', { length: 16, default: CoalitionInvitationStatus.PENDING })
  status: CoalitionInvitationStatus;

  /**
   * False when the invitation must not reach the organization (a dealbreaker on either side, it is already a
   * member or already holds a live invitation): answered and shown to the coalition exactly like any other, so
   * it tells nothing, but the organization never sees, counts or answers it.
   */
  @Column('boolean', { default: true })
  delivered: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;
}
