import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, CreatedApiKey, Role } from '@aiparksit/shared';
import { hashPassword } from '../../src/access/index.js';
import { unique } from './db.js';

/** What a test needs to act as an account: its id and the plain password to sign in with. */
export interface TestAccount {
  id: string;
  email: string;
  password: string;
  name: string;
  role: Role;
}

export const TEST_PASSWORD = 'correct-horse-battery-staple';

// argon2 is deliberately slow; one hash of the shared password serves every factory-made account.
let sharedHash: Promise<string> | undefined;
function hashOf(password: string): Promise<string> {
  if (password !== TEST_PASSWORD) return hashPassword(password);
  sharedHash ??= hashPassword(TEST_PASSWORD);
  return sharedHash;
}

/**
 * Inserts an account straight into SQL with a real argon2id hash (any role, admin included).
 * It is verified unless `emailVerified: false`: setting `email_verified_at` here stands in for
 * the owner opening the emailed link, which api/test/auth/email-verification.e2e-spec.ts
 * exercises through the real mailbox; hundreds of other tests need only a usable account.
 */
export async function createUser(
  pool: pg.Pool,
  options: { role?: Role; email?: string; password?: string; name?: string; emailVerified?: boolean } = {},
): Promise<TestAccount> {
  const role = options.role ?? 'driver';
  const password = options.password ?? TEST_PASSWORD;
  const email = options.email ?? `${unique(role)}@example.test`;
  const name = options.name ?? `Test ${role}`;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO users (email, password_hash, name, role, email_verified_at)
     VALUES ($1, $2, $3, $4::user_role, CASE WHEN $5 THEN now() END) RETURNING id`,
    [email, await hashOf(password), name, role, options.emailVerified ?? true],
  );
  return { id: rows[0]!.id, email, password, name, role };
}

/** Signs in through the real API and returns the token pair. */
export async function loginAs(apiUrl: string, account: Pick<TestAccount, 'email' | 'password'>): Promise<AuthTokens> {
  const res = await request(apiUrl).post('/api/auth/login').send({ email: account.email, password: account.password });
  if (res.status !== 200) throw new Error(`login as ${account.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as AuthTokens;
}

/** An account of the role, signed in: the usual start of a test that calls private routes. */
export async function signedInUser(pool: pg.Pool, apiUrl: string, role: Role = 'driver'): Promise<{ account: TestAccount; tokens: AuthTokens }> {
  const account = await createUser(pool, { role });
  return { account, tokens: await loginAs(apiUrl, account) };
}

/** The Authorization header value for a token pair or an access token. */
export function bearer(tokens: Pick<AuthTokens, 'accessToken'> | string): string {
  return `Bearer ${typeof tokens === 'string' ? tokens : tokens.accessToken}`;
}

/** Creates an API key through the API as the signed-in operator or admin. */
export async function createApiKey(apiUrl: string, tokens: AuthTokens, name = unique('key')): Promise<CreatedApiKey> {
  const res = await request(apiUrl).post('/api/api-keys').set('authorization', bearer(tokens)).send({ name });
  if (res.status !== 201) throw new Error(`creating an API key failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CreatedApiKey;
}

/** How many accounts have this email (case-insensitively, as the citext column compares). */
export async function countUsersWithEmail(pool: pg.Pool, email: string): Promise<number> {
  const { rows } = await pool.query<{ count: number }>(`SELECT count(*)::int AS count FROM users WHERE email = $1`, [email]);
  return rows[0]!.count;
}
