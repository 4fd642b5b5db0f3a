import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A key seen before: its request's fingerprint and, once answered, the stored answer. */
export interface StoredIdempotencyKey {
  requestHash: Buffer;
  responseStatus: number | null;
  responseBody: unknown;
}

export type ClaimResult = { claimed: true } | { claimed: false; existing: StoredIdempotencyKey };

/**
 * An unanswered claim older than this is taken to belong to a process that died mid-request:
 * another attempt may claim it again. Far longer than any request takes.
 */
const ABANDONED_AFTER = `interval '5 minutes'`;
/** How long an answer is replayed (and the key refused for other requests). */
const KEEP_FOR = `interval '24 hours'`;

/** SQL of `idempotency_keys`: the claim is one INSERT … ON CONFLICT, so racing retries cannot both win. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(principal: string, key: string, method: string, path: string, requestHash: Buffer): Promise<ClaimResult> {
    // Two rounds at most: the row we lost to may vanish (purged, or released after a failure) before we read it.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed: unknown[] = await this.dataSource.query(
        `INSERT INTO idempotency_keys (principal, key, method, path, request_hash, expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + ${KEEP_FOR})
         ON CONFLICT (principal, key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
               response_status = NULL, response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at
           WHERE idempotency_keys.expires_at <= now()
              OR (idempotency_keys.response_status IS NULL AND idempotency_keys.created_at < now() - ${ABANDONED_AFTER})
         RETURNING 1`,
        [principal, key, method, path, requestHash],
      );
      if (claimed.length) return { claimed: true };
      const rows: StoredIdempotencyKey[] = await this.dataSource.query(
        `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
           FROM idempotency_keys WHERE principal = $1 AND key = $2`,
        [principal, key],
      );
      if (rows[0]) return { claimed: false, existing: rows[0] };
    }
    throw new Error('Could not claim or read an idempotency key after three attempts');
  }

  async complete(principal: string, key: string, status: number, body: unknown): Promise<void> {
    await this.dataSource.query(`UPDATE idempotency_keys SET response_status = $3, response_body = $4::jsonb WHERE principal = $1 AND key = $2`, [
      principal,
      key,
      status,
      JSON.stringify(body ?? null),
    ]);
  }

  /** Forgets an unanswered claim (the request failed on our side), so a retry may run it again. */
  async release(principal: string, key: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND response_status IS NULL`, [principal, key]);
  }

  /** Drops expired keys in batches; returns how many went. */
  async purgeExpired(batchSize = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      // Wrapped in a SELECT: TypeORM answers a bare DELETE with [rows, count] rather than rows.
      const rows: { purged: number }[] = await this.dataSource.query(
        `WITH purged AS (
           DELETE FROM idempotency_keys WHERE ctid IN (SELECT ctid FROM idempotency_keys WHERE expires_at <= now() LIMIT $1) RETURNING 1
         ) SELECT count(*)::int AS purged FROM purged`,
        [batchSize],
      );
      const purged = rows[0]?.purged ?? 0;
      total += purged;
      if (purged < batchSize) return total;
    }
  }
}
