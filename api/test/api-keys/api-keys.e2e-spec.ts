import { createHash } from 'node:crypto';
import type pg from 'pg';
import request from 'supertest';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { bearer, createApiKey, signedInUser } from '../support/factories.js';

let pool: pg.Pool;
beforeAll(() => {
  pool = testPool();
});
afterAll(async () => {
  await pool.end();
});

describe('POST /api/api-keys', () => {
  it('answers an operator with 201 and the full key, once; only its SHA-256 is stored', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'operator');
    const res = await request(apiUrl()).post('/api/api-keys').set('authorization', bearer(tokens)).send({ name: 'Fleet app' }).expect(201);
    expect(res.body).toMatchObject({ name: 'Fleet app', scopes: ['marketplace:read'], lastUsedAt: null, revokedAt: null });
    expect(res.body.key.startsWith(`${res.body.prefix}.`)).toBe(true);

    const { rows } = await pool.query<{ key_hash: Buffer; row: string }>(`SELECT key_hash, row_to_json(api_keys)::text AS row FROM api_keys WHERE id = $1`, [
      res.body.id,
    ]);
    expect(rows[0]!.key_hash.equals(createHash('sha256').update(res.body.key).digest())).toBe(true);
    expect(rows[0]!.row).not.toContain(res.body.key.split('.')[1]);
  });

  it('lets an admin create one too', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'admin');
    await request(apiUrl()).post('/api/api-keys').set('authorization', bearer(tokens)).send({ name: 'Ops' }).expect(201);
  });

  it.each(['driver', 'investor'] as const)('answers a %s with 403', async (role) => {
    const { tokens } = await signedInUser(pool, apiUrl(), role);
    await request(apiUrl()).post('/api/api-keys').set('authorization', bearer(tokens)).send({ name: 'Nope' }).expect(403);
  });

  it('answers 409 too_many_api_keys beyond 25 active keys; revoked keys do not count', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'operator');
    const create = () => request(apiUrl()).post('/api/api-keys').set('authorization', bearer(tokens)).send({ name: 'Batch' });
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) ids.push((await create().expect(201)).body.id);
    const refused = await create().expect(409);
    expect(refused.body.details).toEqual({ code: 'too_many_api_keys' });
    await request(apiUrl()).delete(`/api/api-keys/${ids[0]}`).set('authorization', bearer(tokens)).expect(204);
    await create().expect(201);
  });

  it('answers a missing or empty name with 400 naming name', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'operator');
    const missing = await request(apiUrl()).post('/api/api-keys').set('authorization', bearer(tokens)).send({}).expect(400);
    expect(missing.body.details.fields.map((d: { field: string }) => d.field)).toEqual(['name']);
    await request(apiUrl()).post('/api/api-keys').set('authorization', bearer(tokens)).send({ name: '   ' }).expect(400);
  });
});

describe('GET /api/api-keys', () => {
  it('lists only the caller’s own keys, never the secret', async () => {
    const mine = await signedInUser(pool, apiUrl(), 'operator');
    const theirs = await signedInUser(pool, apiUrl(), 'operator');
    const created = await createApiKey(apiUrl(), mine.tokens, 'Mine');
    await createApiKey(apiUrl(), theirs.tokens, 'Theirs');
    const res = await request(apiUrl()).get('/api/api-keys').set('authorization', bearer(mine.tokens)).expect(200);
    expect(res.body).toEqual([
      { id: created.id, name: 'Mine', prefix: created.prefix, scopes: ['marketplace:read'], createdAt: expect.any(String), lastUsedAt: null, revokedAt: null },
    ]);
    expect(JSON.stringify(res.body)).not.toContain(created.key);
  });
});

describe('DELETE /api/api-keys/:id', () => {
  it('revokes with 204; the key then gets 401', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'operator');
    const key = await createApiKey(apiUrl(), tokens);
    await request(apiUrl()).get('/api/auth/me').set('x-api-key', key.key).expect(200);
    await request(apiUrl()).delete(`/api/api-keys/${key.id}`).set('authorization', bearer(tokens)).expect(204);
    const res = await request(apiUrl()).get('/api/auth/me').set('x-api-key', key.key).expect(401);
    expect(res.body.details).toEqual({ code: 'invalid_api_key' });
  });

  it('answers another user’s key with 404, as if it did not exist, and leaves it working', async () => {
    const owner = await signedInUser(pool, apiUrl(), 'operator');
    const other = await signedInUser(pool, apiUrl(), 'operator');
    const key = await createApiKey(apiUrl(), owner.tokens);
    const res = await request(apiUrl()).delete(`/api/api-keys/${key.id}`).set('authorization', bearer(other.tokens)).expect(404);
    const missing = await request(apiUrl()).delete('/api/api-keys/00000000-0000-4000-8000-000000000000').set('authorization', bearer(other.tokens)).expect(404);
    expect(res.body.message).toBe(missing.body.message);
    await request(apiUrl()).get('/api/auth/me').set('x-api-key', key.key).expect(200);
  });

  it('lets an admin revoke any key', async () => {
    const owner = await signedInUser(pool, apiUrl(), 'operator');
    const admin = await signedInUser(pool, apiUrl(), 'admin');
    const key = await createApiKey(apiUrl(), owner.tokens);
    await request(apiUrl()).delete(`/api/api-keys/${key.id}`).set('authorization', bearer(admin.tokens)).expect(204);
    await request(apiUrl()).get('/api/auth/me').set('x-api-key', key.key).expect(401);
  });

  it('answers an id that is not a UUID with 400', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'operator');
    await request(apiUrl()).delete('/api/api-keys/not-a-uuid').set('authorization', bearer(tokens)).expect(400);
  });
});

describe('X-API-Key', () => {
  it('authenticates GET /api/auth/me (marked for keys) as the key’s principal and records last use', async () => {
    const { account, tokens } = await signedInUser(pool, apiUrl(), 'operator');
    const key = await createApiKey(apiUrl(), tokens);
    const res = await request(apiUrl()).get('/api/auth/me').set('x-api-key', key.key).expect(200);
    expect(res.body).toEqual({ kind: 'api_key', keyId: key.id, ownerId: account.id, scopes: ['marketplace:read'] });

    // The write is off the request path: wait for it rather than for a fixed time.
    let lastUsed: Date | null = null;
    for (let attempt = 0; attempt < 50 && !lastUsed; attempt++) {
      const { rows } = await pool.query<{ last_used_at: Date | null }>(`SELECT last_used_at FROM api_keys WHERE id = $1`, [key.id]);
      lastUsed = rows[0]!.last_used_at;
      if (!lastUsed) await new Promise((r) => setTimeout(r, 50));
    }
    expect(lastUsed).not.toBeNull();
  });

  it('answers a valid key on a route not marked for keys with 403', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'operator');
    const key = await createApiKey(apiUrl(), tokens);
    const res = await request(apiUrl()).get('/api/api-keys').set('x-api-key', key.key).expect(403);
    expect(res.body.details).toEqual({ code: 'api_key_not_allowed' });
  });

  it('answers an unknown or malformed key with 401', async () => {
    await request(apiUrl()).get('/api/auth/me').set('x-api-key', 'aip_000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').expect(401);
    await request(apiUrl()).get('/api/auth/me').set('x-api-key', 'garbage').expect(401);
  });

  it('stops working when the owner’s account is disabled', async () => {
    const { account, tokens } = await signedInUser(pool, apiUrl(), 'operator');
    const key = await createApiKey(apiUrl(), tokens);
    await pool.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [account.id]);
    await request(apiUrl()).get('/api/auth/me').set('x-api-key', key.key).expect(401);
  });
});
