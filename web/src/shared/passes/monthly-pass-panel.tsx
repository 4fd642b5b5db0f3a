import { useId, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import type { PassOfferView, SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../components/form-alert';
import { FormField } from '../../components/form-field';
import { ApiError, describeError } from '../../lib/api-error';
import { formatMoney } from '../../lib/money';
import { SPACE_TYPE_LABELS } from '../../lib/parking-vocabulary';
import { useSession } from '../../lib/session';
import { monthName, passesLeftText } from './pass-months';
import { useBuyPass, usePassOffers } from './passes-api';
import './passes.css';

export const MY_PASSES_PATH = '/driver/passes';

/**
 * "Monthly pass" on a car park's page: what a pass costs and how many are left this month and the
 * next two, and for a driver the form that holds one and goes on to pay it at checkout. Nothing
 * shows when the car park sells no passes.
 */
export function MonthlyPassPanel({ facilityId, preferredType }: { facilityId: string; preferredType: SpaceType }) {
  const id = useId();
  const offers = usePassOffers(facilityId);
  const items = offers.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <section className="panel monthly-pass" aria-labelledby={`${id}-title`} data-testid="monthly-pass">
      <h2 id={`${id}-title`}>Monthly pass</h2>
      <p className="field__hint">
        A space of your type kept for you for a whole calendar month, with unlimited entries while the car park is open. Bought for the current month, it starts
        now and costs what is left of the month. Cancel before the month starts and you get all of it back.
      </p>
      {items.map((offer) => (
        <OfferTable key={offer.spaceType} offer={offer} showType={items.length > 1} />
      ))}
      <BuyPass offers={items} preferredType={preferredType} />
    </section>
  );
}

function OfferTable({ offer, showType }: { offer: PassOfferView; showType: boolean }) {
  return (
    <table className="monthly-pass__months" data-space-type={offer.spaceType}>
      <caption>
        {showType ? `${SPACE_TYPE_LABELS[offer.spaceType]}: ` : ''}
        {formatMoney(offer.priceCents, offer.currency)} a month
      </caption>
      <thead>
        <tr>
          <th scope="col">Month</th>
          <th scope="col">Price now</th>
          <th scope="col">Left</th>
        </tr>
      </thead>
      <tbody>
        {offer.months.map((month, index) => (
          <tr key={month.month} data-month={month.month}>
            <th scope="row">
              {monthName(month.month)}
              {index === 0 && <span className="monthly-pass__note"> from now</span>}
            </th>
            <td>{formatMoney(month.priceCents, offer.currency)}</td>
            <td className={month.left === 0 ? 'monthly-pass__sold-out' : undefined} data-testid="passes-left">
              {passesLeftText(month.left)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BuyPass({ offers, preferredType }: { offers: PassOfferView[]; preferredType: SpaceType }) {
  const session = useSession();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const buy = useBuyPass();
  const [spaceType, setSpaceType] = useState<SpaceType>(offers.some((o) => o.spaceType === preferredType) ? preferredType : offers[0]!.spaceType);
  if (session.status === 'restoring') return null;
  if (session.status === 'signed-out') {
    const next = encodeURIComponent(`${pathname}${search}`);
    return (
      <p>
        <Link to={`/login?next=${next}`}>Sign in</Link> or <Link to={`/register?next=${next}`}>create an account</Link> to buy a monthly pass.
      </p>
    );
  }
  if (session.user.role !== 'driver') return null;

  const offer = offers.find((o) => o.spaceType === spaceType) ?? offers[0]!;
  const onSale = offer.months.filter((m) => m.left > 0);
  const fields = buy.error instanceof ApiError ? buy.error.fieldMessages : {};
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    buy.mutate(
      {
        facilityId: offer.facilityId,
        spaceType: offer.spaceType,
        month: String(form.get('month') ?? ''),
        vehiclePlate: String(form.get('vehiclePlate') ?? '')
          .trim()
          .toUpperCase(),
      },
      { onSuccess: (pass) => void navigate(`/driver/checkout/${pass.booking.id}`) },
    );
  }
  return (
    <form className="monthly-pass__form" onSubmit={submit} noValidate>
      <FormAlert message={buy.error && !fields['vehiclePlate'] ? describeError(buy.error) : null} />
      <div className="monthly-pass__row">
        {offers.length > 1 && (
          <div className="field">
            <label htmlFor="pass-space-type">Space</label>
            <select id="pass-space-type" value={spaceType} onChange={(event) => setSpaceType(event.target.value as SpaceType)}>
              {offers.map((o) => (
                <option key={o.spaceType} value={o.spaceType}>
                  {SPACE_TYPE_LABELS[o.spaceType]}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field">
          <label htmlFor="pass-month">Month</label>
          <select id="pass-month" name="month" key={offer.spaceType} disabled={onSale.length === 0}>
            {onSale.map((m) => (
              <option key={m.month} value={m.month}>
                {monthName(m.month)} · {formatMoney(m.priceCents, offer.currency)}
              </option>
            ))}
          </select>
        </div>
        <FormField label="Vehicle plate" name="vehiclePlate" autoCapitalize="characters" autoComplete="off" required errors={fields['vehiclePlate']} />
      </div>
      <button type="submit" className="button button--primary" disabled={buy.isPending || onSale.length === 0}>
        {onSale.length === 0 ? 'Sold out' : buy.isPending ? 'Holding a space…' : 'Buy pass'}
      </button>
      <p className="field__hint">
        The space is held for you while you pay. <Link to={MY_PASSES_PATH}>Your passes</Link>
      </p>
    </form>
  );
}
