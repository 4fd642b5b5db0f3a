import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface ProcessFigures {
  /** Of one core, over the period since the previous sample. */
  cpuPercent: number;
  memory: { rssBytes: number; heapUsedBytes: number; heapTotalBytes: number };
  eventLoopDelayP99Ms: number;
  uptimeSeconds: number;
}

/**
 * Process figures per heartbeat period: CPU from the cpuUsage delta, event-loop delay p99 from a
 * histogram that is reset at each sample, so a stall shows in the period it happened and then goes.
 */
export class ProcessSampler {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 20 });
  private lastCpu = process.cpuUsage();
  private lastAt = performance.now();

  constructor() {
    this.loop.enable();
  }

  sample(): ProcessFigures {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    const elapsedMs = Math.max(1, now - this.lastAt);
    this.lastCpu = process.cpuUsage();
    this.lastAt = now;
    const memory = process.memoryUsage();
    // The histogram is in nanoseconds; without a sample yet it answers NaN or 0.
    const p99 = this.loop.count > 0 ? this.loop.percentile(99) / 1e6 : 0;
    this.loop.reset();
    return {
      cpuPercent: Math.round(((cpu.user + cpu.system) / 1000 / elapsedMs) * 1000) / 10,
      memory: { rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, heapTotalBytes: memory.heapTotal },
      eventLoopDelayP99Ms: Math.round(p99 * 10) / 10,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }

  stop(): void {
    this.loop.disable();
  }
}
