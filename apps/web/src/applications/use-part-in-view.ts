import { useEffect } from 'react';
import { useLocation } from 'react-router';

/**
 * An email's link names the part it is about (#references, #exam, #renewal …): once the page's data
 * is shown, that part is scrolled into view. After the page has focused its heading, hence the frame's delay.
 */
export function usePartInView(ready: boolean): void {
  const { hash } = useLocation();
  useEffect(() => {
    if (!ready || !hash) return;
    const frame = requestAnimationFrame(() => document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView({ block: 'start' }));
    return () => cancelAnimationFrame(frame);
  }, [ready, hash]);
}
