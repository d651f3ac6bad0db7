import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const HomePage = lazyPage(() => import('./home.page'), 'HomePage');

export const homeRoutes: RouteObject[] = [{ path: '/', element: <HomePage /> }];
