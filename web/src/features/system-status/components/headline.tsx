import type { SystemHeadline } from '@aiparksit/shared';
import { formatCount } from '../api/format';

/** The seed's four counters; pages and routes come from the SPA's own router when the API has none. */
export function Headline({ headline, spaRouteCount }: { headline: SystemHeadline; spaRouteCount: number }) {
  const items = [
    { id: 'pages', value: formatCount(headline.pagesAndRoutes ?? spaRouteCount), label: 'Pages & Routes' },
    { id: 'endpoints', value: formatCount(headline.apiEndpoints), label: 'API Endpoints' },
    { id: 'user-types', value: formatCount(headline.userTypes), label: 'User Types' },
    { id: 'ws-events', value: `${formatCount(headline.webSocketEventsPerMinute)}/min`, label: 'WebSocket Updates' },
  ];
  return (
    <ul className="headline" aria-label="At a glance">
      {items.map((item) => (
        <li key={item.id} className="card headline__item" data-testid={`headline-${item.id}`}>
          <span className="headline__value">{item.value}</span>
          <span className="headline__label">{item.label}</span>
        </li>
      ))}
    </ul>
  );
}
