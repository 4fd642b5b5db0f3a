// `npm run bench:ws`: WebSocket fan-out under load. Starts a PostgreSQL and one API of its own,
// opens 1,000 / 5,000 / 10,000 subscribed sockets (from client processes, so the server does not
// share its event loop with them), commits bookings by SQL at a steady rate, and reports
// commit-to-receipt latency (p50/p99), deliveries per second and server memory per socket.
//
// Latency runs from just before the booking's INSERT is sent on its connection (an autocommit
// statement: trigger, commit and NOTIFY happen inside it) to the moment a client process has the
// event frame, on one machine's clock (performance.timeOrigin + now(), comparable across
// processes). The event's `at` (stamped by the server once the recount is done, just before the
// frames are written) splits it in two: commit → recount done (trigger, NOTIFY, listener,
// coalescing, the count query) and recount done → frame in the client (fan-out writes, the
// kernel, the client's event loop). The time a booking waited for a free connection is not counted: that is the
// bench's pool, not the server; the table shows it (and the INSERT's own time) so a write path
// that cannot keep the rate is visible rather than hidden in the latency.
//
// Bookings are shaped like real ones: from a minute ago to a few hours ahead (occupying a space
// now), each ending at its own millisecond so the event's period names it. A booking lasting
// years would make every write-side rollup (hourly occupancy) do thousands of rows per INSERT
// and measure that instead of the fan-out.
//
// Each socket follows one facility (as a facility page does); every booking's event therefore
// reaches sockets / FACILITIES sockets. Settings (environment): BENCH_TIERS (1000,5000,10000),
// BENCH_RATE (bookings per second, 20), BENCH_SECONDS (per tier, 10), BENCH_FACILITIES (10),
// BENCH_CLIENT_PROCESSES (2), BENCH_SKIP_BUILD=1, BENCH_API_NODE_OPTIONS (given to the API
// process only, e.g. `--import ./my-profiler.mjs` to see where its time goes).
//
// Open files: the server holds one descriptor per socket and each client process its share, so
// `ulimit -n` must exceed the largest tier (plus ~1,000). The script checks and says so; raise it
// in the shell that runs npm (e.g. `ulimit -n 65536`), since a process cannot raise its own.
import { fork, execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROOT, run, step } from './lib.mjs';
import { cpuMsOf } from './bench/measure.mjs';

const SELF = fileURLToPath(import.meta.url);
// The API's own dependencies (pg, ws), resolved as the API resolves them.
const apiRequire = createRequire(resolve(ROOT, 'api/package.json'));
const now = () => performance.timeOrigin + performance.now();
/** Pause between opening a tier's sockets and booking (see main). */
const SETTLE_MS = 2000;

async function main() {
  const tiers = (process.env.BENCH_TIERS ?? '1000,5000,10000').split(',').map(Number);
  const rate = Number(process.env.BENCH_RATE ?? 20);
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const facilityCount = Number(process.env.BENCH_FACILITIES ?? 10);
  const clientProcesses = Number(process.env.BENCH_CLIENT_PROCESSES ?? 2);

  const openFiles = Number(execSync('ulimit -n', { shell: '/bin/sh' }).toString().trim());
  const largest = Math.max(...tiers);
  if (openFiles < largest + 1000) {
    process.stderr.write(
      `✖ ulimit -n is ${openFiles}; ${largest.toLocaleString('en')} sockets need about ${(largest + 1000).toLocaleString('en')}. Run \`ulimit -n 65536\` first (or set BENCH_TIERS lower).\n`,
    );
    process.exit(1);
  }

  if (!process.env.BENCH_SKIP_BUILD) {
    step('Building shared contract and API…');
    run('npm', ['run', 'build', '-w', 'shared']);
    run('npm', ['run', 'build', '-w', 'api']);
  }
  const { startApiServer, startTestPostgres } = await import(pathToFileURL(resolve(ROOT, 'api/test/support/system.mjs')).href);
  const pg = apiRequire('pg');

  step('Starting a PostgreSQL and an API of their own…');
  const root = mkdtempSync(join(tmpdir(), 'aiparksit-bench-ws-'));
  chmodSync(root, 0o755);
  const database = await startTestPostgres(root);
  let api;
  const clients = [];
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  try {
    const apiNodeOptions = process.env.BENCH_API_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_API_NODE_OPTIONS } : {};
    api = await startApiServer({ DATABASE_URL: database.url, LOG_LEVEL: 'error', ...apiNodeOptions }, 60_000);
    const facilities = await seed(pool, facilityCount, Math.ceil((rate * seconds * tiers.length * 1.2) / facilityCount) + 5);
    process.stdout.write(`  API ${api.url} (pid ${api.process.pid}); ${facilityCount} facilities of ${facilities[0].spaces.length} spaces\n`);

    for (let i = 0; i < clientProcesses; i++) clients.push(startClient());
    const wsUrl = `${api.url.replace('http', 'ws')}/ws`;
    const results = [];
    let open = 0;
    let bookingNumber = 0;
    // Bookings end a few hours from now, one millisecond apart (see the header).
    const periodsEndFrom = Date.now() + 3 * 3_600_000;
    const baseRss = rssMb(api.process.pid);

    for (const tier of tiers) {
      step(`${tier.toLocaleString('en')} sockets`);
      const toOpen = tier - open;
      const share = Math.ceil(toOpen / clients.length);
      const started = Date.now();
      await Promise.all(
        clients.map((client, i) => {
          const count = Math.max(0, Math.min(share, toOpen - i * share));
          return ask(client, { type: 'open', url: wsUrl, count, firstIndex: open + i * share, facilityIds: facilities.map((f) => f.id) }, 'opened');
        }),
      );
      open = tier;
      const rss = rssMb(api.process.pid);
      process.stdout.write(
        `  ${tier.toLocaleString('en')} sockets open and subscribed in ${((Date.now() - started) / 1000).toFixed(1)} s; server RSS ${rss.toFixed(0)} MB\n`,
      );

      // The figures are for sockets that are open, not for the storm of opening them: let the
      // server's collector catch up with the handshakes' garbage first.
      await new Promise((r) => setTimeout(r, SETTLE_MS));

      // Steady rate: booking k is due at start + k / rate, whatever the previous one took.
      const sentAt = new Map();
      const insertMs = [];
      const lateMs = [];
      const total = rate * seconds;
      const cpuBefore = cpuMsOf(api.process.pid);
      const clientCpuBefore = clients.reduce((sum, c) => sum + cpuMsOf(c.pid), 0);
      const machineBefore = machineCpu();
      const t0 = Date.now();
      const inserts = [];
      for (let k = 0; k < total; k++) {
        const due = t0 + (k * 1000) / rate;
        const wait = due - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const facility = facilities[bookingNumber % facilities.length];
        const space = facility.spaces[Math.floor(bookingNumber / facilities.length)];
        // A unique end per booking identifies it in the event's period.
        const end = new Date(periodsEndFrom + bookingNumber).toISOString();
        bookingNumber += 1;
        inserts.push(
          insertBooking(pool, facility, space, end, (sent) => {
            sentAt.set(end, sent);
            lateMs.push(Math.max(0, Date.now() - due));
          }).then((ms) => insertMs.push(ms)),
        );
        if (k % rate === rate - 1) process.stdout.write(`  ${k + 1}/${total} bookings committed\r`);
      }
      await Promise.all(inserts);
      insertMs.sort((a, b) => a - b);
      lateMs.sort((a, b) => a - b);
      // Drain: wait until every expected frame arrived, or nothing new came for 3 s (coalesced).
      const expected = total * (tier / facilities.length);
      let last = -1;
      let quietSince = Date.now();
      for (;;) {
        await new Promise((r) => setTimeout(r, 250));
        const counts = await Promise.all(clients.map((c) => ask(c, { type: 'count' }, 'count')));
        const got = counts.reduce((sum, m) => sum + m.count, 0);
        if (got >= expected) break;
        if (got !== last) {
          last = got;
          quietSince = Date.now();
        } else if (Date.now() - quietSince > 3000) break;
      }
      const cpuMs = cpuMsOf(api.process.pid) - cpuBefore;
      const clientCpuMs = clients.reduce((sum, c) => sum + cpuMsOf(c.pid), 0) - clientCpuBefore;
      const load = readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
      const machineAfter = machineCpu();
      const wallCpuMs = machineAfter.totalMs - machineBefore.totalMs;
      const busyPercent = (100 * (wallCpuMs - (machineAfter.idleMs - machineBefore.idleMs))) / wallCpuMs;
      const receipts = (await Promise.all(clients.map((c) => ask(c, { type: 'collect' }, 'receipts')))).flatMap((m) => m.receipts);
      const latencies = [];
      const toRecounted = [];
      const toReceived = [];
      for (const [end, receivedAt, stampedAt] of receipts) {
        const sent = sentAt.get(end);
        if (sent === undefined) continue;
        latencies.push(receivedAt - sent);
        toRecounted.push(stampedAt - sent);
        toReceived.push(receivedAt - stampedAt);
      }
      for (const list of [latencies, toRecounted, toReceived]) list.sort((a, b) => a - b);
      results.push({
        sockets: tier.toLocaleString('en'),
        'bookings/s': rate,
        'deliveries/s': Math.round(latencies.length / seconds).toLocaleString('en'),
        'received/expected': `${((latencies.length / expected) * 100).toFixed(1)} %`,
        'p50 ms': percentile(latencies, 0.5).toFixed(1),
        'p99 ms': percentile(latencies, 0.99).toFixed(1),
        'max ms': (latencies.at(-1) ?? NaN).toFixed(1),
        'commit→recounted p50/p99 ms': `${percentile(toRecounted, 0.5).toFixed(0)}/${percentile(toRecounted, 0.99).toFixed(0)}`,
        'recounted→received p50/p99 ms': `${percentile(toReceived, 0.5).toFixed(0)}/${percentile(toReceived, 0.99).toFixed(0)}`,
        'INSERT p50/p99 ms': `${percentile(insertMs, 0.5).toFixed(1)}/${percentile(insertMs, 0.99).toFixed(1)}`,
        'sent late p99 ms': percentile(lateMs, 0.99).toFixed(1),
        'server CPU ms per 1k deliveries': ((cpuMs / Math.max(1, latencies.length)) * 1000).toFixed(0),
        'clients CPU ms per 1k deliveries': ((clientCpuMs / Math.max(1, latencies.length)) * 1000).toFixed(0),
        'server RSS MB': rss.toFixed(0),
        'KB per socket': (((rss - baseRss) * 1024) / tier).toFixed(1),
        'load (1 min)': load,
        // All CPUs together; the server's and clients' share of it is in the CPU columns above.
        'machine CPU busy %': busyPercent.toFixed(0),
      });
      process.stdout.write(
        `  p50 ${results.at(-1)['p50 ms']} ms, p99 ${results.at(-1)['p99 ms']} ms over ${latencies.length.toLocaleString('en')} deliveries\n`,
      );
    }
    step('Results');
    console.table(results);
    process.stdout.write('Received/expected below 100 % means some bookings in one facility were coalesced into one event (by design).\n');
    process.stdout.write(
      `Load average while measuring: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${(await import('node:os')).cpus().length} CPUs.\n`,
    );
  } finally {
    for (const client of clients) client.kill();
    await pool.end().catch(() => undefined);
    await api?.stop();
    await database.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

async function seed(pool, facilityCount, spacesPerFacility) {
  step(`Seeding ${facilityCount} facilities × ${spacesPerFacility} spaces…`);
  const { rows: users } = await pool.query(
    `INSERT INTO users (email, password_hash, name, role, email_verified_at) VALUES ('bench-operator@example.test', 'x', 'Bench operator', 'operator', now()), ('bench-driver@example.test', 'x', 'Bench driver', 'driver', now()) RETURNING id`,
  );
  const { rows: operators } = await pool.query(
    `INSERT INTO operators (owner_id, legal_name, display_name, status) VALUES ($1, 'Bench Ltd', 'Bench', 'approved') RETURNING id`,
    [users[0].id],
  );
  pool.benchDriverId = users[1].id;
  const facilities = [];
  for (let i = 0; i < facilityCount; i++) {
    const { rows } = await pool.query(
      `INSERT INTO facilities (operator_id, name, slug, address_line, city, country_code, latitude, longitude, time_zone, currency, published)
       VALUES ($1, $2, $3, '1 Bench Road', 'Benchville', 'DE', 52.5, 13.4, 'Europe/Berlin', 'EUR', true) RETURNING id`,
      [operators[0].id, `Bench garage ${i}`, `bench-garage-${i}`],
    );
    const { rows: spaces } = await pool.query(
      `INSERT INTO spaces (facility_id, label, space_type) SELECT $1, 'S-' || n, 'standard' FROM generate_series(1, $2::int) AS n ORDER BY n RETURNING id`,
      [rows[0].id, spacesPerFacility],
    );
    facilities.push({ id: rows[0].id, spaces: spaces.map((s) => s.id) });
  }
  return facilities;
}

let codeCounter = 0;
/** Inserts one booking on a connection of its own; `onSend` gets the time it went out. Resolves with the INSERT's duration. */
async function insertBooking(pool, facility, spaceId, end, onSend) {
  codeCounter += 1;
  const code = `BENCH-${codeCounter}`;
  const client = await pool.connect();
  try {
    const sent = now();
    onSend(sent);
    await client.query(
      `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency)
       VALUES ($1, $2, $3, $4, 'standard', tstzrange(now() - interval '1 minute', $5::timestamptz), 'confirmed', 'B-BENCH 1', 500, 'EUR')`,
      [code, pool.benchDriverId, facility.id, spaceId, end],
    );
    return now() - sent;
  } finally {
    client.release();
  }
}

function rssMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

/** CPU time of all CPUs since boot, and the idle part of it (ms), from /proc/stat. */
function machineCpu() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
  const ticks = fields.reduce((a, b) => a + b, 0);
  return { totalMs: ticks * 10, idleMs: (fields[3] + fields[4]) * 10 };
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function startClient() {
  return fork(SELF, ['client'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
}

function ask(child, message, replyType) {
  return new Promise((resolvePromise, reject) => {
    const onMessage = (reply) => {
      if (reply.type === 'failed') reject(new Error(reply.error));
      if (reply.type !== replyType) return;
      child.off('message', onMessage);
      resolvePromise(reply);
    };
    child.on('message', onMessage);
    child.send(message);
  });
}

// ---------------------------------------------------------------------------------------------
// A client process: opens its share of sockets, records when each event frame arrives.

async function clientProcess() {
  const WebSocket = apiRequire('ws');
  const sockets = [];
  let receipts = [];
  process.on('message', async (message) => {
    try {
      if (message.type === 'open') {
        await openSockets(WebSocket, message, sockets, (end, receivedAt, at) => receipts.push([end, receivedAt, at]));
        process.send({ type: 'opened' });
      } else if (message.type === 'count') {
        process.send({ type: 'count', count: receipts.length });
      } else if (message.type === 'collect') {
        process.send({ type: 'receipts', receipts });
        receipts = [];
      }
    } catch (error) {
      process.send({ type: 'failed', error: String(error?.stack ?? error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

const EVENT_PREFIX = Buffer.from('{"type":"event"');
const END_KEY = Buffer.from('"end":"');
const AT_KEY = Buffer.from('"at":"');

/** The string value after `key` in a JSON frame (our payloads escape no quotes in ids and dates). */
function valueAfter(data, key) {
  const from = data.indexOf(key);
  if (from < 0) return undefined;
  const start = from + key.length;
  return data.toString('latin1', start, data.indexOf(0x22, start));
}

async function openSockets(WebSocket, { url, count, firstIndex, facilityIds }, sockets, onEvent) {
  const CONCURRENCY = 200;
  let next = 0;
  const openOne = (index) =>
    new Promise((resolveOpen, reject) => {
      // The server's frames are JSON it built; checking their UTF-8 again only costs the client time.
      const socket = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ type: 'subscribe', facilityIds: [facilityIds[index % facilityIds.length]] })));
      socket.on('message', (data) => {
        // The receipt time is taken first; the frame is then read as bytes, not decoded whole.
        const receivedAt = now();
        if (data.indexOf(EVENT_PREFIX) === 0) {
          const end = valueAfter(data, END_KEY);
          if (end) onEvent(end, receivedAt, Date.parse(valueAfter(data, AT_KEY) ?? ''));
          return;
        }
        const text = data.toString();
        if (text.startsWith('{"type":"subscribed"')) resolveOpen();
        else if (text.startsWith('{"type":"error"')) reject(new Error(text));
      });
      sockets.push(socket);
    });
  const workers = Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
    while (next < count) {
      const index = firstIndex + next;
      next += 1;
      await openOne(index);
    }
  });
  await Promise.all(workers);
}

if (process.argv[2] === 'client') await clientProcess();
else await main();
