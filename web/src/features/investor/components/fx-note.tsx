import type { FxUsage } from '@aiparksit/shared';

/** The exchange rates an answer used: every converted amount can be checked against them. */
export function FxNote({ fx, generatedAt }: { fx: FxUsage; generatedAt: string }) {
  const currencies = [...new Set(fx.rates.map((rate) => rate.currency))];
  return (
    <section className="panel fx-note" aria-labelledby="fx-note-title" data-testid="fx-note">
      <h2 id="fx-note-title">Exchange rates</h2>
      <p className="field__hint">
        Money is converted into {fx.reportingCurrency} at the European Central Bank’s reference rate of each day (the latest on or before it).
        {fx.rates.length === 0 && ` Everything in this period was in ${fx.reportingCurrency}.`} Figures generated{' '}
        {new Date(generatedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}.
      </p>
      {fx.missing.length > 0 && (
        <p className="report-actions__error" role="note">
          No rate was known for {fx.missing.join(', ')} on some days: those amounts are left out of the converted totals.
        </p>
      )}
      {fx.rates.length > 0 && (
        <details>
          <summary>
            {fx.rates.length} rate{fx.rates.length === 1 ? '' : 's'} used ({currencies.join(', ')})
          </summary>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">Currency</th>
                  <th scope="col">Rate date</th>
                  <th scope="col">Units per 1 EUR</th>
                </tr>
              </thead>
              <tbody>
                {fx.rates.map((rate) => (
                  <tr key={`${rate.currency}-${rate.date}`}>
                    <th scope="row">{rate.currency}</th>
                    <td>{rate.date}</td>
                    <td>{rate.unitsPerEur}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
