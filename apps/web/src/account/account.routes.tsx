import type { RouteObject } from 'react-router';
import { lazyPage } from '../app/lazy-page';

const SignInPage = lazyPage(() => import('./sign-in.page'), 'SignInPage');
const RegisterPage = lazyPage(() => import('./register.page'), 'RegisterPage');
const ForgotPasswordPage = lazyPage(() => import('./forgot-password.page'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyPage(() => import('./reset-password.page'), 'ResetPasswordPage');
const AccountPage = lazyPage(() => import('./account.page'), 'AccountPage');
const AcceptInvitationPage = lazyPage(() => import('./accept-invitation.page'), 'AcceptInvitationPage');

/** Pages anyone may open: the emailed links for invitations and password resets land here. */
export const publicAccountRoutes: RouteObject[] = [
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/register', element: <RegisterPage /> },
  { path: '/forgot-password', element: <ForgotPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  { path: '/accept-invitation', element: <AcceptInvitationPage /> },
];

/** The signed-in person's own account page. */
export const accountRoutes: RouteObject[] = [{ path: '/account', element: <AccountPage /> }];
