import { Injectable } from '@nestjs/common';
import { hostname } from 'node:os';
import { PORTALS, type ActiveUsers, type ApiInstancesCard, type RouteFigures, ACTIVE_USER_WINDOW_MS } from '@aiparksit/shared';
import { APP_VERSION, STARTED_AT } from '../common/index.js';
import { AppConfig } from '../config/index.js';
import { ApiFigures } from './api-figures.js';

/** This instance alone, from the process itself: what the page shows without the telemetry module's heartbeats. */
@Injectable()
export class LocalApiFigures extends ApiFigures {
  private previousCpu = { usage: process.cpuUsage(), at: performance.now() };

  constructor(private readonly config: AppConfig) {
    super();
  }

  async apiCard(): Promise<ApiInstancesCard> {
    const now = performance.now();
    const usage = process.cpuUsage();
    const elapsedMs = now - this.previousCpu.at;
    const cpuMs = (usage.user - this.previousCpu.usage.user + usage.system - this.previousCpu.usage.system) / 1000;
    this.previousCpu = { usage, at: now };
    const memory = process.memoryUsage();
    const uptimeSeconds = Math.round((Date.now() - STARTED_AT) / 1000);
    const at = new Date().toISOString();
    return {
      state: 'running',
      reason: null,
      uptimeSeconds,
      requestsPerMinute: 0,
      serverErrorsPerMinute: 0,
      instances: [
        {
          id: `${hostname()}:${this.config.values.port}:${process.pid}`,
          host: hostname(),
          pid: process.pid,
          port: this.config.values.port,
          version: APP_VERSION,
          startedAt: new Date(STARTED_AT).toISOString(),
          lastHeartbeatAt: at,
          state: 'running',
          stoppedAt: null,
          restarts: 0,
          uptimeSeconds,
          cpuPercent: elapsedMs > 0 ? Math.round((cpuMs / elapsedMs) * 1000) / 10 : 0,
          memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal },
          eventLoopDelayP99Ms: 0,
          requestsPerMinute: 0,
          p95LatencyMs: null,
          serverErrorsPerMinute: 0,
          self: true,
        },
      ],
    };
  }

  async activeUsers(): Promise<ActiveUsers> {
    return { total: 0, byPortal: Object.fromEntries(PORTALS.map((p) => [p, 0])) as ActiveUsers['byPortal'], windowSeconds: ACTIVE_USER_WINDOW_MS / 1000 };
  }

  async routes(): Promise<RouteFigures[]> {
    return [];
  }
}
