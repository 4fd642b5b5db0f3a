import { useEffect } from 'react';

/** The tab title names the page first, so screen readers and tab lists tell pages apart. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · AIParksit`;
  }, [title]);
}
