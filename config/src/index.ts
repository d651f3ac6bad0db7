export { envSchema, type Env } from './env.schema.js';
export { APP_CONFIG, type AppConfig, type Ed25519PrivateJwk } from './app-config.js';
export { loadConfig, ConfigError } from './load-config.js';
