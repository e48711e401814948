import type { MigrationInterface, QueryRunner } from 'typeorm';

// Every committed change to data an anonymous visitor can be shown sends a notification on the channel
// coalesce_data_changed (src/db/data-changes.ts listens in each API process): the public response cache
// (src/api/public-response-cache.ts) drops what it holds when one arrives. PostgreSQL delivers a notification only
// when its transaction commits, once per transaction however many rows changed, and never for a rollback, so the
// cache cannot be invalidated too early or by a write that never happened.
//
// Row triggers rather than statement triggers: a statement that changes nothing (the periodic sweeps' updates
// mostly match no row) must not empty the cache. TRUNCATE has only statement triggers.
//
// Tables left out are bookkeeping no anonymous answer reads (tokens, mail, key material, the subscription event
// log, saved searches and alert deliveries, which belong to signed-in users); the list is DATA_CHANGE_EXEMPT in
// src/db/data-changes.ts, and tests/db/data-change-triggers.test.ts fails when a table is neither notifying nor
// exempt, so a new table cannot be forgotten.
export const NOTIFYING_TABLES = [
  'capabilities', 'capability_categories', 'coalition_charter_endorsements', 'coalition_charters', 'coalition_goals',
  'coalition_invitations', 'coalition_members', 'coalition_milestones', 'coalition_proposal_votes', 'coalition_proposals',
  'coalition_statement_signatures', 'coalition_wins', 'coalitions', 'collaborations', 'event_funnel_releases',
  'event_meeting_introductions', 'event_meetings', 'event_registrations', 'event_schedule_changes', 'event_volunteers',
  'events', 'introductions', 'issue_areas', 'memberships', 'needs', 'offer_issue_areas', 'offer_requests', 'offers',
  'organization_counts', 'organization_invitations', 'organization_issue_areas', 'organization_match_keys',
  'organization_match_profiles', 'organizations', 'reserved_slugs', 'skills', 'urgent_alerts', 'users', 'vouch_requests', 'vouches',
];

export class DataChangeNotifications1796500150000 implements MigrationInterface {
  name = 'DataChangeNotifications1796500150000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION notify_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('coalesce_data_changed', '');
        RETURN NULL;
      END $$`);
    for (const table of NOTIFYING_TABLES) {
      await q.query(`CREATE TRIGGER data_changed AFTER INSERT OR UPDATE OR DELETE ON "${table}" FOR EACH ROW EXECUTE FUNCTION notify_data_changed()`);
      await q.query(`CREATE TRIGGER data_truncated AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION notify_data_changed()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of NOTIFYING_TABLES) {
      await q.query(`DROP TRIGGER data_changed ON "${table}"`);
      await q.query(`DROP TRIGGER data_truncated ON "${table}"`);
    }
    await q.query('DROP FUNCTION notify_data_changed()');
  }
}
