import { Suspense, lazy, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { MarketplaceResult } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { defaultWindow, formatWindow, windowToIso } from '../../../lib/time-window';
import { useLiveResults } from '../api/live-results';
import { useMarketplaceSearch } from '../api/search-marketplace';
import { ResultList } from './result-list';
import { SearchForm } from './search-form';
import { criteriaFromParams, criteriaToParams, criteriaToSearch, type SearchCriteria } from './search-params';

// Leaflet is the largest part of the app: load it with the first search screen, not with sign-in.
const ResultsMap = lazy(() => import('./results-map').then((module) => ({ default: module.ResultsMap })));

/** A search needs a window for prices: a point picked before any search gets the default one. */
function withWindow(criteria: SearchCriteria): SearchCriteria {
  if (criteria.start && criteria.end) return criteria;
  const window = windowToIso(defaultWindow(new Date()));
  return 'problem' in window ? criteria : { ...criteria, start: window.start, end: window.end };
}

/** Find parking: search form, map and list of results, "load more" by cursor. */
export function MarketplacePage() {
  usePageTitle('Find parking');
  const [params, setParams] = useSearchParams();
  const criteria = useMemo(() => criteriaFromParams(params), [params]);
  const search = useMemo(() => criteriaToSearch(criteria), [criteria]);
  const results = useMarketplaceSearch(search);
  const items = results.data?.pages.flatMap((page) => page.results) ?? [];
  const coarse = results.data?.pages[0]?.fidelity === 'coarse';
  useLiveResults(items.map((item) => item.facility.id));

  const linkTo = (result: MarketplaceResult) => {
    const link = new URLSearchParams();
    if (criteria.start && criteria.end) {
      link.set('start', criteria.start);
      link.set('end', criteria.end);
    }
    link.set('type', criteria.spaceType);
    return `/driver/facilities/${result.facility.id}?${link.toString()}`;
  };
  const searchWith = (next: SearchCriteria) => setParams(criteriaToParams(next));

  return (
    <>
      <PageHeader eyebrow="Driver" title="Find parking">
        <p>Choose where and when; prices are for your whole stay.</p>
      </PageHeader>
      <SearchForm criteria={criteria} onSearch={searchWith} />
      <section className="marketplace" aria-labelledby="results-heading">
        <h2 id="results-heading" className="marketplace__heading">
          {search ? 'Car parks' : 'Where do you want to park?'}
          {search && criteria.start && criteria.end && <span className="marketplace__window"> · {formatWindow(criteria.start, criteria.end)}</span>}
        </h2>
        <div className="marketplace__body">
          <div className="marketplace__list" aria-live="polite" aria-busy={results.isFetching}>
            {!search && (
              <EmptyState title="No search yet">
                <p>Enter a city, use your location, or click the map to see car parks with prices and free spaces.</p>
              </EmptyState>
            )}
            {search && results.isPending && <LoadingState label="Finding car parks…" />}
            {search && results.isError && (
              <ErrorState title="The search did not work" message={describeError(results.error)} onRetry={() => void results.refetch()} />
            )}
            {search && results.isSuccess && items.length === 0 && (
              <EmptyState title="No car parks match">
                <p>Try a wider radius, another time, or fewer filters.</p>
              </EmptyState>
            )}
            {items.length > 0 && (
              <>
                {coarse && <p className="notice">Sign in for exact numbers of free spaces.</p>}
                <ResultList results={items} linkTo={linkTo} />
                {results.hasNextPage && (
                  <button
                    type="button"
                    className="button button--secondary button--block"
                    onClick={() => void results.fetchNextPage()}
                    disabled={results.isFetchingNextPage}
                  >
                    {results.isFetchingNextPage ? 'Loading more…' : 'Load more'}
                  </button>
                )}
                {results.isFetchNextPageError && <ErrorState message={describeError(results.error)} onRetry={() => void results.fetchNextPage()} />}
              </>
            )}
          </div>
          <Suspense
            fallback={
              <div className="results-map results-map--loading">
                <LoadingState label="Loading the map…" />
              </div>
            }
          >
            <ResultsMap
              results={items}
              center={criteria.point}
              linkTo={linkTo}
              onPickPoint={(point) => searchWith({ ...withWindow(criteria), city: '', point })}
            />
          </Suspense>
        </div>
      </section>
    </>
  );
}
