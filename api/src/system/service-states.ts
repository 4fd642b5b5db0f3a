import type { ServiceState, ServiceStatusChangedEvent, SystemStatus } from '@aiparksit/shared';

export interface ServiceStateOf {
  state: ServiceState;
  reason: string | null;
}

/**
 * Every service a snapshot rates, by the name `service_status_changed` uses: `api:<instance id>`,
 * `nginx` (only when configured), `postgres`, `websocket`, `disk:<kind>` (degraded past the
 * warning threshold).
 */
export function serviceStates(status: Pick<SystemStatus, 'services' | 'disks'>): Map<string, ServiceStateOf> {
  const states = new Map<string, ServiceStateOf>();
  const { api, nginx, postgres, websocket } = status.services;
  for (const instance of api.instances) {
    states.set(`api:${instance.id}`, {
      state: instance.state,
      reason: instance.state === 'running' ? null : instance.stoppedAt ? 'The instance stopped.' : 'No heartbeat from the instance.',
    });
  }
  if (nginx.configured) states.set('nginx', { state: nginx.state, reason: nginx.reason });
  states.set('postgres', { state: postgres.state, reason: postgres.reason });
  states.set('websocket', { state: websocket.state, reason: websocket.reason });
  for (const disk of status.disks) {
    states.set(
      `disk:${disk.kind}`,
      disk.warning ? { state: 'degraded', reason: `${disk.label} is ${disk.usedPercent} % full.` } : { state: 'running', reason: null },
    );
  }
  return states;
}

/**
 * What changed between two snapshots' states. A service seen for the first time is news only
 * when it is not running (a new instance starting is not); one that vanished is not reported
 * (an instance's row is kept for a day, so it shows as down before it goes).
 */
export function stateChanges(previous: Map<string, ServiceStateOf> | undefined, current: Map<string, ServiceStateOf>): ServiceStatusChangedEvent[] {
  if (!previous) return [];
  const changes: ServiceStatusChangedEvent[] = [];
  for (const [service, now] of current) {
    const before = previous.get(service);
    if (before?.state === now.state) continue;
    if (!before && now.state === 'running') continue;
    changes.push({ service, from: before?.state ?? null, to: now.state, reason: now.reason });
  }
  return changes;
}

/**
 * The headline state: down when the database is down or no API instance runs (nothing works),
 * degraded when any rated service is not running, running otherwise. An instance that stopped
 * cleanly (scaled down, redeployed) shows as down on its card but does not degrade the platform;
 * one whose heartbeat stopped does.
 */
export function overallState(status: Pick<SystemStatus, 'services' | 'disks'>): ServiceState {
  const { api, postgres } = status.services;
  if (postgres.state === 'down' || api.state === 'down') return 'down';
  const stoppedCleanly = new Set(api.instances.filter((i) => i.stoppedAt !== null).map((i) => `api:${i.id}`));
  for (const [service, { state }] of serviceStates(status)) if (state !== 'running' && !stoppedCleanly.has(service)) return 'degraded';
  return api.state;
}
