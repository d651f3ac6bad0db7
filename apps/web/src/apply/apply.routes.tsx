import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const ApplyPage = lazyPage(() => import('./apply.page'), 'ApplyPage');

export const applyRoutes: RouteObject[] = [{ path: '/apply', element: <ApplyPage /> }];
