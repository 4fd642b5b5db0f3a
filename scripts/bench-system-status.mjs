// `npm run bench:system-status`: how fast GET /api/system/status answers on the `large` data set
// with two API instances running on one PostgreSQL (the page's snapshot is taken at most every
// SYSTEM_SNAPSHOT_MS and answered from memory; a request finding it stale starts a refresh).
//
// Data: DATABASE_URL when set; otherwise an embedded PostgreSQL in BENCH_PG_DIR (default
// .data/bench-investor, the investor bench's data), seeded with `--scale large` first when it has
// no users (that takes minutes). Both instances are started (migrations included) and signed in
// as the demo admin; each is asked BENCH_RUNS times (default 300), one request every
// BENCH_GAP_MS (default 40 ms), so the run spans several snapshot periods and its refreshes are
// among the timed requests. Also shown: the first (cold) request of an instance, which waits for
// a whole snapshot. Last, the WebSocket card's commit-to-send latency: a socket on each instance
// follows one facility while BENCH_CHANGES (100) availability notices for it, 100 ms apart, are
// committed as the realtime triggers send them (stamped with the database clock; sent by hand so
// the bench changes no data); each instance's card then gives p50/p95 from the stamp to the
// frame written (listener, coalescing window, recount, write). Numbers vary by machine and load.
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import { API_DIST, ROOT, run, step } from './lib.mjs';
import { openLargeDataSet } from './large-data-set.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const GAP_MS = Number(process.env.BENCH_GAP_MS ?? 40);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 100);

step('Building shared contract and API…');
run('npm', ['run', 'build', '-w', 'shared']);
run('npm', ['run', 'build', '-w', 'api']);

const { startApiServer } = await import(pathToFileURL(resolve(ROOT, 'api/test/support/system.mjs')).href);
const { DEMO_PASSWORD } = await import(pathToFileURL(resolve(API_DIST, 'seed/demo-accounts.js')).href);

const data = await openLargeDataSet('.data/bench-investor');
const { databaseUrl, pool } = data;
const apis = [];
try {
  step('Starting two API instances on it (migrations included)…');
  const env = { DATABASE_URL: databaseUrl, LOG_LEVEL: 'error', BOOKING_JOBS_INTERVAL_SECONDS: '3600' };
  apis.push(await startApiServer(env, 300_000));
  apis.push(await startApiServer(env, 300_000));

  const n = (v) => Number(v).toLocaleString('en-US');
  const counts = (
    await pool.query(`SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT count(*) FROM facilities) AS facilities, (SELECT count(*) FROM users) AS users,
      pg_size_pretty(pg_database_size(current_database())) AS size, (SELECT count(*) FROM pg_class) AS relations`)
  ).rows[0];
  console.log(
    `  data: ${n(counts.bookings)} bookings, ${n(counts.facilities)} facilities, ${n(counts.users)} users; database ${counts.size}, ${n(counts.relations)} relations`,
  );

  const login = await fetch(`${apis[0].url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@demo.aiparksit.test', password: DEMO_PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`signing in as the demo admin failed: ${login.status}`);
  const { accessToken } = await login.json();

  const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  const ms = (v) => `${v.toFixed(1)} ms`;
  const agentOf = new Map(apis.map((api) => [api, new http.Agent({ keepAlive: true, maxSockets: 1 })]));
  const getStatus = (api) =>
    new Promise((resolveGet, rejectGet) => {
      const started = performance.now();
      http
        .get(`${api.url}/api/system/status`, { agent: agentOf.get(api), headers: { authorization: `Bearer ${accessToken}` } }, (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => {
            const elapsed = performance.now() - started;
            if (res.statusCode !== 200) return rejectGet(new Error(`status ${res.statusCode}: ${Buffer.concat(chunks).toString()}`));
            resolveGet({ elapsed, body: JSON.parse(Buffer.concat(chunks).toString()) });
          });
        })
        .on('error', rejectGet);
    });

  step('Cold: the first request of each instance waits for a whole snapshot…');
  for (const [i, api] of apis.entries()) {
    const { elapsed, body } = await getStatus(api);
    console.log(
      `  instance ${i + 1}: ${ms(elapsed)} (overall ${body.overall}; ${body.services.api.instances.filter((x) => x.state === 'running').length} instances running; postgres ${body.services.postgres.state}, ${n(body.services.postgres.sizeBytes)} bytes)`,
    );
    for (const [name, card] of Object.entries(body.services))
      if (card.reason && card.state !== 'running') console.log(`    ${name} ${card.state}: ${card.reason}`);
  }

  step(`Warm: ${RUNS} requests per instance, one every ${GAP_MS} ms, both instances at once…`);
  const results = await Promise.all(
    apis.map(async (api) => {
      const times = [];
      let refreshed = 0;
      let lastAge = Infinity;
      for (let i = 0; i < RUNS; i++) {
        const { elapsed, body } = await getStatus(api);
        times.push(elapsed);
        if (body.snapshotAgeMs < lastAge) refreshed += 1;
        lastAge = body.snapshotAgeMs;
        await new Promise((r) => setTimeout(r, GAP_MS));
      }
      return { times: times.sort((a, b) => a - b), refreshed };
    }),
  );
  const all = results.flatMap((r) => r.times).sort((a, b) => a - b);
  for (const [i, { times, refreshed }] of results.entries()) {
    console.log(
      `  instance ${i + 1}: p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(times[times.length - 1])} (${refreshed} snapshots seen)`,
    );
  }
  console.log(`  both:       p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}, max ${ms(all[all.length - 1])}  (target p95 < 50 ms)`);

  step(`Commit-to-send: ${CHANGES} availability notices of one facility, a follower on each instance…`);
  const { rows: spaceRows } = await pool.query(
    `SELECT s.space_type, s.facility_id FROM spaces s JOIN facilities f ON f.id = s.facility_id WHERE s.active AND f.published AND NOT f.is_canary LIMIT 1`,
  );
  const space = spaceRows[0];
  let received = 0;
  const sockets = await Promise.all(
    apis.map(
      (api) =>
        new Promise((resolveOpen, rejectOpen) => {
          const socket = new WebSocket(`${api.url.replace('http', 'ws')}/ws`);
          socket.on('message', (data) => {
            const message = JSON.parse(data.toString());
            if (message.type === 'subscribed') resolveOpen(socket);
            if (message.type === 'event') received += 1;
          });
          socket.once('open', () => socket.send(JSON.stringify({ type: 'subscribe', facilityIds: [space.facility_id] })));
          socket.once('error', rejectOpen);
        }),
    ),
  );
  for (let i = 0; i < CHANGES; i++) {
    await pool.query(
      `SELECT pg_notify('aiparksit_events', json_build_object('k', 'a', 'f', $1::uuid, 't', $2::text, 'ts', floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint)::text)`,
      [space.facility_id, space.space_type],
    );
    await new Promise((r) => setTimeout(r, 100));
  }
  const sentBy = Date.now() + 500;
  await new Promise((r) => setTimeout(r, 500));
  for (const [i, api] of apis.entries()) {
    // A snapshot taken after the last frame went out.
    let body;
    do {
      ({ body } = await getStatus(api));
      if (Date.parse(body.generatedAt) - body.snapshotAgeMs < sentBy) await new Promise((r) => setTimeout(r, 250));
    } while (Date.parse(body.generatedAt) - body.snapshotAgeMs < sentBy);
    const { latencyMs, eventsPerMinute } = body.services.websocket;
    console.log(
      `  instance ${i + 1}: p50 ${latencyMs.p50} ms, p95 ${latencyMs.p95} ms (${eventsPerMinute} events in the last minute; snapshot ${body.snapshotAgeMs} ms old)`,
    );
  }
  console.log(`  frames received by the two followers: ${received}`);
  for (const socket of sockets) socket.close();
} finally {
  await Promise.all(apis.map((api) => api.stop()));
  await data.close();
}
