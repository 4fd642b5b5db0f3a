import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { PriceSuggestionBand, PriceSuggestions, RateChangeView, RateInput, SpaceTypePriceSuggestion, Weekday } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { ResponsiveTable, type TableColumn } from '../../../components/responsive-table';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatMoney, minorUnitDigits, parseMoneyInput } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { useManagedFacility } from '../../../shared/managed-facilities';
import { acceptPriceSuggestion, setPriceFloor, usePriceSuggestions, usePricingChange, useRateChanges } from '../api/price-suggestions';

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** Suggested rates of one car park, per space type: what would change, why, the expected effect; nothing changes until accepted. */
export function PriceSuggestionsPage() {
  const { facilityId = '' } = useParams();
  const facility = useManagedFacility(facilityId);
  const suggestions = usePriceSuggestions(facilityId);
  usePageTitle(facility.data ? `Price suggestions · ${facility.data.name}` : 'Price suggestions');
  if (suggestions.isPending) return <LoadingState label="Reading the demand of the last weeks…" />;
  if (suggestions.isError) {
    const missing = suggestions.error instanceof ApiError && suggestions.error.status === 404;
    return (
      <ErrorState
        title={missing ? 'Car park not found' : undefined}
        message={missing ? 'It does not exist or is not yours.' : describeError(suggestions.error)}
        onRetry={missing ? undefined : () => void suggestions.refetch()}
      />
    );
  }
  const data = suggestions.data;
  return (
    <>
      <PageHeader eyebrow={facility.data?.name ?? 'Car park'} title="Price suggestions">
        <p>
          From the last {data.historyWeeks} weeks of bookings{data.forecastFittedAt ? ' and the occupancy forecast' : ''}: hours that are full in most weeks go
          up, hours that stay mostly empty go down, each by at most {data.maxStepPercent} %. Nothing changes until you accept.
        </p>
        <p>
          <Link to={`/operator/facilities/${facilityId}`}>Back to the car park</Link>
        </p>
      </PageHeader>
      {data.types.length ? (
        data.types.map((type) => <TypeSuggestion key={type.spaceType} facilityId={facilityId} suggestion={type} />)
      ) : (
        <EmptyState title="No rates yet">Set a rate for a space type first; suggestions follow from its bookings.</EmptyState>
      )}
      <Assumption data={data} />
      <RateHistory facilityId={facilityId} currency={data.currency} />
    </>
  );
}

function TypeSuggestion({ facilityId, suggestion }: { facilityId: string; suggestion: SpaceTypePriceSuggestion }) {
  const accept = usePricingChange(acceptPriceSuggestion);
  const [accepted, setAccepted] = useState<RateInput | null>(null);
  const money = (cents: number) => formatMoney(cents, suggestion.currency);
  const changed = suggestion.bands.filter((b) => b.suggestedMultiplier !== b.currentMultiplier);
  const held = suggestion.bands.filter((b) => b.suggestedMultiplier === b.currentMultiplier);
  const label = SPACE_TYPE_LABELS[suggestion.spaceType];
  const stale = accept.error instanceof ApiError && accept.error.status === 409;
  const headingId = `pricing-${suggestion.spaceType}`;
  return (
    <section className="panel pricing-type" aria-labelledby={headingId} data-space-type={suggestion.spaceType}>
      <h2 id={headingId}>
        {label}{' '}
        <span className="pricing-type__meta">
          · {suggestion.capacity} spaces · now {rateText(suggestion.current, money)}
        </span>
      </h2>
      {accepted && (
        <p className="pricing-applied" role="status" data-testid="pricing-applied">
          Applied: {label} is now {rateText(accepted, money)}.
        </p>
      )}
      <p className="pricing-summary">{suggestion.summary}</p>
      {suggestion.suggested && (
        <dl className="pricing-effect">
          <div>
            <dt>Revenue a week</dt>
            <dd className={suggestion.weeklyRevenueChangeCents >= 0 ? 'pricing-effect__up' : 'pricing-effect__down'}>
              {signedMoney(suggestion.weeklyRevenueChangeCents, money)} <small>of about {money(suggestion.weeklyRevenueCents)}</small>
            </dd>
          </div>
          <div>
            <dt>Space-hours taken a week</dt>
            <dd>{signed(suggestion.weeklyOccupiedHoursChange)}</dd>
          </div>
          <div>
            <dt>Suggested rate</dt>
            <dd>{rateText(suggestion.suggested, money)}</dd>
          </div>
        </dl>
      )}
      {suggestion.baseRate && <p className="pricing-reason">{suggestion.baseRate.reason}</p>}
      {changed.length > 0 && <BandTable bands={changed} money={money} caption={`Hours the suggestion changes (${label})`} />}
      {held.length > 0 && (
        <details className="pricing-held">
          <summary>
            {held.length} {held.length === 1 ? 'stretch' : 'stretches'} held by the bounds
          </summary>
          <ul>
            {held.map((band) => (
              <li key={`${band.day}-${band.from}`}>{band.reason}</li>
            ))}
          </ul>
        </details>
      )}
      {suggestion.suggestionId && (
        <div className="pricing-actions">
          <FormAlert
            message={accept.error ? (stale ? `${describeError(accept.error)} The suggestion below is the new one.` : describeError(accept.error)) : null}
          />
          <button
            type="button"
            className="button button--primary"
            disabled={accept.isPending}
            onClick={() => accept.mutate({ facilityId, suggestionId: suggestion.suggestionId! }, { onSuccess: (result) => setAccepted(result.rate) })}
          >
            {accept.isPending ? 'Applying…' : `Accept: apply the suggested ${label.toLowerCase()} rate`}
          </button>
        </div>
      )}
      <FloorForm facilityId={facilityId} suggestion={suggestion} />
    </section>
  );
}

function BandTable({ bands, money, caption }: { bands: PriceSuggestionBand[]; money: (cents: number) => string; caption: string }) {
  const columns: TableColumn<PriceSuggestionBand>[] = [
    { key: 'when', header: 'When', primary: true, noWrap: true, cell: (b) => `${DAY_NAMES[b.day]} ${b.from}–${b.to}` },
    { key: 'price', header: 'Per hour', noWrap: true, cell: (b) => `${money(b.currentHourlyCents)} → ${money(b.suggestedHourlyCents)}` },
    { key: 'revenue', header: 'Revenue a week', numeric: true, noWrap: true, cell: (b) => signedMoney(b.weeklyRevenueChangeCents, money) },
    { key: 'reason', header: 'Why', cell: (b) => b.reason },
  ];
  return <ResponsiveTable rows={bands} columns={columns} rowKey={(b) => `${b.day}-${b.from}`} caption={caption} className="pricing-bands" />;
}

/** The lowest hourly price suggestions may set for the type; without one, cuts stop at the current hourly rate. */
function FloorForm({ facilityId, suggestion }: { facilityId: string; suggestion: SpaceTypePriceSuggestion }) {
  const save = usePricingChange(setPriceFloor);
  const [text, setText] = useState(
    suggestion.floorCents === null ? '' : (suggestion.floorCents / 10 ** minorUnitDigits(suggestion.currency)).toFixed(minorUnitDigits(suggestion.currency)),
  );
  const [inputError, setInputError] = useState<string | null>(null);
  const serverErrors = save.error instanceof ApiError ? save.error.fieldMessages['floorCents'] : undefined;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    const cents = trimmed === '' ? null : parseMoneyInput(trimmed, suggestion.currency);
    if (trimmed !== '' && (cents === null || cents < 1)) {
      setInputError(`Enter an amount in ${suggestion.currency}, e.g. 2.50, or leave it empty for no floor.`);
      return;
    }
    setInputError(null);
    save.mutate({ facilityId, floor: { spaceType: suggestion.spaceType, floorCents: cents } });
  };
  return (
    <form className="pricing-floor" onSubmit={submit} noValidate>
      <FormField
        label={`Price floor per hour (${suggestion.currency})`}
        name="floorCents"
        inputMode="decimal"
        value={text}
        onChange={(event) => setText(event.target.value)}
        hint={
          suggestion.floorCents === null
            ? `No floor set: suggestions never go below the current hourly rate, ${formatMoney(suggestion.current.hourlyCents, suggestion.currency)}.`
            : 'Suggestions never set an hour below this. Leave empty to remove it.'
        }
        errors={inputError ? [inputError] : serverErrors}
      />
      <FormAlert message={save.error && !serverErrors ? describeError(save.error) : null} />
      <button type="submit" className="button button--secondary" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save floor'}
      </button>
    </form>
  );
}

function Assumption({ data }: { data: PriceSuggestions }) {
  return (
    <section className="panel" aria-labelledby="pricing-assumption">
      <h2 id="pricing-assumption">How the effect is estimated</h2>
      <p>{data.assumption}</p>
      <p>
        Full means 90 % of the spaces or more taken over the hour; mostly empty means under 30 % in every week read and expected. Raises aim to keep about 15 %
        of the spaces free.
      </p>
    </section>
  );
}

function RateHistory({ facilityId, currency }: { facilityId: string; currency: string }) {
  const history = useRateChanges(facilityId);
  const money = (cents: number) => formatMoney(cents, currency);
  const columns: TableColumn<RateChangeView>[] = [
    { key: 'when', header: 'When', primary: true, noWrap: true, cell: (c) => new Date(c.changedAt).toLocaleString() },
    { key: 'type', header: 'Type', cell: (c) => SPACE_TYPE_LABELS[c.spaceType] },
    { key: 'before', header: 'Before', cell: (c) => (c.before ? rateText(c.before, money) : '—') },
    { key: 'after', header: 'After', cell: (c) => (c.after ? rateText(c.after, money) : 'removed') },
    { key: 'source', header: 'By', cell: (c) => (c.source === 'suggestion' ? 'Accepted suggestion' : 'By hand') },
  ];
  return (
    <section className="panel" aria-labelledby="rate-history">
      <h2 id="rate-history">Rate history</h2>
      {history.isPending && <LoadingState />}
      {history.isError && <ErrorState message={describeError(history.error)} onRetry={() => void history.refetch()} />}
      {history.data &&
        (history.data.results.length ? (
          <ResponsiveTable rows={history.data.results} columns={columns} rowKey={(c) => c.id} caption="Rate changes, newest first" testId="rate-history" />
        ) : (
          <p>No rate has changed since rate changes are recorded.</p>
        ))}
    </section>
  );
}

function rateText(rate: RateInput, money: (cents: number) => string): string {
  const rules = rate.multipliers.length;
  return (
    `${money(rate.hourlyCents)} an hour` +
    (rate.dailyMaxCents !== null ? `, at most ${money(rate.dailyMaxCents)} a day` : '') +
    (rules ? `, ${rules} time-of-day ${rules === 1 ? 'price' : 'prices'}` : '')
  );
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toLocaleString(undefined, { maximumFractionDigits: 1 })}`;
}

function signedMoney(cents: number, money: (cents: number) => string): string {
  return `${cents >= 0 ? '+' : '−'}${money(Math.abs(cents))}`;
}
