import { BadRequestException } from '@nestjs/common';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { fieldError, fieldErrorDetails } from '../errors/index.js';
import { isUnsafeText, unsafeTextPaths } from './unsafe-text.js';

/**
 * Whether a flat input (path parameters, a query string) needs the full walk: it carries unsafe
 * text, or nests something. Most requests carry a few plain strings or nothing, and are checked
 * here without building a path for each field.
 */
function needsWalk(input: unknown): boolean {
  if (input === undefined || input === null) return false;
  if (typeof input !== 'object') return typeof input === 'string' ? isUnsafeText(input) : false;
  if (Array.isArray(input)) return true;
  for (const key in input) {
    if (!Object.prototype.hasOwnProperty.call(input, key)) continue;
    if (isUnsafeText(key)) return true;
    const value = (input as Record<string, unknown>)[key];
    if (typeof value === 'string' ? isUnsafeText(value) : value !== null && typeof value === 'object') return true;
  }
  return false;
}

/**
 * Fastify `preValidation` hook for every route: the body, query and path parameters, once parsed,
 * must not carry U+0000 or a lone surrogate. PostgreSQL cannot store either, so without this
 * check they surface as 500s (or as a CSV export that breaks off after its 200). Synchronous: it
 * runs on every request.
 */
export function rejectUnsafeText(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  const { params, query, body } = request;
  let fields: string[] = [];
  if (needsWalk(params) || needsWalk(query) || (body !== undefined && body !== null)) {
    fields = [...unsafeTextPaths(params, 'path'), ...unsafeTextPaths(query, 'query'), ...unsafeTextPaths(body, 'body')];
  }
  if (!fields.length) {
    // A %-escape of U+0000 anywhere in the path (a route parameter is named by its own check).
    const { url } = request;
    const nul = url.indexOf('%00');
    const queryStart = url.indexOf('?');
    if (nul !== -1 && (queryStart === -1 || nul < queryStart)) fields.push('path');
  }
  if (!fields.length) return done();
  const details = fieldErrorDetails(
    'unsafe_text',
    fields.map((field) => fieldError(field, 'unsafe_text')),
  );
  done(new BadRequestException({ message: `Invalid request: check ${fields.join(', ')}.`, details }));
}
