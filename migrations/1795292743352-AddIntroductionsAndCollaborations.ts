import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddIntroductionsAndCollaborations1795292743352 implements MigrationInterface {
  name = 'AddIntroductionsAndCollaborations1795292743352';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"introductions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"from_organization_id\" uuid NOT NULL, \"to_organization_id\" uuid NOT NULL, \"requested_by_user_id\" uuid, \"message\" text NOT NULL, \"reasons\" jsonb NOT NULL DEFAULT '[]', \"status\" character varying(16) NOT NULL DEFAULT 'PENDING', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"responded_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"introductions_not_self_check\" CHECK (\"from_organization_id\" <> \"to_organization_id\"), CONSTRAINT \"PK_811d59fa8b5c5255e94438b348e\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"introductions_to_created_idx\" ON \"introductions\"  (\"to_organization_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"introductions_from_created_idx\" ON \"introductions\"  (\"from_organization_id\", \"created_at\") ");
    await q.query("CREATE INDEX \"introductions_to_pending_idx\" ON \"introductions\"  (\"to_organization_id\") WHERE \"status\" = 'PENDING'");
    await q.query("CREATE UNIQUE INDEX \"introductions_pending_pair_key\" ON \"introductions\"  (\"from_organization_id\", \"to_organization_id\") WHERE \"status\" = 'PENDING'");
    await q.query("CREATE TABLE \"collaborations\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"organization_a_id\" uuid NOT NULL, \"organization_b_id\" uuid NOT NULL, \"source\" character varying(16) NOT NULL, \"introduction_id\" uuid, \"started_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"feedback_a\" smallint, \"feedback_b\" smallint, CONSTRAINT \"collaborations_feedback_b_check\" CHECK (\"feedback_b\" BETWEEN 1 AND 5), CONSTRAINT \"collaborations_feedback_a_check\" CHECK (\"feedback_a\" BETWEEN 1 AND 5), CONSTRAINT \"collaborations_pair_order_check\" CHECK (\"organization_a_id\" < \"organization_b_id\"), CONSTRAINT \"PK_6d843532637cb55b078793e6811\" PRIMARY KEY (\"id\"))");
    await q.query("CREATE INDEX \"collaborations_introduction_id_idx\" ON \"collaborations\"  (\"introduction_id\") ");
    await q.query("CREATE INDEX \"collaborations_organization_b_id_idx\" ON \"collaborations\"  (\"organization_b_id\") ");
    await q.query("CREATE UNIQUE INDEX \"collaborations_pair_key\" ON \"collaborations\"  (\"organization_a_id\", \"organization_b_id\") ");
    await q.query("ALTER TABLE \"introductions\" ADD CONSTRAINT \"FK_e5c98b8d41305293bf79043c9ba\" FOREIGN KEY (\"from_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"introductions\" ADD CONSTRAINT \"FK_2f8b37542754f9c1c8440086f20\" FOREIGN KEY (\"to_organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"introductions\" ADD CONSTRAINT \"FK_1abc7ce88afcd87da4eafe2a2dc\" FOREIGN KEY (\"requested_by_user_id\") REFERENCES \"users\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"collaborations\" ADD CONSTRAINT \"FK_bbbdad49c7a96fe1793b481da0b\" FOREIGN KEY (\"organization_a_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"collaborations\" ADD CONSTRAINT \"FK_dc5c87fb56d28dd7a9f2ad6886d\" FOREIGN KEY (\"organization_b_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await q.query("ALTER TABLE \"collaborations\" ADD CONSTRAINT \"FK_8c766b2881027f648ecc5fb6de3\" FOREIGN KEY (\"introduction_id\") REFERENCES \"introductions\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("ALTER TABLE \"collaborations\" DROP CONSTRAINT \"FK_8c766b2881027f648ecc5fb6de3\"");
    await q.query("ALTER TABLE \"collaborations\" DROP CONSTRAINT \"FK_dc5c87fb56d28dd7a9f2ad6886d\"");
    await q.query("ALTER TABLE \"collaborations\" DROP CONSTRAINT \"FK_bbbdad49c7a96fe1793b481da0b\"");
    await q.query("ALTER TABLE \"introductions\" DROP CONSTRAINT \"FK_1abc7ce88afcd87da4eafe2a2dc\"");
    await q.query("ALTER TABLE \"introductions\" DROP CONSTRAINT \"FK_2f8b37542754f9c1c8440086f20\"");
    await q.query("ALTER TABLE \"introductions\" DROP CONSTRAINT \"FK_e5c98b8d41305293bf79043c9ba\"");
    await q.query("DROP INDEX \"public\".\"collaborations_pair_key\"");
    await q.query("DROP INDEX \"public\".\"collaborations_organization_b_id_idx\"");
    await q.query("DROP INDEX \"public\".\"collaborations_introduction_id_idx\"");
    await q.query("DROP TABLE \"collaborations\"");
    await q.query("DROP INDEX \"public\".\"introductions_pending_pair_key\"");
    await q.query("DROP INDEX \"public\".\"introductions_to_pending_idx\"");
    await q.query("DROP INDEX \"public\".\"introductions_from_created_idx\"");
    await q.query("DROP INDEX \"public\".\"introductions_to_created_idx\"");
    await q.query("DROP TABLE \"introductions\"");
  }
}
