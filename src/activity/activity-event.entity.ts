import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

// The append-only log behind every live subscription (src/activity/event-log.ts). A row is written in the
// same transaction as the change it reports, so a rolled-back change leaves none; its id is the cursor a
// subscriber resumes from (`after`). Ids are assigned in commit order (event-log.ts takes one lock just before
// COMMIT), so "id > cursor" never skips a row that commits late. Rows older than the retention are swept.
@Index('activity_events_kind_id_idx', ['kind', 'id'])
@Index('activity_events_created_at_idx', ['createdAt'])
@Index('activity_events_organization_ids_idx', { synchronize: false }) // GIN (organization_ids): addressed replays
@Entity('activity_events')
export class ActivityEventEntity {
  /** bigint, serialized as a string: the cursor. */
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** OFFER_POSTED, INBOX, URGENT_NEED, SAVED_SEARCH_MATCH, ... */
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  /** What it is about: an offer, an introduction, an offer request, a need ... */
  @Column('uuid')
  subjectId: string;

  /** The organizations it is addressed to; null: a broadcast, filtered per subscriber. */
  @Column('uuid', { array: true, nullable: true })
  organizationIds: string[] | null;

  /** Small facts the subscription needs (never shown as they are: the payload is re-read for each subscriber). */
  @Column('jsonb', { default: {} })
  data: Record<string, unknown>;

  /** Set by jobs that may notice the same thing twice (an expiry seen by two processes): recorded once. */
  @Index('activity_events_dedupe_key', { unique: true, where: '"dedupe_key" IS NOT NULL' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  dedupeKey: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
