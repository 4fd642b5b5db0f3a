import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateReportSubscriptionRequest, OutboxReceipt, ReportFormat, ReportSubscription, ReportType, SendEmailRequest } from '@aiparksit/shared';
import { api, download, unwrap } from '../../../lib/api-client';
import { saveFile } from '../../../lib/http';
import type { PeriodDaysQuery } from './metrics-selection';

export const reportKeys = {
  subscriptions: ['report-subscriptions'] as const,
};

/** A file name when the server gives none: what, which days, and the format. */
export function fallbackFileName(type: ReportType, query: PeriodDaysQuery, format: ReportFormat): string {
  return `aiparksit-${type}-${query.from}-to-${query.to}.${format}`;
}

/**
 * POST /api/reports/export, saved under the server's file name. The PDF is rendered while the
 * request waits, so `onProgress` first sees nothing, then the bytes as they come.
 */
export async function downloadReport(
  type: ReportType,
  query: PeriodDaysQuery,
  format: ReportFormat,
  onProgress?: (received: number, total: number | null) => void,
): Promise<string> {
  const file = await download(
    api.POST('/api/reports/export', {
      body: { type, format, from: query.from, to: query.to, comparison: query.comparison, granularity: query.granularity },
      headers: { accept: format === 'pdf' ? 'application/pdf' : 'text/csv' },
      parseAs: 'stream',
    }),
    onProgress,
  );
  const name = file.fileName ?? fallbackFileName(type, query, format);
  saveFile(file, name);
  return name;
}

/** "Email me this report": the outbox renders the PDF and mails it to the signed-in person. */
export function emailReport(userId: string, type: ReportType, query: PeriodDaysQuery): Promise<OutboxReceipt> {
  const body: SendEmailRequest = { userId, template: 'investor-report', report: { type, from: query.from, to: query.to, comparison: query.comparison } };
  return unwrap(api.POST('/api/notifications/email', { body }));
}

export function useEmailReport() {
  return useMutation({
    mutationFn: ({ userId, type, query }: { userId: string; type: ReportType; query: PeriodDaysQuery }) => emailReport(userId, type, query),
  });
}

function listSubscriptions(signal?: AbortSignal): Promise<ReportSubscription[]> {
  return unwrap(api.GET('/api/reports/subscriptions', { signal }));
}

export function useReportSubscriptions() {
  return useQuery({ queryKey: reportKeys.subscriptions, queryFn: ({ signal }) => listSubscriptions(signal) });
}

/** The browser's IANA zone: the monthly report goes out on the 1st there. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Subscribes to (or drops) the monthly report of one type. */
export function useToggleSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ type, subscription }: { type: ReportType; subscription: ReportSubscription | undefined }) => {
      if (subscription) {
        await unwrap(api.DELETE('/api/reports/subscriptions/{id}', { params: { path: { id: subscription.id } } }));
        return;
      }
      const body: CreateReportSubscriptionRequest = { type, timeZone: browserTimeZone(), comparison: 'previous_period' };
      await unwrap(api.POST('/api/reports/subscriptions', { body }));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: reportKeys.subscriptions }),
  });
}
