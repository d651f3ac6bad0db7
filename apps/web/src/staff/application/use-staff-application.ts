import { useQuery } from '@tanstack/react-query';
import type { components } from '#api-client';
import { api } from '../../api/api';
import { call } from '../../api/call';

export type StaffApplication = components['schemas']['StaffApplication'];

export const staffApplicationKey = (id: string) => ['staff', 'application', id] as const;

/** The application as staff review it (its version is the If-Match of every step taken on it). */
export function useStaffApplication(id: string) {
  return useQuery({
    queryKey: staffApplicationKey(id),
    queryFn: () => call(api.GET('/api/v1/staff/applications/{id}', { params: { path: { id } } })),
  });
}

/** Its audit trail: transitions, claims, assignments and panels. */
export function useTimeline(id: string) {
  return useQuery({
    queryKey: [...staffApplicationKey(id), 'timeline'],
    queryFn: () => call(api.GET('/api/v1/staff/applications/{id}/timeline', { params: { path: { id } } })),
  });
}
