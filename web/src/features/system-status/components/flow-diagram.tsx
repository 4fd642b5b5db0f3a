import { useId, useRef, useState } from 'react';
import type { RouteFigures, WebSocketCard } from '@aiparksit/shared';
import { figuresFor, formatCount, formatMs, formatPercent } from '../api/format';
import { layoutFlow } from './flow-layout';
import { COMPONENT_KINDS, type ComponentKind, type Flow, type FlowStep } from './flows';
import { useElementWidth } from './use-element-width';

/** Below this width the boxes are stacked: a 720-wide drawing would shrink its words too far. */
const NARROW_BELOW_PX = 560;

/** One flow: the drawing, the legend that highlights a kind of component, and the steps with live figures. */
export function FlowDiagram({ flow, routes, websocket }: { flow: Flow; routes: readonly RouteFigures[]; websocket: WebSocketCard }) {
  const [highlighted, setHighlighted] = useState<ComponentKind | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const width = useElementWidth(frame);
  const layout = layoutFlow(flow.rows, width > 0 && width < NARROW_BELOW_PX);
  const titleId = useId();
  const descId = useId();
  const counts = Object.fromEntries(COMPONENT_KINDS.map(({ kind }) => [kind, flow.rows.flat().filter((node) => node.kind === kind).length]));
  return (
    <section className="panel flow" aria-labelledby={`${titleId}-h`} data-testid={`flow-${flow.id}`}>
      <h3 id={`${titleId}-h`}>{flow.title}</h3>
      <div className="flow__drawing" ref={frame}>
        <svg
          viewBox={`-4 -4 ${layout.width + 8} ${layout.height + 8}`}
          width="100%"
          style={{ maxWidth: `${layout.width + 8}px` }}
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          data-highlighting={highlighted ?? undefined}
        >
          <title id={titleId}>{flow.title}</title>
          <desc id={descId}>{flow.rows.map((row) => row.map((node) => `${node.label} (${kindLabel(node.kind)})`).join(' → ')).join('; ')}</desc>
          <defs>
            <marker id={`flow-${flow.id}-arrow`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
              <path d="M 0 0 L 10 5 L 0 10 z" className="flow__arrowhead" />
            </marker>
          </defs>
          {layout.arrows.map((arrow) => (
            <line key={arrow.key} className="flow__arrow" x1={arrow.x1} y1={arrow.y1} x2={arrow.x2} y2={arrow.y2} markerEnd={`url(#flow-${flow.id}-arrow)`} />
          ))}
          {layout.nodes.map(({ key, node, x, y, width: w, height: h }) => {
            const state = highlighted === null ? 'none' : highlighted === node.kind ? 'highlighted' : 'dimmed';
            return (
              <g key={key} className={`flow-node flow-node--${node.kind} flow-node--${state}`} data-kind={node.kind} data-highlighted={state === 'highlighted'}>
                <rect x={x} y={y} width={w} height={h} rx={10} />
                <text x={x + w / 2} y={node.detail ? y + h / 2 - 4 : y + h / 2 + 5} textAnchor="middle" className="flow-node__label">
                  {node.label}
                </text>
                {node.detail && (
                  <text x={x + w / 2} y={y + h / 2 + 14} textAnchor="middle" className="flow-node__detail">
                    {node.detail}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <div className="flow-legend" role="group" aria-label={`${flow.title}: highlight components by kind`}>
        {COMPONENT_KINDS.map(({ kind, label, hint }) => (
          <button
            key={kind}
            type="button"
            className={`flow-legend__item flow-legend__item--${kind}`}
            aria-pressed={highlighted === kind}
            data-kind={kind}
            onClick={() => setHighlighted((current) => (current === kind ? null : kind))}
          >
            <span className="flow-legend__swatch" aria-hidden="true" />
            <span className="flow-legend__label">
              {label} <span className="flow-legend__count">({counts[kind]})</span>
            </span>
            <span className="flow-legend__hint">{highlighted === kind ? 'Click again to clear' : hint}</span>
          </button>
        ))}
      </div>
      <h4 className="flow__steps-title">{flow.stepsTitle}</h4>
      <ol className="flow-steps">
        {flow.steps.map((step, index) => (
          <FlowStepItem key={step.title} step={step} index={index} routes={routes} websocket={websocket} />
        ))}
      </ol>
      {flow.id === 'api-architecture' && <AllRoutes routes={routes} />}
    </section>
  );
}

function connections(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'connection' : 'connections'}`;
}

function kindLabel(kind: ComponentKind): string {
  return COMPONENT_KINDS.find((entry) => entry.kind === kind)?.label ?? kind;
}

function FlowStepItem({ step, index, routes, websocket }: { step: FlowStep; index: number; routes: readonly RouteFigures[]; websocket: WebSocketCard }) {
  return (
    <li className="flow-step" data-testid="flow-step">
      <span className="flow-step__title">
        {index + 1}. {step.title}
      </span>
      {'endpoint' in step && (
        <>
          <span className="flow-step__endpoint">
            <span className={`method method--${step.endpoint.method.toLowerCase()}`}>{step.endpoint.method}</span> <code>{step.endpoint.path}</code>
          </span>
          <RouteFiguresText figures={figuresFor(routes, step.endpoint)} />
        </>
      )}
      {'socket' in step && (
        <>
          <span className="flow-step__endpoint">
            <span className="method method--ws">WS</span> <code>{step.socket}</code>
          </span>
          <span className="flow-step__figures" data-testid="step-figures">
            {connections(websocket.connections.byPath[step.socket] ?? 0)} · {formatCount(websocket.eventsPerMinute)} events/min · p95{' '}
            {formatMs(websocket.latencyMs.p95)}
          </span>
        </>
      )}
      {'note' in step && (
        <>
          <span className="flow-step__endpoint">{step.note}</span>
          {step.live && (
            <span className="flow-step__figures" data-testid="step-figures">
              {step.live === 'events'
                ? `${formatCount(websocket.eventsPerMinute)} events/min on all paths`
                : `commit to send p50 ${formatMs(websocket.latencyMs.p50)} · p95 ${formatMs(websocket.latencyMs.p95)}`}
            </span>
          )}
        </>
      )}
    </li>
  );
}

function RouteFiguresText({ figures }: { figures: RouteFigures | null }) {
  if (!figures || figures.requestsPerMinute === 0) {
    return (
      <span className="flow-step__figures flow-step__figures--idle" data-testid="step-figures">
        no requests in the last minute
      </span>
    );
  }
  return (
    <span className={`flow-step__figures${figures.errorPercent > 0 ? ' flow-step__figures--errors' : ''}`} data-testid="step-figures">
      {formatCount(figures.requestsPerMinute)} req/min · p95 {formatMs(figures.p95Ms)} · {formatPercent(figures.errorPercent, 1)} errors
    </span>
  );
}

/** Every route the API serves (busiest first), with the same live figures: the rest of the endpoint list. */
function AllRoutes({ routes }: { routes: readonly RouteFigures[] }) {
  const sorted = [...routes].sort((a, b) => b.requestsPerMinute - a.requestsPerMinute || a.route.localeCompare(b.route));
  return (
    <details className="flow__all-routes">
      <summary>
        All {routes.length} API endpoints, busiest first ({routes.filter((route) => route.requestsPerMinute > 0).length} with requests in the last minute)
      </summary>
      {sorted.length === 0 ? (
        <p className="field__hint">No figures yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Route</th>
                <th scope="col">Req/min</th>
                <th scope="col">p95</th>
                <th scope="col">Errors</th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((route) => (
                <tr key={`${route.method} ${route.route}`}>
                  <th scope="row">
                    <span className={`method method--${route.method.toLowerCase()}`}>{route.method}</span> <code>{route.route}</code>
                  </th>
                  <td>{formatCount(route.requestsPerMinute)}</td>
                  <td>{formatMs(route.p95Ms)}</td>
                  <td>{route.requestsPerMinute > 0 ? formatPercent(route.errorPercent, 1) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  );
}
