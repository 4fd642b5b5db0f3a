import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { selectionFromSearch, selectionToQuery, selectionToSearch, type MetricsSelection } from '../api/metrics-selection';

/**
 * The period, comparison and granularity live in the address bar, so a link or a reload shows
 * the same view, and the investor pages share them as one moves between tabs.
 */
export function useMetricsSelection() {
  const [search, setSearch] = useSearchParams();
  const selection = useMemo(() => selectionFromSearch(search), [search]);
  const query = useMemo(() => selectionToQuery(selection), [selection]);
  const setSelection = (next: MetricsSelection) => setSearch(selectionToSearch(next));
  return { selection, query, search: selectionToSearch(selection).toString(), setSelection };
}
