// What the benchmarks measure with, in one place: CPU time from /proc, PostgreSQL's processes,
// percentiles and a free port. CPU time is what a busy machine cannot distort: wall-clock figures
// shrink when other work shares the cores, the CPU a request costs does not.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** /proc's clock ticks (USER_HZ, 100 on Linux) in ms. */
const TICK_MS = 10;

/** utime + stime of one process in ms, or undefined when it is gone. */
function processCpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return undefined;
  }
}

/** CPU ms one process has used (NaN when it is gone). */
export function cpuMsOf(pid) {
  return processCpuMs(pid) ?? NaN;
}

/** CPU ms the processes have used together; one that is gone counts nothing, which only understates. */
export function cpuMsOfAll(pids) {
  let ms = 0;
  for (const pid of pids) ms += processCpuMs(pid) ?? 0;
  return ms;
}

/** CPU ms by pid, for processes still there. */
export function cpuMsByPid(pids) {
  const byPid = new Map();
  for (const pid of pids) {
    const ms = processCpuMs(pid);
    if (ms !== undefined) byPid.set(pid, ms);
  }
  return byPid;
}

/** CPU ms used since `before` (from cpuMsByPid); a process started since counts from zero, one that ended is lost. */
export function cpuMsSince(before, pids) {
  let ms = 0;
  for (const [pid, now] of cpuMsByPid(pids)) ms += now - (before.get(pid) ?? 0);
  return ms;
}

/** The postmaster of the PostgreSQL in `dataDir` and all its processes now (backends come and go). */
export function postgresPids(dataDir) {
  const postmaster = Number(readFileSync(resolve(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** The p-th percentile of ascending `sorted` (nearest rank). */
export function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

export function round(value, digits = 1) {
  return Number.isFinite(value) ? Number(value.toFixed(digits)) : value;
}

/** A TCP port free on 127.0.0.1 right now. */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}
