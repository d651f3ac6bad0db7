import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { paths } from '#api-client';
import { api } from '../api/api';
import { call } from '../api/call';

export type CeEntryInput = paths['/api/v1/continuing-education']['post']['requestBody']['content']['application/json'];

export function useEndorsements() {
  return useQuery({ queryKey: ['endorsements'], queryFn: () => call(api.GET('/api/v1/endorsements')) });
}

export function useCeLog() {
  return useQuery({ queryKey: ['continuing-education'], queryFn: () => call(api.GET('/api/v1/continuing-education')) });
}

/** A change to the endorsement or its hours: the endorsement, its application and the CE log are read again. */
export function useEndorsementChange<V, R>(change: (variables: V) => Promise<R>) {
  const queries = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () =>
      Promise.all(['endorsements', 'continuing-education', 'application', 'applications'].map((key) => queries.invalidateQueries({ queryKey: [key] }))),
  });
}

export const endorsementCalls = {
  setListed: (applicationId: string, listed: boolean) =>
    call(api.PUT('/api/v1/registry/listing/{applicationId}', { params: { path: { applicationId } }, body: { listed } })),
  logHours: (entry: CeEntryInput) => call(api.POST('/api/v1/continuing-education', { body: entry })),
  renew: () => call(api.POST('/api/v1/renewals', { body: {} })),
  reinstate: (id: string, version: number, references: { raterName: string; raterEmail: string; role: string; waivedAccess: boolean }[]) =>
    call(api.POST('/api/v1/applications/{id}/reinstate', { params: { path: { id }, header: { 'If-Match': `"${version}"` } }, body: { references } })),
};
