import { useEffect, type RefObject } from 'react';

/**
 * Keeps the current page's link visible in a navigation bar that scrolls sideways (a phone's
 * top bar): after each route change the active link is scrolled into view, centred if it can be.
 * Only the nav scrolls (never the page, as `scrollIntoView` would); a nav that fits is left alone.
 */
export function useActiveNavItemInView(nav: RefObject<HTMLElement | null>, pathname: string, activeSelector = '[aria-current="page"]'): void {
  useEffect(() => {
    const element = nav.current;
    if (!element || element.scrollWidth <= element.clientWidth) return;
    const active = element.querySelector<HTMLElement>(activeSelector);
    if (!active) return;
    const navBox = element.getBoundingClientRect();
    const activeBox = active.getBoundingClientRect();
    const left = element.scrollLeft + activeBox.left - navBox.left - (navBox.width - activeBox.width) / 2;
    element.scrollTo({ left: Math.max(0, left), behavior: 'instant' });
  }, [nav, pathname, activeSelector]);
}
