import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '#config';
import type { Framework } from '#framework';
import { processModules } from '#platform';

/** The HTTP process: applicants, raters and staff. */
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, framework?: Framework): DynamicModule {
    return { module: ApiModule, imports: [...processModules(config, 'api', framework)] };
  }
}
