import { Inject, Injectable } from '@nestjs/common';
import { ERROR_TYPES, ErrorLog } from '../common/errors/index.js';
import { CanaryFacilities } from './canary-facilities.js';
import { harvestClientFor, type HarvestClient, type ReadingRequest } from './harvest-client.js';
import { HarvestException } from './harvest.exception.js';
import { HarvestRepository } from './harvest.repository.js';
import type { HarvestPolicy } from './harvest-policy.js';
import { readIdentity, type HarvestedRead } from './harvest-reads.js';
import type { BlockReason, HarvestStore } from './harvest-store.js';
import { HARVEST_CLOCK, HARVEST_POLICY, HARVEST_STORE } from './harvest.tokens.js';

/** One request to a guarded route, as the guard sees it. */
export interface GuardedRead extends ReadingRequest {
  principal?: ({ kind: 'user'; userId: string; role: string } | { kind: 'api_key'; keyId: string }) | undefined;
  read: HarvestedRead;
  route: string;
  params?: Record<string, unknown> | undefined;
  query?: Record<string, unknown> | undefined;
}

/** Where blocks are logged: the request's logger, so each line carries its reqId. */
export interface BlockLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** Blocks and clients blocked, for the admin system page. */
export interface HarvestStats {
  enabled: boolean;
  /** Blocks started so far, per reason (threshold passed, canary read). */
  blocksByReason: Record<BlockReason, number>;
  /** Clients refused right now. */
  clientsBlocked: number;
  lastBlockAt: Date | null;
  /** Where counts live: shared by every instance in Redis, or per instance in memory. */
  store: 'redis' | 'memory';
  canaryFacilities: number;
}

const secondsOf = (ms: number): number => Math.max(1, Math.ceil(ms / 1000));

/** A refused client's lift is looked up at most this often per client (memory store only). */
const LIFT_CHECK_MS = 1000;
/** Clients whose last lift check is remembered; beyond it the memory starts afresh. */
const MAX_LIFT_CHECKS = 10_000;

/**
 * The anti-harvesting rules: each client may read a number of distinct facilities (opened, or
 * shown in a result page) and result pages in a sliding window (by client class); past it, or on
 * reading a canary facility, it is refused with 429 for a while. Administrators are not counted: they may read everything anyway.
 */
@Injectable()
export class HarvestService {
  constructor(
    @Inject(HARVEST_POLICY) private readonly policy: HarvestPolicy,
    @Inject(HARVEST_STORE) private readonly store: HarvestStore & { readonly kind?: 'redis' | 'memory' },
    private readonly canaries: CanaryFacilities,
    @Inject(HARVEST_CLOCK) private readonly now: () => number,
    private readonly repository: HarvestRepository,
    private readonly errorLog: ErrorLog,
  ) {}

  /** When each refused client's lift was last looked up (memory store). */
  private readonly liftChecks = new Map<string, number>();

  /** Resolves when the read may go ahead; throws HarvestException (429) when the client is refused. */
  async admit(request: GuardedRead, log: BlockLog): Promise<void> {
    if (!this.policy.enabled) return;
    if (request.principal?.kind === 'user' && request.principal.role === 'admin') return;
    const item = readIdentity(request.read, request);
    if (item === undefined) return;
    const client = harvestClientFor(request);
    const now = this.now();

    const facilityId = request.read === 'facility' ? String(request.params?.['id']) : undefined;
    if (facilityId !== undefined && this.canaries.isTrapFor(facilityId, request.principal?.kind === 'user' ? request.principal.userId : undefined)) {
      let verdict = await this.store.block(client.key, 'canary', this.policy.canaryBlockMs, now);
      if (!verdict.started && (await this.liftedElsewhere(client.key, now)))
        verdict = await this.store.block(client.key, 'canary', this.policy.canaryBlockMs, now);
      if (!verdict.started) throw new HarvestException(secondsOf(verdict.blockLeftMs));
      this.logBlock(log, client, request, 'canary', verdict.blockLeftMs);
      // The first time the route answers as it does for any unpublished facility (404), so the
      // client does not learn which request gave it away; from the next request on it gets 429.
      return;
    }

    await this.count(client, [item], request, log, now);
  }

  /**
   * Counts the facilities a result page is about to show (`reads` from `facilityIdsServed`).
   * Throws HarvestException when they take the client past its limit: that page is not sent.
   */
  async countServed(request: GuardedRead, reads: readonly string[], log: BlockLog): Promise<void> {
    if (!this.policy.enabled || reads.length === 0) return;
    if (request.principal?.kind === 'user' && request.principal.role === 'admin') return;
    await this.count(harvestClientFor(request), reads, request, log, this.now());
  }

  private async count(client: HarvestClient, reads: readonly string[], request: GuardedRead, log: BlockLog, now: number): Promise<void> {
    const rule = this.policy.rules[client.clientClass];
    let verdict = await this.store.recordReads(client.key, reads, rule, now);
    if (verdict.blocked && !verdict.started && (await this.liftedElsewhere(client.key, now)))
      verdict = await this.store.recordReads(client.key, reads, rule, now);
    if (!verdict.blocked) return;
    if (verdict.started) this.logBlock(log, client, request, verdict.reason, verdict.blockLeftMs);
    throw new HarvestException(secondsOf(verdict.blockLeftMs));
  }

  /**
   * An admin's lift: the client's block ends and its reads are forgotten, here at once, and on
   * the other instances (memory store) the next time they refuse it. Clients are the keys the
   * block log and the recent errors name (`user:…`, `key:…`, `anon:…`). True when this instance
   * (or Redis) held a running block.
   */
  async liftBlock(client: string, actorId: string | null): Promise<boolean> {
    const lifted = await this.store.lift(client, this.now());
    await this.repository.recordLift(client, actorId);
    return lifted;
  }

  /** Reloads the canary facility ids now; answers how many there are, or undefined when the reload failed. */
  async reloadCanaries(): Promise<number | undefined> {
    return (await this.canaries.refresh()) ? this.canaries.size : undefined;
  }

  /** Whether an admin lifted this refused client's block after it started (per-instance memory store only). */
  private async liftedElsewhere(client: string, now: number): Promise<boolean> {
    if (this.store.kind === 'redis') return false;
    const checkedAt = this.liftChecks.get(client);
    if (checkedAt !== undefined && now - checkedAt < LIFT_CHECK_MS) return false;
    if (this.liftChecks.size >= MAX_LIFT_CHECKS) this.liftChecks.clear();
    this.liftChecks.set(client, now);
    const liftedAt = await this.repository.liftedAt(client).catch(() => undefined);
    return liftedAt !== undefined && (await this.store.lift(client, now, liftedAt));
  }

  async stats(): Promise<HarvestStats> {
    const stats = await this.store.stats(this.now());
    return { enabled: this.policy.enabled, ...stats, store: this.store.kind ?? 'memory', canaryFacilities: this.canaries.size };
  }

  private logBlock(log: BlockLog, client: HarvestClient, request: GuardedRead, reason: BlockReason, blockMs: number): void {
    log.warn(
      {
        harvest: {
          reason,
          clientClass: client.clientClass,
          client: client.key,
          route: request.route,
          blockSeconds: secondsOf(blockMs),
          limit: reason === 'threshold' ? this.policy.rules[client.clientClass].limit : undefined,
        },
      },
      `harvesting client blocked (${reason})`,
    );
    this.errorLog.record({
      service: 'Security',
      type: ERROR_TYPES.harvestingBlock,
      message: `${client.clientClass} client ${client.key} blocked (${reason === 'canary' ? 'read a canary facility' : 'past the read limit'}) on ${request.route}`,
    });
  }
}
