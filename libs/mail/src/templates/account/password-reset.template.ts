import type { EmailTemplate } from '../email-template.js';

// Asked for by someone who knows the address, maybe not its owner: say what to do if it was not them,
// and that nothing changes unless the link is used.
export const passwordReset: EmailTemplate = {
  audience: 'account',
  requires: ['accountUrl', 'accountLinkExpires'],
  subject: 'Reset your Endorsement password',
  html: `
<p>We received a request to reset the password of your Endorsement account with {{association.name}}.</p>
{{#> next by=accountLinkExpires byLabel="The link works until"}}
<p>Choose a new password with the button or link below. The link works once. When you have set the new password, you are signed out everywhere else.</p>
<p>If you did not ask for this, you can ignore this email: your password stays as it is.</p>
{{/next}}
{{> button url=accountUrl label="Choose a new password"}}
`,
  text: `
We received a request to reset the password of your Endorsement account with {{association.name}}.

{{#> next by=accountLinkExpires byLabel="The link works until"}}
Choose a new password with the link below. The link works once. When you have set the new password, you are signed out everywhere else.

If you did not ask for this, you can ignore this email: your password stays as it is.
{{/next}}

{{> button url=accountUrl label="Choose a new password"}}
`,
};
