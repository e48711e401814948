import {
  Column, CreateDateColumn, Entity, Index, JoinTable, ManyToMany, PrimaryGeneratedColumn, UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { LocationPrecision, OrganizationKind, SizeBand, Visibility } from '../core/enums.js';
import { IssueAreaEntity } from '../taxonomy/taxonomy.entity.js';

// Indexes TypeORM cannot describe (expression, GiST and trigram) live in the migration; declaring them here
// with synchronize: false keeps the schema diff from dropping them.
@Index('organizations_public_earth_idx', { synchronize: false })
@Index('organizations_anonymous_earth_idx', { synchronize: false })
@Index('organizations_search_idx', { synchronize: false })
@Index('organizations_name_trgm_idx', { synchronize: false })
@Index('organizations_place_idx', ['country', 'region', 'city'])
// The default list order: a top-20 page reads 20-odd index entries instead of sorting every visible row.
@Index('organizations_name_order_idx', ['name', 'id'])
@Entity('organizations')
export class OrganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('organizations_slug_key', { unique: true })
  @Column('varchar', { length: 80 })
  slug: string;

  @Column('varchar', { length: 200 })
  name: string;

  @Column('text', { default: '' })
  mission: string;

  @Index('organizations_kind_idx')
  @Column('varchar', { length: 32 })
  kind: OrganizationKind;

  @Column('varchar', { length: 32, nullable: true })
  sizeBand: SizeBand | null;

  @Column('char', { length: 2, nullable: true })
  country: string | null;

  @Column('varchar', { length: 120, nullable: true })
  region: string | null;

  @Column('varchar', { length: 120, nullable: true })
  city: string | null;

  /** Exact position as entered: only members ever read it. */
  @Column('double precision', { nullable: true })
  latitude: number | null;

  @Column('double precision', { nullable: true })
  longitude: number | null;

  @Column('varchar', { length: 16, default: LocationPrecision.CITY })
  locationPrecision: LocationPrecision;

  /** Position coarsened to locationPrecision: every non-member read, filter and distance uses these. */
  @Column('double precision', { nullable: true })
  publicLatitude: number | null;

  @Column('double precision', { nullable: true })
  publicLongitude: number | null;

  @Index('organizations_visibility_idx')
  @Column('varchar', { length: 16, default: Visibility.NETWORK })
  visibility: Visibility;

  /** A PRIVATE organization may appear in suggestions, anonymously, only when it opts in. */
  @Column('boolean', { default: false })
  anonymousSuggestions: boolean;

  @Column('text', { array: true, default: () => "'{}'" })
  languages: string[];

  @Column('varchar', { length: 500, nullable: true })
  website: string | null;

  @Column('varchar', { length: 254, nullable: true })
  contactEmail: string | null;

  /** Who to ask for: a name or role the organization chooses to give (privacy/contact-rules.ts decides who reads it). */
  @Column('varchar', { length: 200, nullable: true })
  contactPerson: string | null;

  @Column('text', { nullable: true })
  fundingDisclosure: string | null;

  @Column('boolean', { default: false })
  verified: boolean;

  /** Kinds of organization this one will not partner with. */
  @Column('text', { array: true, default: () => "'{}'" })
  dealbreakerKinds: string[];

  @ManyToMany(() => IssueAreaEntity)
  @JoinTable({
    name: 'organization_issue_areas',
    joinColumn: { name: 'organization_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'issue_area_id', referencedColumnName: 'id' },
  })
  issueAreas: Relation<IssueAreaEntity[]>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
