import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const RegistryPage = lazyPage(() => import('./registry.page'), 'RegistryPage');

/** The public registry search: no sign-in needed. */
export const registryRoutes: RouteObject[] = [{ path: '/registry', element: <RegistryPage /> }];
