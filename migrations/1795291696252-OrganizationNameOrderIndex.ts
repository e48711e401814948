import type { MigrationInterface, QueryRunner } from 'typeorm';

export class OrganizationNameOrderIndex1795291696252 implements MigrationInterface {
  name = 'OrganizationNameOrderIndex1795291696252';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE INDEX \"organizations_name_order_idx\" ON \"organizations\"  (\"name\", \"id\") ");
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query("DROP INDEX \"public\".\"organizations_name_order_idx\"");
  }
}
