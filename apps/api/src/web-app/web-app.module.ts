import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import { findConfigDir } from '#framework';
import { NOT_WEB_APP_PATHS } from './web-app.paths.js';

// Vite writes the built app here (npm run build); the repository root is found as the framework finds its data.
const WEB_ROOT = join(findConfigDir(), '..', 'dist', 'web');

/**
 * The web app for applicants and staff, from the api's own origin: its files, and its index page for
 * every other GET address (the pages' addresses, those in emails included) that is not the JSON API,
 * health, the rater form or the queue dashboard.
 */
@Module({
  imports: [
    ServeStaticModule.forRoot({
      rootPath: WEB_ROOT,
      exclude: NOT_WEB_APP_PATHS,
      serveStaticOptions: {
        index: false,
        // Files under /assets have their content's hash in their names: cached for good. The page itself never is.
        setHeaders: (res: ServerResponse, path: string) =>
          res.setHeader('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
      },
    }),
  ],
})
export class WebAppModule {}
