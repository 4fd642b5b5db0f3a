import { useId, type FormEvent, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import type { SpaceType, WaitlistEntryView } from '@aiparksit/shared';
import { FormAlert } from '../../components/form-alert';
import { FormField } from '../../components/form-field';
import { useNow } from '../../components/use-now';
import { formatMoney } from '../../lib/money';
import { spaceTypeInSentence } from '../../lib/parking-vocabulary';
import { useSession } from '../../lib/session';
import { ResendVerificationButton } from '../email-verification';
import { joinRefusalOf } from './join-refusal';
import { useJoinWaitlist, useWaitlist, waitlistEntryOptions } from './waitlist-api';
import { entryForStay, entryStateOf, holdEndsText, isStillInLine, ordinal } from './waitlist-status';
import './waitlist.css';

export const MY_WAITLIST_PATH = '/driver/waitlist';

interface WaitlistOfferProps {
  /** One below the heading of the "Full for this window" panel it sits in. */
  headingLevel: 3 | 4;
  facilityId: string;
  spaceType: SpaceType;
  /** The stay that is full, as the API gave it (ISO instants). */
  stay: { start: string; end: string };
  /** The plate the driver already gave (at checkout): joining is then one click. */
  vehiclePlate?: string | undefined;
  /** A space freed for the stay meanwhile: book it (open checkout, or hold it again there). */
  onBookNow: (vehiclePlate: string) => void;
}

/**
 * "Tell me when a space frees": joining the car park's waitlist for the stay that is full. A
 * driver joins in one click (typing the plate here when the page has none); a visitor is asked to
 * sign in and comes back to this page; other roles are not offered it. Once in line it says the
 * place in line, and when a space is held for the driver, where to pay for it.
 */
export function WaitlistOffer(props: WaitlistOfferProps) {
  const session = useSession();
  const { pathname, search } = useLocation();
  if (session.status === 'restoring') return null;
  if (session.status === 'signed-out') {
    const next = encodeURIComponent(`${pathname}${search}`);
    return (
      <OfferFrame headingLevel={props.headingLevel}>
        <p className="waitlist-offer__text">
          <Link to={`/login?next=${next}`}>Sign in</Link> or <Link to={`/register?next=${next}`}>create an account</Link> to join the waitlist: we hold the
          first space that frees for your stay and email you.
        </p>
      </OfferFrame>
    );
  }
  if (session.user.role !== 'driver') return null;
  return <DriverWaitlistOffer {...props} email={session.user.email} />;
}

function OfferFrame({ headingLevel, children }: { headingLevel: 3 | 4; children: ReactNode }) {
  const id = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <section className="waitlist-offer" aria-labelledby={`${id}-title`} data-testid="waitlist-offer">
      <Heading id={`${id}-title`} className="waitlist-offer__title">
        Wait for a space here
      </Heading>
      {children}
    </section>
  );
}

function DriverWaitlistOffer({ headingLevel, facilityId, spaceType, stay, vehiclePlate, onBookNow, email }: WaitlistOfferProps & { email: string }) {
  const waitlist = useWaitlist();
  const join = useJoinWaitlist();
  const refusal = joinRefusalOf(join.error);
  const alreadyId = refusal?.kind === 'already_waiting' ? refusal.entryId : null;
  const already = useQuery({ ...waitlistEntryOptions(alreadyId ?? ''), enabled: alreadyId !== null });
  const items = waitlist.data?.items ?? [];
  const knownId = join.data?.id ?? alreadyId;
  // The list is the freshest (it is read again while the entry waits); the answers to joining fill in until it has it.
  const entry =
    (knownId ? items.find((item) => item.id === knownId) : undefined) ??
    entryForStay(items, { facilityId, spaceType, ...stay }) ??
    join.data ??
    already.data ??
    null;

  if (entry && (isStillInLine(entry) || entry.status === 'booked')) {
    return (
      <OfferFrame headingLevel={headingLevel}>
        {refusal?.kind === 'already_waiting' && <p className="waitlist-offer__text">You are already on the waitlist for this stay.</p>}
        <InLine entry={entry} />
      </OfferFrame>
    );
  }
  // Told the driver is in line, but the entry is not read yet: say so rather than offer to join again.
  if (refusal?.kind === 'already_waiting' && !already.isError) {
    return (
      <OfferFrame headingLevel={headingLevel}>
        <p className="waitlist-offer__text" role="status">
          You are already on the waitlist for this stay. <Link to={MY_WAITLIST_PATH}>See your waitlist</Link>
        </p>
      </OfferFrame>
    );
  }

  const fields = refusal?.kind === 'invalid' ? refusal.fields : {};
  const typedPlate = () => (join.variables?.vehiclePlate ?? vehiclePlate ?? '').trim().toUpperCase();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const plate = vehiclePlate ?? String(new FormData(event.currentTarget).get('vehiclePlate') ?? '');
    join.mutate({ facilityId, spaceType, start: stay.start, end: stay.end, vehiclePlate: plate.trim().toUpperCase() });
  }

  return (
    <OfferFrame headingLevel={headingLevel}>
      <p className="waitlist-offer__text">
        Join the line for {articled(spaceTypeInSentence(spaceType))} space for this stay. When one frees, we hold it for you and email you a link to pay;
        nothing is charged before you do.
      </p>
      {refusal?.kind === 'space_available' ? (
        <div className="notice waitlist-offer__freed" role="status">
          <p>A space has just freed up for this stay: no need to wait.</p>
          <button type="button" className="button button--primary" onClick={() => onBookNow(typedPlate())}>
            Book it now
          </button>
        </div>
      ) : (
        <form className="waitlist-offer__form" onSubmit={submit} noValidate>
          <FormAlert message={refusal === null || refusal.kind === 'already_waiting' ? null : refusal.message} />
          {refusal?.kind === 'email_not_verified' && <ResendVerificationButton email={email} label="Send me a new confirmation link" />}
          {refusal?.kind === 'invalid' && refusal.problems.length > 0 && (
            <ul className="field__errors" aria-label="Problems with the stay">
              {refusal.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          )}
          <div className="waitlist-offer__row">
            {vehiclePlate === undefined ? (
              <FormField
                label="Vehicle plate"
                name="vehiclePlate"
                autoCapitalize="characters"
                autoComplete="off"
                hint="As on the number plate, e.g. B-AB 123"
                errors={fields['vehiclePlate']}
              />
            ) : (
              <p className="waitlist-offer__plate">
                For <strong>{vehiclePlate}</strong>
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={join.isPending}>
              {join.isPending ? 'Joining the waitlist…' : 'Tell me when a space frees'}
            </button>
          </div>
        </form>
      )}
    </OfferFrame>
  );
}

/** "a standard", "an EV charging". */
function articled(words: string): string {
  return `${/^[aeiouAEIOU]/.test(words) ? 'an' : 'a'} ${words}`;
}

/** Where the driver's entry for this stay stands: its place in line, or the space held for them. */
function InLine({ entry }: { entry: WaitlistEntryView }) {
  const now = useNow(5_000);
  const state = entryStateOf(entry, now);
  if (state.kind === 'offered')
    return (
      <div className="waitlist-offer__held" role="status">
        <p>
          <strong>A space freed up and is held for you</strong>
          {state.holdExpiresAt && <> {holdEndsText(state.holdExpiresAt, now)}</>}.
        </p>
        <Link className="button button--primary" to={`/driver/checkout/${state.bookingId}`}>
          Pay now to keep it
        </Link>
      </div>
    );
  if (state.kind === 'booked')
    return (
      <p className="waitlist-offer__joined" role="status">
        You got a space here: it is booked.{' '}
        {state.bookingId ? <Link to={`/driver/bookings/${state.bookingId}`}>See the booking</Link> : <Link to={MY_WAITLIST_PATH}>See your waitlist</Link>}
      </p>
    );
  return (
    <div className="waitlist-offer__joined" role="status">
      <p>
        {state.kind === 'waiting' && state.position !== null ? (
          <>
            You are <strong data-testid="waitlist-position">{ordinal(state.position)}</strong> in line
          </>
        ) : (
          'You are in line'
        )}{' '}
        for {articled(spaceTypeInSentence(entry.spaceType))} space at {formatMoney(entry.amountCents, entry.currency)}. We email you when one is held for you.
      </p>
      <Link to={MY_WAITLIST_PATH}>See your waitlist</Link>
    </div>
  );
}
