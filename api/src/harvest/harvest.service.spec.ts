import { ErrorLog } from '../common/errors/index.js';
import { CanaryFacilities } from './canary-facilities.js';
import { HarvestException } from './harvest.exception.js';
import { harvestPolicyFromConfig } from './harvest-policy.js';
import type { HarvestRepository } from './harvest.repository.js';
import { HarvestService, type BlockLog, type GuardedRead } from './harvest.service.js';
import { MemoryHarvestStore } from './memory-harvest-store.js';

const CANARY = 'c0ffee00-0000-4000-8000-000000000001';
const CANARY_OWNER = 'owner-of-the-canary';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

const policy = harvestPolicyFromConfig({
  harvestEnabled: true,
  harvestWindowMs: 600_000,
  harvestLimitAnonymous: 5,
  harvestLimitSignedIn: 8,
  harvestLimitApiKey: 20,
  harvestLimitAutomation: 2,
  harvestBlockMs: 1_800_000,
  harvestCanaryBlockMs: 3_600_000,
  harvestCanaryRefreshMs: 60_000,
});

async function serviceWith(overrides: Partial<typeof policy> = {}) {
  const clock = { now: 1_000_000 };
  const repository = {
    canaryFacilities: async () => [{ id: CANARY, ownerId: CANARY_OWNER }],
    liftedAt: async () => undefined,
    recordLift: async () => undefined,
  } as unknown as HarvestRepository;
  const canaries = new CanaryFacilities(repository, { ...policy, ...overrides });
  await canaries.refresh();
  const store = new MemoryHarvestStore({ maxEntries: 10_000, maxBlockedClients: 1000 });
  const service = new HarvestService({ ...policy, ...overrides }, store, canaries, () => clock.now, repository, new ErrorLog());
  const blocks: Record<string, unknown>[] = [];
  const log: BlockLog = { warn: (fields) => blocks.push(fields) };
  return { service, clock, blocks, log };
}

const person: Omit<GuardedRead, 'read' | 'route'> = { address: '203.0.113.7', userAgent: FIREFOX, acceptLanguage: 'en-GB' };
const facility = (id: string, who = person): GuardedRead => ({ ...who, read: 'facility', route: '/api/facilities/:id', params: { id } });
const page = (cursor: number, who = person): GuardedRead => ({
  ...who,
  read: 'marketplace-page',
  route: '/api/proxy/marketplace',
  query: { city: 'Berlin', cursor: String(cursor) },
});

async function refusal(promise: Promise<void>): Promise<HarvestException> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof HarvestException) return error;
    throw error;
  }
  throw new Error('expected the read to be refused');
}

describe('HarvestService.admit', () => {
  it('lets a person read up to the anonymous limit of distinct facilities and pages, re-reads included', async () => {
    const { service, log } = await serviceWith();
    for (let i = 0; i < 3; i++) await service.admit(facility(`f-${i}`), log);
    await service.admit(page(1), log);
    await service.admit(page(2), log);
    for (let i = 0; i < 10; i++) await service.admit(facility('f-0'), log);
  });

  it('refuses the read past the limit with 429 and a Retry-After of the block time, and logs the block once', async () => {
    const { service, log, blocks } = await serviceWith();
    for (let i = 0; i < 5; i++) await service.admit(page(i), log);
    const error = await refusal(service.admit(page(5), log));
    expect(error.kind).toBe('rate_limited');
    expect(error.details).toEqual({ retryAfterSeconds: 1800 });
    await refusal(service.admit(facility('f-0'), log));
    expect(blocks).toEqual([
      {
        harvest: {
          reason: 'threshold',
          clientClass: 'anonymous',
          client: expect.stringMatching(/^anon:/),
          route: '/api/proxy/marketplace',
          blockSeconds: 1800,
          limit: 5,
        },
      },
    ]);
  });

  it('lets the client back once the block is over', async () => {
    const { service, log, clock } = await serviceWith();
    for (let i = 0; i < 6; i++) await service.admit(page(i), log).catch(() => undefined);
    clock.now += 1_800_000;
    await service.admit(page(0), log);
  });

  it('gives obvious automation the lower limit', async () => {
    const { service, log } = await serviceWith();
    const curl = { address: '203.0.113.9', userAgent: 'curl/8.5.0' };
    await service.admit(facility('f-1', curl), log);
    await service.admit(facility('f-2', curl), log);
    await refusal(service.admit(facility('f-3', curl), log));
  });

  it('counts a signed-in person per account on the signed-in limit', async () => {
    const { service, log } = await serviceWith();
    const driver = { ...person, principal: { kind: 'user' as const, userId: 'u-1', role: 'driver' } };
    for (let i = 0; i < 8; i++) await service.admit(facility(`f-${i}`, { ...driver, address: `198.51.100.${i}` }), log);
    await refusal(service.admit(facility('f-8', driver), log));
  });

  it('counts each API key on its own quota', async () => {
    const { service, log } = await serviceWith();
    const first = { ...person, principal: { kind: 'api_key' as const, keyId: 'k-1' } };
    const second = { ...person, principal: { kind: 'api_key' as const, keyId: 'k-2' } };
    for (let i = 0; i < 20; i++) await service.admit(facility(`f-${i}`, first), log);
    await refusal(service.admit(facility('f-20', first), log));
    await service.admit(facility('f-20', second), log);
  });

  describe('canary facilities', () => {
    it('lets the first read of a canary through to the route, blocks the client, and refuses it from then on', async () => {
      const { service, log, blocks } = await serviceWith();
      await service.admit(facility(CANARY), log);
      expect(blocks).toEqual([{ harvest: expect.objectContaining({ reason: 'canary', clientClass: 'anonymous', blockSeconds: 3600 }) }]);
      const error = await refusal(service.admit(facility('f-1'), log));
      expect(error.details).toEqual({ retryAfterSeconds: 3600 });
      await refusal(service.admit(facility(CANARY.toUpperCase()), log));
      expect(blocks).toHaveLength(1);
    });

    it('does not trap the operator that owns the canary', async () => {
      const { service, log, blocks } = await serviceWith();
      const owner = { ...person, principal: { kind: 'user' as const, userId: CANARY_OWNER, role: 'operator' } };
      await service.admit(facility(CANARY, owner), log);
      await service.admit(facility('f-1', owner), log);
      expect(blocks).toEqual([]);
    });
  });

  it('counts the facilities a result page shows, and refuses the page that passes the limit', async () => {
    const { service, log, blocks } = await serviceWith();
    await service.admit(page(1), log);
    await service.countServed(page(1), ['facility:f-1', 'facility:f-2'], log);
    // The same facilities again, in another page: one more read (the page), four in all.
    await service.admit(page(2), log);
    await service.countServed(page(2), ['facility:f-1', 'facility:f-2'], log);
    await service.admit(facility('f-1'), log);
    const error = await refusal(service.countServed(page(2), ['facility:f-3', 'facility:f-4'], log));
    expect(error.details).toEqual({ retryAfterSeconds: 1800 });
    expect(blocks).toHaveLength(1);
  });

  it('does not count administrators', async () => {
    const { service, log } = await serviceWith();
    const admin = { ...person, principal: { kind: 'user' as const, userId: 'a-1', role: 'admin' } };
    for (let i = 0; i < 50; i++) await service.admit(facility(`f-${i}`, admin), log);
    await service.admit(facility(CANARY, admin), log);
  });

  it('does nothing when switched off', async () => {
    const { service, log } = await serviceWith({ enabled: false });
    for (let i = 0; i < 50; i++) await service.admit(facility(`f-${i}`, { address: '203.0.113.9', userAgent: 'curl/8' }), log);
  });
});

describe('HarvestService.stats', () => {
  it('reports blocks per reason, the clients blocked now and the last block', async () => {
    const { service, log, clock } = await serviceWith();
    await service.admit(facility(CANARY), log);
    clock.now += 1000;
    const curl = { address: '203.0.113.9', userAgent: 'curl/8.5.0' };
    for (let i = 0; i < 3; i++) await service.admit(facility(`f-${i}`, curl), log).catch(() => undefined);
    expect(await service.stats()).toEqual({
      enabled: true,
      blocksByReason: { threshold: 1, canary: 1 },
      clientsBlocked: 2,
      lastBlockAt: new Date(clock.now),
      store: 'memory',
      canaryFacilities: 1,
    });
  });
});
