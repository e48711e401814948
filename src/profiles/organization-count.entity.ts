import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Visibility } from '../core/enums.js';

// How many organizations there are of each visibility, kept exact by statement triggers on organizations
// (migrations/1796500130000-OrganizationCounts.ts) in the same transaction as the change, so a statement that reads
// it sees the same organizations as a count over the table would. The unfiltered list's totalCount reads it
// instead of counting the whole table on every request (privacy/visibility.ts: visibleOrganizationCountSql).
@Entity('organization_counts')
export class OrganizationCountEntity {
  @PrimaryColumn('varchar', { length: 16, primaryKeyConstraintName: 'organization_counts_pkey' })
  visibility: Visibility;

  @Column('int')
  organizations: number;
}
