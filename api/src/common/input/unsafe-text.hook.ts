import { BadRequestException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { fieldError, fieldErrorDetails } from '../errors/index.js';
import { unsafeTextPaths } from './unsafe-text.js';

/** A %-escape of U+0000 anywhere in the path (a route parameter is named by its own check). */
const ESCAPED_NUL = /%00/i;

/**
 * Fastify `preValidation` hook for every route: the body, query and path parameters, once parsed,
 * must not carry U+0000 or a lone surrogate. PostgreSQL cannot store either, so without this
 * check they surface as 500s (or as a CSV export that breaks off after its 200).
 */
export async function rejectUnsafeText(request: FastifyRequest): Promise<void> {
  const fields = [...unsafeTextPaths(request.params, 'path'), ...unsafeTextPaths(request.query, 'query'), ...unsafeTextPaths(request.body, 'body')];
  if (!fields.length && ESCAPED_NUL.test(request.url.split('?', 1)[0] ?? '')) fields.push('path');
  if (!fields.length) return;
  const details = fieldErrorDetails(
    'unsafe_text',
    fields.map((field) => fieldError(field, 'unsafe_text')),
  );
  throw new BadRequestException({ message: `Invalid request: check ${fields.join(', ')}.`, details });
}
