import { useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import type { ServiceStatusChangedEvent, SystemErrorEvent, SystemStatus, UserView } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { useAdminFeed, type AdminFeedEvent } from '../../../lib/socket';
import { STATE_WORDS, serviceName } from '../api/format';
import { systemStatusKeys, useSystemErrors, useSystemStatus } from '../api/system-status';
import { AuditList } from './audit-list';
import { ActiveUsersCard, DiskSpace } from './disks-and-users';
import { FlowDiagram } from './flow-diagram';
import { FLOWS } from './flows';
import { Headline } from './headline';
import { LiveLine } from './live-line';
import { QuickActions, type ActionRequest } from './quick-actions';
import { RecentErrors } from './recent-errors';
import { ApiInstancesServiceCard, NginxServiceCard, PostgresServiceCard, WebSocketServiceCard } from './service-cards';
import { StateBadge } from './state-badge';
import './system-status.css';

const ADMIN_PAGES = [
  { to: '/admin/accounts', label: 'Accounts' },
  { to: '/admin/mailbox', label: 'Mailbox' },
  { to: '/admin/operators', label: 'Operator applications' },
] as const;

export interface SystemStatusPageProps {
  user: UserView;
  /** Pages and routes of the SPA itself, counted from its router, for when the API sends none. */
  spaRouteCount: number;
}

/** The admin's home: the seed's system-status page, live. */
export function SystemStatusPage({ user, spaRouteCount }: SystemStatusPageProps) {
  usePageTitle('System status');
  const status = useSystemStatus();
  const errors = useSystemErrors();
  const queryClient = useQueryClient();
  const [latestError, setLatestError] = useState<{ event: SystemErrorEvent; receivedAt: number } | null>(null);
  const [latestChange, setLatestChange] = useState<ServiceStatusChangedEvent | null>(null);
  const [actionRequest, setActionRequest] = useState<ActionRequest | null>(null);
  const feedState = useAdminFeed({
    onEvent: (message: AdminFeedEvent) => {
      if (message.event === 'system_error') {
        setLatestError({ event: message.data, receivedAt: Date.now() });
        void queryClient.invalidateQueries({ queryKey: systemStatusKeys.errors });
        // The snapshot's count of critical errors moves with it.
        if (message.data.critical) void queryClient.invalidateQueries({ queryKey: systemStatusKeys.status });
      } else {
        setLatestChange(message.data);
        void queryClient.invalidateQueries({ queryKey: systemStatusKeys.status });
      }
    },
    onResync: () => void queryClient.invalidateQueries({ queryKey: systemStatusKeys.all }),
  });

  return (
    <div className="system-status">
      <PageHeader eyebrow={`Admin · ${user.name}`} title="System status">
        <p>AIParksit system architecture: real-time data flow and API endpoint documentation, with the figures the platform measures right now.</p>
      </PageHeader>
      <nav className="admin-links" aria-label="Admin pages">
        <ul>
          {ADMIN_PAGES.map((page) => (
            <li key={page.to}>
              <Link to={page.to} className="button button--secondary">
                {page.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <LiveLine
        updatedAt={status.data ? status.dataUpdatedAt : null}
        failing={status.isError}
        failure={status.error}
        refreshing={status.isFetching}
        feedState={feedState}
        overall={status.data?.overall ?? null}
      />
      <div role="status" aria-live="polite">
        {latestChange && (
          <p className="notice status-change" data-testid="status-change">
            {serviceName(latestChange.service, status.data?.services.api.instances ?? [])}: {latestChange.from ? `${STATE_WORDS[latestChange.from]} → ` : ''}
            {STATE_WORDS[latestChange.to]}
            {latestChange.reason ? ` (${latestChange.reason})` : ''}
          </p>
        )}
      </div>
      {status.isPending && <LoadingState label="Reading the system’s status…" />}
      {status.isError && !status.data && (
        <ErrorState title="The status could not be read" message={describeError(status.error)} onRetry={() => void status.refetch()} />
      )}
      {status.data && <StatusSections status={status.data} spaRouteCount={spaRouteCount} />}
      <RecentErrors
        errors={errors.data}
        error={errors.error}
        pending={errors.isPending}
        onRetry={() => void errors.refetch()}
        latest={latestError}
        criticalCount={status.data?.criticalErrors24h ?? null}
        onLiftBlock={(client) => setActionRequest((previous) => ({ action: 'lift-harvest-block', body: { client }, id: (previous?.id ?? 0) + 1 }))}
      />
      <QuickActions request={actionRequest} />
      <AuditList />
      {status.data && <DataFlows status={status.data} />}
    </div>
  );
}

function StatusSections({ status, spaRouteCount }: { status: SystemStatus; spaRouteCount: number }) {
  return (
    <>
      <Headline headline={status.headline} spaRouteCount={spaRouteCount} />
      <section aria-labelledby="services-title" className="services">
        <div className="panel__head">
          <h2 id="services-title">Services</h2>
          <StateBadge state={status.overall} label="Overall" />
        </div>
        <div className="service-grid">
          <ApiInstancesServiceCard card={status.services.api} />
          <NginxServiceCard card={status.services.nginx} />
          <PostgresServiceCard card={status.services.postgres} />
          <WebSocketServiceCard card={status.services.websocket} />
          <DiskSpace disks={status.disks} warnPercent={status.diskWarnPercent} />
          <ActiveUsersCard users={status.activeUsers} />
        </div>
      </section>
    </>
  );
}

function DataFlows({ status }: { status: SystemStatus }) {
  return (
    <section aria-labelledby="flows-title" className="flows">
      <h2 id="flows-title">Data flows and endpoints</h2>
      <p className="field__hint">
        Each step shows its endpoint with the requests per minute, p95 latency and error rate of the last minute, over all instances.
      </p>
      {FLOWS.map((flow) => (
        <FlowDiagram key={flow.id} flow={flow} routes={status.routes} websocket={status.services.websocket} />
      ))}
    </section>
  );
}
