import { Module, type DynamicModule } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '#config';
import { loadFramework, type Framework } from '#framework';

/** The framework data (categories, rules, associations) loaded and validated at boot. */
export const FRAMEWORK = Symbol('FRAMEWORK');

/** Makes the process's validated configuration and framework data injectable everywhere. */
@Module({})
export class AppConfigModule {
  static forRoot(config: AppConfig, framework: Framework = loadFramework()): DynamicModule {
    return {
      module: AppConfigModule,
      global: true,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: FRAMEWORK, useValue: framework },
      ],
      exports: [APP_CONFIG, FRAMEWORK],
    };
  }
}
