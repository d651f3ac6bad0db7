import { SetMetadata } from '@nestjs/common';

/** The throttles counted per client address; a route opts into one (the account throttle needs no marking). */
export type AddressThrottle = 'auth' | 'public';

export const THROTTLED_AS = Symbol('throttledAs');

/**
 * Counts calls of this route (or of every route of this controller) per client address:
 * `auth` for routes that guess or spend (sign-in, registration, reset, invitations), `public` for
 * the pages anyone may open (rater form, registry search).
 */
export const ThrottledAs = (throttle: AddressThrottle) => SetMetadata(THROTTLED_AS, throttle);
