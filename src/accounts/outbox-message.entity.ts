import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export enum OutboxKind {
  VERIFY_EMAIL = 'VERIFY_EMAIL',
  SIGN_UP_EXISTING = 'SIGN_UP_EXISTING',
  INVITATION = 'INVITATION',
}

/**
 * Mail to be delivered. Written in the transaction of the change that causes it (so a rolled-back sign-up sends
 * nothing); a mail sender (not built yet) picks rows with sent_at null, sends them and sets sent_at. The body can
 * hold a one-time code: this table is as sensitive as the mailbox it feeds, and its rows never reach a log.
 */
@Index('outbox_messages_unsent_idx', ['createdAt'], { where: '"sent_at" IS NULL' })
@Entity('outbox_messages')
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('outbox_messages_to_email_idx')
  @Column('varchar', { length: 254 })
  toEmail: string;

  @Column('varchar', { length: 32 })
  kind: OutboxKind;

  @Column('varchar', { length: 300 })
  subject: string;

  @Column('text')
  body: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { nullable: true })
  sentAt: Date | null;
}
