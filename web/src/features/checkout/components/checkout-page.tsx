import { useId, useRef, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate, useParams } from 'react-router';
import { bookingSeriesCheckoutPath, type BookingExtensionView, type BookingView, type SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { EmptyState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS, spaceTypeInSentence } from '../../../lib/parking-vocabulary';
import { formatDuration, formatWindow, formatWindowInZone } from '../../../lib/time-window';
import { BookingSummary, WithBooking } from '../../../shared/bookings';
import { AlternativesPanel, WithStayOfSearch, alternativesOfRefusal, checkoutPath, facilityPagePath } from '../../../shared/facilities';
import { WaitlistOffer } from '../../../shared/waitlist';
import { useCreateBooking } from '../api/create-booking';
import { useCreatePayment } from '../api/create-payment';
import { CardForm, HoldCountdown, TestModeHint } from '../../../shared/payments';

/**
 * Step 1: the stay and the plate. Holding the space asks the server for the binding price; the
 * hold then lives at /driver/checkout/:bookingId, so a reload keeps it.
 */
export function CheckoutPage() {
  usePageTitle('Checkout');
  return (
    <WithStayOfSearch nothingTitle="Nothing to check out" nothingHint="and choose a space first.">
      {(stay, facility) => (
        <HoldStep
          // Another car park or stay (an alternative chosen after a refusal) is a checkout of its own.
          key={`${stay.facilityId} ${stay.start} ${stay.end} ${stay.spaceType}`}
          facilityId={stay.facilityId}
          facilityName={facility.name}
          address={`${facility.addressLine}, ${facility.city}`}
          timeZone={facility.timeZone}
          start={stay.start}
          end={stay.end}
          spaceType={stay.spaceType}
        />
      )}
    </WithStayOfSearch>
  );
}

/** Booking rules the stay broke (400 `details.violations`), beyond the first one in the message. */
function violationMessages(error: unknown): string[] {
  const details = error instanceof ApiError ? error.envelope?.details : undefined;
  const violations = details && !Array.isArray(details) ? details['violations'] : undefined;
  if (!Array.isArray(violations) || violations.length < 2) return [];
  return violations.map((v: { message?: unknown }) => String(v.message ?? '')).filter(Boolean);
}

/** What the driver typed before a refusal, carried to the checkout of the alternative they chose. */
interface CarriedPlate {
  vehiclePlate?: string;
}

function HoldStep(props: { facilityId: string; facilityName: string; address: string; timeZone: string; start: string; end: string; spaceType: SpaceType }) {
  const create = useCreateBooking();
  const navigate = useNavigate();
  const carried = (useLocation().state as CarriedPlate | null)?.vehiclePlate;
  const formRef = useRef<HTMLFormElement>(null);
  const fields = create.error instanceof ApiError ? create.error.fieldMessages : {};
  const conflict = create.error instanceof ApiError && create.error.status === 409;
  // A refusal for want of space comes with where else to park then: never a dead end.
  const alternatives = alternativesOfRefusal(create.error);
  const message = !create.error
    ? null
    : alternatives
      ? `No ${spaceTypeInSentence(props.spaceType)} space is free here for the whole stay any more.`
      : conflict
        ? describeError(create.error)
        : Object.keys(fields).length && fields['vehiclePlate'] && Object.keys(fields).length === 1
          ? 'Please correct the plate.'
          : describeError(create.error);
  const windowErrors = [
    ...Object.entries(fields)
      .filter(([field]) => field !== 'vehiclePlate')
      .flatMap(([, messages]) => messages ?? []),
    ...violationMessages(create.error),
  ];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const vehiclePlate = String(new FormData(event.currentTarget).get('vehiclePlate') ?? '')
      .trim()
      .toUpperCase();
    create.mutate(
      { facilityId: props.facilityId, start: props.start, end: props.end, spaceType: props.spaceType, vehiclePlate },
      { onSuccess: (booking) => void navigate(`/driver/checkout/${booking.id}`, { replace: true }) },
    );
  }

  return (
    <>
      <PageHeader eyebrow="Checkout · step 1 of 2" title="Your stay" />
      <section className="panel">
        <dl className="details">
          <dt>Car park</dt>
          <dd>
            {props.facilityName}, {props.address}
          </dd>
          <dt>When</dt>
          <dd>
            {formatWindowInZone(props.start, props.end, props.timeZone)} ({formatDuration(props.start, props.end)}, {props.timeZone.replaceAll('_', ' ')} time)
          </dd>
          <dt>Space</dt>
          <dd>{SPACE_TYPE_LABELS[props.spaceType]}</dd>
        </dl>
        <form ref={formRef} className="form" onSubmit={submit} noValidate>
          <FormAlert message={message} />
          {windowErrors.length > 0 && (
            <ul className="field__errors" aria-label="Problems with the stay">
              {windowErrors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
          <FormField
            label="Vehicle plate"
            name="vehiclePlate"
            defaultValue={carried}
            autoCapitalize="characters"
            autoComplete="off"
            hint="As on the number plate, e.g. B-AB 123"
            errors={fields['vehiclePlate']}
          />
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Holding a space…' : 'Hold this space and see the price'}
          </button>
          {conflict && <Link to={facilityPagePath(props.facilityId, props, props.spaceType)}>Back to the car park</Link>}
          <p className="field__hint">
            Need it every week?{' '}
            <Link
              to={bookingSeriesCheckoutPath(props.facilityId, props, props.spaceType)}
              // The plate typed so far goes along, as to an alternative's checkout.
              onClick={(event) => {
                event.preventDefault();
                const vehiclePlate = formRef.current?.querySelector<HTMLInputElement>('input[name="vehiclePlate"]')?.value.trim() || undefined;
                void navigate(bookingSeriesCheckoutPath(props.facilityId, props, props.spaceType), { state: { vehiclePlate } satisfies CarriedPlate });
              }}
            >
              Repeat this stay weekly
            </Link>{' '}
            and pay once for all of it.
          </p>
        </form>
        {alternatives && (
          <AlternativesPanel
            headingLevel={2}
            lead={`Every ${spaceTypeInSentence(props.spaceType)} space at ${props.facilityName} is taken for some of these times.`}
            state={{ status: 'ready', alternatives }}
            linkTo={(alternative) => checkoutPath(alternative.facility.id, props, props.spaceType)}
            linkState={{ vehiclePlate: create.variables?.vehiclePlate } satisfies CarriedPlate}
            actionLabel="Book here instead"
            waitlist={
              <WaitlistOffer
                headingLevel={3}
                facilityId={props.facilityId}
                spaceType={props.spaceType}
                stay={props}
                vehiclePlate={create.variables?.vehiclePlate}
                // A space freed meanwhile: hold it with the plate already in the form.
                onBookNow={() => formRef.current?.requestSubmit()}
              />
            }
          />
        )}
      </section>
    </>
  );
}

/** Step 2: pay the held booking (or an extension of it) with a card. */
function PayStep({ booking, extension }: { booking: BookingView; extension?: BookingExtensionView }) {
  const id = useId();
  const pay = useCreatePayment();
  const navigate = useNavigate();
  const amountCents = extension ? extension.amountCents : booking.amountCents;
  const currency = extension ? extension.currency : booking.currency;
  const expiresAt = extension ? extension.holdExpiresAt : booking.holdExpiresAt;
  const amount = formatMoney(amountCents, currency);
  return (
    <>
      <PageHeader eyebrow="Checkout · step 2 of 2" title={extension ? 'Pay for the extra time' : 'Pay and confirm'} />
      <div className="checkout">
        <section className="panel" aria-labelledby={`${id}-summary`}>
          <h2 id={`${id}-summary`}>Summary</h2>
          <BookingSummary booking={booking} />
          {extension && <p>New end: {formatWindow(extension.newEnd, extension.newEnd, booking.facility.timeZone).split(' – ')[0]}</p>}
          <p className="total">
            To pay: <strong data-testid="amount-due">{amount}</strong>
          </p>
          {expiresAt && <HoldCountdown expiresAt={expiresAt} />}
        </section>
        <section className="panel" aria-labelledby={`${id}-card`}>
          <h2 id={`${id}-card`}>Card</h2>
          <TestModeHint />
          <CardForm
            amountLabel={amount}
            pending={pay.isPending}
            error={pay.error}
            onPay={(card) =>
              pay.mutate(
                { bookingId: booking.id, ...(extension ? { extensionId: extension.id } : {}), card },
                {
                  onSuccess: () =>
                    void navigate(extension ? `/driver/bookings/${booking.id}` : `/driver/bookings/${booking.id}/confirmation`, { replace: true }),
                },
              )
            }
          />
        </section>
      </div>
    </>
  );
}

export function PaymentPage() {
  usePageTitle('Pay');
  return (
    <WithBooking>
      {(booking) => {
        if (booking.status === 'confirmed') return <Navigate to={`/driver/bookings/${booking.id}/confirmation`} replace />;
        if (booking.status !== 'pending_payment')
          return (
            <EmptyState title="This hold has lapsed">
              <p>
                Nothing was charged. <Link to="/">Search again</Link> to book.
              </p>
            </EmptyState>
          );
        return <PayStep booking={booking} />;
      }}
    </WithBooking>
  );
}

/** Paying for an extension: the extension comes from the booking page (it has no GET of its own). */
export function ExtensionPaymentPage() {
  usePageTitle('Pay for the extension');
  const { bookingId = '' } = useParams();
  const extension = (useLocation().state as { extension?: BookingExtensionView } | null)?.extension;
  if (!extension || extension.bookingId !== bookingId)
    return (
      <EmptyState title="No extension to pay">
        <p>
          Start the extension again from <Link to={`/driver/bookings/${bookingId}`}>the booking</Link>.
        </p>
      </EmptyState>
    );
  return <WithBooking>{(booking) => <PayStep booking={booking} extension={extension} />}</WithBooking>;
}
