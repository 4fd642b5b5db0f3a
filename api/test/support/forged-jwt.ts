import { createHmac } from 'node:crypto';

/**
 * Builds JWTs by hand, so tests can present tokens the API must refuse (expired, wrong
 * signature, alg none) without trusting the library under test to make them.
 */
function encode(part: unknown): string {
  return Buffer.from(JSON.stringify(part)).toString('base64url');
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function signHs256(payload: Record<string, unknown>, secret: string): string {
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(payload)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

export function unsignedJwt(payload: Record<string, unknown>): string {
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode(payload)}.`;
}
