import { createHash, randomBytes } from 'node:crypto';

/** 256 bits from the OS CSPRNG, URL-safe: refresh tokens and API key secrets. */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * Opaque tokens are stored only as SHA-256: they are high-entropy random strings, so a fast
 * hash is enough (no dictionary to guess from), and a database leak yields nothing usable.
 */
export function sha256(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}
