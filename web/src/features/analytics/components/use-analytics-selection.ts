import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { selectionFromSearch, selectionToQuery, selectionToSearch, type AnalyticsSelection } from '../api/analytics-range';

/** The pickers' state lives in the address bar, so a period can be bookmarked and shared. */
export function useAnalyticsSelection() {
  const [search, setSearch] = useSearchParams();
  const selection = useMemo(() => selectionFromSearch(search), [search]);
  const query = useMemo(() => selectionToQuery(selection), [selection]);
  const setSelection = (next: AnalyticsSelection) => setSearch(selectionToSearch(next), { replace: true });
  return { selection, query, setSelection };
}
