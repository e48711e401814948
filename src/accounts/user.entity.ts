import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased: one account per address whatever the case it was typed in. */
  @Index('users_email_key', { unique: true })
  @Column('varchar', { length: 254 })
  email: string;

  @Column('varchar', { length: 200 })
  displayName: string;

  /** argon2id encoded hash (algorithm, parameters and salt included). */
  @Column('varchar', { length: 255 })
  passwordHash: string;

  @Column('boolean', { default: false })
  isAdmin: boolean;

  /**
   * When the owner of the address proved it (with a code sent there). Until then the account cannot sign in,
   * and a new sign-up with the same address replaces its password: pre-registering someone's email gains nothing.
   */
  @Column('timestamptz', { nullable: true })
  emailVerifiedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
