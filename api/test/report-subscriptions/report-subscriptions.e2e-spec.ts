import type pg from 'pg';
import request from 'supertest';
import type { AuthTokens, ReportSubscription } from '@aiparksit/shared';
import { apiUrl } from '../support/api-url.js';
import { testPool } from '../support/db.js';
import { bearer, signedInUser } from '../support/factories.js';

const ROUTE = '/api/reports/subscriptions';

describe('/api/reports/subscriptions', () => {
  let pool: pg.Pool;

  const as = (tokens: AuthTokens) => ({
    list: () => request(apiUrl()).get(ROUTE).set('authorization', bearer(tokens)),
    create: (body: object) => request(apiUrl()).post(ROUTE).set('authorization', bearer(tokens)).send(body),
    remove: (id: string) => request(apiUrl()).delete(`${ROUTE}/${id}`).set('authorization', bearer(tokens)),
  });

  beforeAll(() => {
    pool = testPool();
  });

  afterAll(async () => {
    await pool.end();
  });

  it('lets an investor subscribe, answering the subscription with its first send time: 06:00 on the next 1st in their zone', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'investor');
    const before = Date.now();
    const res = await as(tokens).create({ type: 'revenue', timeZone: 'America/New_York', comparison: 'same_period_last_year' }).expect(201);
    const subscription = res.body as ReportSubscription;
    expect(subscription).toEqual({
      id: expect.any(String),
      type: 'revenue',
      timeZone: 'America/New_York',
      comparison: 'same_period_last_year',
      createdAt: expect.any(String),
      lastSentMonth: null,
      nextSendAt: expect.any(String),
    });
    const next = new Date(subscription.nextSendAt);
    expect(next.getTime()).toBeGreaterThan(before);
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(next);
    expect(local).toBe('1, 06:00');
    // Never more than a month (and a bit for the zone) ahead.
    expect(next.getTime() - before).toBeLessThanOrEqual(32 * 24 * 3600 * 1000);
    expect((await as(tokens).list().expect(200)).body).toEqual([subscription]);
  });

  it('defaults the comparison to the previous period', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'investor');
    const res = await as(tokens).create({ type: 'market', timeZone: 'Europe/Zurich' }).expect(201);
    expect(res.body.comparison).toBe('previous_period');
  });

  it('keeps one subscription per report type and user (409), and several types side by side', async () => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'investor');
    await as(tokens).create({ type: 'growth', timeZone: 'Europe/Berlin' }).expect(201);
    const again = await as(tokens).create({ type: 'growth', timeZone: 'Europe/London' }).expect(409);
    expect(again.body.details).toMatchObject({ code: 'subscription_exists', fields: [{ field: 'type' }] });
    await as(tokens).create({ type: 'platform-overview', timeZone: 'Europe/Berlin' }).expect(201);
    const list = (await as(tokens).list().expect(200)).body as ReportSubscription[];
    expect(list.map((s) => s.type)).toEqual(['growth', 'platform-overview']);
  });

  it('shows and deletes only the caller’s own subscriptions, admins included (404 for anyone else’s)', async () => {
    const owner = await signedInUser(pool, apiUrl(), 'investor');
    const other = await signedInUser(pool, apiUrl(), 'investor');
    const admin = await signedInUser(pool, apiUrl(), 'admin');
    const mine = (await as(owner.tokens).create({ type: 'revenue', timeZone: 'Europe/Paris' }).expect(201)).body as ReportSubscription;
    const adminsOwn = (await as(admin.tokens).create({ type: 'revenue', timeZone: 'UTC' }).expect(201)).body as ReportSubscription;

    expect((await as(other.tokens).list().expect(200)).body).toEqual([]);
    expect((await as(admin.tokens).list().expect(200)).body).toEqual([adminsOwn]);
    await as(other.tokens).remove(mine.id).expect(404);
    await as(admin.tokens).remove(mine.id).expect(404);
    expect((await as(owner.tokens).list().expect(200)).body).toEqual([mine]);

    await as(owner.tokens).remove(mine.id).expect(204);
    expect((await as(owner.tokens).list().expect(200)).body).toEqual([]);
    await as(owner.tokens).remove(mine.id).expect(404);
    await as(owner.tokens).remove('not-an-id').expect(400);
  });

  it.each([
    ['an unknown time zone', { type: 'revenue', timeZone: 'Mars/Olympus_Mons' }, 'timeZone'],
    ['an offset instead of a zone', { type: 'revenue', timeZone: '+02:00' }, 'timeZone'],
    ['an unknown report type', { type: 'everything', timeZone: 'Europe/Berlin' }, 'type'],
    ['an unknown comparison', { type: 'revenue', timeZone: 'Europe/Berlin', comparison: 'last_week' }, 'comparison'],
    ['no time zone', { type: 'revenue' }, 'timeZone'],
    ['an unknown field', { type: 'revenue', timeZone: 'Europe/Berlin', day: 2 }, 'day'],
  ])('answers 400 naming the field for %s', async (_case, body, field) => {
    const { tokens } = await signedInUser(pool, apiUrl(), 'investor');
    const res = await as(tokens).create(body).expect(400);
    expect(res.body.details.fields).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('refuses drivers and operators (403) and anonymous callers (401) on every route', async () => {
    for (const role of ['driver', 'operator'] as const) {
      const { tokens } = await signedInUser(pool, apiUrl(), role);
      await as(tokens).list().expect(403);
      await as(tokens).create({ type: 'revenue', timeZone: 'Europe/Berlin' }).expect(403);
      await as(tokens).remove('00000000-0000-4000-8000-000000000000').expect(403);
    }
    await request(apiUrl()).get(ROUTE).expect(401);
    await request(apiUrl()).post(ROUTE).send({ type: 'revenue', timeZone: 'Europe/Berlin' }).expect(401);
    await request(apiUrl()).delete(`${ROUTE}/00000000-0000-4000-8000-000000000000`).expect(401);
  });
});
