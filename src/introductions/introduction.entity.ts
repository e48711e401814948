import {
  Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { IntroductionStatus } from './introduction.enums.js';

// Table and column names are a contract: the matching engine's saturation query reads them directly.
// At most one PENDING request per ordered pair; the race-free truth behind the TAKEN user error.
@Index('introductions_pending_pair_key', ['fromOrganizationId', 'toOrganizationId'], { unique: true, where: `"status" = 'PENDING'` })
// Saturation counts: pending requests received and delivered, per organization.
@Index('introductions_to_pending_idx', ['toOrganizationId'], { where: `"status" = 'PENDING' AND "delivered"` })
// Newest-first lists per organization and direction (and the ON DELETE CASCADE lookups).
@Index('introductions_from_created_idx', ['fromOrganizationId', 'createdAt'])
@Index('introductions_to_created_idx', ['toOrganizationId', 'createdAt'])
@Check('introductions_not_self_check', `"from_organization_id" <> "to_organization_id"`)
@Entity('introductions')
export class IntroductionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  fromOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'from_organization_id' })
  fromOrganization: Relation<OrganizationEntity>;

  @Column('uuid')
  toOrganizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'to_organization_id' })
  toOrganization: Relation<OrganizationEntity>;

  /** Kept when the account goes away: the request was the organization's, not only the person's. */
  @Column('uuid', { nullable: true })
  requestedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'requested_by_user_id' })
  requestedBy: Relation<UserEntity> | null;

  @Column('text')
  message: string;

  /** The suggestion reasons the requester chose to include (strings, at most 10). */
  @Column('jsonb', { default: () => `'[]'` })
  reasons: string[];

  /** As stored: a PENDING row past expiresAt reads as EXPIRED (see introduction-status.sql.ts). */
  @Column('varchar', { length: 16, default: IntroductionStatus.PENDING })
  status: IntroductionStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  respondedAt: Date | null;

  /**
   * False when the organization asked refuses the requester's kind (a dealbreaker): the requester is answered
   * exactly as usual and the request is kept, but the organization asked never sees, counts or answers it, so
   * the answer tells nothing about its dealbreakers. It still holds the pending-pair key and expires as usual.
   */
  @Column('boolean', { default: true })
  delivered: boolean;
}
