import { CoreSchema1763800000000 } from './1763800000000-core-schema.migration.js';

/** Every migration, in order. Imported as classes, not globbed, so builds and bundles find them. */
export const MIGRATIONS = [CoreSchema1763800000000];
