import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const StaffHomePage = lazyPage(() => import('./console/staff-home.page'), 'StaffHomePage');
const QueuesPage = lazyPage(() => import('./queues/queues.page'), 'QueuesPage');
const StaffApplicationPage = lazyPage(() => import('./application/staff-application.page'), 'StaffApplicationPage');

/** The staff console's pages (signed in); each area of it adds its own lines here. */
export const staffRoutes: RouteObject[] = [
  { path: '/staff', element: <StaffHomePage /> },
  { path: '/staff/queues', element: <QueuesPage /> },
  { path: '/staff/queues/:state', element: <QueuesPage /> },
  { path: '/staff/applications/:id', element: <StaffApplicationPage /> },
];
