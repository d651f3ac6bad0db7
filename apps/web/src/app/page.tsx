import { useEffect, useRef, type ReactNode } from 'react';

const SITE = 'Endorsement';

/**
 * One page: its title in the tab and as the heading, which takes the focus when the page opens so
 * that screen reader and keyboard users start at the top of what changed.
 */
export function Page({ title, children, wide }: { title: string; children: ReactNode; wide?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${SITE}`;
    heading.current?.focus();
  }, [title]);
  return (
    <div className={wide ? 'page page-wide' : 'page'}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
