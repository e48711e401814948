import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { UserEntity } from './user.entity.js';

/**
 * A one-time code that proves control of an account's email address. Only its hash is stored; a user has at
 * most one live code (issuing a new one deletes the earlier ones), and a code dies after a few wrong attempts.
 */
@Entity('email_verification_codes')
export class EmailVerificationCodeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('email_verification_codes_user_id_idx')
  @Column('uuid')
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user: Relation<UserEntity>;

  /** SHA-256 of user id and code: the code is random and short-lived, and the hash is useless for other users. */
  @Column('bytea')
  codeHash: Buffer;

  /**
   * The password and name given with the sign-up that mailed this code; confirming applies them. So the code in
   * someone's mailbox can only ever confirm the credentials of the sign-up that sent it, never a later squatter's.
   */
  @Column('varchar', { length: 255 })
  passwordHash: string;

  @Column('varchar', { length: 200 })
  displayName: string;

  /** Wrong codes tried against this one; at the limit the code is dead. */
  @Column('smallint', { default: 0 })
  attempts: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz')
  expiresAt: Date;

  @Column('timestamptz', { nullable: true })
  usedAt: Date | null;
}
