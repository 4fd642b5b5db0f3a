// `npm run chaos`: three failure scenarios against a PostgreSQL and an API of its own (temporary
// directory, free ports, 127.0.0.1 only), each bounded in time, then the invariants in SQL:
//   1. drivers holding and paying with Idempotency-Keys while the API is killed with SIGKILL and
//      restarted (PostgreSQL stays up); clients retry with the same keys;
//   2. PostgreSQL stopped for a few seconds while clients search and book, then started again;
//   3. a flood of deeply nested JSON, NUL bytes, lone surrogates and bad %-escapes beside a
//      normal client reading /api/health.
// Prints per scenario the answers by status, the SQL invariants, the recovery time and a normal
// client's latency; exits non-zero when an invariant is violated. Other findings (500s where a
// 503 or 400 belongs, a slow normal client, retries that never got an answer) are printed as
// findings: they describe the code under test rather than break this run.
// Flags: --no-build (use api/dist as it is).
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { API_DIST, ROOT, run, step } from './lib.mjs';

const HOUR = 3_600_000;
const PASSWORD = 'chaos-password-123';
/** Holds lapse after a minute and the release job runs every few seconds, so the hold invariant can be checked within the run. */
const HOLD_MINUTES = 1;
const JOBS_INTERVAL_SECONDS = 5;
/** A hold may be this late being released before it counts as stuck: two job rounds and slack for a loaded machine. */
const RELEASE_GRACE_SECONDS = 2 * JOBS_INTERVAL_SECONDS + 10;
/** A client stops retrying one request after this long and records it as unanswered. */
const RETRY_GIVE_UP_MS = 45_000;
const REQUEST_TIMEOUT_MS = 20_000;
const FACILITIES = 4;
const SPACES_PER_FACILITY = 40;
const CARD = { number: '4242424242424242', expMonth: 12, expYear: new Date().getUTCFullYear() + 2, cvc: '123' };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const seconds = (ms) => (ms === null || ms === undefined ? 'n/a' : `${(ms / 1000).toFixed(1)} s`);
const say = (line) => process.stdout.write(`  ${line}\n`);

// ───────────────────────────── processes and clean-up ─────────────────────────────

const state = { root: null, postgres: null, pgPort: null, api: null, apiPort: null, pool: null };
let cleaning = null;

/** Stops the API and PostgreSQL and removes the temporary directory; safe to call more than once. */
function cleanup() {
  cleaning ??= (async () => {
    try {
      await state.pool?.end();
    } catch {
      // the pool may already be broken; nothing to keep
    }
    if (state.api && state.api.process.exitCode === null) state.api.process.kill('SIGKILL');
    try {
      await state.postgres?.stop();
    } catch {
      // already stopped
    }
    if (state.root) rmSync(state.root, { recursive: true, force: true });
    state.root = null;
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    process.stderr.write(`\n✖ ${signal}: stopping the API and PostgreSQL, removing the temporary directory…\n`);
    void cleanup().finally(() => process.exit(130));
  });
}
// Last resort when the process ends some other way: the API is our child and must not outlive us.
process.on('exit', () => {
  if (state.api && state.api.process.exitCode === null) state.api.process.kill('SIGKILL');
  if (state.root) rmSync(state.root, { recursive: true, force: true });
});

if (!process.argv.includes('--no-build')) {
  step('Building shared contract and API…');
  run('npm', ['run', 'build', '-w', 'shared']);
  run('npm', ['run', 'build', '-w', 'api']);
}

const { startApiServer, freePort } = await import(pathToFileURL(resolve(ROOT, 'api/test/support/system.mjs')).href);
const { startEmbeddedPostgres } = await import(pathToFileURL(resolve(API_DIST, 'database/embedded-postgres.js')).href);
const { hashPassword } = await import(pathToFileURL(resolve(API_DIST, 'access/password-hasher.js')).href);

let apiEnv;
async function startApi() {
  state.api = await startApiServer({ ...apiEnv, PORT: String(state.apiPort) }, 120_000);
  return state.api;
}

/** The API's own account of its unexpected errors (logged with their stack), so a 500 can be traced. */
function sayServerErrors(limit = 3) {
  const lines = state.api
    .output()
    .split('\n')
    .filter((line) => line.includes('unhandled error'));
  for (const line of lines.slice(-limit)) say(`  API log: ${line.slice(0, 1200)}`);
}

// ───────────────────────────── HTTP with outcomes ─────────────────────────────

/** Every answer any client got, for counting by time window. */
const answers = [];

/** One request; never throws: a refused connection, a reset or a timeout is an outcome too. */
async function call(method, path, { body, raw, token, key, contentType = 'application/json', kind = 'other', timeoutMs = REQUEST_TIMEOUT_MS } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (key) headers['idempotency-key'] = key;
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  if (payload !== undefined) headers['content-type'] = contentType;
  const sentAt = Date.now();
  const started = performance.now();
  let outcome;
  try {
    const res = await fetch(`${state.api.url}${path}`, { method, headers, body: payload, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    outcome = { status: res.status, body: json };
  } catch (error) {
    outcome = { status: networkFailure(error), body: undefined };
  }
  const result = { ...outcome, kind, sentAt, at: Date.now(), ms: performance.now() - started };
  answers.push(result);
  return result;
}

function networkFailure(error) {
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') return 'timeout';
  const code = error?.cause?.code ?? error?.code;
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE') return 'reset';
  return `network:${code ?? error?.name ?? 'error'}`;
}

const answerLabel = (r) => `${r.kind}:${r.status}${r.status >= 400 && r.body?.details?.code ? ` ${r.body.details.code}` : ''}`;
const isSuccess = (status) => typeof status === 'number' && status >= 200 && status < 300;
/** Worth the same request again with the same key: no answer, a server failure, overload, or the key still claimed by an earlier attempt. */
const isRetryable = (r) =>
  typeof r.status !== 'number' || r.status >= 500 || r.status === 429 || (r.status === 409 && r.body?.details?.code === 'idempotency_key_in_flight');

/**
 * A POST with an Idempotency-Key, retried with the same key and body until a final answer or
 * RETRY_GIVE_UP_MS. `interrupted` says whether any attempt got a retryable answer.
 */
async function idempotentPost(path, body, token, kind) {
  const key = randomUUID();
  const first = Date.now();
  let delay = 200;
  let interrupted = false;
  const seen = [];
  for (;;) {
    const r = await call('POST', path, { body, token, key, kind });
    seen.push(r.status);
    if (!isRetryable(r)) return { final: r, interrupted, attempts: seen.length, firstSentAt: first, gaveUp: false };
    interrupted = true;
    if (Date.now() - first > RETRY_GIVE_UP_MS)
      return { final: r, interrupted, attempts: seen.length, firstSentAt: first, gaveUp: true, lastCode: r.body?.details?.code };
    await sleep(delay);
    delay = Math.min(delay * 2, 2000);
  }
}

// ───────────────────────────── measurements ─────────────────────────────

function tally(statuses) {
  const counts = new Map();
  for (const s of statuses) counts.set(String(s), (counts.get(String(s)) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([s, n]) => `${s}×${n}`)
    .join(' ');
}

function percentile(values, p) {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const ms = (v) => (v === null ? 'n/a' : `${v.toFixed(0)} ms`);

/** A client reading `path` one request after another until stopped: its latencies are what a bystander feels. */
function normalClient(path, token, pauseMs = 100) {
  const results = [];
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      results.push(await call('GET', path, { token, kind: 'normal', timeoutMs: 10_000 }));
      await sleep(pauseMs);
    }
  })();
  return {
    results,
    stop: async () => {
      stopped = true;
      await done;
    },
    summary: (from = 0, to = Infinity) => {
      const slice = results.filter((r) => r.sentAt >= from && r.sentAt <= to);
      // A refused or reset connection fails at once: it says nothing about how long an answer takes.
      const latencies = slice.filter((r) => r.status !== 'refused' && r.status !== 'reset').map((r) => r.ms);
      return { count: slice.length, p50: percentile(latencies, 50), p95: percentile(latencies, 95), statuses: tally(slice.map((r) => r.status)) };
    },
  };
}

// ───────────────────────────── invariants in SQL ─────────────────────────────

const INVARIANTS = [
  [
    'confirmed bookings without a captured payment',
    `SELECT count(*)::int AS n FROM bookings b WHERE b.status IN ('confirmed', 'completed')
        AND NOT EXISTS (SELECT 1 FROM payments p WHERE p.booking_id = b.id AND p.extension_id IS NULL AND p.status IN ('succeeded', 'refunded', 'partially_refunded'))`,
  ],
  [
    'captured payments without their ledger lines',
    `SELECT count(*)::int AS n FROM payments p WHERE p.status IN ('succeeded', 'refunded', 'partially_refunded')
        AND NOT EXISTS (SELECT 1 FROM ledger_entries l WHERE l.payment_id = p.id AND l.account = 'gross' AND l.amount_cents = p.amount_cents)`,
  ],
  [
    'bookings charged more than once',
    `SELECT count(*)::int AS n FROM (SELECT booking_id FROM payments WHERE extension_id IS NULL AND status IN ('succeeded', 'refunded', 'partially_refunded')
        GROUP BY booking_id HAVING count(*) > 1) x`,
  ],
  [
    'confirmation emails lost (confirmed booking, no outbox row)',
    `SELECT count(*)::int AS n FROM bookings b WHERE b.status IN ('confirmed', 'completed')
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'email.booking_confirmation' AND o.payload->>'bookingId' = b.id::text)
        -- A weekly series is confirmed by one email for all its occurrences.
        AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.kind = 'email.booking_series_confirmation' AND o.payload->>'seriesId' = b.series_id::text)`,
  ],
  [
    'confirmation emails doubled (more than one outbox row)',
    `SELECT count(*)::int AS n FROM (SELECT o.payload->>'bookingId' FROM outbox o WHERE o.kind = 'email.booking_confirmation'
        GROUP BY 1 HAVING count(*) > 1) x`,
  ],
  [
    `holds past expiry not released (> ${RELEASE_GRACE_SECONDS} s late)`,
    `SELECT count(*)::int AS n FROM bookings WHERE status = 'pending_payment' AND hold_expires_at < now() - make_interval(secs => ${RELEASE_GRACE_SECONDS})`,
  ],
  [
    'live bookings overlapping on one space',
    `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.space_id = b.space_id AND a.id < b.id AND a.occupied_period && b.occupied_period
       WHERE a.status IN ('pending_payment', 'confirmed') AND b.status IN ('pending_payment', 'confirmed')`,
  ],
];

async function checkInvariants() {
  const out = [];
  for (const [name, sql] of INVARIANTS) out.push({ name, count: (await state.pool.query(sql)).rows[0].n });
  return out;
}

async function context() {
  const { rows } = await state.pool.query(
    `SELECT (SELECT count(*) FROM bookings WHERE status IN ('confirmed', 'completed'))::int AS confirmed,
            (SELECT count(*) FROM bookings WHERE status = 'expired')::int AS expired,
            (SELECT count(*) FROM bookings WHERE status = 'pending_payment')::int AS pending,
            (SELECT count(*) FROM outbox WHERE kind = 'email.booking_confirmation' AND status = 'sent')::int AS emails_sent`,
  );
  return rows[0];
}

function printInvariants(invariants) {
  for (const { name, count } of invariants) say(`${count === 0 ? '✓' : '✖'} ${name}: ${count}`);
}

// ───────────────────────────── the world: operator, facilities, drivers ─────────────────────────────

let facilities = [];
let drivers = [];

async function setUpWorld(driverCount) {
  const hash = await hashPassword(PASSWORD);
  const owner = (
    await state.pool.query(
      `INSERT INTO users (email, password_hash, name, role) VALUES ('chaos-operator@example.test', $1, 'Chaos operator', 'operator') RETURNING id`,
      [hash],
    )
  ).rows[0].id;
  const operator = (
    await state.pool.query(`INSERT INTO operators (owner_id, legal_name, display_name, status) VALUES ($1, 'Chaos Ltd', 'Chaos', 'approved') RETURNING id`, [
      owner,
    ])
  ).rows[0].id;
  for (let i = 0; i < FACILITIES; i++) {
    const id = (
      await state.pool.query(
        `INSERT INTO facilities (operator_id, name, slug, address_line, city, country_code, latitude, longitude, time_zone, currency, published)
         VALUES ($1, $2, $2, '1 Chaos Road', 'Chaosville', 'DE', 52.5, 13.4, 'Europe/Berlin', 'EUR', true) RETURNING id`,
        [operator, `chaos-${i}`],
      )
    ).rows[0].id;
    await state.pool.query(`INSERT INTO spaces (facility_id, label, space_type) SELECT $1, 'C-' || n, 'standard' FROM generate_series(1, $2::int) n`, [
      id,
      SPACES_PER_FACILITY,
    ]);
    await state.pool.query(`INSERT INTO rates (facility_id, space_type, hourly_cents, daily_max_cents) VALUES ($1, 'standard', 300, 2400)`, [id]);
    facilities.push(id);
  }

  // Drivers sign up through the API; where accounts must verify their email first, they are marked verified in SQL.
  const verifiable = (
    await state.pool.query(
      `SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'users' AND column_name = 'email_verified_at'`,
    )
  ).rowCount;
  for (let i = 0; i < driverCount; i++) {
    const email = `chaos-driver-${i}@example.test`;
    const reg = await call('POST', '/api/auth/register', { body: { email, password: PASSWORD, name: `Chaos driver ${i}`, role: 'driver' }, kind: 'setup' });
    if (reg.status >= 300) throw new Error(`Registering ${email} answered ${reg.status}: ${JSON.stringify(reg.body)}`);
    if (verifiable) await state.pool.query(`UPDATE users SET email_verified_at = now() WHERE email = $1 AND email_verified_at IS NULL`, [email]);
    const login = await call('POST', '/api/auth/login', { body: { email, password: PASSWORD }, kind: 'setup' });
    if (login.status !== 200) throw new Error(`Signing in ${email} answered ${login.status}: ${JSON.stringify(login.body)}`);
    drivers.push({ email, token: login.body.accessToken });
  }
  say(`${FACILITIES} facilities × ${SPACES_PER_FACILITY} spaces; ${driverCount} drivers${verifiable ? ' (email marked verified in SQL)' : ''}`);
}

function randomWindow() {
  const start = new Date(Date.now() + (1 + Math.floor(Math.random() * 20)) * 24 * HOUR);
  start.setUTCHours(6 + Math.floor(Math.random() * 10), 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + (1 + Math.floor(Math.random() * 3)) * HOUR).toISOString() };
}

function searchPath() {
  const w = randomWindow();
  return `/api/proxy/marketplace?city=Chaosville&start=${encodeURIComponent(w.start)}&end=${encodeURIComponent(w.end)}`;
}

/**
 * One driver: hold a space, then pay for it, each with its own key and retried until a final
 * answer. Every fifth hold is left unpaid, for the release job. Bounded in flows and in time.
 */
function bookingDriver(driver, { maxFlows, until, record }) {
  return (async () => {
    for (let flow = 0; flow < maxFlows && Date.now() < until(); flow++) {
      const hold = await idempotentPost(
        '/api/bookings',
        { facilityId: facilities[Math.floor(Math.random() * facilities.length)], ...randomWindow(), spaceType: 'standard', vehiclePlate: 'CH-AOS 1' },
        driver.token,
        'booking',
      );
      record(hold);
      if (hold.final.status !== 201 || flow % 5 === 4) continue;
      record(await idempotentPost('/api/payments', { bookingId: hold.final.body.id, card: CARD }, driver.token, 'payment'));
    }
  })();
}

function searchClient(token, until) {
  return (async () => {
    while (Date.now() < until()) {
      await call('GET', searchPath(), { token, kind: 'search' });
      await sleep(100);
    }
  })();
}

/** The first 2xx received after `from` for a request sent after `sentFrom` (of some kinds only), as ms after `from`. */
function firstSuccessAfter(from, sentFrom, kinds) {
  const hits = answers.filter((r) => r.at >= from && r.sentAt >= sentFrom && isSuccess(r.status) && kinds.includes(r.kind)).map((r) => r.at);
  return hits.length ? Math.min(...hits) - from : null;
}
const CLIENT_KINDS = ['booking', 'payment', 'search', 'normal'];

/** Requests the disruption touched: when the last of them got its final answer, and how many never did. */
function settledAfter(from, flows) {
  const touched = flows.filter((f) => f.interrupted && f.final.at >= from);
  const gaveUp = touched.filter((f) => f.gaveUp);
  const answered = touched.filter((f) => !f.gaveUp);
  return {
    touched: touched.length,
    gaveUp: gaveUp.length,
    gaveUpWith: tally(gaveUp.map((f) => `${f.final.status}${f.final.body?.details?.code ? ` ${f.final.body.details.code}` : ''}`)),
    allSettledMs: touched.length && !gaveUp.length ? Math.max(...answered.map((f) => f.final.at)) - from : null,
  };
}

// ───────────────────────────── scenarios ─────────────────────────────

const report = [];
const findings = [];

async function scenarioKillApi() {
  step('Scenario 1: holds and payments while the API is killed with SIGKILL and restarted (PostgreSQL stays up)…');
  const flows = [];
  const started = Date.now();
  let loadUntil = started + 90_000; // moved closer once the API is back
  const normal = normalClient(searchPath(), drivers[0].token, 200);
  const clients = drivers.slice(1, 9).map((d) => bookingDriver(d, { maxFlows: 40, until: () => loadUntil, record: (f) => flows.push(f) }));

  // Kill once the load is flowing, i.e. with requests in flight.
  for (const deadline = Date.now() + 20_000; flows.length < 12 && Date.now() < deadline;) await sleep(100);
  const inFlightBefore = flows.length;
  const killAt = Date.now();
  state.api.process.kill('SIGKILL');
  say(`killed the API (pid ${state.api.process.pid}) with SIGKILL after ${seconds(killAt - started)} and ${inFlightBefore} finished requests`);
  await new Promise((r) => (state.api.process.exitCode !== null || state.api.process.signalCode ? r() : state.api.process.once('exit', r)));
  const restartAt = Date.now();
  await startApi();
  const healthyAt = Date.now();
  say(`restarted: healthy ${seconds(healthyAt - killAt)} after the kill (start-up took ${seconds(healthyAt - restartAt)})`);
  loadUntil = Math.min(loadUntil, healthyAt + 15_000);
  await Promise.all(clients);
  await normal.stop();
  const ended = Date.now();

  const requests = flows.map((f) => f.final);
  const all = answers.filter((r) => r.sentAt >= started && r.sentAt <= ended && (r.kind === 'booking' || r.kind === 'payment'));
  const settled = settledAfter(killAt, flows);
  const invariants = await checkInvariants();
  const during = normal.summary(killAt, ended);
  say(`requests (final answers): ${tally(requests.map(answerLabel))}`);
  say(`every attempt, retries included: ${tally(all.map((r) => r.status))}`);
  say(
    `recovery: first 2xx ${seconds(firstSuccessAfter(killAt, killAt, CLIENT_KINDS))} after the kill; ${settled.touched} requests hit by the kill,` +
      (settled.gaveUp
        ? ` ${settled.gaveUp} never got a final answer within ${seconds(RETRY_GIVE_UP_MS)} (last: ${settled.gaveUpWith})`
        : ` all answered ${seconds(settled.allSettledMs)} after the kill`),
  );
  say(`normal client (marketplace search) from the kill on: p50 ${ms(during.p50)}, p95 ${ms(during.p95)} over ${during.count} requests (${during.statuses})`);
  say(`state: ${JSON.stringify(await context())}`);
  printInvariants(invariants);
  if (settled.gaveUp)
    findings.push(`1: ${settled.gaveUp} retried requests still unanswered ${seconds(RETRY_GIVE_UP_MS)} after their first attempt (${settled.gaveUpWith})`);
  const fiveHundreds = all.filter((r) => r.status === 500).length;
  if (fiveHundreds) findings.push(`1: ${fiveHundreds} answers were 500`);
  report.push({
    scenario: '1 API SIGKILL + restart',
    requests: all.length,
    statuses: tally(all.map((r) => r.status)),
    'recovery (first 2xx)': seconds(firstSuccessAfter(killAt, killAt, CLIENT_KINDS)),
    'recovery (all retries answered)': settled.gaveUp ? `not within ${seconds(RETRY_GIVE_UP_MS)} (${settled.gaveUp} stuck)` : seconds(settled.allSettledMs),
    'normal p95': ms(during.p95),
    'invariants violated': invariants.filter((i) => i.count > 0).length,
  });
}

async function scenarioStopPostgres() {
  step('Scenario 2: PostgreSQL stopped for a few seconds while clients search and book, then started again…');
  const flows = [];
  const started = Date.now();
  let loadUntil = started + 90_000;
  const normal = normalClient(searchPath(), drivers[0].token, 200);
  const clients = [
    ...drivers.slice(1, 7).map((d) => bookingDriver(d, { maxFlows: 40, until: () => loadUntil, record: (f) => flows.push(f) })),
    ...drivers.slice(7, 11).map((d) => searchClient(d.token, () => loadUntil)),
  ];
  for (const deadline = Date.now() + 20_000; flows.length < 12 && Date.now() < deadline;) await sleep(100);
  const stopAt = Date.now();
  await state.postgres.stop();
  const stoppedAt = Date.now();
  say(`PostgreSQL stopped (fast shutdown took ${seconds(stoppedAt - stopAt)}); starting it again in 5 s`);
  await sleep(5000);
  state.postgres = await startEmbeddedPostgres({ dataDir: join(state.root, 'pg'), port: state.pgPort });
  const backAt = Date.now();
  say(`PostgreSQL accepting connections again after ${seconds(backAt - stopAt)}`);
  loadUntil = Math.min(loadUntil, backAt + 15_000);
  await Promise.all(clients);
  await normal.stop();
  const ended = Date.now();
  // The pool of this script lost its connections too; pg replaces them on the next query.

  say(`requests (final answers): ${tally(flows.map((f) => answerLabel(f.final)))}`);
  const outage = answers.filter((r) => r.at >= stopAt && r.at <= backAt && r.kind !== 'setup');
  const all = answers.filter((r) => r.sentAt >= started && r.sentAt <= ended && ['booking', 'payment', 'search'].includes(r.kind));
  const settled = settledAfter(stopAt, flows);
  const apiAlive = state.api.process.exitCode === null && !state.api.process.signalCode;
  const firstOk = firstSuccessAfter(backAt, stopAt, CLIENT_KINDS);
  say(`answers during the outage by route: ${tally(outage.map((r) => `${r.kind}:${r.status}`))}`);
  say(`every attempt, retries included: ${tally(all.map((r) => r.status))}`);
  say(`API process ${apiAlive ? 'stayed up' : `died (exit ${state.api.process.exitCode ?? state.api.process.signalCode})`}`);
  if (!apiAlive) {
    findings.push('2: the API process died when PostgreSQL went away');
    await startApi();
  }
  say(
    `recovery: first 2xx ${seconds(firstOk)} after PostgreSQL was back; ${settled.touched} requests hit by the outage,` +
      (settled.gaveUp
        ? ` ${settled.gaveUp} never got a final answer within ${seconds(RETRY_GIVE_UP_MS)} (last: ${settled.gaveUpWith})`
        : ` all answered ${seconds(settled.allSettledMs === null ? null : settled.allSettledMs - (backAt - stopAt))} after PostgreSQL was back`),
  );
  const during = normal.summary(stopAt, ended);
  say(`normal client (marketplace search) from the stop on: p50 ${ms(during.p50)}, p95 ${ms(during.p95)} over ${during.count} requests (${during.statuses})`);
  const invariants = await checkInvariants();
  say(`state: ${JSON.stringify(await context())}`);
  printInvariants(invariants);
  const outage500 = outage.filter((r) => r.status === 500).length;
  const outage503 = outage.filter((r) => r.status === 503).length;
  if (outage500) {
    findings.push(`2: ${outage500} answers during the outage were 500 (expected 503)`);
    sayServerErrors();
  }
  if (settled.gaveUp)
    findings.push(`2: ${settled.gaveUp} retried requests still unanswered ${seconds(RETRY_GIVE_UP_MS)} after their first attempt (${settled.gaveUpWith})`);
  report.push({
    scenario: '2 PostgreSQL stop/start',
    requests: all.length,
    statuses: `${tally(all.map((r) => r.status))} | outage: 503×${outage503} 500×${outage500}`,
    'recovery (first 2xx)': seconds(firstOk),
    'recovery (all retries answered)': settled.gaveUp
      ? `not within ${seconds(RETRY_GIVE_UP_MS)} (${settled.gaveUp} stuck)`
      : seconds(settled.allSettledMs === null ? null : settled.allSettledMs - (backAt - stopAt)),
    'normal p95': ms(during.p95),
    'invariants violated': invariants.filter((i) => i.count > 0).length,
  });
}

async function scenarioFlood() {
  step('Scenario 3: nested JSON, NUL bytes, lone surrogates and bad %-escapes beside a normal client reading /api/health…');
  const token = drivers[0].token;
  const depth = 470_000; // ~940 kB of brackets, under the 1 MiB body limit
  const nested = `{"refreshToken":${'['.repeat(depth)}${']'.repeat(depth)}}`;
  const facility = facilities[0];
  const w = randomWindow();
  const nestedRequest = () => call('POST', '/api/auth/refresh', { raw: nested, kind: 'flood', timeoutMs: 30_000 });
  const bad = [
    [
      'NUL in login email',
      () => call('POST', '/api/auth/login', { body: { email: 'nul\u0000@example.test', password: 'x\u0000y-long-enough' }, kind: 'flood' }),
    ],
    [
      'NUL in registration',
      () =>
        call('POST', '/api/auth/register', {
          body: { email: `n${randomUUID()}@example.test`, password: PASSWORD, name: 'Nul\u0000Name', role: 'driver' },
          kind: 'flood',
        }),
    ],
    ['NUL in search city', () => call('GET', '/api/proxy/marketplace?city=Chaos%00ville', { token, kind: 'flood' })],
    [
      'NUL in vehicle plate',
      () =>
        call('POST', '/api/bookings', {
          body: { facilityId: facility, ...w, spaceType: 'standard', vehiclePlate: 'AB\u00001' },
          token,
          key: randomUUID(),
          kind: 'flood',
        }),
    ],
    [
      'lone surrogate in login email',
      () => call('POST', '/api/auth/login', { body: { email: '\ud800@example.test', password: 'x-long-enough' }, kind: 'flood' }),
    ],
    [
      'lone surrogate in registration name',
      () =>
        call('POST', '/api/auth/register', {
          body: { email: `s${randomUUID()}@example.test`, password: PASSWORD, name: 'Sur\udc00rogate', role: 'driver' },
          kind: 'flood',
        }),
    ],
    ['surrogate as UTF-8 in search city', () => call('GET', '/api/proxy/marketplace?city=%ED%A0%80', { token, kind: 'flood' })],
    ['invalid UTF-8 body', () => call('POST', '/api/auth/login', { raw: Buffer.from('{"email":"\xff\xfe"}', 'latin1'), kind: 'flood' })],
    ['bad %-escape in query', () => call('GET', '/api/proxy/marketplace?city=%E0%A4%A', { token, kind: 'flood' })],
    ['bad %-escape in path', () => call('GET', '/api/facilities/%zz', { token, kind: 'flood' })],
    ['lone % in path', () => call('GET', '/api/bookings/%', { token, kind: 'flood' })],
    ['bad %-escape in facility list', () => call('GET', '/api/proxy/facilities?q=%%41', { token, kind: 'flood' })],
  ];

  // Each bad request once, alone: its own answer, before a flood can make everything time out.
  const alone = [];
  for (const [name, send] of [['nested JSON ~940 kB', nestedRequest], ...bad]) {
    const r = await send();
    alone.push(r.status);
    say(`alone: ${name} → ${r.status}${r.body?.details?.code ? ` ${r.body.details.code}` : ''} in ${ms(r.ms)}`);
  }

  const normal = normalClient('/api/health', undefined, 50);
  const quietFrom = Date.now();
  await sleep(8000);
  const floodFrom = Date.now();
  const byKind = new Map();
  const note = (name, r) => byKind.set(name, [...(byKind.get(name) ?? []), r.status]);
  const floodUntil = floodFrom + 20_000;
  const pending = new Set();
  let nestedInFlight = 0;
  const launch = (name, fn) => {
    const p = fn().then((r) => note(name, r));
    pending.add(p);
    void p.finally(() => pending.delete(p));
    return p;
  };
  for (let tick = 0; Date.now() < floodUntil && tick < 400; tick++) {
    // ~2 nested bodies a second (at most 4 in flight) and ~4 other bad requests a second.
    if (tick % 2 === 0 && nestedInFlight < 4) {
      nestedInFlight++;
      void launch('nested JSON ~940 kB', nestedRequest).finally(() => nestedInFlight--);
    }
    launch(bad[tick % bad.length][0], bad[tick % bad.length][1]);
    launch(bad[(tick + 5) % bad.length][0], bad[(tick + 5) % bad.length][1]);
    await sleep(250);
  }
  await Promise.all([...pending]);
  const floodEnd = Date.now();
  await normal.stop();
  const quiet = normal.summary(quietFrom, floodFrom);
  const loud = normal.summary(floodFrom, floodEnd);
  const floodStatuses = [...byKind.values()].flat();
  for (const [name, statuses] of byKind) say(`flood: ${name}: ${tally(statuses)}`);
  say(`normal client /api/health quiet:        p50 ${ms(quiet.p50)}, p95 ${ms(quiet.p95)} over ${quiet.count} (${quiet.statuses})`);
  say(`normal client /api/health during flood: p50 ${ms(loud.p50)}, p95 ${ms(loud.p95)} over ${loud.count} (${loud.statuses})`);
  const after = await call('GET', '/api/health', { kind: 'setup' });
  const apiAlive = state.api.process.exitCode === null && !state.api.process.signalCode;
  say(`after the flood: API ${apiAlive ? 'up' : 'died'}, /api/health ${after.status}`);
  const invariants = await checkInvariants();
  printInvariants(invariants);
  const alone5xx = alone.filter((s) => typeof s !== 'number' || s >= 500);
  if (alone5xx.length)
    findings.push(`3: ${alone5xx.length} of ${alone.length} bad requests sent alone got a 5xx or no answer (expected 4xx): ${tally(alone5xx)}`);
  const flood5xx = floodStatuses.filter((s) => typeof s !== 'number' || s >= 500).length;
  if (flood5xx)
    findings.push(
      `3: ${flood5xx} flood requests got a 5xx or no answer (expected 4xx): ${tally(floodStatuses.filter((s) => typeof s !== 'number' || s >= 500))}`,
    );
  if (quiet.p95 !== null && loud.p95 !== null && loud.p95 > Math.max(5 * quiet.p95, quiet.p95 + 200))
    findings.push(`3: the normal client's p95 went from ${ms(quiet.p95)} to ${ms(loud.p95)} during the flood`);
  if (!apiAlive) {
    findings.push('3: the API process died during the flood');
    await startApi();
  }
  report.push({
    scenario: '3 bad-input flood',
    requests: alone.length + floodStatuses.length,
    statuses: `alone: ${tally(alone)} | flood: ${tally(floodStatuses)}`,
    'recovery (first 2xx)': after.status === 200 ? 'not disrupted' : `health ${after.status}`,
    'recovery (all retries answered)': 'n/a',
    'normal p95': `${ms(quiet.p95)} quiet → ${ms(loud.p95)}`,
    'invariants violated': invariants.filter((i) => i.count > 0).length,
  });
}

// ───────────────────────────── run ─────────────────────────────

let exitCode = 0;
try {
  step('Starting a PostgreSQL of its own and the API on it…');
  state.root = mkdtempSync(join(tmpdir(), 'aiparksit-chaos-'));
  chmodSync(state.root, 0o755); // PostgreSQL runs as another OS user when we are root
  state.pgPort = await freePort();
  state.postgres = await startEmbeddedPostgres({ dataDir: join(state.root, 'pg'), port: state.pgPort });
  const pgUrl = state.postgres.url;
  state.apiPort = await freePort();
  apiEnv = {
    DATABASE_URL: pgUrl,
    LOG_LEVEL: 'error',
    SERVE_WEB: 'false',
    BOOKING_HOLD_MINUTES: String(HOLD_MINUTES),
    BOOKING_JOBS_INTERVAL_SECONDS: String(JOBS_INTERVAL_SECONDS),
    OUTBOX_POLL_INTERVAL_MS: '500',
  };
  await startApi();
  state.pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
  // A stopped PostgreSQL breaks this pool's idle connections; pg reports that here and reconnects on the next query.
  state.pool.on('error', () => undefined);
  say(`PostgreSQL on 127.0.0.1:${state.pgPort}, API on ${state.api.url}, data in ${state.root}`);
  await setUpWorld(11);

  await scenarioKillApi();
  await scenarioStopPostgres();
  await scenarioFlood();

  step('Final check: every hold made during the run is past its expiry and the release job has had its rounds…');
  const { rows } = await state.pool.query(`SELECT max(hold_expires_at) AS last FROM bookings WHERE status = 'pending_payment' OR hold_expires_at IS NOT NULL`);
  const waitMs = Math.min(90_000, Math.max(0, new Date(rows[0].last ?? 0).getTime() + RELEASE_GRACE_SECONDS * 1000 + 2000 - Date.now()));
  if (waitMs > 0) say(`waiting ${seconds(waitMs)} for the last hold to lapse and be released…`);
  await sleep(waitMs);
  const final = await checkInvariants();
  say(`state: ${JSON.stringify(await context())}`);
  printInvariants(final);

  step('Summary');
  console.table(report);
  console.table(final.map(({ name, count }) => ({ invariant: name, count, verdict: count === 0 ? 'OK' : 'VIOLATED' })));
  if (findings.length) {
    process.stdout.write('\nFindings (what the code under test did where a better answer exists):\n');
    for (const f of findings) process.stdout.write(`  • scenario ${f}\n`);
  } else process.stdout.write('\nNo findings: 503s during the outage, 4xx for bad input, every retry answered.\n');
  if (final.some((i) => i.count > 0) || report.some((r) => r['invariants violated'] > 0)) {
    process.stdout.write('\n✖ An invariant was violated.\n');
    exitCode = 1;
  } else process.stdout.write('\n✓ Every invariant held.\n');
} catch (error) {
  process.stderr.write(`\n✖ chaos run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (state.api) process.stderr.write(`\nLast API output:\n${state.api.output().slice(-4000)}\n`);
  exitCode = 2;
} finally {
  step('Stopping the API and PostgreSQL, removing the temporary directory…');
  await cleanup();
}
process.exit(exitCode);
