import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { REQUEST_ID_HEADER } from '@aiparksit/shared';

/** A caller-supplied id is kept when it looks like one (so traces join up), else we mint one. */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{8,128}$/;

export function requestIdFor(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === 'string' && ACCEPTABLE.test(incoming) ? incoming : randomUUID();
}
