import type pg from 'pg';
import request from 'supertest';
import { WS_CLOSE_CODES, WS_PATH } from '@aiparksit/shared';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';
import { apiUrl } from '../support/api-url.js';
import { testPool, unique } from '../support/db.js';
import { bearer, createUser, loginAs, type TestAccount } from '../support/factories.js';
import { waitForEmail } from '../support/mailbox.js';
import { RecordingSocket } from '../realtime/realtime-support.js';

const NEW_PASSWORD = 'a-brand-new-harbour-lantern-42';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

const ask = (email: string) => request(apiUrl()).post('/api/auth/password-reset').send({ email });
const confirm = (token: string, password = NEW_PASSWORD) => request(apiUrl()).post('/api/auth/password-reset/confirm').send({ token, password });

/** The answer with the echoed address taken out, and without the request id. */
function shapeOf(res: request.Response, email: string): unknown {
  const { requestId: _requestId, ...body } = res.body as Record<string, unknown>;
  return { status: res.status, body: JSON.parse(JSON.stringify(body).split(email).join('<email>')) };
}

/** The token of the newest reset link delivered to the account, read from the email as the SPA's page would. */
async function resetTokenOf(account: TestAccount, count = 1): Promise<string> {
  const email = await waitForEmail(pool, account.email, /^Reset your AIParksit password/, { count });
  const link = /https?:\/\/\S+\/reset-password#token=[A-Za-z0-9_%-]+/.exec(email.text);
  if (!link) throw new Error(`No reset link in: ${email.text}`);
  return decodeURIComponent(new URLSearchParams(new URL(link[0]).hash.slice(1)).get('token') ?? '');
}

async function resetRows(userId: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM password_reset_tokens WHERE user_id = $1`, [userId]);
  return rows[0]!.n;
}

/** The promise's value, or a failure naming what did not happen in time. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`Waited ${ms} ms for ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await condition());) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('POST /api/auth/password-reset', () => {
  it('answers the same for an account, an unknown address and a disabled account, and emails only the enabled account', async () => {
    const owner = await createUser(pool, { name: 'Rita Reset' });
    const disabled = await createUser(pool);
    await pool.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [disabled.id]);
    const unknown = `${unique('nobody')}@example.test`;

    const known = await ask(owner.email);
    expect(known.status).toBe(202);
    expect(known.body).toEqual({ email: owner.email, message: expect.stringMatching(/check your email/i) });
    expect(shapeOf(await ask(unknown), unknown)).toEqual(shapeOf(known, owner.email));
    expect(shapeOf(await ask(disabled.email), disabled.email)).toEqual(shapeOf(known, owner.email));

    const email = await waitForEmail(pool, owner.email, /^Reset your AIParksit password/);
    expect(email.text).toContain('Hello Rita Reset,');
    expect(email.text).toContain('The link works once, for 1 hour.');
    expect(await resetRows(disabled.id)).toBe(0);
    // The secret is stored only as its hash.
    const token = await resetTokenOf(owner);
    const stored = await pool.query(`SELECT 1 FROM password_reset_tokens WHERE user_id = $1 AND token_hash = sha256(convert_to($2, 'UTF8'))`, [
      owner.id,
      token,
    ]);
    expect(stored.rowCount).toBe(1);
    expect((await pool.query(`SELECT 1 FROM password_reset_tokens WHERE token_hash::text LIKE '%' || $1 || '%'`, [token])).rowCount).toBe(0);
  });

  it('sends at most one link a minute to an account', async () => {
    const owner = await createUser(pool);
    await ask(owner.email);
    await waitUntil(async () => (await resetRows(owner.id)) === 1);
    expect((await ask(owner.email)).status).toBe(202);
    expect((await ask(owner.email.toUpperCase())).status).toBe(202);
    // Issuing runs after the answer: give a second link every chance to appear before counting.
    await waitForEmail(pool, owner.email, /^Reset your AIParksit password/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await resetRows(owner.id)).toBe(1);
  });

  it('refuses a malformed address with a field error', async () => {
    const res = await ask('not-an-address');
    expect(res.status).toBe(400);
    expect(res.body.details.fields).toEqual([expect.objectContaining({ field: 'email' })]);
  });
});

describe('POST /api/auth/password-reset/confirm', () => {
  it('sets the new password once, ends every session and socket, and tells the owner', async () => {
    const owner = await createUser(pool, { role: 'operator' });
    const session = await loginAs(apiUrl(), owner);
    const socket = await RecordingSocket.open(toWebSocketUrl(apiUrl(), `${WS_PATH}?token=${session.accessToken}`));
    expect(await socket.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    await ask(owner.email);
    const token = await resetTokenOf(owner);

    expect((await confirm(token)).status).toBe(204);
    expect(await within(socket.closed, 15_000, 'the socket to close')).toBe(WS_CLOSE_CODES.unauthenticated);
    expect((await request(apiUrl()).get('/api/auth/me').set('authorization', bearer(session))).status).toBe(401);
    expect((await request(apiUrl()).post('/api/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
    const revoked = await pool.query(`SELECT count(*) FILTER (WHERE revoked_reason = 'password_reset')::int AS n FROM refresh_tokens WHERE user_id = $1`, [
      owner.id,
    ]);
    expect(revoked.rows[0].n).toBeGreaterThan(0);

    expect((await request(apiUrl()).post('/api/auth/login').send({ email: owner.email, password: owner.password })).status).toBe(401);
    expect((await request(apiUrl()).post('/api/auth/login').send({ email: owner.email, password: NEW_PASSWORD })).status).toBe(200);

    const again = await confirm(token, 'yet-another-unguessable-phrase-99');
    expect(again.status).toBe(400);
    expect(again.body.details).toMatchObject({ code: 'invalid_reset_token', fields: [expect.objectContaining({ field: 'token' })] });
    await waitForEmail(pool, owner.email, /^Your AIParksit password was reset/);
  });

  it('refuses an expired link', async () => {
    const owner = await createUser(pool);
    await ask(owner.email);
    const token = await resetTokenOf(owner);
    await pool.query(`UPDATE password_reset_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [owner.id]);
    const res = await confirm(token);
    expect(res.status).toBe(400);
    expect(res.body.details.code).toBe('invalid_reset_token');
    expect((await request(apiUrl()).post('/api/auth/login').send({ email: owner.email, password: owner.password })).status).toBe(200);
  });

  it('refuses an unknown token like a used one', async () => {
    const res = await confirm('x'.repeat(43));
    expect(res.status).toBe(400);
    expect(res.body.details.code).toBe('invalid_reset_token');
  });

  it('holds the new password to the registration rules and keeps the link usable after a refusal', async () => {
    const owner = await createUser(pool, { name: 'Walter Weak' });
    await ask(owner.email);
    const token = await resetTokenOf(owner);
    const short = await confirm(token, 'short');
    expect(short.status).toBe(400);
    expect(short.body.details.fields).toEqual([expect.objectContaining({ field: 'password' })]);
    const guessable = await confirm(token, `${owner.email}`);
    expect(guessable.status).toBe(400);
    expect(guessable.body.details.fields).toEqual([expect.objectContaining({ field: 'password', code: 'weak_password' })]);
    expect((await confirm(token)).status).toBe(204);
  });

  it('uses up the account’s other links once one is used', async () => {
    const owner = await createUser(pool);
    await ask(owner.email);
    const first = await resetTokenOf(owner);
    await pool.query(`UPDATE password_reset_tokens SET created_at = now() - interval '2 minutes' WHERE user_id = $1`, [owner.id]);
    await ask(owner.email);
    const second = await resetTokenOf(owner, 2);
    expect(second).not.toBe(first);
    expect((await confirm(second)).status).toBe(204);
    expect((await confirm(first, 'yet-another-unguessable-phrase-99')).status).toBe(400);
  });
});
