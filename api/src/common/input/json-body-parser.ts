import type { FastifyInstance, FastifyRequest } from 'fastify';
import { InputException } from './input.exception.js';
import { exceedsJsonDepth } from './json-depth.js';

type Done = (error: Error | null, body?: unknown) => void;

/**
 * The application/json parser: refuses a body nested deeper than `maxDepth` before parsing it,
 * then parses with Fastify's own parser, which keeps its protection against `__proto__` and
 * `constructor.prototype` keys. A deep body cost the event loop a second for everyone: validation
 * and fingerprinting walk it recursively.
 */
export function depthLimitedJsonParser(fastify: FastifyInstance, maxDepth: number) {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  return (request: FastifyRequest, body: Buffer, done: Done): void => {
    if (exceedsJsonDepth(body, maxDepth)) {
      done(new InputException('body_too_deep', `The request body nests arrays and objects more than ${maxDepth} levels deep.`, { maxDepth }));
      return;
    }
    parseJson(request, body.toString('utf8'), done);
  };
}
