import { useQuery } from '@tanstack/react-query';
import { api } from '../api/api';
import { call } from '../api/call';

/** What each category (and track) of an association asks and costs. */
export function useCategories(associationCode: string) {
  return useQuery({
    queryKey: ['categories', associationCode],
    queryFn: () => call(api.GET('/api/v1/associations/{code}/categories', { params: { path: { code: associationCode } } })),
    staleTime: 60 * 60_000,
  });
}
