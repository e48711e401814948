import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { CoalitionEntity } from './coalition.entity.js';

// Goals of a coalition with their milestones, and the wins it celebrates. Status and progress are derived on read
// (goal-status.sql.ts): only the facts are stored (due dates, milestones done, dropped or completed by hand).

@Index('coalition_goals_coalition_idx', ['coalitionId', 'dueOn'])
@Entity('coalition_goals')
export class CoalitionGoalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  coalitionId: string;

  @ManyToOne(() => CoalitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coalition_id' })
  coalition: Relation<CoalitionEntity>;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('date', { nullable: true })
  dueOn: string | null;

  /** Marked done by hand (a goal without milestones, or done before its last milestone). */
  @Column('timestamptz', { nullable: true })
  completedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  droppedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

@Index('coalition_milestones_goal_idx', ['goalId', 'position'])
@Entity('coalition_milestones')
export class CoalitionMilestoneEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  goalId: string;

  @ManyToOne(() => CoalitionGoalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goal_id' })
  goal: Relation<CoalitionGoalEntity>;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('date', { nullable: true })
  dueOn: string | null;

  @Column('timestamptz', { nullable: true })
  doneAt: Date | null;

  /** Order within the goal. */
  @Column('int', { default: 0 })
  position: number;
}

// The wins log, newest first; non-members read the public ones only.
@Index('coalition_wins_coalition_idx', ['coalitionId', 'achievedOn'])
// The ON DELETE SET NULL lookup from goals.
@Index('coalition_wins_goal_idx', ['goalId'], { where: `"goal_id" IS NOT NULL` })
@Entity('coalition_wins')
export class CoalitionWinEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('uuid')
  coalitionId: string;

  @ManyToOne(() => CoalitionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'coalition_id' })
  coalition: Relation<CoalitionEntity>;

  /** The goal it advances, if any (kept when the goal goes). */
  @Column('uuid', { nullable: true })
  goalId: string | null;

  @ManyToOne(() => CoalitionGoalEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'goal_id' })
  goal: Relation<CoalitionGoalEntity> | null;

  @Column('varchar', { length: 200 })
  title: string;

  @Column('text', { default: '' })
  description: string;

  @Column('date')
  achievedOn: string;

  @Column('varchar', { length: 2000, nullable: true })
  evidenceUrl: string | null;

  /** Shown to everyone who may see the coalition; otherwise to its members only. */
  @Column('boolean', { default: false })
  public: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
