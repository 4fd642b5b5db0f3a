import { Suspense, lazy, useId, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { SPACE_TYPES, type FacilityDetail, type SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { AMENITY_LABELS, SPACE_TYPE_LABELS, availabilityText, spaceTypeInSentence } from '../../../lib/parking-vocabulary';
import {
  WINDOW_PROBLEM_SENTENCES,
  defaultWindow,
  earliestStart,
  formatDuration,
  describeZone,
  formatWindowInZone,
  instantToWallClock,
  windowToIso,
} from '../../../lib/time-window';
import { useAvailability } from '../api/get-availability';
import { useAlternatives } from '../api/get-alternatives';
import { useFacilityForecast } from '../api/get-forecast';
import { AlternativesPanel, checkoutPath, facilityPagePath, useFacility } from '../../../shared/facilities';
import { WaitlistOffer } from '../../../shared/waitlist';
import { MonthlyPassPanel } from '../../../shared/passes';
import { useLiveAvailability } from '../api/live-availability';
import { OpeningHoursList } from './opening-hours-list';
import { RateTable } from './rate-table';
import { AmenityIcon } from '../../../components/amenity-icon';
import { ForecastSummary } from './forecast-summary';

// chart.js loads with the first facility page, not with sign-in.
const AvailabilityChart = lazy(() => import('./availability-chart').then((module) => ({ default: module.AvailabilityChart })));

/** "a standard", "an EV charging": how the Book button names its space type to screen readers. */
function bookingLabel(type: SpaceType): string {
  const spoken = spaceTypeInSentence(type);
  return `${/^[aeiouAEIOU]/.test(spoken) ? 'an' : 'a'} ${spoken}`;
}

/** The API's refusal of a window (one in the past, say) as the sentence it gives for the field. */
function windowProblem(error: unknown): string {
  if (error instanceof ApiError) {
    const first = Object.values(error.fieldMessages).flat()[0];
    if (first) return first;
  }
  return describeError(error);
}

export function FacilityPage() {
  const { facilityId = '' } = useParams();
  const facility = useFacility(facilityId);
  usePageTitle(facility.data?.name ?? 'Car park');
  if (facility.isPending) return <LoadingState label="Loading the car park…" />;
  if (facility.isError) {
    if (facility.error instanceof ApiError && facility.error.status === 404)
      return (
        <EmptyState title="Car park not found">
          <p>
            It may have been removed. <Link to="/">Search again</Link>.
          </p>
        </EmptyState>
      );
    return <ErrorState message={describeError(facility.error)} onRetry={() => void facility.refetch()} />;
  }
  // A new car park (an alternative chosen on this page) starts afresh: its own zone, no old problem.
  return <FacilityView key={facility.data.id} facility={facility.data} />;
}

function FacilityView({ facility }: { facility: FacilityDetail }) {
  const id = useId();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [problem, setProblem] = useState<string | null>(null);
  const [now] = useState(() => new Date());
  const [fallback] = useState(() => defaultWindow(now, facility.timeZone));
  const start = params.get('start');
  const end = params.get('end');
  const window = start && end ? { start, end } : null;
  const requestedType = params.get('type') as SpaceType | null;
  const spaceType: SpaceType = requestedType && facility.spaceTypes.includes(requestedType) ? requestedType : (facility.spaceTypes[0] ?? 'standard');
  const fallbackIso = windowToIso(fallback, facility.timeZone);
  const asked = window ?? ('problem' in fallbackIso ? null : fallbackIso);
  const availability = useAvailability(facility.id, asked);
  const forecastAnswer = useFacilityForecast(facility.id, asked ? { ...asked, spaceType } : null).data;
  // The forecast is extra: while it loads, if it fails, or while it is the previous window's or type's, the page shows availability alone.
  const sameWindow =
    forecastAnswer?.spaceType === spaceType &&
    forecastAnswer.window.start === availability.data?.window.start &&
    forecastAnswer.window.end === availability.data?.window.end;
  const forecast = sameWindow ? (forecastAnswer?.forecast ?? null) : null;
  useLiveAvailability([facility.id]);

  function changeWindow(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = windowToIso({ start: String(form.get('start') ?? ''), end: String(form.get('end') ?? '') }, facility.timeZone, new Date());
    if ('problem' in chosen) {
      setProblem(WINDOW_PROBLEM_SENTENCES[chosen.problem]);
      return;
    }
    setProblem(null);
    const next = new URLSearchParams(params);
    next.set('start', chosen.start);
    next.set('end', chosen.end);
    next.set('type', String(form.get('spaceType') ?? spaceType));
    setParams(next, { replace: true });
  }

  const shown = availability.data?.window ?? null;
  const book = (type: SpaceType) => {
    if (!shown) return;
    const query = new URLSearchParams({ facility: facility.id, start: shown.start, end: shown.end, type });
    // Visitors are asked to sign in or register there, and come back to this same checkout.
    void navigate(`/driver/checkout?${query.toString()}`);
  };
  const earliest = earliestStart(now, facility.timeZone);
  const priceOf = (type: SpaceType) => availability.data?.quotes?.find((q) => q.spaceType === type)?.quote ?? null;
  const chosen = availability.data?.perType.find((entry) => entry.spaceType === spaceType);
  // Closed for part of the stay, or a stay shorter or longer than it takes: no "Book" here, whatever is free.
  const windowProblems = availability.data?.windowProblems ?? [];
  const refused = windowProblems.length > 0;
  // Full for the window: where else to park then is asked for at once, before any "Book".
  const full = !refused && Boolean(shown) && (!chosen || chosen.level === 'none' || chosen.available === 0);
  const alternatives = useAlternatives(facility.id, (full || refused) && shown ? { start: shown.start, end: shown.end, spaceType } : null);
  const alternativesState = alternatives.isPending
    ? ({ status: 'loading' } as const)
    : alternatives.isError
      ? ({ status: 'error', message: describeError(alternatives.error), onRetry: () => void alternatives.refetch() } as const)
      : ({ status: 'ready', alternatives: alternatives.data.alternatives } as const);

  return (
    <>
      <PageHeader eyebrow={facility.operatorName} title={facility.name}>
        <p>
          {facility.addressLine}, {facility.postalCode} {facility.city}
        </p>
      </PageHeader>
      <div className="facility">
        <section className="panel facility__book" aria-labelledby={`${id}-when`}>
          <h2 id={`${id}-when`}>When</h2>
          <form className="form form--inline" onSubmit={changeWindow} noValidate key={`${shown?.start}-${shown?.end}-${spaceType}`}>
            <FormAlert message={problem} />
            <div className="field">
              <label htmlFor={`${id}-start`}>Arrive</label>
              <input
                id={`${id}-start`}
                name="start"
                type="datetime-local"
                step={900}
                min={earliest}
                aria-describedby={`${id}-zone`}
                defaultValue={window ? instantToWallClock(window.start, facility.timeZone) : fallback.start}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-end`}>Leave</label>
              <input
                id={`${id}-end`}
                name="end"
                type="datetime-local"
                step={900}
                min={earliest}
                aria-describedby={`${id}-zone`}
                defaultValue={window ? instantToWallClock(window.end, facility.timeZone) : fallback.end}
              />
            </div>
            <div className="field">
              <label htmlFor={`${id}-type`}>Space type</label>
              <select id={`${id}-type`} name="spaceType" defaultValue={spaceType}>
                {facility.spaceTypes.map((type) => (
                  <option key={type} value={type}>
                    {SPACE_TYPE_LABELS[type]}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="button button--secondary">
              Check availability
            </button>
          </form>
          <p id={`${id}-zone`} className="field__hint" data-testid="facility-zone">
            Times are the car park’s local time: {describeZone(shown?.start ?? now.toISOString(), facility.timeZone)}.
          </p>

          <h3>Free for your stay</h3>
          {availability.isPending && <LoadingState label="Checking free spaces…" />}
          {availability.isError && <ErrorState message={windowProblem(availability.error)} onRetry={() => void availability.refetch()} />}
          {availability.data && (
            <>
              <p data-testid="facility-window">
                {formatWindowInZone(availability.data.window.start, availability.data.window.end, facility.timeZone)} (
                {formatDuration(availability.data.window.start, availability.data.window.end)})
              </p>
              {availability.data.fidelity === 'coarse' && <p className="field__hint">Free spaces are shown roughly until you sign in.</p>}
              {forecast && <ForecastSummary forecast={forecast} spaceType={spaceType} fullNow={full} />}
              <ul className="type-list">
                {SPACE_TYPES.filter((type) => facility.spaceTypes.includes(type)).map((type) => {
                  const entry = availability.data.perType.find((p) => p.spaceType === type);
                  const free = entry ? entry.level !== 'none' : false;
                  const quote = priceOf(type);
                  return (
                    <li key={type} className={type === spaceType ? 'type-list__item type-list__item--chosen' : 'type-list__item'} data-space-type={type}>
                      <span className="type-list__name">{SPACE_TYPE_LABELS[type]}</span>
                      <span className={`availability availability--${entry?.level ?? 'none'}`}>{entry ? availabilityText(entry) : 'Full'}</span>
                      <span className="type-list__price" data-testid="stay-price">
                        {quote ? (
                          <>
                            <strong>{formatMoney(quote.totalCents, quote.currency ?? facility.currency)}</strong> total
                          </>
                        ) : (
                          'No price for this stay'
                        )}
                      </span>
                      <button
                        type="button"
                        className="button button--primary"
                        disabled={!free || refused}
                        onClick={() => book(type)}
                        aria-label={`Book ${bookingLabel(type)} space`}
                      >
                        Book
                      </button>
                    </li>
                  );
                })}
              </ul>
              {refused && shown && (
                <AlternativesPanel
                  headingLevel={3}
                  title="Not bookable for this stay"
                  lead={
                    <span data-testid="window-problems">
                      {windowProblems.map((problem) => problem.message).join(' ')} Change the times above, or park nearby:
                    </span>
                  }
                  state={alternativesState}
                  linkTo={(alternative) => facilityPagePath(alternative.facility.id, shown, spaceType)}
                  actionLabel="See this car park"
                />
              )}
              {full && shown && (
                <AlternativesPanel
                  headingLevel={3}
                  lead={`No ${spaceTypeInSentence(spaceType)} space is free here for the whole of your stay.`}
                  state={alternativesState}
                  linkTo={(alternative) => facilityPagePath(alternative.facility.id, shown, spaceType)}
                  actionLabel="See this car park"
                  waitlist={
                    <WaitlistOffer
                      // Another stay or space type is another line to join.
                      key={`${shown.start} ${shown.end} ${spaceType}`}
                      headingLevel={4}
                      facilityId={facility.id}
                      spaceType={spaceType}
                      stay={shown}
                      onBookNow={(vehiclePlate) => void navigate(checkoutPath(facility.id, shown, spaceType), { state: { vehiclePlate } })}
                    />
                  }
                />
              )}
              <h3>Through the day</h3>
              {availability.data.timeline.length ? (
                <Suspense fallback={<LoadingState label="Loading the chart…" />}>
                  <AvailabilityChart timeline={availability.data.timeline} spaceType={spaceType} forecast={forecast} />
                </Suspense>
              ) : (
                <p>No timeline for this day.</p>
              )}
            </>
          )}
        </section>

        <MonthlyPassPanel facilityId={facility.id} preferredType={spaceType} />

        <section className="panel" aria-labelledby={`${id}-rates`}>
          <h2 id={`${id}-rates`}>Prices</h2>
          <RateTable rates={facility.rates} />
          <p className="field__hint">
            Stays from {formatDuration('1970-01-01T00:00:00Z', new Date(facility.minDurationMinutes * 60_000).toISOString())} to{' '}
            {formatDuration('1970-01-01T00:00:00Z', new Date(facility.maxDurationMinutes * 60_000).toISOString())}.
          </p>
        </section>

        <section className="panel" aria-labelledby={`${id}-about`}>
          <h2 id={`${id}-about`}>About this car park</h2>
          {facility.description && <p>{facility.description}</p>}
          {facility.amenities.length > 0 ? (
            <ul className="tags" aria-label="Amenities">
              {facility.amenities.map((amenity) => (
                <li key={amenity} className="tag">
                  <AmenityIcon amenity={amenity} />
                  {AMENITY_LABELS[amenity]}
                </li>
              ))}
            </ul>
          ) : (
            <p>No extra amenities listed.</p>
          )}
          <dl className="details">
            <dt>Height limit</dt>
            <dd>{facility.heightLimitCm === null ? 'None' : `${(facility.heightLimitCm / 100).toFixed(2)} m`}</dd>
            <dt>Spaces</dt>
            <dd>{facility.spaces.map((s) => `${SPACE_TYPE_LABELS[s.spaceType]}${s.count === null ? '' : `: ${s.count}`}`).join(' · ') || 'None listed'}</dd>
          </dl>
          <h3>Opening hours</h3>
          <OpeningHoursList hours={facility.openingHours} timeZone={facility.timeZone} />
        </section>
      </div>
    </>
  );
}
