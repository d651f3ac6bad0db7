import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const ApplicationPage = lazyPage(() => import('./application.page'), 'ApplicationPage');

/** The application page: the address every applicant email links to (signed in). */
export const applicationRoutes: RouteObject[] = [{ path: '/applications/:id', element: <ApplicationPage /> }];
