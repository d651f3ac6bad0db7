import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const EndorsementPage = lazyPage(() => import('./endorsement.page'), 'EndorsementPage');

/** An endorsee's endorsement: the renewal emails link here (signed in). */
export const endorsementRoutes: RouteObject[] = [{ path: '/endorsements/:applicationId', element: <EndorsementPage /> }];
