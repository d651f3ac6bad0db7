import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { paths } from '#api-client';
import { api } from '../../api/api';
import { call } from '../../api/call';

export interface QueueFilters {
  state?: string;
  category?: string;
  assignee?: string;
  waitingDaysMin?: number;
  failedEmail?: boolean;
}

type QueueQuery = NonNullable<paths['/api/v1/staff/applications']['get']['parameters']['query']>;

const PAGE = 50;

/** How many wait in each state. */
export function useQueueCounts() {
  return useQuery({ queryKey: ['staff', 'queues'], queryFn: () => call(api.GET('/api/v1/staff/queues')) });
}

/** The queue, longest waiting first, a page at a time (the API's keyset cursor). */
export function useQueue(filters: QueueFilters) {
  return useInfiniteQuery({
    queryKey: ['staff', 'applications', filters],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => {
      const query: QueueQuery = {
        state: filters.state as QueueQuery['state'],
        category: filters.category,
        assignee: filters.assignee,
        waitingDaysMin: filters.waitingDaysMin,
        failedEmail: filters.failedEmail ? 'true' : undefined,
        limit: PAGE,
        cursor: pageParam,
      };
      return call(api.GET('/api/v1/staff/applications', { params: { query } }));
    },
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
}

/** The association's staff holding a role (reviewers for a panel, coordinators to hand work to). */
export function useColleagues(role: 'coordinator' | 'reviewer' | 'administrator') {
  return useQuery({ queryKey: ['staff', 'colleagues', role], queryFn: () => call(api.GET('/api/v1/staff/colleagues', { params: { query: { role } } })) });
}
