import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Server-side keys (random, written once by the migration that needs them), shared by every API process through
 * the database: the key that seals anonymous cards' tokens (privacy/anonymous-token.ts) lives here.
 */
@Entity('server_keys')
export class ServerKeyEntity {
  @PrimaryColumn('varchar', { length: 64 })
  name: string;

  /** Hex of 32 random bytes. Never logged, never in an API answer. */
  @Column('varchar', { length: 128 })
  value: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
