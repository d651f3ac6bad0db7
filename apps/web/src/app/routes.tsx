import type { RouteObject } from 'react-router';
import { publicAccountRoutes } from '../account/account.routes';
import { applicationRoutes } from '../applications/applications.routes';
import { endorsementRoutes } from '../endorsements/endorsements.routes';
import { homeRoutes } from '../home/home.routes';
import { registryRoutes } from '../registry/registry.routes';
import { Layout } from './layout';
import { NotFoundPage } from './not-found.page';
import { RequireSession } from './require-session';

/**
 * Every page, by address. The addresses emails link to (/applications/:id, /staff/applications/:id,
 * /reviews/:id, /accept-invitation, /reset-password) are pages here; the api serves this app for them.
 * Each area adds its own routes: public ones, and those behind sign-in.
 */
export const routes: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      ...publicAccountRoutes,
      ...registryRoutes,
      { element: <RequireSession />, children: [...homeRoutes, ...applicationRoutes, ...endorsementRoutes] },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
