import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NotFoundException } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import fastifyCompress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { Server } from 'node:http';
import type { FastifyError, FastifyHttpOptions, FastifyReply, FastifyRequest } from 'fastify';
import { REQUEST_ID_HEADER } from '@aiparksit/shared';
import type { AppConfig } from '../../config/index.js';
import {
  ErrorLog,
  NO_ROUTE_MESSAGE,
  enterRequestContext,
  reenterRequestContext,
  requestContextIsCheap,
  sendEnvelope,
  sendError,
  toErrorEnvelope,
} from '../errors/index.js';
import { depthLimitedJsonParser, rejectUnsafeText } from '../input/index.js';
import { createClientErrorHandler } from './client-error.js';
import { createOpenApiDocument } from './openapi.js';
import { requestIdFor } from './request-id.js';
import { computeSecurityHeaders } from './security-headers.js';
import { installResponseSerializer } from './response-schema/index.js';
import type { LogStream } from './log-stream.js';

// Text, JSON, JavaScript, CSS and SVG; not images, PDFs, archives or `octet-stream` downloads,
// which are compressed already or not worth it (the plugin's default list compresses octet-stream).
const COMPRESSIBLE_TYPES = /^text\/(?!event-stream)|[+/](?:json|xml|javascript)(?:;|$)|^image\/svg\+xml/u;

// Security headers, the same on every response: helmet's, computed once at start-up.
const SECURITY_HEADERS = computeSecurityHeaders();

/**
 * Fastify as the API runs it: logs with a request id on `logStream` (one line per request, written
 * by the request-log hook, not Fastify's two), body and header limits, trusted proxies, and the
 * error envelope also for what fails before routing (a malformed URL) or before parsing completes
 * (a request line or headers over the limit, bytes that are not HTTP).
 */
export function createHttpAdapter(config: AppConfig, logStream: LogStream): FastifyAdapter {
  const { logLevel, bodyLimitBytes, trustProxy, httpMaxHeaderBytes } = config.values;
  const options: FastifyHttpOptions<Server> = {
    http: { maxHeaderSize: httpMaxHeaderBytes },
    clientErrorHandler: createClientErrorHandler(httpMaxHeaderBytes),
    frameworkErrors: answerFrameworkError,
    logger: {
      level: logLevel,
      redact: { paths: ['req.headers.authorization', 'req.headers["x-api-key"]', 'req.headers.cookie'], censor: '[masked]' },
      stream: logStream.stream,
    },
    disableRequestLogging: true,
    genReqId: requestIdFor,
    requestIdHeader: false,
    bodyLimit: bodyLimitBytes,
    // A hop count trusts that many proxies nearest to us (Fastify takes it as a function).
    trustProxy: typeof trustProxy === 'number' ? (_address: string, hop: number) => hop < trustProxy : trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
  };
  return new ApiFastifyAdapter(options);
}

/** Said of every path no route serves; one instance, since it carries nothing of the request. */
const NO_ROUTE = new NotFoundException(NO_ROUTE_MESSAGE);

class ApiFastifyAdapter extends FastifyAdapter {
  /**
   * Unknown routes get the 404 envelope straight away. Nest's own handler throws a new
   * NotFoundException for each such request to reach the same filter; capturing its stack was
   * ~15 % of a 404's CPU in the overhead benchmark's profile.
   */
  override setNotFoundHandler(): ReturnType<FastifyAdapter['setNotFoundHandler']> {
    return this.getInstance().setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => sendError(NO_ROUTE, request, reply));
  }
}

/**
 * Everything around the Nest routes: compression, request ids, security headers, the input
 * checks that run before validation, OpenAPI, and the SPA when the API serves it (embedded mode;
 * behind nginx, nginx serves it and compresses).
 */
export async function configureHttp(app: NestFastifyApplication, config: AppConfig): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const errorLog = app.get(ErrorLog);

  const compress = config.values.httpCompression === 'on' || (config.values.httpCompression === 'auto' && config.values.serveWeb);
  if (compress) {
    // First, before any route (the docs' too), so that its onSend hook covers them all. gzip
    // before brotli for what is compressed per response: on our JSON (an 8 KB marketplace page)
    // brotli at its fastest useful quality (4) costs 0.46 ms against gzip's 0.30 ms for 5 % fewer
    // bytes; the SPA's assets are brotli anyway, compressed once at build time.
    await app.register(fastifyCompress, {
      encodings: ['gzip', 'br'],
      threshold: config.values.httpCompressionMinBytes,
      customTypes: COMPRESSIBLE_TYPES,
    });
  }

  // Routes with a response schema are serialised by it; outside production each answer is also
  // compared with JSON.stringify's, so a schema cannot silently drop or change a property.
  installResponseSerializer(fastify, config.values.nodeEnv !== 'production');

  // One synchronous hook for what every response carries: its request id and the security headers.
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(SECURITY_HEADERS).header(REQUEST_ID_HEADER, request.id);
    done();
  });
  // Slow statements name the request (and route) they ran for, where tracking that is cheap or asked for.
  const { requestContext } = config.values;
  if (requestContext === 'on' || (requestContext === 'auto' && requestContextIsCheap())) {
    fastify.addHook('onRequest', enterRequestContext);
    fastify.addHook('preValidation', reenterRequestContext);
  }
  // No setErrorHandler here: Nest installs Fastify's error handler when the app initialises, and
  // it hands Fastify's own errors (body parsing, hooks) to the global filter, so the envelope applies.

  // JSON bodies are checked for depth before they are parsed, and every parsed input (body,
  // query, path parameters) for text the database cannot store, before validation, idempotency
  // or any handler sees it.
  app.useBodyParser('application/json', { bodyLimit: config.values.bodyLimitBytes }, depthLimitedJsonParser(fastify, config.values.bodyMaxDepth));
  fastify.addHook('preValidation', rejectUnsafeText);

  app.setGlobalPrefix('api');
  if (config.values.corsOrigins.length) app.enableCors({ origin: config.values.corsOrigins, credentials: false });

  // The committed document (shared/openapi.json, kept equal to the code by `npm test`) also
  // carries each route's error codes, which are read from the modules' sources when it is written.
  SwaggerModule.setup('api/docs', app, () => committedOpenApiDocument(config) ?? createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    useGlobalPrefix: false,
  });

  const webDist = config.projectPath(config.values.webDistDir);
  const serveWeb = config.values.serveWeb && existsSync(join(webDist, 'index.html'));
  if (serveWeb) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      decorateReply: false,
      // The .br and .gz files written beside each asset by the build (web/vite.config.ts), at
      // the highest level, instead of compressing the same bytes again for each visitor.
      preCompressed: compress,
      // Vite names built assets by content hash: they never change under the same name.
      setHeaders: (res, path) => {
        res.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  // History fallback: any other GET outside /api and /ws is an SPA route. Nest's own routes are
  // more specific and win; unknown /api paths reach Nest's 404, and so the error envelope.
  if (serveWeb) {
    fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
      const path = request.url.split('?')[0] ?? '';
      if (path.startsWith('/api') || path.startsWith('/ws')) {
        return sendError(new NotFoundException(NO_ROUTE_MESSAGE), request, reply, errorLog);
      }
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(indexHtml(webDist));
    });
  }
}

function committedOpenApiDocument(config: AppConfig): OpenAPIObject | undefined {
  const file = config.projectPath('shared/openapi.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as OpenAPIObject) : undefined;
}

let cachedIndex: { dir: string; html: Buffer } | undefined;
/** The built index.html, read once: it does not change while the process runs. */
function indexHtml(dir: string): Buffer {
  if (cachedIndex?.dir !== dir) cachedIndex = { dir, html: readFileSync(join(dir, 'index.html')) };
  return cachedIndex.html;
}

/**
 * Errors Fastify raises before a route is found (a malformed %-escape, an over-long path
 * parameter): no hook has run, so the request id header and the security headers are set here.
 */
function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const result = toErrorEnvelope(error, String(request.id));
  if (result.unexpected) request.log.error({ err: error }, 'unhandled error before routing');
  else request.log.info({ statusCode: result.envelope.statusCode, code: error.code }, 'request refused before routing');
  reply.headers(SECURITY_HEADERS);
  sendEnvelope(reply, result);
}
