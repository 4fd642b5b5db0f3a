import { createHash, createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { FacilitiesException } from './facilities.exception.js';

/** Where the next page starts: the last row's sort key, and which page it is. */
export interface CursorPosition {
  /** 1-based number of the page this cursor opens. */
  page: number;
  /** The last row's sort key values, its id last. */
  after: (string | number)[];
}

interface CursorPayload extends CursorPosition {
  /** Fingerprint of the search the cursor belongs to. */
  q: string;
}

/**
 * Opaque keyset cursors. Signed (HMAC-SHA256), so a client can neither forge a position nor
 * reset the page count that limits anonymous depth; bound to the search's filters, so a cursor
 * of one search cannot be replayed against another.
 */
export class SearchCursors {
  /** A KeyObject, not bytes: an HMAC over raw bytes imports its key again on every page. */
  private readonly key: KeyObject;

  constructor(secret: string) {
    // A key of its own, derived from the server secret, so cursors and tokens never share one.
    this.key = createSecretKey(createHmac('sha256', secret).update('aiparksit:search-cursor:v1').digest());
  }

  /** A stable fingerprint of a search's filters (everything but cursor and page size). */
  static fingerprint(filters: Record<string, unknown>): string {
    const canonical = JSON.stringify(
      Object.keys(filters)
        .sort()
        .map((k) => [k, filters[k] ?? null]),
    );
    return createHash('sha256').update(canonical).digest('base64url').slice(0, 16);
  }

  encode(fingerprint: string, position: CursorPosition): string {
    const body = Buffer.from(JSON.stringify({ q: fingerprint, page: position.page, after: position.after } satisfies CursorPayload)).toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The position a cursor opens; 400 when it was altered or belongs to another search. */
  decode(cursor: string, fingerprint: string): CursorPosition {
    const [body, signature, extra] = cursor.split('.');
    if (!body || !signature || extra !== undefined || !this.verify(body, signature)) throw invalidCursor();
    let payload: CursorPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CursorPayload;
    } catch {
      throw invalidCursor();
    }
    if (payload.q !== fingerprint) {
      throw new FacilitiesException('invalid_cursor', 'This cursor belongs to a search with other filters; start again without a cursor.', { field: 'cursor' });
    }
    if (!Number.isInteger(payload.page) || payload.page < 2 || !Array.isArray(payload.after)) throw invalidCursor();
    return { page: payload.page, after: payload.after };
  }

  private sign(body: string): string {
    return createHmac('sha256', this.key).update(body).digest('base64url').slice(0, 22);
  }

  private verify(body: string, signature: string): boolean {
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given);
  }
}

function invalidCursor(): FacilitiesException {
  return new FacilitiesException('invalid_cursor', 'The cursor is not one this API issued; pass back nextCursor unchanged.', { field: 'cursor' });
}
