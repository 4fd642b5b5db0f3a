import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A claimed Idempotency-Key, scoped by caller, and the answer replayed for its retries. */
@Entity({ name: 'idempotency_keys' })
@Index('idempotency_keys_expiry_idx', ['expiresAt'])
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_keys_pkey' })
  principal!: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'idempotency_keys_pkey' })
  key!: string;

  @Column({ type: 'text' })
  method!: string;

  @Column({ type: 'text' })
  path!: string;

  /** Tells a retry (same request) from a different request under the same key. */
  @Column({ name: 'request_hash', type: 'bytea' })
  requestHash!: Buffer;

  @Column({ name: 'response_status', type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ name: 'response_body', type: 'jsonb', nullable: true })
  responseBody!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Written as TypeORM reads PostgreSQL's `(now() + '24:00:00'::interval)`: without the cast, which PostgreSQL infers. */
  @Column({ name: 'expires_at', type: 'timestamptz', default: () => "(now() + '24:00:00')" })
  expiresAt!: Date;

  /** The API instance running the claimed request, and the claim's own token (only its holder settles it). */
  @Column({ name: 'claimed_by', type: 'uuid', nullable: true })
  claimedBy!: string | null;

  @Column({ name: 'claim_token', type: 'uuid', nullable: true })
  claimToken!: string | null;

  /** Renewed while the request runs; lapsed, the claim belongs to a dead instance and may be taken over. */
  @Column({ name: 'lease_expires_at', type: 'timestamptz', default: () => "(now() + '00:05:00')" })
  leaseExpiresAt!: Date;
}
