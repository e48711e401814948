import {
  Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, type Relation,
} from 'typeorm';
import { UserEntity } from '../accounts/user.entity.js';
import { OrganizationEntity } from '../profiles/organization.entity.js';
import { SavedSearchKind } from './saved-search.enums.js';

// A saved search belongs to an organization (every member reads it and its matches); each member keeps its own
// "seen" marks, so one member reading the matches does not hide them from another.

@Index('saved_searches_organization_created_idx', ['organizationId', 'createdAt'])
// Matching reads every search of one kind when an organization or offer appears.
@Index('saved_searches_kind_idx', ['kind', 'organizationId'])
@Entity('saved_searches')
export class SavedSearchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @Column('uuid', { nullable: true })
  createdByUserId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id' })
  createdBy: Relation<UserEntity> | null;

  @Column('varchar', { length: 120 })
  name: string;

  @Column('varchar', { length: 16 })
  kind: SavedSearchKind;

  /** The OrganizationFilter or OfferFilter as validated at creation. */
  @Column('jsonb')
  filter: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/** An organization or offer that matched a saved search; once per subject (saved_search_matches_subject_key). */
@Index('saved_search_matches_subject_key', ['savedSearchId', 'subjectId'], { unique: true })
@Index('saved_search_matches_search_idx', ['savedSearchId', 'id'])
@Entity('saved_search_matches')
export class SavedSearchMatchEntity {
  /** Ordered: newest first in lists, and `upToMatchId` of savedSearchMarkSeen compares on it. */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column('uuid')
  savedSearchId: string;

  @ManyToOne(() => SavedSearchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'saved_search_id' })
  savedSearch: Relation<SavedSearchEntity>;

  @Column('varchar', { length: 16 })
  kind: SavedSearchKind;

  /** The organization's or the offer's id (kind says which); reads join it, so a deleted subject drops out. */
  @Column('uuid')
  subjectId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  matchedAt: Date;
}

/** A member has seen a match (savedSearchMarkSeen). */
@Index('saved_search_match_seen_user_idx', ['userId', 'matchId'])
@Entity('saved_search_match_seen')
export class SavedSearchMatchSeenEntity {
  @PrimaryColumn('bigint')
  matchId: string;

  @ManyToOne(() => SavedSearchMatchEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'match_id' })
  match: Relation<SavedSearchMatchEntity>;

  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<UserEntity>;
}

/**
 * How far the matcher (saved-search-matcher.ts) has read the event log: the cursor of the last event it matched,
 * moved in the same transaction as the matches it wrote, so each event is matched exactly once across processes.
 */
@Entity('saved_search_matcher_state')
export class SavedSearchMatcherStateEntity {
  @PrimaryColumn('varchar', { length: 40 })
  name: string;

  @Column('bigint')
  lastEventId: string;
}
