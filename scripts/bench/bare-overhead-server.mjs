// The baselines of `npm run bench:overhead`: a bare Fastify handler answering GET /api/auth/me
// with the body the full stack gave for it, serialised per request as Fastify does by default.
//   - BENCH_MUST_DO unset: nothing else (no logger, no hooks): what a trivial request costs at all.
//   - BENCH_MUST_DO=1: plus the work every request of the product must do whatever framework
//     answers it: a request id (the caller's, if acceptable, else a new UUID), the full stack's
//     own response headers (security headers, CORS, cache control: BENCH_HEADERS, as the API
//     sent them for this route) with the id, and one JSON request-log line written asynchronously
//     by pino to stdout with the request line's fields. What the full stack costs beyond this is
//     what its framework, guards and telemetry add.
// Env: PORT, BENCH_BODY (the JSON body), BENCH_MUST_DO, BENCH_HEADERS (a JSON object).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { API_DIST, ROOT } from '../lib.mjs';

const requireApi = createRequire(resolve(ROOT, 'api/package.json'));
const Fastify = requireApi('fastify');
const body = JSON.parse(process.env.BENCH_BODY ?? '{}');
const mustDo = process.env.BENCH_MUST_DO === '1';

let app;
if (mustDo) {
  const pino = requireApi('pino');
  const headers = JSON.parse(process.env.BENCH_HEADERS ?? '{}');
  // The API's own request id and request-log fields, so the baseline cannot drift from them.
  const { requestIdFor } = await import(pathToFileURL(resolve(API_DIST, 'common/http/request-id.js')).href);
  const { requestLogFields } = await import(pathToFileURL(resolve(API_DIST, 'telemetry/request-log.js')).href);
  app = Fastify({
    logger: { level: 'info', stream: pino.destination({ dest: 1, sync: false }) },
    disableRequestLogging: true,
    genReqId: requestIdFor,
  });
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers).header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(requestLogFields(request, reply), 'request completed');
    done();
  });
} else {
  app = Fastify({ logger: false });
}
app.get('/api/auth/me', async () => body);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', async () => {
  await app.close();
  process.exit(0);
});
