import type { ReactNode } from 'react';
import type { ApiInstancesCard, NginxCard, PostgresCard, ServiceCard, WebSocketCard } from '@aiparksit/shared';
import { formatBytes, formatCount, formatDuration, formatMs, formatPercent } from '../api/format';
import { Ago } from './ago';
import { StateBadge } from './state-badge';

/** The frame every service card shares: name, state in words, why it is not running, uptime. */
function ServiceFrame({
  id,
  title,
  card,
  children,
  wide,
  notInUse,
}: {
  id: string;
  title: string;
  card: ServiceCard;
  children: ReactNode;
  wide?: boolean;
  /** A service this deployment does not run (nginx when the API is reached directly): no state to show. */
  notInUse?: boolean;
}) {
  return (
    <section
      className={`card service-card service-card--${notInUse ? 'unused' : card.state}${wide ? ' service-card--wide' : ''}`}
      aria-labelledby={`${id}-title`}
      data-testid={`card-${id}`}
      data-state={notInUse ? 'unused' : card.state}
    >
      <div className="service-card__head">
        <h3 id={`${id}-title`}>{title}</h3>
        {notInUse ? <span className="state-badge state-badge--unused">– Not in use</span> : <StateBadge state={card.state} />}
      </div>
      {card.reason && !notInUse && <p className={`service-card__reason service-card__reason--${card.state}`}>{card.reason}</p>}
      {children}
    </section>
  );
}

function Figures({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="figures">
      {items.map(([term, value]) => (
        <div key={term} className="figures__item">
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The seed's "PM2" card: every API process that wrote a heartbeat, the silent ones marked down. */
export function ApiInstancesServiceCard({ card }: { card: ApiInstancesCard }) {
  const running = card.instances.filter((instance) => instance.state !== 'down').length;
  return (
    <ServiceFrame id="api" title="API instances" card={card} wide>
      <Figures
        items={[
          ['Instances', `${running} of ${card.instances.length} up`],
          ['Uptime', formatDuration(card.uptimeSeconds)],
          ['Requests/min', formatCount(card.requestsPerMinute)],
          ['5xx/min', formatCount(card.serverErrorsPerMinute)],
        ]}
      />
      <div className="table-scroll">
        <table className="table instances">
          <caption className="visually-hidden">API instances</caption>
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">State</th>
              <th scope="col">Version</th>
              <th scope="col">Uptime</th>
              <th scope="col">Restarts</th>
              <th scope="col">CPU</th>
              <th scope="col">RSS / heap</th>
              <th scope="col">Loop p99</th>
              <th scope="col">Req/min</th>
              <th scope="col">p95</th>
              <th scope="col">5xx/min</th>
            </tr>
          </thead>
          <tbody>
            {card.instances.map((instance) => (
              <tr
                key={instance.id}
                className={`instances__row instances__row--${instance.state}`}
                data-testid="api-instance"
                data-state={instance.state}
                data-pid={instance.pid}
              >
                <th scope="row">
                  <span className="instances__host">
                    {instance.host}:{instance.port}
                  </span>
                  <span className="instances__pid">
                    PID {instance.pid}
                    {instance.self ? ' · answered this page' : ''}
                  </span>
                </th>
                <td data-label="State">
                  <StateBadge state={instance.state} />
                  {instance.state === 'down' && (
                    <span className="instances__silent">
                      {instance.stoppedAt ? 'stopped ' : 'last heartbeat '}
                      <Ago at={instance.stoppedAt ?? instance.lastHeartbeatAt} />
                    </span>
                  )}
                </td>
                <td data-label="Version">{instance.version}</td>
                <td data-label="Uptime">{instance.state === 'down' ? '—' : formatDuration(instance.uptimeSeconds)}</td>
                <td data-label="Restarts">{instance.restarts}</td>
                <td data-label="CPU">{formatPercent(instance.cpuPercent)}</td>
                <td data-label="RSS / heap">
                  {formatBytes(instance.memory.rssBytes)} / {formatBytes(instance.memory.heapUsedBytes)}
                </td>
                <td data-label="Loop p99">{formatMs(instance.eventLoopDelayP99Ms)}</td>
                <td data-label="Req/min">{formatCount(instance.requestsPerMinute)}</td>
                <td data-label="p95">{formatMs(instance.p95LatencyMs)}</td>
                <td data-label="5xx/min">{formatCount(instance.serverErrorsPerMinute)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ServiceFrame>
  );
}

export function NginxServiceCard({ card }: { card: NginxCard }) {
  if (!card.configured) {
    return (
      <ServiceFrame id="nginx" title="Nginx web server" card={card} notInUse>
        <p className="service-card__plain" data-testid="nginx-not-configured">
          Not behind nginx: the API serves the site itself. Set <code>NGINX_STATUS_URL</code> to nginx’s <code>stub_status</code> location to see its figures
          here.
        </p>
      </ServiceFrame>
    );
  }
  return (
    <ServiceFrame id="nginx" title="Nginx web server" card={card}>
      <Figures
        items={[
          ['Uptime', formatDuration(card.uptimeSeconds)],
          ['Workers', formatCount(card.workers)],
          ['Active connections', formatCount(card.activeConnections)],
          ['Reading / writing / waiting', `${formatCount(card.reading)} / ${formatCount(card.writing)} / ${formatCount(card.waiting)}`],
          ['Requests/min', card.requestsPerMinute === null ? 'measuring…' : formatCount(card.requestsPerMinute)],
          ['Requests in all', formatCount(card.totalRequests)],
        ]}
      />
    </ServiceFrame>
  );
}

export function PostgresServiceCard({ card }: { card: PostgresCard }) {
  const { connections, pool } = card;
  return (
    <ServiceFrame id="postgres" title="PostgreSQL database" card={card}>
      <Figures
        items={[
          ['Version', card.version ?? '—'],
          ['Database', card.database ?? '—'],
          ['Uptime', formatDuration(card.uptimeSeconds)],
          [
            'Connections',
            `${connections.active} active, ${connections.idle} idle${connections.idleInTransaction ? `, ${connections.idleInTransaction} idle in transaction` : ''} of ${connections.max}`,
          ],
          ['Queries/min', formatCount(card.queriesPerMinute)],
          ['Size', formatBytes(card.sizeBytes)],
          ['Cache hit ratio', card.cacheHitRatio === null ? '—' : formatPercent(card.cacheHitRatio * 100, 1)],
          ['This instance’s pool', `${pool.total - pool.idle} in use, ${pool.idle} idle of ${pool.max}${pool.waiting ? `, ${pool.waiting} waiting` : ''}`],
        ]}
      />
      <h4>Longest running query</h4>
      {card.longestRunningQuery ? (
        <div className="query" data-testid="longest-query">
          <p className="query__meta">
            {formatMs(card.longestRunningQuery.durationMs)} · {card.longestRunningQuery.state}
            {card.longestRunningQuery.applicationName ? ` · ${card.longestRunningQuery.applicationName}` : ''}
          </p>
          <pre className="query__text">{card.longestRunningQuery.query}</pre>
        </div>
      ) : (
        <p className="field__hint">No query running right now.</p>
      )}
      <h4>Slowest statements (last hour)</h4>
      {card.slowestStatements.length === 0 ? (
        <p className="field__hint">None slower than the threshold.</p>
      ) : (
        <div className="table-scroll">
          <table className="table statements">
            <thead>
              <tr>
                <th scope="col">Statement</th>
                <th scope="col">Calls</th>
                <th scope="col">Mean</th>
                <th scope="col">Max</th>
              </tr>
            </thead>
            <tbody>
              {card.slowestStatements.map((statement, index) => (
                <tr key={index}>
                  <td>
                    <code className="statements__query" title={statement.query}>
                      {statement.query}
                    </code>
                  </td>
                  <td>{formatCount(statement.calls)}</td>
                  <td>{formatMs(statement.meanMs)}</td>
                  <td>{formatMs(statement.maxMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field__hint">
            From {card.slowestStatements[0]!.source === 'pg_stat_statements' ? 'pg_stat_statements' : 'the API’s own slow-query log'}.
          </p>
        </div>
      )}
    </ServiceFrame>
  );
}

export function WebSocketServiceCard({ card }: { card: WebSocketCard }) {
  const paths = Object.entries(card.connections.byPath).sort(([a], [b]) => a.localeCompare(b));
  return (
    <ServiceFrame id="websocket" title="WebSocket server" card={card}>
      <Figures
        items={[
          ['Uptime', formatDuration(card.uptimeSeconds)],
          ['Active connections', `${formatCount(card.connections.total)} ${card.connections.total === 1 ? 'client' : 'clients'}`],
          ['Subscriptions', formatCount(card.subscriptions)],
          ['Events/min', formatCount(card.eventsPerMinute)],
          ['Latency p50 / p95', `${formatMs(card.latencyMs.p50)} / ${formatMs(card.latencyMs.p95)}`],
          ['Last event', <Ago key="last" at={card.lastEventAt} testId="ws-last-event" />],
          ['Database listener', card.listenerConnected ? 'Connected' : 'Not connected'],
        ]}
      />
      <h4>Connections per path</h4>
      {paths.length === 0 ? (
        <p className="field__hint">No open sockets.</p>
      ) : (
        <ul className="paths">
          {paths.map(([path, count]) => (
            <li key={path}>
              <code>{path}</code> <span>{formatCount(count)}</span>
            </li>
          ))}
        </ul>
      )}
    </ServiceFrame>
  );
}
