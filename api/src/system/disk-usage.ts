import { existsSync } from 'node:fs';
import { statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { DiskUsage } from '@aiparksit/shared';

/**
 * One file system's figures as `df` shows them: used = blocks − free blocks, free = blocks
 * available to unprivileged users, and the percentage of used over used + available (so the
 * blocks reserved for root count as neither, and 100 % means nobody but root can write).
 * A directory that does not exist yet (a log directory before the first log) reports the file
 * system it would be created on.
 */
export async function diskUsage(kind: DiskUsage['kind'], label: string, path: string, warnPercent: number): Promise<DiskUsage> {
  const stats = await statfs(nearestExisting(path));
  const totalBytes = stats.blocks * stats.bsize;
  const usedBytes = (stats.blocks - stats.bfree) * stats.bsize;
  const freeBytes = stats.bavail * stats.bsize;
  const usedPercent = usedBytes + freeBytes === 0 ? 0 : Math.round((usedBytes / (usedBytes + freeBytes)) * 1000) / 10;
  return { kind, label, path, totalBytes, usedBytes, freeBytes, usedPercent, warning: usedPercent >= warnPercent };
}

function nearestExisting(path: string): string {
  let current = path;
  while (!existsSync(current)) {
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}
