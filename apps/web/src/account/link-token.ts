import { useLocation } from 'react-router';

/**
 * The single-use token of an emailed link (`…#token=…`). It travels in the fragment, which browsers
 * never send to a server, so it stays out of logs and referrers.
 */
export function useLinkToken(): string | null {
  return new URLSearchParams(useLocation().hash.slice(1)).get('token');
}
