import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api';
import { call } from '../api/call';

export const applicationKey = (id: string) => ['application', id] as const;

/** One of the signed-in person's applications: portfolio, choices, gaps, version. */
export function useApplication(id: string) {
  return useQuery({ queryKey: applicationKey(id), queryFn: () => call(api.GET('/api/v1/applications/{id}', { params: { path: { id } } })) });
}
