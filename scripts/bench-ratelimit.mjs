// `npm run bench:ratelimit`: hits per second and memory of the in-memory rate-limit storage, next to
// the stock @nestjs/throttler storage, with many distinct clients (a scan or a botnet). Builds the
// API first. Numbers vary by machine; the heap column is what the bounded storage is for.
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_DIST, ROOT, run, step } from './lib.mjs';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 200_000);
const HITS_PER_CLIENT = 3;
const MAX_KEYS = Number(process.env.BENCH_MAX_KEYS ?? 100_000);

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const { MemoryThrottlerStorage } = await import(pathToFileURL(resolve(API_DIST, 'security/memory-throttler-storage.js')).href);
const { ThrottlerStorageService } = createRequire(resolve(ROOT, 'api/package.json'))('@nestjs/throttler');

const heapMb = () => {
  globalThis.gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};

async function measure(name, storage) {
  step(`${name}: ${CLIENTS.toLocaleString('en')} clients × ${HITS_PER_CLIENT} hits`);
  const before = heapMb();
  const started = process.hrtime.bigint();
  for (let round = 0; round < HITS_PER_CLIENT; round++) {
    for (let i = 0; i < CLIENTS; i++) await storage.increment(`short:ip:10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, 60_000, 20, 60_000, 'short');
    process.stdout.write(`  round ${round + 1}/${HITS_PER_CLIENT} done\n`);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const grown = heapMb() - before;
  const hits = CLIENTS * HITS_PER_CLIENT;
  return { storage: name, 'hits/s': Math.round(hits / seconds).toLocaleString('en'), 'heap growth MB': grown.toFixed(1) };
}

if (!globalThis.gc) process.stdout.write('(run with node --expose-gc for steadier heap numbers)\n');
const results = [];
const bounded = new MemoryThrottlerStorage({ maxKeys: MAX_KEYS });
results.push({ ...(await measure(`MemoryThrottlerStorage (cap ${MAX_KEYS.toLocaleString('en')})`, bounded)), 'keys kept': bounded.size.toLocaleString('en') });
bounded.clear();
const stock = new ThrottlerStorageService();
results.push({ ...(await measure('@nestjs/throttler ThrottlerStorageService', stock)), 'keys kept': stock.storage.size.toLocaleString('en') });
stock.onApplicationShutdown();
console.table(results);
