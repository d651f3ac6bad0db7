import { DataSource } from 'typeorm';
import { loadConfig } from '#config';
import { dataSourceOptions } from './data-source.options.js';

/** For the TypeORM CLI (`npm run migration:*`), built to dist/ first. */
export default new DataSource(dataSourceOptions(loadConfig(), 'endorsement-cli'));
