import { Suspense, lazy, useId, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { MarketplaceResult } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { browserTimeZone, defaultWindow, windowToIso } from '../../../lib/time-window';
import { useLiveResults } from '../api/live-results';
import { useForecastBadges } from '../api/forecast-badges';
import { useMarketplaceSearch } from '../api/search-marketplace';
import { ResultList } from './result-list';
import { SearchForm } from './search-form';
import { SearchSummary, windowHeading } from './search-summary';
import { criteriaFromParams, criteriaToParams, criteriaToSearch, type SearchCriteria } from './search-params';

// Leaflet is the largest part of the app: load it with the results, not with the landing page.
const ResultsMap = lazy(() => import('./results-map').then((module) => ({ default: module.ResultsMap })));

/** A search needs a window for prices: a point picked before any search gets the default one. */
function withWindow(criteria: SearchCriteria): SearchCriteria {
  if (criteria.start && criteria.end) return criteria;
  const window = windowToIso(defaultWindow(new Date()));
  return 'problem' in window ? criteria : { ...criteria, start: window.start, end: window.end };
}

/** The facility page for a result or a suggestion, keeping the window and space type searched for. */
export function facilityLink(facilityId: string, criteria: SearchCriteria): string {
  const link = new URLSearchParams();
  if (criteria.start && criteria.end) {
    link.set('start', criteria.start);
    link.set('end', criteria.end);
  }
  link.set('type', criteria.spaceType);
  return `/facilities/${facilityId}?${link.toString()}`;
}

/** What went wrong with a search, as a sentence: the API's field messages first (a past window, say). */
function searchProblem(error: unknown): string {
  if (error instanceof ApiError) {
    const first = Object.values(error.fieldMessages).flat()[0];
    if (first) return first;
  }
  return describeError(error);
}

type View = 'list' | 'map';

/**
 * `/search`: the results for the criteria in the address bar, with total prices for the window.
 * On a phone the results fill the screen: the form folds into a summary line with "Edit", and
 * list and map are two tabs.
 */
export function MarketplacePage() {
  usePageTitle('Find parking');
  const id = useId();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const criteria = useMemo(() => criteriaFromParams(params), [params]);
  const search = useMemo(() => criteriaToSearch(criteria), [criteria]);
  const results = useMarketplaceSearch(search);
  const [editing, setEditing] = useState(false);
  const [view, setView] = useState<View>('list');
  const items = results.data?.pages.flatMap((page) => page.results) ?? [];
  const firstPage = results.data?.pages[0];
  const coarse = firstPage?.fidelity === 'coarse';
  // Times read in the car parks' zone once results say which it is (a city's car parks share one).
  const timeZone = items[0]?.facility.timeZone ?? browserTimeZone();
  useLiveResults(items.map((item) => item.facility.id));
  const forecasts = useForecastBadges(
    results.data?.pages.map((page) => page.results.map((result) => result.facility.id)) ?? [],
    search?.start && search.end ? { start: search.start, end: search.end, spaceType: search.spaceType ?? 'standard' } : null,
  );

  const linkTo = (result: MarketplaceResult) => facilityLink(result.facility.id, criteria);
  const searchWith = (next: SearchCriteria) => {
    setEditing(false);
    setView('list');
    setParams(criteriaToParams(next));
  };
  const openFacility = (facilityId: string, next: SearchCriteria) => void navigate(facilityLink(facilityId, next));
  const where = criteria.point ? 'near the spot you chose' : `near the city centre of ${firstPage?.place?.name ?? criteria.city}`;

  if (!search) {
    return (
      <>
        <h1 className="visually-hidden">Find parking</h1>
        <SearchForm criteria={criteria} onSearch={searchWith} onOpenFacility={openFacility} timeZone={timeZone} />
        <EmptyState title="Where do you want to park?">
          <p>Enter a city, a car park or an address, or use your location, to see car parks with prices and free spaces.</p>
        </EmptyState>
      </>
    );
  }

  return (
    <>
      <h1 className="visually-hidden">Find parking</h1>
      <SearchSummary criteria={criteria} placeName={firstPage?.place?.name ?? null} timeZone={timeZone} editing={editing} onEdit={() => setEditing(true)} />
      <SearchForm
        // Remounting on new criteria (or zone) resets the uncontrolled inputs to what was searched.
        key={`${JSON.stringify(criteria)}|${timeZone}`}
        criteria={criteria}
        onSearch={searchWith}
        onOpenFacility={openFacility}
        timeZone={timeZone}
        className={editing ? 'search-form--collapsible search-form--editing' : 'search-form--collapsible'}
      />
      <section className="marketplace" aria-labelledby="results-heading">
        <h2 id="results-heading" className="marketplace__heading">
          Car parks {where}
          {criteria.start && criteria.end && (
            <span className="marketplace__window" data-testid="results-window">
              {' '}
              · {windowHeading(criteria.start, criteria.end, timeZone)}
            </span>
          )}
        </h2>
        <div className="marketplace__tabs" role="tablist" aria-label="Show results as">
          {(['list', 'map'] as const).map((tab) => (
            <button
              key={tab}
              type="button"
              role="tab"
              id={`${id}-tab-${tab}`}
              aria-controls={`${id}-panel-${tab}`}
              aria-selected={view === tab}
              tabIndex={view === tab ? 0 : -1}
              className="marketplace__tab"
              onClick={() => setView(tab)}
              onKeyDown={(event) => {
                if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') setView(tab === 'list' ? 'map' : 'list');
              }}
            >
              {tab === 'list' ? 'List' : 'Map'}
            </button>
          ))}
        </div>
        <div className={`marketplace__body marketplace__body--${view}`}>
          <div
            className="marketplace__list"
            id={`${id}-panel-list`}
            role="tabpanel"
            aria-labelledby={`${id}-tab-list`}
            aria-live="polite"
            aria-busy={results.isFetching}
          >
            {results.isPending && <LoadingState label="Finding car parks…" />}
            {results.isError && <ErrorState title="The search did not work" message={searchProblem(results.error)} onRetry={() => void results.refetch()} />}
            {results.isSuccess && items.length === 0 && (
              <EmptyState title="No car parks match">
                <p>Try a wider radius, another time, or fewer filters.</p>
              </EmptyState>
            )}
            {items.length > 0 && (
              <>
                {coarse && (
                  <p className="notice" data-testid="coarse-notice">
                    Free spaces are shown roughly (“Few spaces left”). Sign in to see exact numbers.
                  </p>
                )}
                <ResultList results={items} linkTo={linkTo} forecasts={forecasts} />
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
          <div className="marketplace__map" id={`${id}-panel-map`} role="tabpanel" aria-labelledby={`${id}-tab-map`}>
            <Suspense
              fallback={
                <div className="results-map results-map--loading">
                  <LoadingState label="Loading the map…" />
                </div>
              }
            >
              <ResultsMap
                results={items}
                center={criteria.point ?? firstPage?.place?.centre ?? null}
                linkTo={linkTo}
                shown={view === 'map'}
                onPickPoint={(point) => searchWith({ ...withWindow(criteria), city: '', point })}
              />
            </Suspense>
          </div>
        </div>
      </section>
    </>
  );
}
