import type { MigrationInterface, QueryRunner } from 'typeorm';

// The event log of live subscriptions (src/subscriptions/activity-event.entity.ts, event-log.ts): append-only,
// its bigint id is the cursor a subscriber resumes from; kind+id serves replays, created_at the retention sweep,
// the GIN index on organization_ids the replays of addressed events (inbox, alerts), dedupe_key the jobs that may
// notice one thing twice (expiries).

export class ActivityEvents1796400000000 implements MigrationInterface {
  name = 'ActivityEvents1796400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"activity_events\" (\"id\" BIGSERIAL NOT NULL, \"kind\" character varying(40) NOT NULL, \"subject_id\" uuid NOT NULL, \"organization_ids\" uuid array, \"data\" jsonb NOT NULL DEFAULT '{}', \"dedupe_key\" character varying(200), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_activity_events\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE UNIQUE INDEX \"activity_events_dedupe_key\" ON \"activity_events\" (\"dedupe_key\") WHERE \"dedupe_key\" IS NOT NULL");
    await q.query("CREATE INDEX \"activity_events_created_at_idx\" ON \"activity_events\" (\"created_at\") ");
    await q.query("CREATE INDEX \"activity_events_kind_id_idx\" ON \"activity_events\" (\"kind\", \"id\") ");
    await q.query('CREATE INDEX "activity_events_organization_ids_idx" ON "activity_events" USING gin ("organization_ids")');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."activity_events_organization_ids_idx"');
    await q.query('DROP INDEX "public"."activity_events_kind_id_idx"');
    await q.query('DROP INDEX "public"."activity_events_created_at_idx"');
    await q.query('DROP INDEX "public"."activity_events_dedupe_key"');
    await q.query('DROP TABLE "activity_events"');
  }
}
