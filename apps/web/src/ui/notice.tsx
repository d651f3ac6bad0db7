import type { ReactNode } from 'react';

/** A short message in a coloured box: good news, a warning, or something to know. */
export function Notice({ tone = 'info', children }: { tone?: 'info' | 'success' | 'warning' | 'error'; children: ReactNode }) {
  return <div className={`notice notice-${tone}`}>{children}</div>;
}
