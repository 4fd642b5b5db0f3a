import { randomBytes } from 'node:crypto';
import { randomSecret } from '../access/index.js';

/**
 * `aip_<12 hex>.<43 base64url>`: the prefix names the key in lists and logs, the secret after
 * the dot is 256 random bits. A recognisable prefix also lets secret scanners spot leaked keys.
 */
const KEY_SHAPE = /^aip_[0-9a-f]{12}\.[A-Za-z0-9_-]{43}$/;

export function mintApiKey(): { prefix: string; key: string } {
  const prefix = `aip_${randomBytes(6).toString('hex')}`;
  return { prefix, key: `${prefix}.${randomSecret(32)}` };
}

/** Cheap shape check, so garbage never reaches the database. */
export function looksLikeApiKey(value: string): boolean {
  return KEY_SHAPE.test(value);
}
