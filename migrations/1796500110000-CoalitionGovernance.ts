import type { MigrationInterface, QueryRunner } from 'typeorm';

// Coalition governance (src/coalitions/proposal.entity.ts, goal.entity.ts): proposals with their frozen rule, quorum
// and electorate, one final vote per member organization, signatures of adopted statements; goals with milestones
// (status derived on read) and the wins log.

export class CoalitionGovernance1796500110000 implements MigrationInterface {
  name = 'CoalitionGovernance1796500110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"coalition_proposals\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"coalition_id\" uuid NOT NULL, \"kind\" character varying(24) NOT NULL, \"title\" character varying(200) NOT NULL, \"body\" text NOT NULL DEFAULT '', \"proposed_by_organization_id\" uuid, \"proposed_by_user_id\" uuid, \"subject_organization_id\" uuid, \"charter_draft\" jsonb, \"decision_rule\" character varying(24) NOT NULL, \"quorum\" double precision NOT NULL, \"charter_version\" integer NOT NULL, \"electorate\" uuid array NOT NULL, \"closes_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'OPEN', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"settled_at\" TIMESTAMP WITH TIME ZONE, \"tally\" jsonb, \"effect\" text, CONSTRAINT \"PK_fe651705f23be196f9d2f24d42e\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"coalition_proposals_subject_idx\" ON \"coalition_proposals\"  (\"subject_organization_id\") WHERE \"subject_organization_id\" IS NOT NULL");
    await q.query("CREATE INDEX \"coalition_proposals_open_closes_idx\" ON \"coalition_proposals\"  (\"closes_at\") WHERE \"status\" = 'OPEN'");
    await q.query("CREATE INDEX \"coalition_proposals_coalition_idx\" ON \"coalition_proposals\"  (\"coalition_id\", \"created_at\") ");
    await q.query("CREATE TABLE \"coalition_proposal_votes\" (\"proposal_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"choice\" character varying(8) NOT NULL, \"comment\" text NOT NULL DEFAULT '', \"voted_by_user_id\" uuid, \"voted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_31af3bfb647f71df96fa51cc09b\" PRIMARY KEY (\"proposal_id\", \"organization_id\"))");
    await q.query("CREATE INDEX \"coalition_proposal_votes_organization_idx\" ON \"coalition_proposal_votes\"  (\"organization_id\") ");
    await q.query("CREATE TABLE \"coalition_statement_signatures\" (\"proposal_id\" uuid NOT NULL, \"organization_id\" uuid NOT NULL, \"signed_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_833250f115147a345bf07350368\" PRIMARY KEY (\"proposal_id\", \"organization_id\"))");
    await q.query("CREATE INDEX \"coalition_statement_signatures_organization_idx\" ON \"coalition_statement_signatures\"  (\"organization_id\") ");
    await q.query("CREATE TABLE \"coalition_goals\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"coalition_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"due_on\" date, \"completed_at\" TIMESTAMP WITH TIME ZONE, \"dropped_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_5919bc90c43a150415d13d2715e\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"coalition_goals_coalition_idx\" ON \"coalition_goals\"  (\"coalition_id\", \"due_on\") ");
    await q.query("CREATE TABLE \"coalition_milestones\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"goal_id\" uuid NOT NULL, \"title\" character varying(200) NOT NULL, \"due_on\" date, \"done_at\" TIMESTAMP WITH TIME ZONE, \"position\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_85dc922574a8487ab7f0fd15d5f\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"coalition_milestones_goal_idx\" ON \"coalition_milestones\"  (\"goal_id\", \"position\") ");
    await q.query("CREATE TABLE \"coalition_wins\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"coalition_id\" uuid NOT NULL, \"goal_id\" uuid, \"title\" character varying(200) NOT NULL, \"description\" text NOT NULL DEFAULT '', \"achieved_on\" date NOT NULL, \"evidence_url\" character varying(2000), \"public\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_616e2dd9095b74732eef0acd41b\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"coalition_wins_goal_idx\" ON \"coalition_wins\"  (\"goal_id\") WHERE \"goal_id\" IS NOT NULL");
    await q.query("CREATE INDEX \"coalition_wins_coalition_idx\" ON \"coalition_wins\"  (\"coalition_id\", \"achieved_on\") ");
    await q.query("ALTER TABLE \"coalition_proposals\" ADD CONSTRAINT \"FK_ae8b39da3693bdd457c1f9949e0\" FOREIGN KEY (\"coalition_id\") REFERENCES \"coalitions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_proposals\" ADD CONSTRAINT \"FK_6c40a0a545977190aa68764dd64\" FOREIGN KEY (\"proposed_by_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_proposals\" ADD CONSTRAINT \"FK_d0a712b0764145f5b930fd9e35a\" FOREIGN KEY (\"proposed_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_proposals\" ADD CONSTRAINT \"FK_b46f248921501f9e248ceceb195\" FOREIGN KEY (\"subject_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_proposal_votes\" ADD CONSTRAINT \"FK_747368b20580702572160be5b51\" FOREIGN KEY (\"proposal_id\") REFERENCES \"coalition_proposals\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_proposal_votes\" ADD CONSTRAINT \"FK_c98198fdb9ef3853eaf342a8ff6\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_proposal_votes\" ADD CONSTRAINT \"FK_5653d78e5eb9bd268bcfd1d10a0\" FOREIGN KEY (\"voted_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_statement_signatures\" ADD CONSTRAINT \"FK_63dd56ce17bdf6935344d404838\" FOREIGN KEY (\"proposal_id\") REFERENCES \"coalition_proposals\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_statement_signatures\" ADD CONSTRAINT \"FK_5e996d03e5539b60671bfa1c723\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_goals\" ADD CONSTRAINT \"FK_e28bab7fdb91b89bfee22d6c4d6\" FOREIGN KEY (\"coalition_id\") REFERENCES \"coalitions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_milestones\" ADD CONSTRAINT \"FK_c4569bc96b432be70533a9ca3fe\" FOREIGN KEY (\"goal_id\") REFERENCES \"coalition_goals\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_wins\" ADD CONSTRAINT \"FK_ea4934f812f129029ab7c3ac5bd\" FOREIGN KEY (\"coalition_id\") REFERENCES \"coalitions\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"coalition_wins\" ADD CONSTRAINT \"FK_e1f67a2669f2e262fa8fa54739a\" FOREIGN KEY (\"goal_id\") REFERENCES \"coalition_goals\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"coalition_wins\" DROP CONSTRAINT \"FK_e1f67a2669f2e262fa8fa54739a\"");
    await q.query("ALTER TABLE \"coalition_wins\" DROP CONSTRAINT \"FK_ea4934f812f129029ab7c3ac5bd\"");
    await q.query("ALTER TABLE \"coalition_milestones\" DROP CONSTRAINT \"FK_c4569bc96b432be70533a9ca3fe\"");
    await q.query("ALTER TABLE \"coalition_goals\" DROP CONSTRAINT \"FK_e28bab7fdb91b89bfee22d6c4d6\"");
    await q.query("ALTER TABLE \"coalition_statement_signatures\" DROP CONSTRAINT \"FK_5e996d03e5539b60671bfa1c723\"");
    await q.query("ALTER TABLE \"coalition_statement_signatures\" DROP CONSTRAINT \"FK_63dd56ce17bdf6935344d404838\"");
    await q.query("ALTER TABLE \"coalition_proposal_votes\" DROP CONSTRAINT \"FK_5653d78e5eb9bd268bcfd1d10a0\"");
    await q.query("ALTER TABLE \"coalition_proposal_votes\" DROP CONSTRAINT \"FK_c98198fdb9ef3853eaf342a8ff6\"");
    await q.query("ALTER TABLE \"coalition_proposal_votes\" DROP CONSTRAINT \"FK_747368b20580702572160be5b51\"");
    await q.query("ALTER TABLE \"coalition_proposals\" DROP CONSTRAINT \"FK_b46f248921501f9e248ceceb195\"");
    await q.query("ALTER TABLE \"coalition_proposals\" DROP CONSTRAINT \"FK_d0a712b0764145f5b930fd9e35a\"");
    await q.query("ALTER TABLE \"coalition_proposals\" DROP CONSTRAINT \"FK_6c40a0a545977190aa68764dd64\"");
    await q.query("ALTER TABLE \"coalition_proposals\" DROP CONSTRAINT \"FK_ae8b39da3693bdd457c1f9949e0\"");
    await q.query("DROP INDEX \"public\".\"coalition_wins_coalition_idx\"");
    await q.query("DROP INDEX \"public\".\"coalition_wins_goal_idx\"");
    await q.query("DROP TABLE \"coalition_wins\"");
    await q.query("DROP INDEX \"public\".\"coalition_milestones_goal_idx\"");
    await q.query("DROP TABLE \"coalition_milestones\"");
    await q.query("DROP INDEX \"public\".\"coalition_goals_coalition_idx\"");
    await q.query("DROP TABLE \"coalition_goals\"");
    await q.query("DROP INDEX \"public\".\"coalition_statement_signatures_organization_idx\"");
    await q.query("DROP TABLE \"coalition_statement_signatures\"");
    await q.query("DROP INDEX \"public\".\"coalition_proposal_votes_organization_idx\"");
    await q.query("DROP TABLE \"coalition_proposal_votes\"");
    await q.query("DROP INDEX \"public\".\"coalition_proposals_coalition_idx\"");
    await q.query("DROP INDEX \"public\".\"coalition_proposals_open_closes_idx\"");
    await q.query("DROP INDEX \"public\".\"coalition_proposals_subject_idx\"");
    await q.query("DROP TABLE \"coalition_proposals\"");
  }
}
