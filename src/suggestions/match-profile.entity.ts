import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganizationEntity } from '../profiles/organization.entity.js';

// The matching read model: one compact row per organization with what the engine scores (capabilities, open
// needs, issue areas), kept current by statement-level triggers on the child tables (see the MatchProfiles
// migration), so every write path, seeds and raw SQL included, keeps it right without application code.
// Loading 600 candidates is then 600 primary-key probes instead of 1,800 correlated aggregates, and the skill
// arrays carry GIN indexes that find organizations covering several of a requester's needs at once.
// Never written by the application: the GIN indexes and triggers live in the migration (synchronize: false).
@Index('organization_match_profiles_offered_idx', { synchronize: false })
@Index('organization_match_profiles_needed_idx', { synchronize: false })
@Index('organization_match_profiles_issues_idx', { synchronize: false })
@Index('organization_match_profiles_anonymous_offered_idx', { synchronize: false })
@Entity('organization_match_profiles')
export class MatchProfileEntity {
  @PrimaryColumn('uuid')
  organizationId: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  /** Skills offered at any level. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  offeredSkillIds: string[];

  /** Skills offered at EXPERT level (coalition pre-score). */
  @Column('uuid', { array: true, default: () => "'{}'" })
  expertSkillIds: string[];

  /** Skills of OPEN needs. */
  @Column('uuid', { array: true, default: () => "'{}'" })
  neededSkillIds: string[];

  @Column('uuid', { array: true, default: () => "'{}'" })
  issueAreaIds: string[];

  /** [skillId, level, remote, capacity][] */
  @Column('jsonb', { default: () => "'[]'" })
  capabilities: unknown;

  /** OPEN needs: [needId, skillId, priority, remoteOk, issueAreaId][] */
  @Column('jsonb', { default: () => "'[]'" })
  needs: unknown;

  /** PRIVATE and opted in to anonymous suggestions: found through a partial index of its own (privacy/anonymous-card.ts). */
  @Column({ default: false })
  anonymousCard: boolean;
}
