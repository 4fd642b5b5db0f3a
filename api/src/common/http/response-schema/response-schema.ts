import { isDeepStrictEqual } from 'node:util';
import { RouteSchema } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import fastJson, { type Schema } from 'fast-json-stringify';

/** A JSON schema of a response body (the subset fast-json-stringify reads: types, properties, required, items, nullable, if/then/else). */
export type ResponseBodySchema = Readonly<Record<string, unknown>>;

/**
 * Serialises a hot route's answers by its schema (fast-json-stringify: a function compiled once
 * per route and status) instead of `JSON.stringify`. Give the schema of every status the route
 * answers with a body of its own; errors keep the envelope, serialised as before.
 *
 * A schema leaves out what it does not list, and a property of the wrong type is coerced: outside
 * production every such answer is checked against `JSON.stringify` (see `installResponseSerializer`),
 * so a property added to a view without its schema fails the tests instead of vanishing.
 */
export function JsonResponse(schemas: Record<number, ResponseBodySchema>): MethodDecorator {
  return RouteSchema({ response: schemas });
}

/** A compiled serialiser that throws when its output is not the value `JSON.stringify` would give. */
export function checkedSerializer(schema: ResponseBodySchema, where: string): (data: unknown) => string {
  const serialize = fastJson(schema as unknown as Schema);
  return (data) => {
    const body = serialize(data);
    const expected = JSON.stringify(data);
    // Compared as values: the schema's property order may differ from the object's.
    if (!isDeepStrictEqual(JSON.parse(body), JSON.parse(expected))) {
      throw new Error(`The response schema of ${where} serialises a body unlike JSON.stringify: got ${body}, expected ${expected}`);
    }
    return body;
  };
}

/**
 * The serialiser compiler for route response schemas: fast-json-stringify, checked against
 * `JSON.stringify` on every answer unless `checked` is false (production, where the speed is the
 * point and the tests have already compared them).
 */
export function installResponseSerializer(fastify: FastifyInstance, checked: boolean): void {
  fastify.setSerializerCompiler(({ schema, method, url, httpStatus }) => {
    const where = `${method} ${url} (${httpStatus})`;
    return checked ? checkedSerializer(schema as ResponseBodySchema, where) : fastJson(schema as unknown as Schema);
  });
}
