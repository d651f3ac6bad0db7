import { useSyncExternalStore } from 'react';
import type { components } from '#api-client';
import { bareApi, call } from './call';

export type Account = components['schemas']['Account'];

export type SessionState = { status: 'restoring' } | { status: 'signed-out'; reason?: 'expired' | 'signed-out' } | { status: 'signed-in'; account: Account };

// The access token lives in this module's memory only; the refresh token in an HttpOnly cookie the
// page never sees. Nothing of a session goes to localStorage or sessionStorage.
let accessToken: string | undefined;
let state: SessionState = { status: 'restoring' };
let restoring: Promise<void> | undefined;
let refreshing: Promise<boolean> | undefined;
const listeners = new Set<() => void>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

const BROWSER_SESSION = { params: { header: { 'X-Session': 'cookie' as const } } };

async function loadAccount(): Promise<void> {
  const account = await call(bareApi.GET('/api/v1/auth/me', { headers: { authorization: `Bearer ${accessToken}` } }));
  set({ status: 'signed-in', account });
}

export const session = {
  token: (): string | undefined => accessToken,

  /** Trades the cookie for a new access token; false when the session is over. One at a time. */
  refresh(): Promise<boolean> {
    refreshing ??= call(bareApi.POST('/api/v1/auth/refresh', { ...BROWSER_SESSION, body: {} }))
      .then((pair) => {
        accessToken = pair.accessToken;
        return true;
      })
      .catch(() => false)
      .finally(() => (refreshing = undefined));
    return refreshing;
  },

  /** At page load: picks up a session this browser already has, silently. */
  restore(): Promise<void> {
    restoring ??= (async () => {
      try {
        if (await session.refresh()) return await loadAccount();
      } catch {
        // Signed out below: an unreachable server shows its error on the first page that asks.
      }
      accessToken = undefined;
      set({ status: 'signed-out' });
    })();
    return restoring;
  },

  async signIn(email: string, password: string): Promise<void> {
    const pair = await call(bareApi.POST('/api/v1/auth/login', { ...BROWSER_SESSION, body: { email, password } }));
    accessToken = pair.accessToken;
    await loadAccount();
  },

  async signOut(): Promise<void> {
    try {
      await call(bareApi.POST('/api/v1/auth/logout', { ...BROWSER_SESSION, headers: { authorization: `Bearer ${accessToken}` } }));
    } finally {
      accessToken = undefined;
      set({ status: 'signed-out', reason: 'signed-out' });
    }
  },

  /** The API no longer accepts this session (refresh refused): the pages send the person to sign in. */
  expired(): void {
    accessToken = undefined;
    set({ status: 'signed-out', reason: 'expired' });
  },

  subscribe: (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },

  state: (): SessionState => state,
};

export function useSession(): SessionState {
  return useSyncExternalStore(session.subscribe, session.state);
}
