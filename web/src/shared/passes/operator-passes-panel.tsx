import { useState, type FormEvent } from 'react';
import type { PassOfferView } from '@aiparksit/shared';
import { FormAlert } from '../../components/form-alert';
import { FormField } from '../../components/form-field';
import { ErrorState, LoadingState } from '../../components/status';
import { ApiError, describeError } from '../../lib/api-error';
import { formatMoney, parseMoneyInput } from '../../lib/money';
import { SPACE_TYPE_LABELS } from '../../lib/parking-vocabulary';
import { monthName, passesLeftText } from './pass-months';
import { useOperatorPasses, useUpdatePassOffer } from './passes-api';
import './passes.css';

/**
 * The operator's monthly passes of one car park: per space type how many a month are sold and at
 * what price, sold and left this month and the next two, and who holds the passes.
 */
export function OperatorPassesPanel({ facilityId }: { facilityId: string }) {
  const overview = useOperatorPasses(facilityId);
  return (
    <section className="panel stack" aria-labelledby="facility-passes" data-testid="operator-passes">
      <h2 id="facility-passes">Monthly passes</h2>
      <p className="field__hint">
        Each pass keeps one space of its type for a calendar month (unlimited entries in opening hours), and counts as booked in every search. A lower limit
        keeps the passes already sold.
      </p>
      {overview.isPending && <LoadingState label="Loading passes…" />}
      {overview.isError && <ErrorState message={describeError(overview.error)} onRetry={() => void overview.refetch()} />}
      {overview.data && <Offers facilityId={facilityId} offers={overview.data.offers} />}
      {overview.data && (
        <>
          <h3>Pass holders</h3>
          {overview.data.holders.length === 0 ? (
            <p>No passes sold for this month or later yet.</p>
          ) : (
            <div className="table-scroll">
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">Month</th>
                    <th scope="col">Driver</th>
                    <th scope="col">Plate</th>
                    <th scope="col">Space</th>
                    <th scope="col">Code</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.data.holders.map((holder) => (
                    <tr key={holder.id}>
                      <td>{monthName(holder.month)}</td>
                      <td>{holder.driverName}</td>
                      <td>{holder.vehiclePlate}</td>
                      <td>
                        {SPACE_TYPE_LABELS[holder.spaceType]} {holder.spaceLabel}
                      </td>
                      <td>{holder.bookingCode}</td>
                      <td>{holder.status === 'pending_payment' ? 'Awaiting payment' : 'Paid'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** Types on sale (or ever priced) first; the others folded away until the operator wants to sell them. */
function Offers({ facilityId, offers }: { facilityId: string; offers: PassOfferView[] }) {
  const set = offers.filter((offer) => offer.priceCents > 0 || offer.passLimit > 0);
  const unset = offers.filter((offer) => !set.includes(offer));
  return (
    <>
      {set.map((offer) => (
        <OfferSettings key={offer.spaceType} facilityId={facilityId} offer={offer} />
      ))}
      {unset.length > 0 && (
        <details className="stack" open={set.length === 0}>
          <summary>{set.length === 0 ? 'Sell monthly passes' : 'Sell passes of other space types'}</summary>
          {unset.map((offer) => (
            <OfferSettings key={offer.spaceType} facilityId={facilityId} offer={offer} />
          ))}
        </details>
      )}
    </>
  );
}

function OfferSettings({ facilityId, offer }: { facilityId: string; offer: PassOfferView }) {
  const update = useUpdatePassOffer(facilityId);
  const [priceProblem, setPriceProblem] = useState<string | null>(null);
  const fields = update.error instanceof ApiError ? update.error.fieldMessages : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const priceCents = parseMoneyInput(String(form.get('price') ?? ''), offer.currency);
    if (priceCents === null || priceCents <= 0) {
      setPriceProblem('Enter a price above zero, e.g. 89.00');
      return;
    }
    setPriceProblem(null);
    update.mutate({ spaceType: offer.spaceType, passLimit: Number(form.get('passLimit')), priceCents });
  }
  return (
    <div className="stack" data-space-type={offer.spaceType}>
      <h3>{SPACE_TYPE_LABELS[offer.spaceType]} spaces</h3>
      <form className="pass-offer-form" onSubmit={submit} noValidate>
        <FormField
          label="Passes a month"
          name="passLimit"
          type="number"
          min={0}
          step={1}
          defaultValue={offer.passLimit}
          hint="0 sells none"
          errors={fields['passLimit']}
        />
        <FormField
          label={`Price a month (${offer.currency})`}
          name="price"
          inputMode="decimal"
          defaultValue={offer.priceCents ? (offer.priceCents / 100).toFixed(2) : ''}
          errors={priceProblem ? [priceProblem] : fields['priceCents']}
        />
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save'}
        </button>
      </form>
      <FormAlert message={update.error && !fields['passLimit'] && !fields['priceCents'] ? describeError(update.error) : null} />
      {update.isSuccess && (
        <p role="status" className="field__hint">
          Saved.
        </p>
      )}
      {/* A type never on sale has nothing to count. */}
      {(offer.passLimit > 0 || offer.months.some((m) => m.sold > 0)) && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Month</th>
              <th scope="col">Sold</th>
              <th scope="col">Left</th>
            </tr>
          </thead>
          <tbody>
            {offer.months.map((month) => (
              <tr key={month.month} data-month={month.month}>
                <th scope="row">{monthName(month.month)}</th>
                <td data-testid="passes-sold">{month.sold}</td>
                <td>{passesLeftText(month.left)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {offer.passLimit > 0 && <p className="field__hint">Drivers pay {formatMoney(offer.priceCents, offer.currency)} for a whole month.</p>}
    </div>
  );
}
