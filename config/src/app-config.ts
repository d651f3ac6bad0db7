import type { Env } from './env.schema.js';

/** The typed configuration every process reads; built once from the environment. */
export interface AppConfig {
  env: Env['NODE_ENV'];
  http: { port: number; workerPort: number; publicBaseUrl: string };
  logLevel: Env['LOG_LEVEL'];
  database: { url: string; poolSize: number };
  redis: { url: string; prefix: string };
  smtp: { host: string; port: number; secure: boolean; user?: string; password?: string; from: string };
  mailCatcher: { mode: Env['MAIL_CATCHER']; webPort: number };
  /** Signs rater links; only hashes of the links are stored. */
  linkSecret: string;
  pipeline: { outboxPollMs: number; republishAfterMs: number; outboxRetentionDays: number; reminderSweepEveryMs: number; mailConcurrency: number };
  queueDashboard: boolean;
  startupCheckTimeoutMs: number;
  shutdownTimeoutMs: number;
}

export const APP_CONFIG = Symbol('APP_CONFIG');
