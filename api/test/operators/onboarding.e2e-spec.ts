import type pg from 'pg';
import request from 'supertest';
import { OPERATOR_TERMS_VERSION, type AuthTokens } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool, unique } from '../support/db.js';
import { bearer, signedInUser } from '../support/factories.js';

const COMPANY = { legalName: 'Nordpark Garagen GmbH', displayName: 'Nordpark', taxId: 'de 123456789' };
const CONTACT = { email: 'ops@nordpark.example', phone: '+49 30 123-4567' };
const IBAN = { kind: 'iban', holderName: 'Nordpark Garagen GmbH', iban: 'DE89 3704 0044 0532 0130 00' };
const US_ACCOUNT = { kind: 'us_ach', holderName: 'Nordpark Inc', routingNumber: '021000021', accountNumber: '000555443322' };
const TERMS = { accepted: true, version: OPERATOR_TERMS_VERSION };

describe('operator onboarding', () => {
  let pool: pg.Pool;
  let api: string;
  let admin: AuthTokens;

  beforeAll(async () => {
    pool = testPool();
    api = apiUrl();
    admin = (await signedInUser(pool, api, 'admin')).tokens;
  });

  afterAll(async () => {
    await pool.end();
  });

  const as = (tokens: AuthTokens) => ({
    get: (path: string) => request(api).get(path).set('authorization', bearer(tokens)),
    post: (path: string, body?: object) =>
      request(api)
        .post(path)
        .set('authorization', bearer(tokens))
        .send(body ?? {}),
    put: (path: string, body: object) => request(api).put(path).set('authorization', bearer(tokens)).send(body),
  });

  async function operatorWithCompleteDraft() {
    const { account, tokens } = await signedInUser(pool, api, 'operator');
    const me = as(tokens);
    expect((await me.post('/api/operator/onboarding', { company: { ...COMPANY, displayName: unique('Park') } })).status).toBe(201);
    expect((await me.put('/api/operator/onboarding/contact', CONTACT)).status).toBe(200);
    expect((await me.put('/api/operator/onboarding/payout-account', IBAN)).status).toBe(200);
    expect((await me.put('/api/operator/onboarding/terms', TERMS)).status).toBe(200);
    return { account, tokens, me };
  }

  describe('POST /api/operator/onboarding and the steps', () => {
    it('starts a draft, keeps each valid step, and says which steps are missing', async () => {
      const { tokens } = await signedInUser(pool, api, 'operator');
      const me = as(tokens);
      expect((await me.get('/api/operator/onboarding')).status).toBe(404);

      const started = await me.post('/api/operator/onboarding', { company: COMPANY });
      expect(started.status).toBe(201);
      expect(started.body).toMatchObject({
        status: 'draft',
        company: { ...COMPANY, taxId: 'DE 123456789' },
        contact: null,
        missingSteps: ['contact', 'payoutAccount', 'terms'],
      });

      const contact = await me.put('/api/operator/onboarding/contact', CONTACT);
      expect(contact.status).toBe(200);
      expect(contact.body.contact).toEqual({ email: CONTACT.email, phone: '+49301234567' });

      const resumed = await me.get('/api/operator/onboarding');
      expect(resumed.body).toMatchObject({ id: started.body.id, contact: { phone: '+49301234567' }, missingSteps: ['payoutAccount', 'terms'] });
    });

    it('answers 409 to a second start and 403 to a driver', async () => {
      const { tokens } = await signedInUser(pool, api, 'operator');
      expect((await as(tokens).post('/api/operator/onboarding', { company: COMPANY })).status).toBe(201);
      const again = await as(tokens).post('/api/operator/onboarding', { company: COMPANY });
      expect(again.status).toBe(409);
      expect(again.body.details.code).toBe('application_exists');
      const driver = (await signedInUser(pool, api, 'driver')).tokens;
      expect((await as(driver).get('/api/operator/onboarding')).status).toBe(403);
    });

    it('names every invalid field of a step with 400 and keeps the last valid values', async () => {
      const { tokens } = await signedInUser(pool, api, 'operator');
      const me = as(tokens);
      const bad = await me.post('/api/operator/onboarding', { company: { legalName: 'X', displayName: 'Nordpark', taxId: '!' } });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.map((d: { field: string }) => d.field).sort()).toEqual(['company.legalName', 'company.taxId']);

      expect((await me.post('/api/operator/onboarding', { company: COMPANY })).status).toBe(201);
      expect((await me.put('/api/operator/onboarding/contact', CONTACT)).status).toBe(200);
      const badContact = await me.put('/api/operator/onboarding/contact', { email: 'not-an-email', phone: '030 1234' });
      expect(badContact.status).toBe(400);
      expect(badContact.body.details.fields.map((d: { field: string }) => d.field).sort()).toEqual(['email', 'phone']);
      expect((await me.get('/api/operator/onboarding')).body.contact).toEqual({ email: CONTACT.email, phone: '+49301234567' });
    });

    it('checks an IBAN by mod-97 and stores it masked only', async () => {
      const { account, tokens } = await signedInUser(pool, api, 'operator');
      const me = as(tokens);
      await me.post('/api/operator/onboarding', { company: COMPANY });
      const typo = await me.put('/api/operator/onboarding/payout-account', { ...IBAN, iban: 'DE89 3704 0044 0532 0130 01' });
      expect(typo.status).toBe(400);
      expect(typo.body.details.fields).toEqual([
        { field: 'iban', code: 'invalid_format', message: expect.stringMatching(/check digits/), params: { format: 'bank_account' } },
      ]);

      const saved = await me.put('/api/operator/onboarding/payout-account', IBAN);
      expect(saved.status).toBe(200);
      expect(saved.body.payoutAccount).toEqual({
        kind: 'iban',
        holderName: IBAN.holderName,
        country: 'DE',
        bankHint: '37040044',
        last4: '3000',
        display: 'DE•• •••• 3000',
      });
      const row = await pool.query(`SELECT row_to_json(o)::text AS row FROM operators o WHERE owner_id = $1`, [account.id]);
      expect(row.rows[0].row).not.toContain('0532013000');
      expect(JSON.stringify(saved.body)).not.toContain('0532013000');
    });

    it('checks a US routing number by its ABA checksum and keeps only the last 4 of the account', async () => {
      const { account, tokens } = await signedInUser(pool, api, 'operator');
      const me = as(tokens);
      await me.post('/api/operator/onboarding', { company: COMPANY });
      const bad = await me.put('/api/operator/onboarding/payout-account', { ...US_ACCOUNT, routingNumber: '021000022', accountNumber: '12' });
      expect(bad.status).toBe(400);
      expect(bad.body.details.fields.map((d: { field: string }) => d.field).sort()).toEqual(['accountNumber', 'routingNumber']);
      const saved = await me.put('/api/operator/onboarding/payout-account', US_ACCOUNT);
      expect(saved.body.payoutAccount).toMatchObject({ kind: 'us_ach', country: 'US', bankHint: '021000021', last4: '3322' });
      const row = await pool.query(`SELECT row_to_json(o)::text AS row FROM operators o WHERE owner_id = $1`, [account.id]);
      expect(row.rows[0].row).not.toContain('5554433');
    });

    it('wants the current terms accepted', async () => {
      const { tokens } = await signedInUser(pool, api, 'operator');
      const me = as(tokens);
      await me.post('/api/operator/onboarding', { company: COMPANY });
      expect((await me.put('/api/operator/onboarding/terms', { accepted: false, version: OPERATOR_TERMS_VERSION })).status).toBe(400);
      const old = await me.put('/api/operator/onboarding/terms', { accepted: true, version: '1999-01' });
      expect(old.status).toBe(400);
      expect(old.body.details).toMatchObject({ code: 'terms_version_mismatch', currentVersion: OPERATOR_TERMS_VERSION });
      const ok = await me.put('/api/operator/onboarding/terms', TERMS);
      expect(ok.body.terms).toEqual({ version: OPERATOR_TERMS_VERSION, acceptedAt: expect.any(String) });
    });
  });

  describe('POST /api/operator/onboarding/submit', () => {
    it('refuses an incomplete application, naming the missing steps', async () => {
      const { tokens } = await signedInUser(pool, api, 'operator');
      const me = as(tokens);
      await me.post('/api/operator/onboarding', { company: COMPANY });
      await me.put('/api/operator/onboarding/contact', CONTACT);
      const res = await me.post('/api/operator/onboarding/submit');
      expect(res.status).toBe(409);
      expect(res.body.details).toEqual({ code: 'application_incomplete', missingSteps: ['payoutAccount', 'terms'] });
    });

    it('submits a complete application, which then cannot be edited', async () => {
      const { me } = await operatorWithCompleteDraft();
      const res = await me.post('/api/operator/onboarding/submit');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'submitted', missingSteps: [], submittedAt: expect.any(String) });
      const edit = await me.put('/api/operator/onboarding/contact', CONTACT);
      expect(edit.status).toBe(409);
      expect(edit.body.details).toEqual({ code: 'application_locked', status: 'submitted' });
    });
  });

  describe('admin review', () => {
    it('lists submitted applications, approves one, and refuses to review it twice', async () => {
      const { account, me } = await operatorWithCompleteDraft();
      const submitted = (await me.post('/api/operator/onboarding/submit')).body;

      const queue = await as(admin).get('/api/admin/operators?status=submitted&pageSize=100');
      expect(queue.status).toBe(200);
      const entry = queue.body.items.find((i: { id: string }) => i.id === submitted.id);
      expect(entry).toMatchObject({ status: 'submitted', owner: { id: account.id, email: account.email } });

      const approved = await as(admin).post(`/api/admin/operators/${submitted.id}/approve`);
      expect(approved.status).toBe(200);
      expect(approved.body).toMatchObject({ status: 'approved', reviewedAt: expect.any(String) });
      expect((await me.get('/api/operator/onboarding')).body.status).toBe('approved');

      const again = await as(admin).post(`/api/admin/operators/${submitted.id}/approve`);
      expect(again.status).toBe(409);
      expect(again.body.details).toEqual({ code: 'application_not_submitted', status: 'approved' });
    });

    it('rejects with a reason; the operator edits (back to draft) and submits again', async () => {
      const { me } = await operatorWithCompleteDraft();
      const { id } = (await me.post('/api/operator/onboarding/submit')).body;
      expect((await as(admin).post(`/api/admin/operators/${id}/reject`, {})).status).toBe(400);
      const rejected = await as(admin).post(`/api/admin/operators/${id}/reject`, { reason: 'The tax number does not match the register.' });
      expect(rejected.body).toMatchObject({ status: 'rejected', rejectionReason: 'The tax number does not match the register.' });

      const seen = await me.get('/api/operator/onboarding');
      expect(seen.body).toMatchObject({ status: 'rejected', rejectionReason: 'The tax number does not match the register.' });
      const fixed = await me.put('/api/operator/onboarding/company', { ...COMPANY, taxId: 'DE987654321' });
      expect(fixed.body.status).toBe('draft');
      const resubmitted = await me.post('/api/operator/onboarding/submit');
      expect(resubmitted.body).toMatchObject({ status: 'submitted', rejectionReason: null });
    });

    it('is for admins only, and answers 404 for an unknown application', async () => {
      const { tokens } = await signedInUser(pool, api, 'operator');
      expect((await as(tokens).get('/api/admin/operators')).status).toBe(403);
      expect((await as(tokens).post('/api/admin/operators/00000000-0000-4000-8000-000000000000/approve')).status).toBe(403);
      expect((await as(admin).get('/api/admin/operators/00000000-0000-4000-8000-000000000000')).status).toBe(404);
      expect((await as(admin).post('/api/admin/operators/00000000-0000-4000-8000-000000000000/approve')).status).toBe(404);
      expect((await as(admin).get('/api/admin/operators?status=bogus')).status).toBe(400);
    });
  });

  it('shows one operator nothing of another: each account reaches only its own application', async () => {
    const a = await operatorWithCompleteDraft();
    const b = await signedInUser(pool, api, 'operator');
    const theirs = await as(b.tokens).get('/api/operator/onboarding');
    expect(theirs.status).toBe(404);
    expect(JSON.stringify(theirs.body)).not.toContain(a.account.id);
    expect((await as(b.tokens).post('/api/operator/onboarding/submit')).status).toBe(404);
    expect((await as(b.tokens).get('/api/proxy/operator')).status).toBe(404);
  });
});
