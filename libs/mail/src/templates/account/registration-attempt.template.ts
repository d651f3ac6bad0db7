import type { EmailTemplate } from '../email-template.js';

// Registering an address that has an account answers like a new registration (no account enumeration);
// the owner hears of it instead. It carries no secret: the link is the portal, where they sign in or
// ask for a reset link (hence the applicant audience, whose link is applicationUrl).
export const registrationAttempt: EmailTemplate = {
  audience: 'applicant',
  requires: [],
  subject: 'Someone tried to create an account with your email address',
  html: `
<p>Someone asked to create a new Endorsement account with {{association.name}} using this email address. This address already has an account, so we did not create another one, and nothing about your account has changed.</p>
{{#> next}}
<p>If it was you: sign in with this email address and your password. If you have forgotten your password, choose "Forgot your password?" on the sign-in page and we will email you a link to choose a new one.</p>
<p>If it was not you, you need do nothing: your account stays as it is. If you are worried, please {{> contact}}.</p>
{{/next}}
{{> button url=applicationUrl label="Sign in"}}
`,
  text: `
Someone asked to create a new Endorsement account with {{association.name}} using this email address. This address already has an account, so we did not create another one, and nothing about your account has changed.

{{#> next}}
If it was you: sign in with this email address and your password. If you have forgotten your password, choose "Forgot your password?" on the sign-in page and we will email you a link to choose a new one.

If it was not you, you need do nothing: your account stays as it is. If you are worried, please {{> contact}}.
{{/next}}

{{> button url=applicationUrl label="Sign in"}}
`,
};
