import { useId } from 'react';
import { ANALYTICS_GRANULARITIES, type AnalyticsGranularity } from '@aiparksit/shared';
// The list's own module, not the feature's index: that index reaches the dashboard, which imports analytics (a cycle).
import { useManagedFacilities } from '../../../shared/managed-facilities';
import { RANGE_PRESETS, RANGE_PRESET_LABELS, defaultGranularity, type AnalyticsSelection, type RangePreset } from '../api/analytics-range';

const GRANULARITY_LABELS: Record<AnalyticsGranularity, string> = { hour: 'Hour', day: 'Day', week: 'Week', month: 'Month' };

/** The pickers the revenue and occupancy pages share: car park (or all), range, bucket size. */
export function AnalyticsFilters({ selection, onChange }: { selection: AnalyticsSelection; onChange: (selection: AnalyticsSelection) => void }) {
  const id = useId();
  const facilities = useManagedFacilities();
  const change = (patch: Partial<AnalyticsSelection>) => onChange({ ...selection, ...patch });
  return (
    <form className="form form--inline" aria-label="Analytics period" onSubmit={(event) => event.preventDefault()}>
      <div className="field">
        <label htmlFor={`${id}-facility`}>Car park</label>
        <select id={`${id}-facility`} value={selection.facilityId} onChange={(event) => change({ facilityId: event.target.value })}>
          <option value="">All car parks</option>
          {facilities.data?.results.map((facility) => (
            <option key={facility.id} value={facility.id}>
              {facility.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-range`}>Period</label>
        <select
          id={`${id}-range`}
          value={selection.preset}
          onChange={(event) => {
            const preset = event.target.value as RangePreset;
            change({ preset, granularity: defaultGranularity(preset) });
          }}
        >
          {RANGE_PRESETS.map((preset) => (
            <option key={preset} value={preset}>
              {RANGE_PRESET_LABELS[preset]}
            </option>
          ))}
        </select>
      </div>
      {selection.preset === 'custom' && (
        <>
          <div className="field">
            <label htmlFor={`${id}-from`}>From day</label>
            <input
              id={`${id}-from`}
              type="date"
              value={selection.from}
              max={selection.to}
              onChange={(event) => event.target.value && change({ from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>To day (included)</label>
            <input
              id={`${id}-to`}
              type="date"
              value={selection.to}
              min={selection.from}
              onChange={(event) => event.target.value && change({ to: event.target.value })}
            />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor={`${id}-granularity`}>Per</label>
        <select
          id={`${id}-granularity`}
          value={selection.granularity}
          onChange={(event) => change({ granularity: event.target.value as AnalyticsGranularity })}
        >
          {ANALYTICS_GRANULARITIES.map((granularity) => (
            // The API serves hourly series for at most 93 days.
            <option key={granularity} value={granularity} disabled={granularity === 'hour' && selection.preset === '12m'}>
              {GRANULARITY_LABELS[granularity]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}
