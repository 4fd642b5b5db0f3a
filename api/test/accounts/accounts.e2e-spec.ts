import type pg from 'pg';
import request from 'supertest';
import { API_KEY_HEADER, WS_CLOSE_CODES, WS_PATH, type AccountsPage, type AccountView, type AuthTokens } from '@aiparksit/shared';
import { unique } from '../support/db.js';
import { bearer, createApiKey, createUser, loginAs, type TestAccount } from '../support/factories.js';
import { startApiServer, type RunningApi } from '../support/system.mjs';
import { createScratchDatabase, dropScratchDatabase } from '../seed/seed-cli.js';
import { scratchPool } from '../notifications/scratch-pool.js';
import { startSmtpTestServer, type ReceivedMessage, type SmtpTestServer } from '../notifications/smtp-test-server.js';
import { RecordingSocket } from '../realtime/realtime-support.js';
import { toWebSocketUrl } from '../../../test/support/websocket-client.js';

const PUBLIC_URL = 'https://parking.example';
const STRONG_PASSWORD = 'harbour lantern juniper oboe';

/**
 * Account management against a database of its own with two API instances on it (A and B) and a
 * real SMTP server: invitations are read as the invited person would, and disabling an account
 * is checked on both instances, since only the shared database connects them.
 */
describe('Admin accounts', () => {
  const database = `accounts_${process.pid}`;
  let smtp: SmtpTestServer;
  let apiA: RunningApi;
  let apiB: RunningApi;
  let pool: pg.Pool;
  let admin: TestAccount;
  let adminTokens: AuthTokens;
  const sockets: RecordingSocket[] = [];

  const asAdmin = (url = apiA.url) => ({
    get: (path: string) => request(url).get(path).set('authorization', bearer(adminTokens)),
    post: (path: string, body?: object) =>
      request(url)
        .post(path)
        .set('authorization', bearer(adminTokens))
        .send(body ?? {}),
  });

  /** The newest email (the count-th so far) to `to`, once the outbox has sent it over SMTP. */
  const emailTo = async (to: string, count = 1): Promise<ReceivedMessage> => {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const mine = smtp.received.filter((m) => m.rcptTo.includes(to));
      if (mine.length >= count) return mine[mine.length - 1]!;
      if (Date.now() > deadline) throw new Error(`no email #${count} to ${to} within 30 s`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const tokenIn = (message: ReceivedMessage): { link: URL; token: string } => {
    const match = /https?:\/\/\S+\/invitation#token=[A-Za-z0-9_%-]+/.exec(message.mail.text ?? '');
    if (!match) throw new Error(`no invitation link in: ${message.mail.text}`);
    const link = new URL(match[0]);
    return { link, token: decodeURIComponent(new URLSearchParams(link.hash.slice(1)).get('token') ?? '') };
  };

  /**
   * The status `ask` answers once it reaches `status`, polling for a few seconds: another instance
   * hears of a change by a NOTIFY from the database, within milliseconds but not synchronously.
   */
  const statusBecomes = async (status: number, ask: () => Promise<{ status: number }>): Promise<number> => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const answered = (await ask()).status;
      if (answered === status || Date.now() > deadline) return answered;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const openSocket = async (base: string, query: string) => {
    const socket = await RecordingSocket.open(toWebSocketUrl(base, `${WS_PATH}${query}`));
    sockets.push(socket);
    return socket;
  };

  const auditRows = async (target: string) =>
    (
      await pool.query<{ action: string; outcome: string; actor_id: string; message: string }>(
        `SELECT action, outcome, actor_id, message FROM admin_audit WHERE target = $1 ORDER BY id`,
        [target],
      )
    ).rows;

  beforeAll(async () => {
    const databaseUrl = await createScratchDatabase(database);
    smtp = await startSmtpTestServer();
    const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, PUBLIC_URL, OUTBOX_POLL_INTERVAL_MS: '200' };
    // One after the other: the first migrates the empty database.
    apiA = await startApiServer(env);
    apiB = await startApiServer(env);
    pool = scratchPool(databaseUrl);
    admin = await createUser(pool, { role: 'admin' });
    adminTokens = await loginAs(apiA.url, admin);
  }, 240_000);

  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((s) => s.close()));
  });

  afterAll(async () => {
    await apiA?.stop();
    await apiB?.stop();
    await smtp?.stop();
    await pool?.end();
    await dropScratchDatabase(database);
  });

  describe('who may call it', () => {
    it('answers 401 without a token and 403 to every role but admin', async () => {
      const target = await createUser(pool, { role: 'investor' });
      const routes = [
        (r: request.Agent) => r.get('/api/admin/accounts'),
        (r: request.Agent) => r.post('/api/admin/accounts').send({ email: `${unique('x')}@example.test`, name: 'X', role: 'investor' }),
        (r: request.Agent) => r.post(`/api/admin/accounts/${target.id}/disable`),
        (r: request.Agent) => r.post(`/api/admin/accounts/${target.id}/enable`),
        (r: request.Agent) => r.post(`/api/admin/accounts/${target.id}/invitation`),
      ];
      for (const route of routes) expect((await route(request.agent(apiA.url))).status).toBe(401);
      for (const role of ['driver', 'operator', 'investor'] as const) {
        const tokens = await loginAs(apiA.url, await createUser(pool, { role }));
        for (const route of routes) {
          const res = await route(request.agent(apiA.url).set('authorization', bearer(tokens)));
          expect({ role, status: res.status, code: res.body.details?.code }).toEqual({ role, status: 403, code: 'insufficient_role' });
        }
      }
      expect((await asAdmin().get(`/api/admin/accounts/${target.id}`)).body).toMatchObject({ state: 'active', disabledAt: null });
    });
  });

  describe('GET /api/admin/accounts', () => {
    it('searches email or name in any case, filters by role and state, and pages newest first', async () => {
      const marker = unique('zq')
        .replace(/[^a-z0-9]/gi, '')
        .toLowerCase();
      const made: TestAccount[] = [];
      for (const [role, name] of [
        ['investor', `Ada ${marker}`],
        ['driver', 'Ben Plain'],
        ['operator', `Cy ${marker}`],
        ['driver', `Di ${marker}`],
      ] as const) {
        made.push(await createUser(pool, { role, name, email: role === 'driver' && name === 'Ben Plain' ? `ben.${marker}@example.test` : undefined }));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await pool.query(`UPDATE users SET email_verified_at = NULL WHERE id = $1`, [made[3]!.id]);
      await pool.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [made[2]!.id]);

      const search = await asAdmin().get(`/api/admin/accounts?q=${marker.toUpperCase()}`);
      expect(search.status).toBe(200);
      const page = search.body as AccountsPage;
      expect(page.total).toBe(4);
      // Newest first: the order they were made in, reversed; the second matches by its email only.
      expect(page.items.map((a) => a.id)).toEqual([...made].reverse().map((a) => a.id));
      expect(page.items.map((a) => a.state)).toEqual(['unverified', 'disabled', 'active', 'active']);

      const drivers = (await asAdmin().get(`/api/admin/accounts?q=${marker}&role=driver`)).body as AccountsPage;
      expect(drivers.items.map((a) => a.name).sort()).toEqual(['Ben Plain', `Di ${marker}`]);
      const disabled = (await asAdmin().get(`/api/admin/accounts?q=${marker}&state=disabled`)).body as AccountsPage;
      expect(disabled.items.map((a) => a.id)).toEqual([made[2]!.id]);
      expect(disabled.items[0]!.disabledAt).not.toBeNull();

      const second = (await asAdmin().get(`/api/admin/accounts?q=${marker}&pageSize=3&page=2`)).body as AccountsPage;
      expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(second.items.map((a) => a.id)).toEqual([made[0]!.id]);

      // Wildcards are literal: a search for "%" finds no account with a percent sign in it.
      expect((await asAdmin().get(`/api/admin/accounts?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
      const invalid = await asAdmin().get('/api/admin/accounts?state=asleep&role=king');
      expect(invalid.status).toBe(400);
    });

    it('shows each account its last sign-in', async () => {
      const investor = await createUser(pool, { role: 'investor' });
      const before = ((await asAdmin().get(`/api/admin/accounts/${investor.id}`)).body as AccountView).lastSignInAt;
      expect(before).toBeNull();
      await loginAs(apiB.url, investor);
      const after = ((await asAdmin().get(`/api/admin/accounts/${investor.id}`)).body as AccountView).lastSignInAt;
      expect(Date.now() - Date.parse(after ?? '')).toBeLessThan(60_000);
    });
  });

  describe('POST /api/admin/accounts and the invitation', () => {
    it('creates an investor who cannot sign in until the emailed link sets a password; the link works once and signs in', async () => {
      const email = `${unique('ines')}@example.test`;
      const created = await asAdmin().post('/api/admin/accounts', { email, name: 'Ines Investor', role: 'investor' });
      expect(created.status).toBe(201);
      const account = created.body as AccountView;
      expect(account).toMatchObject({ email, name: 'Ines Investor', role: 'investor', state: 'invited', lastSignInAt: null, disabledAt: null });
      const sevenDays = Date.parse(account.invitationExpiresAt ?? '') - Date.now();
      expect(sevenDays).toBeGreaterThan(6.9 * 86_400_000);
      expect(sevenDays).toBeLessThanOrEqual(7 * 86_400_000);

      // Same address in another case: taken.
      const again = await asAdmin().post('/api/admin/accounts', { email: email.toUpperCase(), name: 'Twice', role: 'admin' });
      expect(again.status).toBe(409);
      expect(again.body.details.code).toBe('email_taken');
      expect((await asAdmin().post('/api/admin/accounts', { email: `${unique('d')}@example.test`, name: 'D', role: 'driver' })).status).toBe(400);

      // No password opens it meanwhile, not even an empty one.
      expect((await request(apiA.url).post('/api/auth/login').send({ email, password: STRONG_PASSWORD })).status).toBe(401);

      const message = await emailTo(email);
      expect(message.mail.subject).toBe('You are invited to AIParksit');
      const { link, token } = tokenIn(message);
      expect(`${link.origin}${link.pathname}`).toBe(`${PUBLIC_URL}/invitation`);
      expect(message.mail.html).toContain(link.toString().replace(/&/g, '&amp;'));

      const weak = await request(apiB.url).post('/api/auth/invitations/accept').send({ token, password: 'password123' });
      expect(weak.status).toBe(400);
      expect(weak.body.details.fields[0].field).toBe('password');

      const accepted = await request(apiB.url).post('/api/auth/invitations/accept').send({ token, password: STRONG_PASSWORD });
      expect(accepted.status).toBe(200);
      expect(accepted.headers['cache-control']).toBe('no-store');
      const tokens = accepted.body as AuthTokens;
      expect(tokens.user).toMatchObject({ id: account.id, role: 'investor', emailVerified: true });
      expect((await request(apiA.url).get('/api/auth/me').set('authorization', bearer(tokens))).body).toMatchObject({ id: account.id });

      const twice = await request(apiA.url).post('/api/auth/invitations/accept').send({ token, password: 'another harbour lantern juniper' });
      expect(twice.status).toBe(400);
      expect(twice.body).toMatchObject({ details: { code: 'invitation_used' }, message: expect.stringContaining('already used') });

      await loginAs(apiA.url, { email, password: STRONG_PASSWORD });
      const view = (await asAdmin().get(`/api/admin/accounts/${account.id}`)).body as AccountView;
      expect(view).toMatchObject({ state: 'active', invitationExpiresAt: null });
      expect(view.lastSignInAt).not.toBeNull();
      expect(await auditRows(account.id)).toEqual([expect.objectContaining({ action: 'account-created', outcome: 'succeeded', actor_id: admin.id })]);
      expect(await auditRows(email.toUpperCase())).toEqual([expect.objectContaining({ action: 'account-created', outcome: 'failed' })]);
    });

    it('resends with a new link and the old one stops working; an account with a password has nothing to resend', async () => {
      const email = `${unique('adam')}@example.test`;
      const account = (await asAdmin().post('/api/admin/accounts', { email, name: 'Adam Admin', role: 'admin' })).body as AccountView;
      const first = tokenIn(await emailTo(email)).token;
      const resent = await asAdmin().post(`/api/admin/accounts/${account.id}/invitation`);
      expect(resent.status).toBe(200);
      expect(resent.body).toMatchObject({ state: 'invited' });
      const second = tokenIn(await emailTo(email, 2)).token;
      expect(second).not.toBe(first);

      const old = await request(apiA.url).post('/api/auth/invitations/accept').send({ token: first, password: STRONG_PASSWORD });
      expect(old.status).toBe(400);
      expect(old.body.details.code).toBe('invitation_replaced');
      const unknown = await request(apiA.url)
        .post('/api/auth/invitations/accept')
        .send({ token: 'x'.repeat(43), password: STRONG_PASSWORD });
      expect(unknown.body.details.code).toBe('invalid_invitation');

      const accepted = await request(apiA.url).post('/api/auth/invitations/accept').send({ token: second, password: STRONG_PASSWORD });
      expect(accepted.status).toBe(200);
      expect(accepted.body.user.role).toBe('admin');

      const nothing = await asAdmin().post(`/api/admin/accounts/${account.id}/invitation`);
      expect(nothing.status).toBe(409);
      expect(nothing.body.details.code).toBe('not_invited');
      expect((await auditRows(account.id)).map((r) => `${r.action}:${r.outcome}`)).toEqual([
        'account-created:succeeded',
        'invitation-resent:succeeded',
        'invitation-resent:failed',
      ]);
    });

    it('lets no self-registration take over an invited account, nor a verification link open it', async () => {
      const email = `${unique('taken')}@example.test`;
      const account = (await asAdmin().post('/api/admin/accounts', { email, name: 'Invited Investor', role: 'investor' })).body as AccountView;
      await emailTo(email);
      const registered = await request(apiA.url).post('/api/auth/register').send({ email, password: STRONG_PASSWORD, name: 'Someone Else', role: 'driver' });
      expect(registered.status).toBe(202);
      expect((await request(apiA.url).post('/api/auth/resend-verification').send({ email })).status).toBe(202);
      // The owner hears that someone tried; no verification link goes out for the invited address.
      const notice = await emailTo(email, 2);
      expect(notice.mail.subject).toBe('Someone tried to register with your email address');
      expect((await asAdmin().get(`/api/admin/accounts/${account.id}`)).body).toMatchObject({ name: 'Invited Investor', role: 'investor', state: 'invited' });
      expect((await request(apiA.url).post('/api/auth/login').send({ email, password: STRONG_PASSWORD })).status).toBe(401);
      const { rows } = await pool.query<{ links: number }>(`SELECT count(*)::int AS links FROM email_verification_tokens WHERE user_id = $1`, [account.id]);
      expect(rows[0]!.links).toBe(0);
    });

    it('refuses an expired invitation with a message saying so', async () => {
      const email = `${unique('late')}@example.test`;
      const account = (await asAdmin().post('/api/admin/accounts', { email, name: 'Late Investor', role: 'investor' })).body as AccountView;
      const { token } = tokenIn(await emailTo(email));
      await pool.query(`UPDATE account_invitations SET created_at = now() - interval '8 days', expires_at = now() - interval '1 day' WHERE user_id = $1`, [
        account.id,
      ]);
      const res = await request(apiA.url).post('/api/auth/invitations/accept').send({ token, password: STRONG_PASSWORD });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ details: { code: 'invitation_expired' }, message: expect.stringContaining('expired') });
    });
  });

  // Each instance answers most session and key checks from a short cache; what ends a credential
  // on one instance must end it on the other, through the database's notices.
  describe('credentials checked on another instance', () => {
    it('refuses an access token on B once its session was logged out on A', async () => {
      const owner = await createUser(pool, { role: 'driver' });
      const tokens = await loginAs(apiA.url, owner);
      for (let i = 0; i < 2; i++) expect((await request(apiB.url).get('/api/auth/me').set('authorization', bearer(tokens))).status).toBe(200);
      expect((await request(apiA.url).post('/api/auth/logout').send({ refreshToken: tokens.refreshToken })).status).toBe(204);
      expect((await request(apiA.url).get('/api/auth/me').set('authorization', bearer(tokens))).status).toBe(401);
      expect(await statusBecomes(401, () => request(apiB.url).get('/api/auth/me').set('authorization', bearer(tokens)))).toBe(401);
    });

    it('refuses an API key on B once it was revoked on A', async () => {
      const owner = await createUser(pool, { role: 'operator' });
      const tokens = await loginAs(apiA.url, owner);
      const key = await createApiKey(apiA.url, tokens);
      for (let i = 0; i < 2; i++) expect((await request(apiB.url).get('/api/auth/me').set(API_KEY_HEADER, key.key)).status).toBe(200);
      expect((await request(apiA.url).delete(`/api/api-keys/${key.id}`).set('authorization', bearer(tokens))).status).toBe(204);
      expect((await request(apiA.url).get('/api/auth/me').set(API_KEY_HEADER, key.key)).status).toBe(401);
      expect(await statusBecomes(401, () => request(apiB.url).get('/api/auth/me').set(API_KEY_HEADER, key.key))).toBe(401);
    });

    it('shows a change made by hand in the database (role, name) on both instances', async () => {
      const owner = await createUser(pool, { role: 'driver', name: 'Before Change' });
      const tokens = await loginAs(apiA.url, owner);
      const me = (url: string) => request(url).get('/api/auth/me').set('authorization', bearer(tokens));
      for (const url of [apiA.url, apiB.url]) expect((await me(url)).body).toMatchObject({ role: 'driver', name: 'Before Change' });
      await pool.query(`UPDATE users SET role = 'operator', name = 'After Change' WHERE id = $1`, [owner.id]);
      for (const url of [apiA.url, apiB.url]) {
        const deadline = Date.now() + 5_000;
        let body = (await me(url)).body as { role?: string };
        while (body.role !== 'operator' && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 20));
          body = (await me(url)).body as { role?: string };
        }
        expect(body).toMatchObject({ role: 'operator', name: 'After Change' });
      }
    });
  });

  describe('disabling and enabling', () => {
    it('ends access tokens, refresh tokens, API keys and sockets at once on both instances; enabling lets the owner sign in again', async () => {
      const owner = await createUser(pool, { role: 'operator' });
      const onA = await loginAs(apiA.url, owner);
      const onB = await loginAs(apiB.url, owner);
      const key = await createApiKey(apiA.url, onA);
      const socketA = await openSocket(apiA.url, `?token=${onA.accessToken}`);
      const socketB = await openSocket(apiB.url, `?token=${onB.accessToken}`);
      const keySocketB = await openSocket(apiB.url, `?apiKey=${encodeURIComponent(key.key)}`);
      for (const socket of [socketA, socketB, keySocketB]) expect(await socket.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
      expect((await request(apiB.url).get('/api/auth/me').set(API_KEY_HEADER, key.key)).status).toBe(200);
      // A bystander's socket on the same instance stays open.
      const bystander = await openSocket(apiB.url, `?token=${adminTokens.accessToken}`);

      const disabled = await asAdmin().post(`/api/admin/accounts/${owner.id}/disable`);
      expect(disabled.status).toBe(200);
      expect(disabled.body).toMatchObject({ id: owner.id, state: 'disabled' });

      expect(await Promise.all([socketA.closed, socketB.closed, keySocketB.closed])).toEqual([
        WS_CLOSE_CODES.unauthenticated,
        WS_CLOSE_CODES.unauthenticated,
        WS_CLOSE_CODES.unauthenticated,
      ]);
      expect(await bystander.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
      expect(await statusBecomes(401, () => request(apiA.url).get('/api/auth/me').set('authorization', bearer(onA)))).toBe(401);
      expect(await statusBecomes(401, () => request(apiB.url).get('/api/auth/me').set('authorization', bearer(onB)))).toBe(401);
      expect((await request(apiB.url).post('/api/auth/refresh').send({ refreshToken: onB.refreshToken })).status).toBe(401);
      expect(await statusBecomes(401, () => request(apiA.url).get('/api/auth/me').set(API_KEY_HEADER, key.key))).toBe(401);
      expect((await request(apiB.url).post('/api/auth/login').send({ email: owner.email, password: owner.password })).status).toBe(401);
      const { rows } = await pool.query<{ open: number }>(`SELECT count(*)::int AS open FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [
        owner.id,
      ]);
      expect(rows[0]!.open).toBe(0);

      const enabled = await asAdmin(apiB.url).post(`/api/admin/accounts/${owner.id}/enable`);
      expect(enabled.status).toBe(200);
      expect(enabled.body).toMatchObject({ state: 'active', disabledAt: null });
      const fresh = await loginAs(apiB.url, owner);
      expect((await request(apiA.url).get('/api/auth/me').set('authorization', bearer(fresh))).status).toBe(200);
      // The sessions ended by disabling stay ended; the key was suspended, not revoked.
      expect((await request(apiA.url).post('/api/auth/refresh').send({ refreshToken: onA.refreshToken })).status).toBe(401);
      expect((await request(apiA.url).get('/api/auth/me').set(API_KEY_HEADER, key.key)).status).toBe(200);

      expect((await auditRows(owner.id)).map((r) => `${r.action}:${r.outcome}`)).toEqual(['account-disabled:succeeded', 'account-enabled:succeeded']);
    });

    it('does not let an admin disable their own account, and audits the attempt', async () => {
      const res = await asAdmin().post(`/api/admin/accounts/${admin.id}/disable`);
      expect(res.status).toBe(403);
      expect(res.body.details.code).toBe('cannot_disable_self');
      expect((await request(apiA.url).get('/api/auth/me').set('authorization', bearer(adminTokens))).status).toBe(200);
      expect(await auditRows(admin.id)).toEqual([expect.objectContaining({ action: 'account-disabled', outcome: 'failed' })]);
    });

    it('answers 404 for an account that does not exist', async () => {
      const res = await asAdmin().post('/api/admin/accounts/6a1f0d1e-0000-4000-8000-00000000dead/disable');
      expect(res.status).toBe(404);
      expect(res.body.details.code).toBe('account_not_found');
    });
  });
});
