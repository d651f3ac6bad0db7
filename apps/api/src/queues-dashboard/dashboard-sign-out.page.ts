import { compilePage } from '../pages/page-layout.js';
import { DASHBOARD_SIGN_OUT_PATH, QUEUES_DASHBOARD_PATH } from './queues-dashboard.paths.js';

interface SignOutModel {
  title: string;
  action: string;
  dashboard: string;
}

// Bull Board's menu can only link (GET); signing out changes state, so the link lands here and the button POSTs.
const render = compilePage<SignOutModel>(`{{#> layout title=title}}
<h1>Sign out of the queue dashboard</h1>
<p class="lead">This browser will no longer open the dashboard until you sign in again.</p>
<form method="post" action="{{action}}">
<button type="submit">Sign out</button>
</form>
<p><a href="{{dashboard}}">Back to the dashboard</a></p>
{{/layout}}`);

export function renderSignOutPage(): string {
  return render({ title: 'Sign out – queue dashboard', action: DASHBOARD_SIGN_OUT_PATH, dashboard: QUEUES_DASHBOARD_PATH });
}
