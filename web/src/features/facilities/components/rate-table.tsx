import type { RateMultiplier, RateView } from '@aiparksit/shared';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';

function describeMultiplier(m: RateMultiplier): string {
  const days = m.days.length === 7 ? 'Every day' : m.days.map((d) => d[0]!.toUpperCase() + d.slice(1)).join(', ');
  return `${days} ${m.from}–${m.to}: ×${m.multiplier}`;
}

export function RateTable({ rates }: { rates: RateView[] }) {
  return (
    <div className="table-scroll">
      <table className="table rate-table">
        <caption className="visually-hidden">Rates per space type</caption>
        <thead>
          <tr>
            <th scope="col">Space</th>
            <th scope="col">Per hour</th>
            <th scope="col">Daily maximum</th>
            <th scope="col">Time-of-day prices</th>
          </tr>
        </thead>
        <tbody>
          {rates.map((rate) => (
            <tr key={rate.spaceType}>
              <th scope="row">{SPACE_TYPE_LABELS[rate.spaceType]}</th>
              <td>{formatMoney(rate.hourlyCents, rate.currency)}</td>
              <td>{rate.dailyMaxCents === null ? '—' : formatMoney(rate.dailyMaxCents, rate.currency)}</td>
              <td>{rate.multipliers.length ? rate.multipliers.map(describeMultiplier).join('; ') : 'Same all day'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
