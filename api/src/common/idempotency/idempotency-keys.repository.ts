import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryPrepared } from '../../database/index.js';

/** A key seen before: its request's fingerprint and, once answered, the stored answer. */
export interface StoredIdempotencyKey {
  requestHash: Buffer;
  responseStatus: number | null;
  responseBody: unknown;
  /** Unanswered: whole seconds until the claim's lease lapses (at least 1), when a retry may take it over. */
  retryAfterSeconds: number;
}

/** A claim on a key: only its holder (`token`) renews it and records the answer. */
export interface IdempotencyClaim {
  principal: string;
  key: string;
  token: string;
}

export type ClaimResult = { claimed: true; claim: IdempotencyClaim; tookOverFrom: string | null } | { claimed: false; existing: StoredIdempotencyKey };

export interface ClaimRequest {
  principal: string;
  key: string;
  method: string;
  path: string;
  requestHash: Buffer;
  instanceId: string;
  leaseSeconds: number;
}

/** How long an answer is replayed (and the key refused for other requests). */
const KEEP_FOR = `interval '24 hours'`;

/**
 * SQL of `idempotency_keys`: the claim is one INSERT … ON CONFLICT, so racing retries cannot both
 * win. An unanswered claim carries a lease its instance renews while the request runs; once the
 * lease has lapsed, the instance is taken to have died mid-request, and a retry of the same request
 * may claim the key again. The statements of every idempotent request (claim, read, complete) are
 * prepared: planned once per pooled connection rather than on every booking and payment.
 */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly dataSource: DataSource) {}

  async claim(request: ClaimRequest): Promise<ClaimResult> {
    const { principal, key, method, path, requestHash, instanceId, leaseSeconds } = request;
    // A few rounds at most: the row we lost to may vanish (purged, released after a failure) or
    // its lease lapse between our INSERT and our SELECT.
    for (let attempt = 0; attempt < 3; attempt++) {
      const claimed = await queryPrepared<{ token: string; tookOverFrom: string | null }>(
        this.dataSource,
        `WITH previous AS (
           SELECT claimed_by FROM idempotency_keys WHERE principal = $1 AND key = $2 AND response_status IS NULL AND expires_at > now()
         )
         INSERT INTO idempotency_keys (principal, key, method, path, request_hash, expires_at, claimed_by, claim_token, lease_expires_at)
         VALUES ($1, $2, $3, $4, $5, now() + ${KEEP_FOR}, $6, gen_random_uuid(), now() + make_interval(secs => $7))
         ON CONFLICT (principal, key) DO UPDATE
           SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash,
               response_status = NULL, response_body = NULL, created_at = now(), expires_at = EXCLUDED.expires_at,
               claimed_by = EXCLUDED.claimed_by, claim_token = EXCLUDED.claim_token, lease_expires_at = EXCLUDED.lease_expires_at
           WHERE idempotency_keys.expires_at <= now()
              -- Abandoned, and only by the same request: a different body under the key stays refused,
              -- since the abandoned one may have done its work.
              OR (idempotency_keys.response_status IS NULL AND idempotency_keys.lease_expires_at <= now()
                  AND idempotency_keys.request_hash = EXCLUDED.request_hash)
         RETURNING claim_token AS token, (SELECT claimed_by::text FROM previous) AS "tookOverFrom"`,
        [principal, key, method, path, requestHash, instanceId, leaseSeconds],
      );
      if (claimed[0]) return { claimed: true, claim: { principal, key, token: claimed[0].token }, tookOverFrom: claimed[0].tookOverFrom };
      const rows = await queryPrepared<StoredIdempotencyKey & { leaseLapsed: boolean }>(
        this.dataSource,
        `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody",
                greatest(1, ceil(extract(epoch FROM lease_expires_at - now())))::int AS "retryAfterSeconds",
                lease_expires_at <= now() AS "leaseLapsed"
           FROM idempotency_keys WHERE principal = $1 AND key = $2`,
        [principal, key],
      );
      const existing = rows[0];
      if (!existing) continue;
      if (existing.responseStatus === null && existing.leaseLapsed && existing.requestHash.equals(requestHash)) continue;
      const { leaseLapsed: _, ...stored } = existing;
      return { claimed: false, existing: stored };
    }
    throw new Error('Could not claim or read an idempotency key after three attempts');
  }

  /** Extends the lease of a claim whose request is still running. */
  async renew(claim: IdempotencyClaim, leaseSeconds: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET lease_expires_at = now() + make_interval(secs => $4)
        WHERE principal = $1 AND key = $2 AND claim_token = $3 AND response_status IS NULL`,
      [claim.principal, claim.key, claim.token, leaseSeconds],
    );
  }

  /** Stores the answer, unless the claim was taken over meanwhile (the new holder answers). */
  async complete(claim: IdempotencyClaim, status: number, body: unknown): Promise<void> {
    await queryPrepared(
      this.dataSource,
      `UPDATE idempotency_keys SET response_status = $4, response_body = $5::jsonb WHERE principal = $1 AND key = $2 AND claim_token = $3`,
      [claim.principal, claim.key, claim.token, status, JSON.stringify(body ?? null)],
    );
  }

  /** Forgets an unanswered claim (the request failed on our side), so a retry may run it again. */
  async release(claim: IdempotencyClaim): Promise<void> {
    await this.dataSource.query(`DELETE FROM idempotency_keys WHERE principal = $1 AND key = $2 AND claim_token = $3 AND response_status IS NULL`, [
      claim.principal,
      claim.key,
      claim.token,
    ]);
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
