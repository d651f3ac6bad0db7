import { SetMetadata } from '@nestjs/common';
import { ACCOUNT_ROLES, type AccountRole } from '../accounts/account-role.js';

/** Metadata key of the roles a route admits; the access guard and the api's boot check read it. */
export const ROUTE_ROLES = 'access:roles';

/** The roles that may call this route (or every route of a controller); a caller needs any one. */
export const Roles = (...roles: [AccountRole, ...AccountRole[]]): MethodDecorator & ClassDecorator => SetMetadata(ROUTE_ROLES, roles);

/** For `@Roles(...ANY_ROLE)`: any signed-in account, whatever its role. */
export const ANY_ROLE: [AccountRole, ...AccountRole[]] = [...ACCOUNT_ROLES];
