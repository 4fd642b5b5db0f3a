import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** How failed sign-ins turn into lockouts; from configuration. */
export interface LoginLockoutPolicy {
  /** Failures in a row before the first lockout. */
  threshold: number;
  /** The first lockout; each further failure doubles it. */
  baseSeconds: number;
  maxSeconds: number;
  /** A series quiet (no failure, no lockout running) this long is forgotten. */
  windowSeconds: number;
}

export interface RecordedFailure {
  /** Set when this failure locked the address. */
  lockedUntil: Date | null;
  /** True for the failure that started the series' first lockout: the one the owner hears of. */
  startedLockout: boolean;
}

/**
 * Failed sign-ins per email address, in PostgreSQL so that every API instance counts the same
 * series (the per-address rate limit alone lets many client addresses share the guessing).
 */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Seconds until the address may try again, or undefined when it is not locked. */
  async secondsLocked(email: string): Promise<number | undefined> {
    const rows: { seconds: number }[] = await this.dataSource.query(
      `SELECT extract(epoch FROM locked_until - now())::float8 AS seconds FROM login_throttle WHERE email = $1 AND locked_until > now()`,
      [email],
    );
    return rows[0]?.seconds;
  }

  /**
   * Counts one failure. Both statements run in one transaction holding the row, so concurrent
   * failures on N instances queue on it, and `now()` is the same instant in both. A series
   * continues while its last failure or lockout end lies within the window; from the threshold
   * on, every failure locks for base × 2^(failures − threshold), capped.
   */
  recordFailure(email: string, policy: LoginLockoutPolicy): Promise<RecordedFailure> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO login_throttle AS t (email, failures, last_failure_at) VALUES ($1, 1, now())
         ON CONFLICT (email) DO UPDATE SET
           failures = CASE WHEN greatest(t.last_failure_at, t.locked_until) >= now() - make_interval(secs => $2) THEN t.failures + 1 ELSE 1 END,
           notified_at = CASE WHEN greatest(t.last_failure_at, t.locked_until) >= now() - make_interval(secs => $2) THEN t.notified_at END,
           last_failure_at = now()`,
        [email, policy.windowSeconds],
      );
      const rows: RecordedFailure[] = await manager.query(
        // Wrapped in a SELECT: TypeORM answers a bare UPDATE … RETURNING with [rows, count].
        `WITH locked AS (
           UPDATE login_throttle SET
             locked_until = CASE WHEN failures >= $2
                                 THEN now() + make_interval(secs => least($4::float8, $3::float8 * power(2, least(failures - $2, 30))))
                            END,
             notified_at = CASE WHEN failures >= $2 THEN coalesce(notified_at, now()) END
           WHERE email = $1
           RETURNING locked_until, notified_at
         )
         SELECT locked_until AS "lockedUntil", coalesce(notified_at = now(), false) AS "startedLockout" FROM locked`,
        [email, policy.threshold, policy.baseSeconds, policy.maxSeconds],
      );
      return rows[0]!;
    });
  }

  /**
   * Forgets series that are over (no failure and no lockout within the window): the table keeps
   * a row per address ever mistyped, known or not, so it is trimmed rather than left to grow.
   */
  async forgetQuietSeries(windowSeconds: number): Promise<number> {
    const rows: { forgotten: number }[] = await this.dataSource.query(
      `WITH forgotten AS (
         DELETE FROM login_throttle WHERE greatest(last_failure_at, locked_until) < now() - make_interval(secs => $1) RETURNING 1
       ) SELECT count(*)::int AS forgotten FROM forgotten`,
      [windowSeconds],
    );
    return rows[0]?.forgotten ?? 0;
  }

  /** A successful sign-in ends the series. */
  async reset(email: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM login_throttle WHERE email = $1`, [email]);
  }
}
