import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api';
import { call } from '../../api/call';

export function usePendingCeEntries() {
  return useQuery({
    queryKey: ['ce-review', 'pending'],
    queryFn: () => call(api.GET('/api/v1/staff/continuing-education', { params: { query: { status: 'pending', limit: 100 } } })),
  });
}

/** Approves an entry, or rejects it with the reason the endorsee is told. */
export function useReviewCeEntry(entryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: { approve: true } | { approve: false; reason: string }) =>
      call(
        decision.approve
          ? api.POST('/api/v1/staff/continuing-education/{entryId}/approve', { params: { path: { entryId } }, body: {} })
          : api.POST('/api/v1/staff/continuing-education/{entryId}/reject', { params: { path: { entryId } }, body: { reason: decision.reason } }),
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['ce-review'] }),
  });
}

/** What goes out in the next `days` days, per association, counted by kind. */
export function useOutlook(days: number) {
  return useQuery({ queryKey: ['outlook', days], queryFn: () => call(api.GET('/api/v1/staff/outlook', { params: { query: { days } } })) });
}

export function useLapsed() {
  return useQuery({
    queryKey: ['staff-queue', 'lapsed'],
    queryFn: () => call(api.GET('/api/v1/staff/applications', { params: { query: { state: 'lapsed', limit: 100 } } })),
  });
}
