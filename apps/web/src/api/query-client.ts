import { QueryClient } from '@tanstack/react-query';
import { ApiProblem } from './problem';
import { session } from './session';

/**
 * Server state for every page. A failed read is tried again only when trying again can help (no
 * connection, a server fault); a refusal (4xx) is shown at once.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      retry: (failures, error) => failures < 2 && error instanceof ApiProblem && error.retryable && error.status !== 429,
      staleTime: 10_000,
      refetchOnWindowFocus: true,
    },
    mutations: { retry: false },
  },
});

// What one person's pages loaded is never shown to the next person who signs in on this browser.
session.subscribe(() => {
  if (session.state().status === 'signed-out') queryClient.clear();
});
