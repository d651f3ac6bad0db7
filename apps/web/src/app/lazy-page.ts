import { lazy, type ComponentType } from 'react';

/**
 * A page loaded when first opened, so the first page a person opens downloads only the app's frame
 * and itself (the budget is 200 kB gzip); `name` is the page's export in its module.
 */
export function lazyPage<M extends Record<K, ComponentType>, K extends keyof M>(load: () => Promise<M>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
