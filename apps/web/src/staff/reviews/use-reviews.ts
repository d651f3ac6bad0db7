import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '#api-client';
import { api } from '../../api/api';
import { call } from '../../api/call';

export type Review = components['schemas']['Review'];
export type VoteBody = { checklist: Record<string, 'met' | 'not_met'>; recommendation: 'endorse' | 'defer' | 'deny'; notes?: string };

/** The applications in panel review seated with the signed-in reviewer. */
export function useMyReviews() {
  return useQuery({ queryKey: ['reviews'], queryFn: () => call(api.GET('/api/v1/reviews')) });
}

export function useReview(applicationId: string) {
  return useQuery({
    queryKey: ['reviews', applicationId],
    queryFn: () => call(api.GET('/api/v1/reviews/{applicationId}', { params: { path: { applicationId } } })),
  });
}

/** Casts the reviewer's vote; the review and the list change with it. */
export function useVote(applicationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: VoteBody) => call(api.POST('/api/v1/reviews/{applicationId}/vote', { params: { path: { applicationId } }, body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['reviews'] }),
  });
}
