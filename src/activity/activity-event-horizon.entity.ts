import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

// One row: the highest event id the retention sweep has deleted (src/activity/event-retention.ts). A cursor
// below it has lost events it would need, so a replay from it is refused (CURSOR_EXPIRED) rather than served with
// a silent gap.
@Check('activity_event_horizon_single_row', '"id" = 1')
@Entity('activity_event_horizon')
export class ActivityEventHorizonEntity {
  @PrimaryColumn('smallint')
  id: number;

  @Column('bigint', { default: 0 })
  sweptThrough: string;
}
