import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { HarvestRepository } from './harvest.repository.js';
import { HARVEST_POLICY } from './harvest.tokens.js';
import type { HarvestPolicy } from './harvest-policy.js';

/**
 * The ids of canary facilities, kept in memory and reloaded every HARVEST_CANARY_REFRESH_MS, so
 * the guard never asks the database per request. A canary made a moment ago is known within
 * one refresh.
 */
@Injectable()
export class CanaryFacilities implements OnModuleInit, OnApplicationShutdown {
  /** Canary facility id → the account owning it. */
  private owners = new Map<string, string>();
  private timer: NodeJS.Timeout | undefined;
  private readonly log = new Logger('Harvest');

  constructor(
    private readonly repository: HarvestRepository,
    @Inject(HARVEST_POLICY) private readonly policy: HarvestPolicy,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.policy.enabled) return;
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), this.policy.canaryRefreshMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Whether reading this facility gives a client away: a canary, read by anyone but its owner. */
  isTrapFor(facilityId: string, userId: string | undefined): boolean {
    const owner = this.owners.get(facilityId.toLowerCase());
    return owner !== undefined && owner !== userId;
  }

  get size(): number {
    return this.owners.size;
  }

  /** Reloads the ids; on failure keeps the last ones (an outage must not switch canaries off). True when reloaded. */
  async refresh(): Promise<boolean> {
    try {
      this.owners = new Map((await this.repository.canaryFacilities()).map((row) => [row.id.toLowerCase(), row.ownerId]));
      return true;
    } catch (error) {
      this.log.warn(`Could not reload canary facilities, keeping ${this.owners.size}: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }
}
