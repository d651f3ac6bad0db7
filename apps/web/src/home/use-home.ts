import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api';
import { call } from '../api/call';

/** The signed-in person's applications, each with its next step. */
export function useMyApplications() {
  return useQuery({ queryKey: ['applications'], queryFn: () => call(api.GET('/api/v1/applications')) });
}

/** The endorsements the signed-in person holds. */
export function useMyEndorsements() {
  return useQuery({ queryKey: ['endorsements'], queryFn: () => call(api.GET('/api/v1/endorsements')) });
}
