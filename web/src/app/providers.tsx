import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError } from '../lib/api-error';
import { getSession, subscribeToSession } from '../lib/session';

function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // A 4xx will answer the same the second time; retry only what may be passing trouble.
        retry: (failureCount, error) => !(error instanceof ApiError && error.status < 500) && failureCount < 2,
      },
    },
  });
}

export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);

  // Whenever a session ends (signed out here or in another tab, or expired), forget its data:
  // the next person to sign in on this browser must never see the previous one's.
  useEffect(
    () =>
      subscribeToSession(() => {
        if (getSession().status === 'signed-out') queryClient.clear();
      }),
    [queryClient],
  );
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
