import type { BookingPaymentLine, BookingView } from '@aiparksit/shared';
import { formatMoney } from '../../../lib/money';

/** "visa" → "Visa", "american_express" → "American Express", as card brands are written. */
export function cardBrandName(brand: string | null): string {
  if (!brand) return 'Card';
  return brand
    .split(/[_\s-]+/)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

export function cardName(line: Pick<BookingPaymentLine, 'cardBrand' | 'cardLast4'>): string {
  return line.cardLast4 ? `${cardBrandName(line.cardBrand)} ending ${line.cardLast4}` : cardBrandName(line.cardBrand);
}

/** A moment as the car park's clocks show it, with its zone, like every time on the booking. */
function atFacility(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

const PURPOSE: Record<BookingPaymentLine['purpose'], string> = { booking: 'Booking', extension: 'Extension' };

/**
 * Each charge of the booking with the card it was paid with, and each refund back to that card:
 * an extension paid with another card says so.
 */
export function BookingPayments({ booking }: { booking: BookingView }) {
  if (booking.payments.length === 0) return null;
  const zone = booking.facility.timeZone;
  return (
    <section className="panel" aria-labelledby="payments-heading">
      <h2 id="payments-heading">Payments</h2>
      <ul className="payment-lines">
        {booking.payments.map((line) => (
          <li key={line.id} className="payment-line" data-payment-purpose={line.purpose}>
            <div className="payment-line__head">
              <span>
                <strong>{PURPOSE[line.purpose]}</strong> · {cardName(line)}
              </span>
              <strong>{formatMoney(line.amountCents, line.currency)}</strong>
            </div>
            <p className="payment-line__meta">
              Paid {atFacility(line.paidAt, zone)} ({zone} time){booking.payment?.testMode ? ' · test mode, no real money moved' : ''}
            </p>
            {line.refunds.map((refund) => (
              <p key={refund.refundedAt} className="payment-line__refund">
                {formatMoney(refund.amountCents, line.currency)} refunded to {cardName(line)} on {atFacility(refund.refundedAt, zone)}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}
