import { createSecretKey } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { isRole, type Role } from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';

/** Who issues our access tokens and who they are for; both are checked on every request. */
export const ACCESS_TOKEN_ISSUER = 'aiparksit';
export const ACCESS_TOKEN_AUDIENCE = 'aiparksit-api';

export interface AccessTokenClaims {
  userId: string;
  role: Role;
  sessionId: string;
}

/** Clock difference between instances we forgive on `exp`, `nbf` and `iat`: small, as tokens live minutes. */
const CLOCK_TOLERANCE_SECONDS = 5;

/** Verified tokens remembered; a client sends its token with every request until it expires. */
const VERIFIED_TOKENS_MAX = 10_000;

/**
 * Short-lived HS256 JWTs. Verification pins the algorithm, so `alg: none` and RS/HS confusion
 * are refused (RFC 8725, section 3.1), and checks expiry, issuer and audience. `exp` and `iat`
 * are required and may lie at most the token lifetime apart: jsonwebtoken accepts a token
 * without `exp` as one that never expires, and a leaked signing key must not mint tokens for
 * years.
 */
@Injectable()
export class AccessTokens {
  private readonly jwt: JwtService;
  readonly ttlSeconds: number;
  /**
   * Tokens that passed verification, with the moment verification would start refusing them
   * (expiry or maximum age, with the tolerance): the signature and claims of a token cannot
   * change, only the clock, so the answer holds until then. About a tenth of a signed-in
   * request's CPU was the HMAC and claim checks of the same token again.
   */
  private readonly verified = new Map<string, { claims: AccessTokenClaims; validUntilMs: number }>();

  constructor(config: AppConfig) {
    this.ttlSeconds = config.values.accessTokenTtlSeconds;
    this.jwt = new JwtService({
      // A KeyObject, made once: given a string, jsonwebtoken first tries to read it as a public
      // key (which throws) and then builds a secret key, on every verify — about a millisecond
      // of CPU per authenticated request.
      secret: createSecretKey(Buffer.from(config.accessTokenSecret(), 'utf8')),
      signOptions: { algorithm: 'HS256', issuer: ACCESS_TOKEN_ISSUER, audience: ACCESS_TOKEN_AUDIENCE, expiresIn: this.ttlSeconds },
      verifyOptions: {
        algorithms: ['HS256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        // Refuses tokens issued longer ago than the lifetime; it also makes `iat` required.
        maxAge: this.ttlSeconds,
      },
    });
  }

  issue(claims: AccessTokenClaims): string {
    return this.jwt.sign({ role: claims.role, sid: claims.sessionId }, { subject: claims.userId });
  }

  /** The claims of a valid token, or undefined for anything else (expired, forged, malformed). */
  verify(token: string): AccessTokenClaims | undefined {
    const known = this.verified.get(token);
    if (known) {
      if (Date.now() < known.validUntilMs) return known.claims;
      this.verified.delete(token);
    }
    let payload: Record<string, unknown>;
    try {
      payload = this.jwt.verify<Record<string, unknown>>(token);
    } catch {
      return undefined;
    }
    const { sub, role, sid, exp, iat } = payload;
    if (typeof exp !== 'number' || typeof iat !== 'number' || exp - iat > this.ttlSeconds + CLOCK_TOLERANCE_SECONDS) return undefined;
    if (typeof sub !== 'string' || typeof sid !== 'string' || !isRole(role)) return undefined;
    const claims = { userId: sub, role, sessionId: sid };
    // A token with `nbf` is not ours to remember: it may become valid later than it is checked.
    if (payload['nbf'] === undefined) this.remember(token, claims, (Math.min(exp, iat + this.ttlSeconds) + CLOCK_TOLERANCE_SECONDS) * 1000);
    return claims;
  }

  private remember(token: string, claims: AccessTokenClaims, validUntilMs: number): void {
    if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { claims, validUntilMs });
  }
}
