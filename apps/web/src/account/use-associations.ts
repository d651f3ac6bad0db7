import { useQuery } from '@tanstack/react-query';
import { bareApi, call } from '../api/call';

/** The associations a person may register with (public), as a list to choose from. */
export function useAssociations() {
  return useQuery({
    queryKey: ['associations'],
    queryFn: () => call(bareApi.GET('/api/v1/associations')),
    staleTime: 60 * 60_000,
  });
}
