import type { MigrationInterface, QueryRunner } from 'typeorm';

// The event log of live subscriptions (src/subscriptions/activity-event.entity.ts, event-log.ts): append-only,
// its bigint id is the cursor a subscriber resumes from; kind+id serves replays, created_at the retention sweep,
// the GIN index on organization_ids the replays of addressed events (inbox, alerts), dedupe_key the jobs that may
// notice one thing twice (expiries). activity_event_horizon: the highest id the retention sweep deleted.

export class ActivityEvents1796400000000 implements MigrationInterface {
  name = 'ActivityEvents1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"activity_events\" (\"id\" BIGSERIAL NOT NULL, \"kind\" character varying(40) NOT NULL, \"subject_id\" uuid NOT NULL, \"organization_ids\" uuid array, \"data\" jsonb NOT NULL DEFAULT '{}', \"dedupe_key\" character varying(200), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_activity_events\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"activity_events_dedupe_key\" ON \"activity_events\" (\"dedupe_key\") WHERE \"dedupe_key\" IS NOT NULL");
    await q.query("CREATE INDEX \"activity_events_created_at_idx\" ON \"activity_events\" (\"created_at\") ");
    await q.query("CREATE INDEX \"activity_events_kind_id_idx\" ON \"activity_events\" (\"kind\", \"id\") ");
    await q.query('CREATE INDEX "activity_events_organization_ids_idx" ON "activity_events" USING gin ("organization_ids")');
    await q.query("CREATE TABLE \"activity_event_horizon\" (\"id\" smallint NOT NULL, \"swept_through\" bigint NOT NULL DEFAULT '0', CONSTRAINT \"activity_event_horizon_single_row\" CHECK (\"id\" = 1), CONSTRAINT \"PK_activity_event_horizon\" PRIMARY KEY (\"id\"))");
    await q.query('INSERT INTO "activity_event_horizon" (id, swept_through) VALUES (1, 0)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "activity_event_horizon"');
    await q.query('DROP INDEX "public"."activity_events_organization_ids_idx"');
    await q.query('DROP INDEX "public"."activity_events_kind_id_idx"');
    await q.query('DROP INDEX "public"."activity_events_created_at_idx"');
    await q.query('DROP INDEX "public"."activity_events_dedupe_key"');
    await q.query('DROP TABLE "activity_events"');
  }
}
