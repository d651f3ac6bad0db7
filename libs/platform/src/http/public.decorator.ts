import { SetMetadata } from '@nestjs/common';

/** Metadata key of routes anyone may call; the api's access guard and its boot check read it. */
export const PUBLIC_ROUTE = 'access:public';

/**
 * Marks a route (or a whole controller) as open to callers without an account. Lives here rather
 * than in #auth so process-wide routes (health) can be marked without #platform importing #auth,
 * which itself builds on #platform; #auth re-exports it beside Roles.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);
