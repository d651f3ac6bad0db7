export { envSchema, type Env } from './env.schema.js';
export { APP_CONFIG, type AppConfig } from './app-config.js';
export { loadConfig, ConfigError } from './load-config.js';
