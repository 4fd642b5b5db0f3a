// PDF export through the API: the cold first report (browser start, pool warm-up), then warm
// p50/p95 over BENCH_REPORT_RUNS (50) overview reports and 50 market reports of the period, one
// at a time, and the memory of the API process (RSS) and of its Chromium before and after.
//
// `benchReports()` is called by `npm run bench:investor`; run standalone against a running API:
//   node scripts/bench/investor-reports.mjs [--api http://127.0.0.1:3005] [--from 2025-12-01 --to 2026-11-30]
// (signs in as the demo investor unless BENCH_TOKEN is set; the API's pid is found from its port,
// or given with --pid). Figures vary with the machine and its load.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { percentile } from './measure.mjs';

const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 50);

function ms(value) {
  return `${value.toFixed(0)} ms`;
}

function mib(kib) {
  return kib === null ? 'n/a' : `${(kib / 1024).toFixed(1)} MiB`;
}

async function exportOnce(apiUrl, token, request) {
  const started = performance.now();
  const res = await fetch(`${apiUrl}/api/reports/export`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(request),
  });
  const body = Buffer.from(await res.arrayBuffer());
  const elapsed = performance.now() - started;
  if (res.status !== 200) throw new Error(`export ${request.type} answered ${res.status}: ${body.toString('utf8').slice(0, 300)}`);
  return { elapsed, bytes: body.length };
}

// --- process memory (Linux /proc) -------------------------------------------------------------

function statOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return { ppid: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) };
  } catch {
    return null;
  }
}

function rssKib(pid) {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

function descendants(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = statOf(entry);
    if (!stat) continue;
    if (!children.has(stat.ppid)) children.set(stat.ppid, []);
    children.get(stat.ppid).push(Number(entry));
  }
  const out = [];
  const queue = [...(children.get(root) ?? [])];
  while (queue.length) {
    const pid = queue.shift();
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** The pid listening on the API's TCP port: the socket's inode in /proc/net/tcp*, then the process holding it. */
export function pidListeningOn(port) {
  const inodes = new Set();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10 || cols[3] !== '0A') continue; // 0A = LISTEN
      if (parseInt(cols[1].split(':')[1], 16) === port) inodes.add(cols[9]);
    }
  }
  if (!inodes.size) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let fds;
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** Proportional set size: shared pages split between the processes sharing them, so Chromium's processes add up honestly. */
function pssKib(pid) {
  try {
    const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return match ? Number(match[1]) : rssKib(pid);
  } catch {
    return rssKib(pid);
  }
}

function memory(pid) {
  if (!pid) return { api: null, chromium: null, chromiumProcesses: 0 };
  const children = descendants(pid).filter((child) => {
    try {
      return /chrom/i.test(readlinkSync(`/proc/${child}/exe`));
    } catch {
      return false;
    }
  });
  return { api: rssKib(pid), chromium: children.reduce((sum, child) => sum + (pssKib(child) ?? 0), 0), chromiumProcesses: children.length };
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system, ms) used so far by the API and by its Chromium processes. */
function cpuMs(pid) {
  if (!pid) return null;
  const of = (p) => {
    try {
      const fields = readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    } catch {
      return 0;
    }
  };
  return { api: of(pid), chromium: descendants(pid).reduce((sum, child) => sum + of(child), 0) };
}

function describeMemory(label, m) {
  return `${label}: API RSS ${mib(m.api)}, Chromium PSS ${mib(m.chromium)} in ${m.chromiumProcesses} processes`;
}

// --- the bench --------------------------------------------------------------------------------

/**
 * Times PDF export through the API. `say` prints a line. `pid` (optional) is the API's process;
 * without it the process listening on the API's port is used (Linux, same machine).
 */
export async function benchReports({ apiUrl, token, from, to, say = (line) => process.stdout.write(`${line}\n`), pid, runs = RUNS }) {
  const apiPid = pid ?? pidListeningOn(Number(new URL(apiUrl).port || 80));
  const overview = { type: 'platform-overview', format: 'pdf', from, to, comparison: 'previous_period' };
  const market = { type: 'market', format: 'pdf', from, to, comparison: 'previous_period' };
  say(`PDF reports for ${from} – ${to} through ${apiUrl} (API pid ${apiPid ?? 'not found'}; load average ${loadavg()[0].toFixed(2)})`);

  const before = memory(apiPid);
  say(describeMemory('  memory before the first report', before));
  const cold = await exportOnce(apiUrl, token, overview);
  const coldness = before.chromiumProcesses ? 'the browser was already running' : 'starts the browser';
  say(`  first report (platform overview; ${coldness}): ${ms(cold.elapsed)}, ${(cold.bytes / 1024).toFixed(0)} KiB`);
  // One of each more so that every pooled tab has been made before timing.
  await exportOnce(apiUrl, token, market);
  await exportOnce(apiUrl, token, overview);

  const warm = memory(apiPid);
  say(describeMemory('  memory once warm (3 reports)', warm));
  const results = {};
  for (const [name, request] of [
    ['overview', overview],
    ['market', market],
  ]) {
    const times = [];
    let bytes = 0;
    const cpuBefore = cpuMs(apiPid);
    for (let i = 0; i < runs; i++) {
      const { elapsed, bytes: size } = await exportOnce(apiUrl, token, request);
      times.push(elapsed);
      bytes = size;
    }
    times.sort((a, b) => a - b);
    results[name] = { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1], bytes };
    const goal = name === 'overview' ? 300 : 1000;
    results[name].memory = memory(apiPid);
    const cpuAfter = cpuMs(apiPid);
    // CPU per report does not depend on how busy the machine is, unlike the latencies.
    if (cpuBefore && cpuAfter) {
      results[name].cpuMsPerReport = {
        api: (cpuAfter.api - cpuBefore.api) / runs,
        chromium: (cpuAfter.chromium - cpuBefore.chromium) / runs,
      };
    }
    say(
      `  warm ${name === 'overview' ? 'platform overview' : '12-month market'} ×${runs}: p50 ${ms(results[name].p50)}, p95 ${ms(results[name].p95)}, max ${ms(results[name].max)} (${(bytes / 1024).toFixed(0)} KiB; CPU per report: API ${ms(results[name].cpuMsPerReport?.api ?? NaN)}, Chromium ${ms(results[name].cpuMsPerReport?.chromium ?? NaN)}; goal p95 ≤ ${goal} ms: ${results[name].p95 <= goal ? 'met' : 'missed'})`,
    );
  }

  say(describeMemory(`  memory after ${runs + 3} reports`, results.overview.memory));
  const after = results.market.memory;
  say(describeMemory(`  memory after ${2 * runs + 3} reports`, after));
  return { cold: cold.elapsed, ...results, memoryBefore: before, memoryWarm: warm, memoryAfter: after };
}

// --- standalone ---------------------------------------------------------------------------------

function argument(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

/** The last twelve whole months before today (UTC). */
function lastTwelveMonths() {
  const now = new Date();
  const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0));
  const start = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - 11, 1));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const apiUrl = argument('api', process.env.API_URL ?? 'http://127.0.0.1:3005');
  const period = lastTwelveMonths();
  const from = argument('from', period.from);
  const to = argument('to', period.to);
  let token = process.env.BENCH_TOKEN;
  if (!token) {
    const res = await fetch(`${apiUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'investor@demo.aiparksit.test', password: process.env.DEMO_PASSWORD ?? 'parking-demo-2026' }),
    });
    if (res.status !== 200) throw new Error(`signing in as the demo investor failed: ${res.status} ${await res.text()}`);
    token = (await res.json()).accessToken;
  }
  const pid = argument('pid', undefined);
  await benchReports({ apiUrl, token, from, to, pid: pid ? Number(pid) : undefined });
}
