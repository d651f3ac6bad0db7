import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '#api-client';
import { api } from '../../api/api';
import { bareApi, call } from '../../api/call';

export type StaffRole = 'coordinator' | 'reviewer' | 'exam_reviewer';
export type StaffAccount = components['schemas']['StaffAccount'];

/** The association's staff; an Alliance-wide administrator names the association. */
export function useStaffAccounts(association: string | undefined) {
  return useQuery({
    queryKey: ['staff-accounts', association],
    queryFn: () => call(api.GET('/api/v1/staff/accounts', { params: { query: association ? { association } : {} } })),
  });
}

export function useInviteStaff() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; fullName: string; roles: StaffRole[]; associationCode?: string }) =>
      call(api.POST('/api/v1/staff/invitations', { body })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['staff-accounts'] }),
  });
}

export function useSetStaffRoles(accountId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (roles: StaffRole[]) => call(api.PUT('/api/v1/staff/accounts/{accountId}/roles', { params: { path: { accountId } }, body: { roles } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['staff-accounts'] }),
  });
}

/** The association's categories with what each asks and costs (public, as applicants see them). */
export function useCategories(code: string) {
  return useQuery({
    queryKey: ['categories', code],
    queryFn: () => call(bareApi.GET('/api/v1/associations/{code}/categories', { params: { path: { code } } })),
    staleTime: 60 * 60_000,
  });
}

/** Applications with an email that could not be delivered, longest waiting first. */
export function useDeliveryProblems(association: string | undefined) {
  return useQuery({
    queryKey: ['staff-queue', 'failed-email', association],
    queryFn: () =>
      call(api.GET('/api/v1/staff/applications', { params: { query: { failedEmail: 'true', limit: 100, ...(association ? { association } : {}) } } })),
  });
}
