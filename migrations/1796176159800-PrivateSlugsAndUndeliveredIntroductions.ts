import { randomBytes } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

// No oracle by side effect:
// - reserved_slugs: the public slug an organization had before it turned PRIVATE (see reserved-slug.entity.ts);
// - every existing PRIVATE organization gets a random slug (like src/common/slug.ts randomSlug, copied here so
//   the migration never changes); its old slug was never public, so it is not reserved;
// - introductions.delivered: false for a request the receiver's dealbreakers refuse; the saturation index
//   counts delivered requests only.
const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

function randomSlug(): string {
  let out = 'org-';
  for (const byte of randomBytes(24)) out += BASE32[byte & 31];
  return out;
}

export class PrivateSlugsAndUndeliveredIntroductions1796176159800 implements MigrationInterface {
  name = 'PrivateSlugsAndUndeliveredIntroductions1796176159800';

  async up(q: QueryRunner): Promise<void> {
    await q.query("CREATE TABLE \"reserved_slugs\" (\"slug\" character varying(80) NOT NULL, \"organization_id\" uuid NOT NULL, \"reserved_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"reserved_slugs_pkey\" PRIMARY KEY (\"slug\"))");
    await q.query("CREATE INDEX \"reserved_slugs_organization_id_idx\" ON \"reserved_slugs\"  (\"organization_id\") ");
    await q.query("ALTER TABLE \"reserved_slugs\" ADD CONSTRAINT \"FK_0bb7b162119ec9cf6b641252f79\" FOREIGN KEY (\"organization_id\") REFERENCES \"organizations\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");

    const hidden = (await q.query(`SELECT id FROM organizations WHERE visibility = 'PRIVATE'`)) as { id: string }[];
    for (let i = 0; i < hidden.length; i += 5000) {
      const ids = hidden.slice(i, i + 5000).map((r) => r.id);
      await q.query(
        `UPDATE organizations o SET slug = t.slug FROM unnest($1::uuid[], $2::text[]) AS t(id, slug) WHERE o.id = t.id`,
        [ids, ids.map(() => randomSlug())],
      );
    }

    await q.query("ALTER TABLE \"introductions\" ADD \"delivered\" boolean NOT NULL DEFAULT true");
    await q.query('DROP INDEX "public"."introductions_to_pending_idx"');
    await q.query(`CREATE INDEX "introductions_to_pending_idx" ON "introductions" ("to_organization_id") WHERE "status" = 'PENDING' AND "delivered"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX "public"."introductions_to_pending_idx"');
    await q.query(`CREATE INDEX "introductions_to_pending_idx" ON "introductions" ("to_organization_id") WHERE "status" = 'PENDING'`);
    await q.query("ALTER TABLE \"introductions\" DROP COLUMN \"delivered\"");
    // PRIVATE organizations keep their random slugs: the old ones are not recorded anywhere.
    await q.query("ALTER TABLE \"reserved_slugs\" DROP CONSTRAINT \"FK_0bb7b162119ec9cf6b641252f79\"");
    await q.query("DROP INDEX \"public\".\"reserved_slugs_organization_id_idx\"");
    await q.query("DROP TABLE \"reserved_slugs\"");
  }
}
