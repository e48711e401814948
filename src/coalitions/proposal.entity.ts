import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { CoalitionEntity } from './coalition.entity.js';
import { ProposalStatus, type ProposalKind, type VoteChoice } from './governance.enums.js';

// Proposals of a coalition and the votes on them. The rule, quorum and electorate are frozen when a proposal is
// made (a charter change during the vote does not change how it is decided). `status` stays OPEN until the one
// settlement (proposal-settle.ts, under the coalition row lock) stores the outcome and its tally.

// A coalition's proposals, newest first; the sweep's due OPEN proposals.
@Index('coalition_proposals_coalition_idx', ['coalitionId', 'createdAt'])
@Index('coalition_proposals_open_closes_idx', ['closesAt'], { where: `"status" = 'OPEN'` })
@Entity('coalition_proposals')
export class CoalitionProposalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  coalitionId: string;

  @ManyToOne(() => CoalitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coalition_id' })
  coalition: Relation<CoalitionEntity>;

  @Column('varchar', { length: 24 })
  kind: ProposalKind;

  @Column('varchar', { length: 200 })
  title: string;

  /** The decision or statement text. */
  @Column('text', { default: '' })
  body: string;

  /** The member organization that proposed it (the applicant for ADMIT_MEMBER). */
  @Column('uuid', { nullable: true })
  proposedByOrganizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by_organization_id' })
  proposedByOrganization: Relation<OrganizationEntity> | null;

  @Column('uuid', { nullable: true })
  proposedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'proposed_by_user_id' })
  proposedBy: Relation<UserEntity> | null;

  /** ADMIT_MEMBER / REMOVE_MEMBER: the organization concerned. */
  @Index('coalition_proposals_subject_idx', { where: `"subject_organization_id" IS NOT NULL` })
  @Column('uuid', { nullable: true })
  subjectOrganizationId: string | null;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subject_organization_id' })
  subjectOrganization: Relation<OrganizationEntity> | null;

  /** CHARTER_CHANGE: the complete charter it would adopt (coalition-charter.service.ts CharterDraft). */
  @Column('jsonb', { nullable: true })
  charterDraft: object | null;

  /** Frozen at creation from the current charter. */
  @Column('varchar', { length: 24 })
  decisionRule: string;

  @Column('double precision')
  quorum: number;

  @Column('int')
  charterVersion: number;

  /** Member organizations that may vote (the members when it was made, minus the subject of a removal). */
  @Column('uuid', { array: true })
  electorate: string[];

  @Column('timestamptz')
  closesAt: Date;

  @Column('varchar', { length: 16, default: ProposalStatus.OPEN })
  status: ProposalStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the outcome was settled (decided early, at the deadline, or withdrawn). */
  @Column('timestamptz', { nullable: true })
  settledAt: Date | null;

  /** The tally the outcome was computed from, stored once at settlement ({yes, no, abstain, electorate}). */
  @Column('jsonb', { nullable: true })
  tally: object | null;

  /** What the outcome did (e.g. the charter version adopted), in words, for the record. */
  @Column('text', { nullable: true })
  effect: string | null;
}

/** One vote per member organization and proposal (the primary key): final once cast. */
// The ON DELETE CASCADE lookup from organizations.
@Index('coalition_proposal_votes_organization_idx', ['organizationId'])
@Entity('coalition_proposal_votes')
export class CoalitionProposalVoteEntity {
  @PrimaryColumn('uuid')
  proposalId: string;

  @PrimaryColumn('uuid')
  organizationId: string;

  @ManyToOne(() => CoalitionProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal: Relation<CoalitionProposalEntity>;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column('varchar', { length: 8 })
  choice: VoteChoice;

  @Column('text', { default: '' })
  comment: string;

  @Column('uuid', { nullable: true })
  votedByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'voted_by_user_id' })
  votedBy: Relation<UserEntity> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  votedAt: Date;
}

/** A member organization's signature of a passed STATEMENT. */
@Index('coalition_statement_signatures_organization_idx', ['organizationId'])
@Entity('coalition_statement_signatures')
export class CoalitionStatementSignatureEntity {
  @PrimaryColumn('uuid')
  proposalId: string;

  @PrimaryColumn('uuid')
  organizationId: string;

  @ManyToOne(() => CoalitionProposalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'proposal_id' })
  proposal: Relation<CoalitionProposalEntity>;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  signedAt: Date;
}
