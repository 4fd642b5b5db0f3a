import { Injectable } from '@nestjs/common';
import type { DataFidelity } from '@aiparksit/shared';
import type { Principal } from '../access/index.js';
import { AppConfig } from '../config/index.js';
import { FacilitiesException } from './facilities.exception.js';
import { SearchCursors, type CursorPosition } from './search-cursor.js';
import { fidelityFor } from './fidelity.js';

/** Where a page request starts, and how much the caller may see. */
export interface PageRequest {
  fingerprint: string;
  /** 1 for the first page. */
  page: number;
  after: CursorPosition['after'] | undefined;
  fidelity: DataFidelity;
}

/**
 * Cursor paging shared by the marketplace and the catalogue, with the anonymous depth limit:
 * a person browsing reads a few pages; walking the whole catalogue needs an account or a key.
 */
@Injectable()
export class CataloguePaging {
  private readonly cursors: SearchCursors;
  private readonly anonymousMaxPages: number;

  constructor(config: AppConfig) {
    this.cursors = new SearchCursors(config.accessTokenSecret());
    this.anonymousMaxPages = config.values.marketplaceAnonMaxPages;
  }

  open(principal: Principal | undefined, filters: Record<string, unknown>, cursor: string | undefined): PageRequest {
    const fingerprint = SearchCursors.fingerprint(filters);
    const position = cursor === undefined ? { page: 1, after: undefined } : this.cursors.decode(cursor, fingerprint);
    const fidelity = fidelityFor(principal);
    if (fidelity === 'coarse' && position.page > this.anonymousMaxPages) {
      throw new FacilitiesException(
        'anonymous_page_limit',
        `Anonymous searches show at most ${this.anonymousMaxPages} pages. Sign in, use an API key, or narrow the search.`,
        { maxPages: this.anonymousMaxPages },
      );
    }
    return { fingerprint, page: position.page, after: position.after, fidelity };
  }

  /** The cursor of the page after this one, or null when this one was the last. */
  next(request: PageRequest, hasMore: boolean, lastKey: (string | number)[] | undefined): string | null {
    if (!hasMore || !lastKey) return null;
    return this.cursors.encode(request.fingerprint, { page: request.page + 1, after: lastKey });
  }
}
