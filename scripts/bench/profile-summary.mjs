// Top self-time functions of a V8 CPU profile (`node --cpu-prof`), for the closing figures of a
// benchmark: `node scripts/bench/profile-summary.mjs <file.cpuprofile> [count]`. Also importable:
// `summarizeProfile(path, count)` returns the rows the CLI prints.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../lib.mjs';

/**
 * What a reader of the table must know: V8 samples the main thread on wall-clock time, so a
 * system call is charged with the time the process sat descheduled inside it. With the load
 * generator and PostgreSQL on the same two cores, a write to a socket wakes the reader, which
 * often takes the core: `writev` then shows 15–40 % where `perf record` (on-CPU time, kernel
 * included) puts all kernel work at ~10–25 %. Read a syscall's share as an upper bound.
 */
export const WALL_CLOCK_CAVEAT =
  'Shares are of wall-clock samples: a system call (writev, writeBuffer) includes time spent descheduled inside it, an upper bound on its CPU (perf record measures on-CPU time).';

/** Self time per function (name + file:line), largest first, with its share of the sampled time. */
export function summarizeProfile(path, count = 10) {
  const profile = JSON.parse(readFileSync(path, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) selfMicros.set(samples[i], (selfMicros.get(samples[i]) ?? 0) + (timeDeltas[i] ?? 0));
  const byFunction = new Map();
  let total = 0;
  for (const [id, micros] of selfMicros) {
    const { callFrame } = nodes.get(id);
    const url = callFrame.url.startsWith('file://') ? relative(ROOT, fileURLToPath(callFrame.url)) : callFrame.url;
    const key = `${callFrame.functionName || '(anonymous)'} ${url ? `${url}:${callFrame.lineNumber + 1}` : ''}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
    total += micros;
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, micros]) => ({ function: fn, 'self ms': Math.round(micros / 1000), share: `${((micros / total) * 100).toFixed(1)} %` }));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [path, count] = process.argv.slice(2);
  if (!path) {
    process.stderr.write('usage: node scripts/bench/profile-summary.mjs <file.cpuprofile> [count]\n');
    process.exit(2);
  }
  console.table(summarizeProfile(path, Number(count ?? 10)));
  process.stdout.write(`${WALL_CLOCK_CAVEAT}\n`);
}
