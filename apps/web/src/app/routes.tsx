import type { RouteObject } from 'react-router';
import { accountRoutes, publicAccountRoutes } from '../account/account.routes';
import { applicationRoutes } from '../applications/applications.routes';
import { applyRoutes } from '../apply/apply.routes';
import { endorsementRoutes } from '../endorsements/endorsements.routes';
import { homeRoutes } from '../home/home.routes';
import { portfolioRoutes } from '../portfolio/portfolio.routes';
import { registryRoutes } from '../registry/registry.routes';
import { staffRoleRoutes } from '../staff/staff-roles.routes';
import { staffRoutes } from '../staff/staff.routes';
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
      {
        element: <RequireSession />,
        children: [
          ...homeRoutes,
          ...applicationRoutes,
          ...endorsementRoutes,
          ...applyRoutes,
          ...portfolioRoutes,
          ...accountRoutes,
          ...staffRoutes,
          ...staffRoleRoutes,
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
