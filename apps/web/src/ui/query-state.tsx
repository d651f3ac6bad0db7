import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiProblem } from '../api/problem';
import { messageFor } from '../api/problem-messages';
import { Button } from './button';

/**
 * What a page shows while its data loads, when it could not be loaded (with a way to try again),
 * and the page itself once it is there: never a blank page.
 */
export function QueryState<T>({ query, children, loading = 'Loading…' }: { query: UseQueryResult<T>; children: (data: T) => ReactNode; loading?: string }) {
  if (query.isPending) {
    return (
      <p className="loading" role="status">
        {loading}
      </p>
    );
  }
  if (query.isError) {
    const problem = query.error instanceof ApiProblem ? query.error : ApiProblem.server(0);
    return (
      <div className="notice notice-error" role="alert">
        <p>{messageFor(problem)}</p>
        {problem.retryable && (
          <Button variant="secondary" onPress={() => void query.refetch()} isPending={query.isFetching}>
            Try again
          </Button>
        )}
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
