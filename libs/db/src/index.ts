export { DbModule } from './db.module.js';
export { dataSourceOptions } from './data-source.options.js';
export { ensureDatabase } from './migrate/ensure-database.js';
export { runMigrations } from './migrate/run-migrations.js';
export { MIGRATIONS } from './migrations/index.js';
export { ENTITIES, Application, ApplicationEvent, OutboxMessage, Person } from './entities/index.js';
export { OutboxNotifier, OUTBOX_CHANNEL } from './outbox/outbox-notifier.js';
