import type { ApiInstanceStatus, DiskUsage, ServiceState, SystemStatus } from '@aiparksit/shared';
import { overallState, serviceStates, stateChanges } from './service-states.js';

function instance(id: string, state: ServiceState, stoppedAt: string | null = null): ApiInstanceStatus {
  return { id, state, stoppedAt } as ApiInstanceStatus;
}

function disk(kind: DiskUsage['kind'], usedPercent: number): DiskUsage {
  return {
    kind,
    label: kind,
    path: `/${kind}`,
    totalBytes: 100,
    usedBytes: usedPercent,
    freeBytes: 100 - usedPercent,
    usedPercent,
    warning: usedPercent >= 85,
  };
}

function status(
  options: { instances?: ApiInstanceStatus[]; postgres?: ServiceState; nginx?: ServiceState | 'unset'; disks?: DiskUsage[] } = {},
): Pick<SystemStatus, 'services' | 'disks'> {
  const instances = options.instances ?? [instance('a', 'running')];
  const running = instances.some((i) => i.state === 'running');
  return {
    services: {
      api: { state: running ? 'running' : 'down', reason: null, uptimeSeconds: 1, instances, requestsPerMinute: 0, serverErrorsPerMinute: 0 },
      nginx: {
        state: options.nginx === 'unset' || !options.nginx ? 'running' : options.nginx,
        configured: options.nginx !== 'unset' && !!options.nginx,
        reason: null,
      } as SystemStatus['services']['nginx'],
      postgres: { state: options.postgres ?? 'running', reason: options.postgres === 'down' ? 'gone' : null } as SystemStatus['services']['postgres'],
      websocket: { state: 'running', reason: null } as SystemStatus['services']['websocket'],
    },
    disks: options.disks ?? [disk('data', 40)],
  };
}

describe('serviceStates', () => {
  it('names each instance, nginx only when configured, the database, the socket server and each disk', () => {
    expect([...serviceStates(status()).keys()]).toEqual(['api:a', 'postgres', 'websocket', 'disk:data']);
    expect([...serviceStates(status({ nginx: 'running' })).keys()]).toContain('nginx');
  });

  it('calls a disk past the threshold degraded', () => {
    expect(serviceStates(status({ disks: [disk('logs', 91)] })).get('disk:logs')).toEqual({ state: 'degraded', reason: 'logs is 91 % full.' });
  });
});

describe('stateChanges', () => {
  it('reports nothing on the first snapshot', () => {
    expect(stateChanges(undefined, serviceStates(status()))).toEqual([]);
  });

  it('reports a service that changed state, with its reason', () => {
    const before = serviceStates(status());
    const after = serviceStates(status({ postgres: 'down' }));
    expect(stateChanges(before, after)).toEqual([{ service: 'postgres', from: 'running', to: 'down', reason: 'gone' }]);
  });

  it('ignores a new instance that runs, but reports one that appears down', () => {
    const before = serviceStates(status());
    expect(stateChanges(before, serviceStates(status({ instances: [instance('a', 'running'), instance('b', 'running')] })))).toEqual([]);
    expect(stateChanges(before, serviceStates(status({ instances: [instance('a', 'running'), instance('c', 'down')] })))).toEqual([
      { service: 'api:c', from: null, to: 'down', reason: 'No heartbeat from the instance.' },
    ]);
  });
});

describe('overallState', () => {
  it('is down with the database down or no instance running', () => {
    expect(overallState(status({ postgres: 'down' }))).toBe('down');
    expect(overallState(status({ instances: [instance('a', 'down')] }))).toBe('down');
  });

  it('is degraded by a lost instance or a full disk, not by one that stopped cleanly', () => {
    expect(overallState(status({ instances: [instance('a', 'running'), instance('b', 'down')] }))).toBe('degraded');
    expect(overallState(status({ instances: [instance('a', 'running'), instance('b', 'down', '2026-12-07T06:00:00Z')] }))).toBe('running');
    expect(overallState(status({ disks: [disk('temp', 99)] }))).toBe('degraded');
  });
});
