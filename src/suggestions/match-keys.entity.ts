import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganizationEntity } from '../profiles/organization.entity.js';

// The partner pre-score's read model: per organization, only what the SQL pre-score reads, as small numbers in
// arrays indexed by skill ordinal (skills.ordinal), so ranking a few thousand organizations costs a subscript per
// term on a row of ~300 bytes instead of containment tests on the ~800-byte match profile (which keeps the
// children as JSON for the engine). Kept current by refresh_match_profiles(), the same statement-level triggers
// as the match profile (see the PartnerMatchKeys migration). Never written by the application.
@Index('organization_match_keys_pairs_idx', { synchronize: false })
@Index('organization_match_keys_terms_idx', { synchronize: false })
@Entity('organization_match_keys')
export class MatchKeysEntity {
  @PrimaryColumn('uuid')
  organizationId: string;

  @OneToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  /**
   * One key per (skill offered, skill of an open need) of this organization: offered ordinal * 65536 + needed
   * ordinal. A GIN index over it finds the organizations that offer one of my needs AND need one of my offers
   * from small posting lists (a few hundred each), where intersecting "offers any" with "needs any" decoded
   * tens of thousands of entries.
   */
  @Column('int', { array: true, default: () => "'{}'" })
  pairKeys: number[];

  /** By skill ordinal: 4 x the level weight of the capability (BASIC 2, PROFICIENT 3, EXPERT 4), else null/0. */
  @Column('smallint', { array: true, default: () => "'{}'" })
  offerLevels: number[];

  /** By skill ordinal: the priority weights (LOW 1 .. CRITICAL 4) of its open needs of that skill, summed. */
  @Column('smallint', { array: true, default: () => "'{}'" })
  needWeights: number[];

  /** The priority weights of all its open needs, summed (the engine's denominator for "covers their needs"). */
  @Column('smallint', { default: 0 })
  needTotal: number;

  @Column('uuid', { array: true, default: () => "'{}'" })
  issueAreaIds: string[];

  /**
   * Search terms of the one-way candidate tier (src/suggestions/match-terms.ts): what it offers (and at which
   * level), what it needs (and whether that is at least half of its needs), its issue areas. Filled by a row
   * trigger from the columns above (see the PartnerMatchTerms migration).
   */
  @Column('int', { array: true, default: () => "'{}'" })
  matchTerms: number[];
}
