export { raterLinkToken, hashRaterLinkToken, verifyRaterLinkToken } from './rater-link-token.js';
export { AuthModule } from './auth.module.js';
export { AuthProblems } from './auth.problems.js';
export { ACCOUNT_ROLES, INVITABLE_STAFF_ROLES, type AccountRole, type InvitableStaffRole } from './accounts/account-role.js';
export type { AuthenticatedAccount } from './accounts/authenticated-account.js';
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './accounts/password-rules.js';
// Public lives in #platform (health is marked with it); offered here beside Roles so routes import both from one place.
export { Public, PUBLIC_ROUTE } from '#platform';
export { Roles, ROUTE_ROLES, ANY_ROLE } from './access/roles.decorator.js';
export { CurrentAccount } from './access/current-account.decorator.js';
export { AccessGuard } from './access/access.guard.js';
export { bearerToken } from './access/bearer-token.js';
export { isQueueOperator } from './access/queue-operator.js';
export { checkRouteAccess, UndeclaredRouteAccessError, type RouteAccess } from './access/check-route-access.js';
export { listRouteAccess } from './access/list-route-access.js';
export { ApiThrottleGuard } from './throttle/api-throttle.guard.js';
export { ThrottledAs, type AddressThrottle } from './throttle/throttled-as.decorator.js';
export { AccessTokens, ACCESS_TOKEN_TTL_SECONDS, type AccessTokenClaims } from './tokens/access-tokens.js';
export { REFRESH_TOKEN_TTL_MS } from './tokens/sessions.js';
export { accountLinkToken } from './tokens/account-link-token.js';
export type { TokenPair } from './tokens/token-pair.js';
export { RegisterApplicant, type RegisterApplicantCommand } from './usecases/register-applicant/register-applicant.use-case.js';
export { LogIn, LOCKOUT_THRESHOLD, LOCKOUT_MS, type LogInCommand } from './usecases/log-in/log-in.use-case.js';
export { RefreshSession, type RefreshSessionCommand } from './usecases/refresh-session/refresh-session.use-case.js';
export { LogOut } from './usecases/log-out/log-out.use-case.js';
export { GetAccount } from './usecases/get-account/get-account.use-case.js';
export type { AccountView, StaffAccountView } from './accounts/accounts.repository.js';
export { RequestPasswordReset, type RequestPasswordResetCommand } from './usecases/request-password-reset/request-password-reset.use-case.js';
export { ResetPassword, type ResetPasswordCommand } from './usecases/reset-password/reset-password.use-case.js';
export { ChangePassword, type ChangePasswordCommand } from './usecases/change-password/change-password.use-case.js';
export { InviteStaff, type InviteStaffCommand } from './usecases/invite-staff/invite-staff.use-case.js';
export { ListStaffAccounts } from './usecases/staff-accounts/list-staff-accounts.use-case.js';
export { SetStaffRoles, type SetStaffRolesCommand } from './usecases/staff-accounts/set-staff-roles.use-case.js';
export { AcceptInvitation, type AcceptInvitationCommand } from './usecases/accept-invitation/accept-invitation.use-case.js';
export { ACCOUNT_LINK_TTL_MS, type AccountLinkPurpose } from './links/account-links.js';
export {
  CreateAdministrator,
  UnknownAssociationError,
  type CreateAdministratorCommand,
  type CreateAdministratorResult,
} from './usecases/create-administrator/create-administrator.use-case.js';
