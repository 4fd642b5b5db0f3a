import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  SYSTEM_STATUS_POLL_MS,
  type AuditPage,
  type SystemActionName,
  type SystemActionRequest,
  type SystemActionResult,
  type SystemErrorsPage,
  type SystemStatus,
} from '@aiparksit/shared';
import { api, download, unwrap } from '../../../lib/api-client';
import { saveFile } from '../../../lib/http';

export const systemStatusKeys = {
  all: ['system'] as const,
  status: ['system', 'status'] as const,
  errors: ['system', 'errors'] as const,
  audit: ['system', 'audit'] as const,
};

/**
 * The page polls more often than the contract's floor: a snapshot costs the API nothing (it is
 * rebuilt every few seconds anyway), and "down" should show within seconds, not half a minute.
 */
export const STATUS_POLL_MS = Math.min(10_000, SYSTEM_STATUS_POLL_MS);

export function getSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  return unwrap(api.GET('/api/system/status', { signal }));
}

export function getSystemErrors(signal?: AbortSignal): Promise<SystemErrorsPage> {
  return unwrap(api.GET('/api/system/errors', { signal }));
}

export function getAudit(signal?: AbortSignal): Promise<AuditPage> {
  return unwrap(api.GET('/api/system/audit', { signal }));
}

/** Keeps polling while the tab is hidden too: an admin leaves this page open on a wall screen. */
export function systemStatusOptions() {
  return queryOptions({
    queryKey: systemStatusKeys.status,
    queryFn: ({ signal }) => getSystemStatus(signal),
    refetchInterval: STATUS_POLL_MS,
    refetchIntervalInBackground: true,
    retry: false,
  });
}

export function useSystemStatus() {
  return useQuery(systemStatusOptions());
}

export function useSystemErrors() {
  return useQuery({
    queryKey: systemStatusKeys.errors,
    queryFn: ({ signal }) => getSystemErrors(signal),
    refetchInterval: SYSTEM_STATUS_POLL_MS,
    refetchIntervalInBackground: true,
  });
}

export function useAudit() {
  return useQuery({ queryKey: systemStatusKeys.audit, queryFn: ({ signal }) => getAudit(signal), refetchInterval: SYSTEM_STATUS_POLL_MS });
}

/** What a quick action came to, for the page to show; `savedAs` names the diagnostics file. */
export interface ActionOutcome {
  action: SystemActionName;
  outcome: 'succeeded' | 'failed';
  message: string;
  savedAs?: string;
}

/**
 * POST /api/system/actions/<name>. "Export diagnostics" answers the JSON document itself, which
 * is saved as a file; every other action answers a SystemActionResult.
 */
export async function runSystemAction(action: SystemActionName, body: SystemActionRequest): Promise<ActionOutcome> {
  if (action !== 'export-diagnostics') {
    const result: SystemActionResult = await unwrap(api.POST('/api/system/actions/{name}', { params: { path: { name: action } }, body }));
    return { action, outcome: result.outcome, message: result.message };
  }
  const file = await download(api.POST('/api/system/actions/export-diagnostics', { parseAs: 'stream' }));
  const name = file.fileName ?? `aiparksit-diagnostics-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  saveFile(file, name);
  return { action, outcome: 'succeeded', message: `Diagnostics saved as ${name}.`, savedAs: name };
}

/** Runs an action; whatever the outcome, the audit list (and what the action changed) is read again. */
export function useSystemAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, body }: { action: SystemActionName; body: SystemActionRequest }) => runSystemAction(action, body),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: systemStatusKeys.audit });
      void queryClient.invalidateQueries({ queryKey: systemStatusKeys.status });
      void queryClient.invalidateQueries({ queryKey: systemStatusKeys.errors });
    },
  });
}
