import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const PortfolioEditorPage = lazyPage(() => import('./portfolio-editor.page'), 'PortfolioEditorPage');

export const portfolioRoutes: RouteObject[] = [{ path: '/applications/:id/edit', element: <PortfolioEditorPage /> }];
