import type { EmailTemplate } from '../email-template.js';

// Sent after a signed-in password change: the owner learns of a change they did not make. It carries
// no secret; what to do then is the reset by email, which signs out every session.
export const passwordChanged: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'Your Endorsement password was changed',
  html: `
<p>The password of your Endorsement account with {{association.name}} was just changed. Any other place where you were signed in has been signed out.</p>
{{#> next}}
<p>If it was you, you need do nothing.</p>
<p>If it was not you: choose "Forgot your password?" on the sign-in page to set a new password through a link we email to you, and please {{> contact}}.</p>
{{/next}}
{{> button url=applicationUrl label="Sign in"}}
`,
  text: `
The password of your Endorsement account with {{association.name}} was just changed. Any other place where you were signed in has been signed out.

{{#> next}}
If it was you, you need do nothing.

If it was not you: choose "Forgot your password?" on the sign-in page to set a new password through a link we email to you, and please {{> contact}}.
{{/next}}

{{> button url=applicationUrl label="Sign in"}}
`,
};
