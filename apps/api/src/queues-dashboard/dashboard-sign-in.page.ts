import { ACCESS_TOKEN_TTL_SECONDS, LOCKOUT_MS, LOCKOUT_THRESHOLD, PASSWORD_MAX_LENGTH } from '#auth';
import { compilePage } from '../pages/page-layout.js';
import { DASHBOARD_SIGN_IN_PATH } from './queues-dashboard.paths.js';

export interface SignInRefusal {
  heading: string;
  message: string;
}

interface SignInModel {
  title: string;
  action: string;
  email: string;
  passwordMaxLength: number;
  sessionMinutes: number;
  refusal: SignInRefusal | null;
}

// A plain POST, no JavaScript. The refusal is one sentence for every reason (wrong password, locked,
// not a queue operator), so the page never tells who has an account.
const render = compilePage<SignInModel>(`{{#> layout title=title}}
<h1>Sign in to the queue dashboard</h1>
{{#if refusal}}
<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" autofocus>
  <h2 id="error-summary-title">{{refusal.heading}}</h2>
  <p>{{refusal.message}}</p>
</div>
{{/if}}
<p class="lead">The dashboard shows the job queues (emails, effects, sweeps, renewals) and lets you retry failed jobs. Only Alliance-wide administrators may open it, because every association's work passes through these queues.</p>
<form method="post" action="{{action}}" accept-charset="utf-8">
<label class="block" for="email">Email address</label>
<input class="text" type="email" id="email" name="email" value="{{email}}" autocomplete="username" maxlength="254" required>
<label class="block" for="password">Password</label>
<input class="text" type="password" id="password" name="password" autocomplete="current-password" maxlength="{{passwordMaxLength}}" required>
<button type="submit">Sign in</button>
</form>
<footer>
<p>You stay signed in for {{sessionMinutes}} minutes; then the dashboard asks you to sign in again.</p>
</footer>
{{/layout}}`);

/** Why a sign-in was refused, in words that do not say which part was wrong. */
export const SIGN_IN_REFUSALS = {
  credentials: {
    heading: 'Sign-in refused',
    message: `The email address or password is not correct, or this account may not open the queue dashboard. After ${LOCKOUT_THRESHOLD} wrong passwords in a row an account is locked for ${LOCKOUT_MS / 60_000} minutes.`,
  },
  tooManyAttempts: (retryAfterSeconds: number): SignInRefusal => ({
    heading: 'Too many sign-in attempts',
    message: `Please wait ${retryAfterSeconds} seconds, then try again.`,
  }),
};

/** The sign-in form, empty or with the address as sent and why it was refused. */
export function renderSignInPage(email = '', refusal: SignInRefusal | null = null): string {
  return render({
    title: 'Sign in – queue dashboard',
    action: DASHBOARD_SIGN_IN_PATH,
    email,
    passwordMaxLength: PASSWORD_MAX_LENGTH,
    sessionMinutes: ACCESS_TOKEN_TTL_SECONDS / 60,
    refusal,
  });
}
