import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { createOperator } from '../support/facility-factories.js';
import { bearer, loginAs, signedInUser, TEST_PASSWORD } from '../support/factories.js';

const NEW_IBAN = { kind: 'iban', holderName: 'Nordpark Garagen GmbH', iban: 'GB82 WEST 1234 5698 7654 32' };

describe('PUT /api/operator/payout-account', () => {
  let pool: pg.Pool;
  let api: string;

  beforeAll(() => {
    pool = testPool();
    api = apiUrl();
  });

  afterAll(async () => {
    await pool.end();
  });

  const change = (tokens: AuthTokens, body: object) => request(api).put('/api/operator/payout-account').set('authorization', bearer(tokens)).send(body);

  async function approvedOperator() {
    const operator = await createOperator(pool);
    return { operator, tokens: await loginAs(api, operator.owner) };
  }

  it('lets an approved operator change it with the current password: stored masked, the time recorded, the owner emailed', async () => {
    const { operator, tokens } = await approvedOperator();
    const before = Date.now();
    const res = await change(tokens, { ...NEW_IBAN, currentPassword: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', payoutAccount: { kind: 'iban', country: 'GB', last4: '5432', holderName: NEW_IBAN.holderName } });
    expect(JSON.stringify(res.body)).not.toContain('98765432');
    expect(Date.parse(res.body.payoutAccountChangedAt)).toBeGreaterThanOrEqual(before - 1000);

    const stored = await pool.query(`SELECT payout_last4, payout_account_changed_at FROM operators WHERE id = $1`, [operator.id]);
    expect(stored.rows[0]).toMatchObject({ payout_last4: '5432' });
    const notices = await pool.query(`SELECT payload FROM outbox WHERE kind = 'email.account_notice' AND payload->>'userId' = $1`, [operator.owner.id]);
    expect(notices.rows).toHaveLength(1);
    expect(notices.rows[0].payload.subject).toBe('Your payout account was changed');
    expect(notices.rows[0].payload.message).toContain('5432');

    const onboarding = await request(api).get('/api/operator/onboarding').set('authorization', bearer(tokens));
    expect(onboarding.body.payoutAccountChangedAt).toBe(res.body.payoutAccountChangedAt);
  });

  it('refuses a wrong current password with 400 naming the field, and changes nothing', async () => {
    const { operator, tokens } = await approvedOperator();
    const res = await change(tokens, { ...NEW_IBAN, currentPassword: 'not the password at all' });
    expect(res.status).toBe(400);
    expect(res.body.details).toMatchObject({ code: 'current_password_wrong', fields: [{ field: 'currentPassword' }] });
    const stored = await pool.query(`SELECT payout_last4, payout_account_changed_at FROM operators WHERE id = $1`, [operator.id]);
    expect(stored.rows[0]).toEqual({ payout_last4: null, payout_account_changed_at: null });
  });

  it('validates the account like onboarding does (IBAN checksum) and requires the password field', async () => {
    const { tokens } = await approvedOperator();
    const badIban = await change(tokens, { ...NEW_IBAN, iban: 'GB82 WEST 1234 5698 7654 33', currentPassword: TEST_PASSWORD });
    expect(badIban.status).toBe(400);
    expect(badIban.body.details.fields.map((d: { field: string }) => d.field)).toEqual(['iban']);
    const noPassword = await change(tokens, NEW_IBAN);
    expect(noPassword.status).toBe(400);
    expect(noPassword.body.details.fields.map((d: { field: string }) => d.field)).toEqual(['currentPassword']);
  });

  it('answers 409 before approval (onboarding changes it then) and while the application is reviewed', async () => {
    for (const status of ['draft', 'submitted'] as const) {
      const operator = await createOperator(pool, { status });
      const res = await change(await loginAs(api, operator.owner), { ...NEW_IBAN, currentPassword: TEST_PASSWORD });
      expect({ status, code: res.status, details: res.body.details }).toEqual({ status, code: 409, details: { code: 'application_not_approved', status } });
    }
  });

  it('is 404 for an operator account without an application, 403 for other roles and 401 without a session', async () => {
    const { tokens: newcomer } = await signedInUser(pool, api, 'operator');
    expect((await change(newcomer, { ...NEW_IBAN, currentPassword: TEST_PASSWORD })).status).toBe(404);
    const { tokens: driver } = await signedInUser(pool, api, 'driver');
    expect((await change(driver, { ...NEW_IBAN, currentPassword: TEST_PASSWORD })).status).toBe(403);
    expect(
      (
        await request(api)
          .put('/api/operator/payout-account')
          .send({ ...NEW_IBAN, currentPassword: TEST_PASSWORD })
      ).status,
    ).toBe(401);
  });
});
