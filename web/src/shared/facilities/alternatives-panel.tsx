import { useId, type ReactNode } from 'react';
import type { FacilityAlternative } from '@aiparksit/shared';
import { Link } from 'react-router';
import { EmptyState, ErrorState, LoadingState } from '../../components/status';
import { formatMoney } from '../../lib/money';
import { availabilityText, formatDistance } from '../../lib/parking-vocabulary';
import { ALTERNATIVES_RADIUS_METERS, priceDifferenceText, radiusText } from './alternatives';

type AlternativesState =
  { status: 'loading' } | { status: 'error'; message: string; onRetry?: () => void } | { status: 'ready'; alternatives: FacilityAlternative[] };

interface AlternativesPanelProps {
  /** `h2` where the panel is a section of the page of its own, `h3` inside one. */
  headingLevel: 2 | 3;
  /** Default "Full for this window"; another when this car park cannot take the stay at all. */
  title?: string;
  /** What is full, in a sentence ("No standard space is free for the whole of your stay here."). */
  lead: ReactNode;
  state: AlternativesState;
  /** Where choosing an alternative leads: its page or its checkout, with the same window and type. */
  linkTo: (alternative: FacilityAlternative) => string;
  /** The visible call to action on each alternative ("See times", "Book here"). */
  actionLabel: string;
  /** Handed to the navigation (e.g. what the driver already typed at checkout). */
  linkState?: unknown;
  /** The offer to wait for a space here instead (the waitlist), shown before the car parks nearby. */
  waitlist?: ReactNode;
}

/**
 * "Full for this window": the nearest car parks with a space of the type free for the whole
 * window, nearest first, each with its distance, its total and how that compares, one click
 * from being booked. Shown by the car park page before a booking and by checkout after a 409.
 */
export function AlternativesPanel({
  headingLevel,
  title = 'Full for this window',
  lead,
  state,
  linkTo,
  actionLabel,
  linkState,
  waitlist,
}: AlternativesPanelProps) {
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className="alternatives" aria-labelledby={`${id}-title`} data-testid="alternatives">
      <Heading id={`${id}-title`} className="alternatives__title">
        {title}
      </Heading>
      <p className="alternatives__lead">{lead}</p>
      {waitlist}
      {state.status === 'loading' && <LoadingState label="Looking for car parks nearby with space…" />}
      {state.status === 'error' && <ErrorState title="Could not look for car parks nearby" message={state.message} onRetry={state.onRetry} />}
      {state.status === 'ready' &&
        (state.alternatives.length === 0 ? (
          <EmptyState title={`No other car park within ${radiusText(ALTERNATIVES_RADIUS_METERS)} has space then`}>
            <p>Try another time or a shorter stay.</p>
          </EmptyState>
        ) : (
          <>
            <p className="alternatives__intro">Nearby with space for the same times:</p>
            <ol className="alternatives__list" aria-label="Car parks nearby with space">
              {state.alternatives.map((alternative) => (
                <AlternativeItem
                  key={alternative.facility.id}
                  alternative={alternative}
                  to={linkTo(alternative)}
                  actionLabel={actionLabel}
                  linkState={linkState}
                />
              ))}
            </ol>
          </>
        ))}
    </section>
  );
}

function AlternativeItem({
  alternative,
  to,
  actionLabel,
  linkState,
}: {
  alternative: FacilityAlternative;
  to: string;
  actionLabel: string;
  linkState?: unknown;
}) {
  const { facility, quote, availability, distanceMeters, priceDifferenceCents } = alternative;
  const currency = quote?.currency ?? facility.currency;
  const difference = priceDifferenceText(priceDifferenceCents, currency);
  const tone = priceDifferenceCents === null || priceDifferenceCents === 0 ? 'same' : priceDifferenceCents < 0 ? 'cheaper' : 'dearer';
  return (
    <li className="alternative" data-facility-id={facility.id}>
      <div className="alternative__main">
        {/* The one link of the item; it stretches over the whole card, so the card is the target. */}
        <Link className="alternative__name" to={to} state={linkState}>
          {facility.name}
        </Link>
        <p className="alternative__address">
          {facility.addressLine}, {facility.city}
        </p>
        <p className="alternative__facts">
          <span data-testid="alternative-distance">{formatDistance(distanceMeters)} away</span>
          <span className={`availability availability--${availability.level}`}>{availabilityText(availability)}</span>
        </p>
      </div>
      <div className="alternative__price">
        {quote ? (
          <p className="alternative__total" data-testid="alternative-total">
            <strong>{formatMoney(quote.totalCents, currency)}</strong> total
          </p>
        ) : (
          <p className="alternative__total">No price for this stay</p>
        )}
        {difference && (
          <p className={`alternative__difference alternative__difference--${tone}`} data-testid="alternative-difference">
            {difference}
          </p>
        )}
        <span className="button button--secondary alternative__action" aria-hidden="true">
          {actionLabel} →
        </span>
      </div>
    </li>
  );
}
