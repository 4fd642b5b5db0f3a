import { useId } from 'react';
import { METRICS_COMPARISONS, METRICS_GRANULARITIES, type MetricsPeriod } from '@aiparksit/shared';
import { formatPeriod } from '../api/figure-format';
import {
  COMPARISON_LABELS,
  PERIOD_PRESETS,
  PERIOD_PRESET_LABELS,
  presetRange,
  type GranularityChoice,
  type MetricsSelection,
  type PeriodPreset,
} from '../api/metrics-selection';

const GRANULARITY_LABELS: Record<GranularityChoice, string> = { auto: 'Automatic', day: 'Day', week: 'Week', month: 'Month' };

/** Period, comparison and bucket size; `period` (the API's answer) states the exact days shown and compared. */
export function PeriodPicker({
  selection,
  onChange,
  period,
}: {
  selection: MetricsSelection;
  onChange: (next: MetricsSelection) => void;
  period?: MetricsPeriod;
}) {
  const id = useId();
  const change = (patch: Partial<MetricsSelection>) => onChange({ ...selection, ...patch });
  return (
    <form className="form form--inline period-picker" aria-label="Period" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-period`}>Period</label>
        <select
          id={`${id}-period`}
          name="period"
          value={selection.preset}
          onChange={(event) => {
            const preset = event.target.value as PeriodPreset;
            // A custom period starts from the days shown (as the API worked them out), for the person to adjust.
            change(preset === 'custom' ? { preset, ...(period && { from: period.from, to: period.to }) } : { preset, ...presetRange(preset) });
          }}
        >
          {PERIOD_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {PERIOD_PRESET_LABELS[preset]}
            </option>
          ))}
        </select>
      </div>
      {selection.preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>From</label>
            <input
              id={`${id}-from`}
              name="from"
              type="date"
              value={selection.from}
              max={selection.to}
              onChange={(event) => event.target.value && event.target.value <= selection.to && change({ from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To (included)</label>
            <input
              id={`${id}-to`}
              name="to"
              type="date"
              value={selection.to}
              min={selection.from}
              onChange={(event) => event.target.value && event.target.value >= selection.from && change({ to: event.target.value })}
            />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-comparison`}>Compared with</label>
        <select
          id={`${id}-comparison`}
          name="comparison"
          value={selection.comparison}
          onChange={(event) => change({ comparison: event.target.value as MetricsSelection['comparison'] })}
        >
          {METRICS_COMPARISONS.map((comparison) => (
            <option key={comparison} value={comparison}>
              {COMPARISON_LABELS[comparison]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-granularity`}>Series per</label>
        <select
          id={`${id}-granularity`}
          name="granularity"
          value={selection.granularity}
          onChange={(event) => change({ granularity: event.target.value as GranularityChoice })}
        >
          {(['auto', ...METRICS_GRANULARITIES] as const).map((granularity) => (
            <option key={granularity} value={granularity}>
              {GRANULARITY_LABELS[granularity]}
            </option>
          ))}
        </select>
      </div>
      <p className="field__hint period-picker__summary" data-testid="period-summary">
        {period ? formatPeriod(period.from, period.to) : formatPeriod(selection.from, selection.to)}
        {period && (
          <>
            {' '}
            compared with {formatPeriod(period.comparisonFrom, period.comparisonTo)} · per {period.granularity} · sign-ups counted in {period.reportingTimeZone}
          </>
        )}
      </p>
    </form>
  );
}
