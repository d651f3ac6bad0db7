import { CoreSchema1763800000000 } from './1763800000000-core-schema.migration.js';
import { DeliveryPipeline1763900000000 } from './1763900000000-delivery-pipeline.migration.js';

/** Every migration, in order. Imported as classes, not globbed, so builds and bundles find them. */
export const MIGRATIONS = [CoreSchema1763800000000, DeliveryPipeline1763900000000];
