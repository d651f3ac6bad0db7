/** Every entity, imported as classes so builds and bundles find them. */
export const ENTITIES: Function[] = [];
