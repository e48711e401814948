import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { OrganizationEntity } from './organization.entity.js';

// The public slug an organization had before it turned PRIVATE. It was public, hence known: reserving it keeps
// anyone else from taking it to impersonate the organization. A collision with it answers TAKEN, which tells
// only that a once-public slug is in use. Slugs of organizations created PRIVATE (random) are never reserved.
@Entity('reserved_slugs')
export class ReservedSlugEntity {
  @PrimaryColumn('varchar', { length: 80, primaryKeyConstraintName: 'reserved_slugs_pkey' })
  slug: string;

  /** Deleting the organization frees its reservations. */
  @Index('reserved_slugs_organization_id_idx')
  @Column('uuid')
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id' })
  organization: Relation<OrganizationEntity>;

  @CreateDateColumn({ type: 'timestamptz' })
  reservedAt: Date;
}
